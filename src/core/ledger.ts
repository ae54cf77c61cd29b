/**
 * Reads the ledger sheet into normalised rows: header mapping, blank and repeated header rows
 * skipped, merged or blank 方面/类别 cells inheriting from above, problems spanning merged rows
 * joined, every value normalised. Cell-level problems become findings; cross-field rules live in
 * validate.ts.
 */

import { parseDateCell } from "./dates";
import { type CoreFindingCode, makeFinding } from "./findings";
import type { Cell } from "./grid";
import {
  detectHeader,
  type HeaderMatch,
  headerField,
  headerScore,
  MIN_HEADER_FIELDS,
} from "./header";
import {
  FIELD_LABEL,
  type Finding,
  type FindingParams,
  type Ledger,
  type LedgerField,
  type LedgerRow,
  STATUSES,
} from "./model";
import {
  cellText,
  normaliseDeadline,
  normalisePublic,
  normaliseSource,
  normaliseStatus,
  normaliseType,
} from "./normalise";
import type { SheetView } from "./sheet";
import { type EnumeratorStyle, enumeratorStyle, stripEnumerator } from "./text";
import { REQUIRED_LEDGER_FIELDS } from "./vocabulary";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type RowDraft = Mutable<LedgerRow>;
type RowCells = LedgerRow["cells"];

/**
 * The class of one ledger's `row.cells`: each field's A1 address is made when it is asked for
 * (letters of the field's column + the row), so a 50,000-row ledger does not keep 800,000
 * address strings alive (bench case 1). A cell inside a merge points at the merge's top-left
 * cell; those few are stored when the row is read. `toJSON` gives the plain object.
 */
type RowCellsClass = new (
  sheetRow: number,
  merged: Partial<Record<LedgerField, string>> | undefined,
) => RowCells;

function rowCellsClass(letters: ReadonlyMap<LedgerField, string>): RowCellsClass {
  class LedgerRowCells {
    readonly #row: number;
    readonly #merged: Partial<Record<LedgerField, string>> | undefined;
    constructor(sheetRow: number, merged: Partial<Record<LedgerField, string>> | undefined) {
      this.#row = sheetRow;
      this.#merged = merged;
    }
    static {
      for (const [field, columnLetters] of letters) {
        Object.defineProperty(LedgerRowCells.prototype, field, {
          enumerable: true,
          get(this: LedgerRowCells) {
            return this.#merged?.[field] ?? `${columnLetters}${this.#row}`;
          },
        });
      }
    }
    toJSON(): Partial<Record<LedgerField, string>> {
      const out: Partial<Record<LedgerField, string>> = {};
      for (const field of letters.keys()) out[field] = (this as RowCells)[field];
      return out;
    }
  }
  return LedgerRowCells as unknown as RowCellsClass;
}

/** A cell's A1 address, a merge continuation giving its merge's top-left cell. */
function addressOf(view: SheetView, r: number, c: number): string {
  const m = view.isMergedContinuation(r, c) ? view.mergeAt(r, c) : undefined;
  return m ? view.address(m.top, m.left) : view.address(r, c);
}

const TEXT_FIELDS = [
  "seq",
  "aspect",
  "category",
  "problem",
  "measures",
  "leader",
  "department",
  "owner",
  "result",
  "evidence",
  "note",
] as const satisfies readonly LedgerField[];
type TextField = (typeof TEXT_FIELDS)[number];

/** Fields appended (with a line break) when a problem continues over merged rows. */
const APPENDABLE: readonly TextField[] = ["measures", "result", "evidence", "note"];

export const ALLOWED_STATUS_TEXT = STATUSES.join("、");

export interface LedgerRead {
  readonly ledger: Ledger | undefined;
  readonly findings: readonly Finding[];
}

class Reporter {
  readonly findings: Finding[] = [];
  private readonly seen = new Set<string>();
  constructor(readonly sheet: string) {}
  cell(
    code: CoreFindingCode,
    cell: string,
    row: number,
    detail: string,
    params: FindingParams & { readonly field: LedgerField },
  ): void {
    const key = `${code}@${cell}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.findings.push(makeFinding(code, { sheet: this.sheet, cell, row }, detail, { params }));
  }
  /** A finding about the sheet or a row; `lead` says how much of the place starts the sentence. */
  sheetLevel(
    code: CoreFindingCode,
    detail: string,
    options: { readonly row?: number; readonly lead: "place" | "sheet" },
    params?: FindingParams,
  ): void {
    const where = { sheet: this.sheet, ...(options.row !== undefined ? { row: options.row } : {}) };
    this.findings.push(makeFinding(code, where, detail, { lead: options.lead, params }));
  }
}

export function readLedger(view: SheetView): LedgerRead {
  const rep = new Reporter(view.name);
  const header = detectHeader(view);
  if (!header) {
    rep.sheetLevel(
      "ledger.header.notFound",
      "前10行中找不到台账表头：表头应包含方面、问题、整改措施、责任领导、责任部门、责任人、整改时限、完成情况等列。",
      { lead: "sheet" },
    );
    return { ledger: undefined, findings: rep.findings };
  }
  reportHeader(view, header, rep);

  const rows: RowDraft[] = [];
  const firstData = Math.max(...header.rows) + 1;
  const col = (f: LedgerField) => header.columns.get(f);
  const problemCol = col("problem");
  let previous: RowDraft | undefined;
  // What a blank 方面/类别 inherits: the row above, or a section heading row (一、政治建设).
  const inherited = { aspect: "", category: "" };
  let aspectStyle: EnumeratorStyle | undefined;
  const seenStyles = new Set<EnumeratorStyle>();
  const RowCellsOf = rowCellsClass(
    new Map([...header.columns].map(([field, c]) => [field, view.columnLetters(c)])),
  );

  for (let r = firstData; r < view.rows; r++) {
    if (view.isBlankRow(r)) continue;
    if (isRepeatedHeader(view, header, r)) {
      rep.sheetLevel("ledger.header.repeated", "与表头相同（可能是打印用的重复表头），已跳过。", {
        row: view.sheetRow(r),
        lead: "place",
      });
      continue;
    }
    const sheetRow = view.sheetRow(r);
    // A problem spanning several merged rows: this row continues the previous problem.
    if (
      previous &&
      problemCol !== undefined &&
      view.isMergedContinuation(r, problemCol) &&
      (view.mergeAt(r, problemCol)?.top ?? r) >= firstData
    ) {
      continueRow(view, header, r, previous, rep);
      continue;
    }
    const note = footerNote(view, r);
    if (note !== undefined) {
      rep.sheetLevel(
        "ledger.row.skipped",
        `“${note.slice(0, 20)}”是表尾说明，不是问题，已跳过。`,
        { row: sheetRow, lead: "place" },
        { value: note },
      );
      continue;
    }
    const section = sectionHeading(view, header, r, seenStyles);
    if (section !== undefined) {
      const style = enumeratorStyle(section);
      seenStyles.add(style);
      aspectStyle ??= style;
      if (style === aspectStyle || style === "none") {
        inherited.aspect = stripEnumerator(section);
        inherited.category = "";
      } else inherited.category = stripEnumerator(section);
      previous = undefined;
      continue;
    }
    const draft = readRow(view, header, r, sheetRow, inherited, RowCellsOf, rep);
    rows.push(draft);
    previous = draft;
    inherited.aspect = draft.aspect;
    inherited.category = draft.category;
  }

  if (!header.columns.has("aspect") && rows.some((row) => row.aspect === "")) {
    const headerRow = view.sheetRow(header.rows[0]!);
    rep.sheetLevel(
      "ledger.header.missingColumn",
      "表头中没有“方面”列，也没有“一、××方面”这样的分组行；请添加“方面”列（每个问题都要归入一个方面）。",
      { row: headerRow, lead: "place" },
      { field: "aspect" },
    );
  }
  if (rows.length === 0) {
    rep.sheetLevel("ledger.empty", "表头下面没有任何问题行，请逐行填写反馈问题。", {
      lead: "sheet",
    });
  }
  const columns: Partial<Record<LedgerField, string>> = {};
  for (const [field, c] of header.columns) columns[field] = view.columnLetters(c);
  const levels = rows.some((row) => row.category !== "") ? 3 : 2;
  return {
    ledger: {
      sheet: view.name,
      headerRows: header.rows.map((r) => view.sheetRow(r)),
      columns,
      rows,
      levels,
    },
    findings: rep.findings,
  };
}

/** The single text of a row that only has one non-empty cell (ignoring merge continuations). */
function singleText(view: SheetView, r: number): { c: number; text: string } | undefined {
  let found: { c: number; text: string } | undefined;
  for (let c = 0; c < view.cols; c++) {
    if (view.isMergedContinuation(r, c)) continue;
    const cell = view.raw(r, c);
    if (cell.t === "empty" || (cell.t === "s" && cell.v.trim() === "")) continue;
    if (found || cell.t !== "s") return undefined;
    found = { c, text: cellText(cell).text };
  }
  return found && found.text !== "" ? found : undefined;
}

const FOOTER =
  /^(填表人|填报人|制表人|审核人|审核|负责人|联系人|联系电话|填报日期|填表日期|注|备注|说明)[:：\s]/u;

/** A signature/remark line under the table (填表人：… 审核人：…), one cell or several. */
function footerNote(view: SheetView, r: number): string | undefined {
  for (let c = 0; c < view.cols; c++) {
    const cell = view.raw(r, c);
    if (cell.t === "empty") continue;
    if (cell.t !== "s") return undefined;
    const t = cellText(cell).text;
    if (t === "") continue;
    return FOOTER.test(t.normalize("NFKC")) ? t : undefined;
  }
  return undefined;
}

/**
 * A heading row inside the data (一、政治建设方面, often merged across the row): exactly one
 * non-empty cell that is merged across columns or starts with a heading enumerator.
 */
function sectionHeading(
  view: SheetView,
  header: HeaderMatch,
  r: number,
  seenStyles: ReadonlySet<EnumeratorStyle>,
): string | undefined {
  const found = singleText(view, r);
  if (!found) return undefined;
  const m = view.mergeAt(r, found.c);
  const wide = !!m && m.right > m.left && m.top === r;
  const style = enumeratorStyle(found.text);
  // 1. headings count once a merged heading row has used that style (1.政治站位 under 一、).
  const headingLike =
    style === "一、" || style === "（一）" || (style !== "none" && seenStyles.has(style));
  const inAspectColumn = header.columns.get("aspect") === found.c;
  return wide || headingLike || inAspectColumn ? found.text : undefined;
}

/** A print-title copy of the header inside the data (checked cheaply on the 问题 column first). */
function isRepeatedHeader(view: SheetView, header: HeaderMatch, r: number): boolean {
  const c = header.columns.get("problem") ?? header.columns.get("status");
  if (c === undefined) return false;
  const cell = view.raw(r, c);
  if (cell.t !== "s" || headerField(cell.v) === undefined) return false;
  return headerScore(view, r) >= MIN_HEADER_FIELDS;
}

function reportHeader(view: SheetView, header: HeaderMatch, rep: Reporter): void {
  const headerRow = view.sheetRow(header.rows[0]!);
  for (const field of REQUIRED_LEDGER_FIELDS) {
    // 方面 may come from heading rows instead of a column: checked after reading the rows.
    if (field !== "aspect" && !header.columns.has(field)) {
      rep.sheetLevel(
        "ledger.header.missingColumn",
        `表头中没有“${FIELD_LABEL[field]}”列，请添加该列（每个问题都要填写${FIELD_LABEL[field]}）。`,
        { row: headerRow, lead: "place" },
        { field },
      );
    }
  }
  for (const d of header.duplicates) {
    const first = header.columns.get(d.field!)!;
    rep.cell(
      "ledger.header.duplicateColumn",
      view.address(header.rows[header.rows.length - 1]!, d.col),
      headerRow,
      `“${d.text}”列与${view.columnLetters(first)}列都对应“${FIELD_LABEL[d.field!]}”，只读取${view.columnLetters(first)}列；请删除或改名其中一列。`,
      { field: d.field!, value: d.text },
    );
  }
  if (header.unknown.length > 0) {
    const list = header.unknown
      .map((u) => `“${u.text}”（${view.columnLetters(u.col)}列）`)
      .join("、");
    rep.sheetLevel("ledger.header.unknownColumns", `以下列无法识别，已忽略：${list}。`, {
      row: headerRow,
      lead: "sheet",
    });
  }
}

/** Reads a cell as text and reports error values and removed characters. */
function readText(
  view: SheetView,
  r: number,
  c: number,
  field: LedgerField,
  sheetRow: number,
  rep: Reporter,
): string {
  const t = cellText(view.value(r, c));
  // The address is worded only for the few cells with something to report.
  if (t.error !== undefined || t.removed.length > 0)
    reportCellIssues(t, addressOf(view, r, c), field, sheetRow, rep);
  return t.text;
}

function reportCellIssues(
  t: { removed: readonly string[]; error?: string },
  address: string,
  field: LedgerField,
  sheetRow: number,
  rep: Reporter,
): void {
  const label = FIELD_LABEL[field];
  if (t.error !== undefined) {
    rep.cell(
      "cell.error",
      address,
      sheetRow,
      `${label}是错误值 ${t.error}，请修正公式或直接填写${label}。`,
      { field, value: t.error },
    );
  }
  if (t.removed.length > 0) {
    const list = [...new Set(t.removed)].join("、");
    const vt = t.removed.includes("U+000B") ? "（U+000B 换成了换行）" : "";
    rep.cell(
      "text.illegalChars",
      address,
      sheetRow,
      `${label}中含有不能写入Word文档的控制字符 ${list}，生成文书时已删除${vt}；建议在表格中清除。`,
      { field },
    );
  }
}

/**
 * Reads one non-text field's cell into its value and reports what is wrong with the cell. The
 * readers are made once at module level (no closures per row or cell); a finding's address is
 * worded only when the finding is made, from the row's lazy `cells`.
 */
interface FieldReader<V> {
  /** The value of a blank cell, and of every row when the column is missing. */
  readonly fallback: V;
  readonly read: (cell: Cell, cells: RowCells, sheetRow: number, rep: Reporter) => V;
}

/**
 * 完成情况, 整改类型, 来源, 是否公开: the cell as text, its error value or removed characters
 * reported, then one accepted spelling or the fallback and an "unknown" finding.
 */
function enumeratedReader<V>(
  field: LedgerField,
  fallback: V,
  normalise: (text: string, cell: Cell) => V | undefined,
  code: CoreFindingCode,
  detail: (text: string) => string,
): FieldReader<V> {
  return {
    fallback,
    read(cell, cells, sheetRow, rep) {
      const t = cellText(cell);
      if (t.error !== undefined || t.removed.length > 0)
        reportCellIssues(t, cells[field]!, field, sheetRow, rep);
      if (t.text === "") return fallback;
      const value = normalise(t.text, cell);
      if (value !== undefined) return value;
      rep.cell(code, cells[field]!, sheetRow, detail(t.text), { field, value: t.text });
      return fallback;
    },
  };
}

type DateFailure = { readonly ok: false; readonly reason: string };

/**
 * 整改时限, 完成日期: an error value reported as such (not as an unreadable date), otherwise the
 * parse's value, null for a blank cell, or an "invalid" finding with the parser's reason.
 */
function dateReader<P extends { readonly ok: true }, V>(
  field: LedgerField,
  parse: (cell: Cell) => P | DateFailure | undefined,
  dateOf: (parsed: P) => V,
  code: CoreFindingCode,
  detail: (text: string, reason: string) => string,
): FieldReader<V | null> {
  return {
    fallback: null,
    read(cell, cells, sheetRow, rep) {
      if (cell.t === "e") {
        reportCellIssues({ removed: [], error: cell.v }, cells[field]!, field, sheetRow, rep);
        return null;
      }
      const parsed = parse(cell);
      if (parsed === undefined) return null;
      if (parsed.ok) return dateOf(parsed);
      const text = cellText(cell).text;
      rep.cell(code, cells[field]!, sheetRow, detail(text, parsed.reason), { field, value: text });
      return null;
    },
  };
}

const READ_FIELDS = [
  "status",
  "deadline",
  "doneDate",
  "type",
  "source",
  "isPublic",
] as const satisfies readonly LedgerField[];
type ReadField = (typeof READ_FIELDS)[number];

/** One reader per non-text field, typed by its `LedgerRow` value; read in READ_FIELDS order. */
const FIELD_READERS: { readonly [F in ReadField]: FieldReader<LedgerRow[F]> } = {
  status: enumeratedReader(
    "status",
    null,
    normaliseStatus,
    "ledger.status.unknown",
    (text) =>
      `完成情况“${text}”无法识别，应为以下之一：${ALLOWED_STATUS_TEXT}（也接受“完成”“已销号”“推进中”等常见写法）。${/超期|逾期/u.test(text) ? "超期由程序根据整改时限判断，不需要填写。" : ""}`,
  ),
  deadline: dateReader(
    "deadline",
    normaliseDeadline,
    (parsed) => parsed.deadline,
    "ledger.deadline.invalid",
    (text, reason) =>
      `整改时限“${text}”${reason}；应填写日期（如2023年12月31日）或“立行立改”“长期坚持”“长期”。`,
  ),
  doneDate: dateReader(
    "doneDate",
    parseDateCell,
    (parsed) => parsed.date,
    "ledger.doneDate.invalid",
    (text, reason) =>
      `完成日期“${text}”${reason}；请填写完整的日期，如2023年12月31日（不完整的日期不会被猜测）。`,
  ),
  type: enumeratedReader(
    "type",
    null,
    normaliseType,
    "ledger.type.unknown",
    (text) => `整改类型“${text}”无法识别，应为立行立改、限期整改或长期整改。`,
  ),
  source: enumeratedReader(
    "source",
    "巡察反馈",
    normaliseSource,
    "ledger.source.unknown",
    (text) =>
      `来源“${text}”无法识别，已按“巡察反馈”统计；应为“巡察反馈”或“自查”（举一反三发现的问题）。`,
  ),
  isPublic: enumeratedReader(
    "isPublic",
    true,
    // Booleans and 1/0 are read from the cell itself, not its text.
    (_text, cell) => normalisePublic(cell),
    "ledger.public.unknown",
    (text) => `是否公开“${text}”无法识别，已按公开处理；应填“是”或“否”。`,
  ),
};

/** Generic over the field so that the reader's value type matches the draft's field. */
function readField<F extends ReadField>(
  draft: RowDraft,
  field: F,
  cell: Cell,
  sheetRow: number,
  rep: Reporter,
): void {
  draft[field] = FIELD_READERS[field].read(cell, draft.cells, sheetRow, rep);
}

function readRow(
  view: SheetView,
  header: HeaderMatch,
  r: number,
  sheetRow: number,
  inherited: { readonly aspect: string; readonly category: string },
  RowCellsOf: RowCellsClass,
  rep: Reporter,
): RowDraft {
  // Addresses of this row's cells that sit inside a merge (the rest are made on demand).
  let merged: Partial<Record<LedgerField, string>> | undefined;
  for (const [field, c] of header.columns) {
    if (!view.isMergedContinuation(r, c)) continue;
    merged ??= {};
    merged[field] = addressOf(view, r, c);
  }
  const cells = new RowCellsOf(sheetRow, merged);
  const text: Record<TextField, string> = {
    seq: "",
    aspect: "",
    category: "",
    problem: "",
    measures: "",
    leader: "",
    department: "",
    owner: "",
    result: "",
    evidence: "",
    note: "",
  };
  for (const field of TEXT_FIELDS) {
    const c = header.columns.get(field);
    if (c === undefined) continue;
    text[field] = readText(view, r, c, field, sheetRow, rep);
  }
  // Numbering is the documents' job: 一、政治建设 → 政治建设, 1．问题 → 问题.
  text.aspect = stripEnumerator(text.aspect);
  text.category = stripEnumerator(text.category);
  text.problem = stripEnumerator(text.problem);
  // 方面 (and 类别 within the same 方面) inherit from above when blank.
  if (text.aspect === "") {
    text.aspect = inherited.aspect;
    if (text.category === "") text.category = inherited.category;
  } else if (text.category === "" && text.aspect === inherited.aspect) {
    text.category = inherited.category;
  }

  // Keys in LedgerRow's order; the readers then fill the mapped fields in READ_FIELDS order,
  // which is the order of their findings.
  const draft: RowDraft = {
    row: sheetRow,
    ...text,
    deadline: FIELD_READERS.deadline.fallback,
    type: FIELD_READERS.type.fallback,
    status: FIELD_READERS.status.fallback,
    doneDate: FIELD_READERS.doneDate.fallback,
    source: FIELD_READERS.source.fallback,
    isPublic: FIELD_READERS.isPublic.fallback,
    cells,
  };
  for (const field of READ_FIELDS) {
    const c = header.columns.get(field);
    if (c !== undefined) readField(draft, field, view.value(r, c), sheetRow, rep);
  }

  // Required text fields (a missing column is reported once at the header instead).
  for (const field of REQUIRED_LEDGER_FIELDS) {
    if (!header.columns.has(field)) continue;
    // An error value (#N/A) was already reported as such.
    if (view.value(r, header.columns.get(field)!).t === "e") continue;
    const empty =
      field === "status"
        ? draft.status === null && cellText(view.value(r, header.columns.get(field)!)).text === ""
        : field === "deadline"
          ? draft.deadline === null && view.value(r, header.columns.get(field)!).t === "empty"
          : (text as Record<string, string>)[field] === "";
    if (empty) {
      const label = FIELD_LABEL[field];
      const inherit =
        field === "aspect" ? "（合并单元格或空白会沿用上一行的方面，第一行必须填写）" : "";
      rep.cell(
        "ledger.field.required",
        cells[field]!,
        sheetRow,
        `${label}为空，请填写${label}${inherit}。`,
        { field },
      );
    }
  }

  return draft;
}

/** Appends a merged-row continuation's own text to the problem it continues. */
function continueRow(
  view: SheetView,
  header: HeaderMatch,
  r: number,
  target: RowDraft,
  rep: Reporter,
): void {
  const sheetRow = view.sheetRow(r);
  for (const field of APPENDABLE) {
    const c = header.columns.get(field);
    if (c === undefined || view.isMergedContinuation(r, c)) continue;
    const text = readText(view, r, c, field, sheetRow, rep);
    if (text !== "" && text !== target[field]) {
      target[field] = target[field] === "" ? text : `${target[field]}\n${text}`;
    }
  }
}
