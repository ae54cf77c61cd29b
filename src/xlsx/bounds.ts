/**
 * Bounded ledger reading: what an .xlsx may cost before exceljs sees it. The zip is read once
 * by the gate's bounded reader (central directory checked, inflation stopped past the declared
 * size or the total budget), then every worksheet part is scanned byte by byte for the cells
 * that hold a value, the merged ranges and the number of records. A value past A1:IV65536, a
 * sheet of more records than the limit or merges covering too many cells is refused with a
 * Chinese reason naming the sheet, before any object per cell is made. Browser-safe.
 */
import { a1, type CellRange } from "../core/grid";
import { readZip, type ZipLimits, type ZipRefusal } from "../documents/gate/zip";
import { WorkbookReadError } from "./read-error";

/** Zip limits of a ledger. Real ledgers: 0.05–5 MB, sheets of a few MB inflated. */
export const XLSX_ZIP_LIMITS: ZipLimits = {
  maxBytes: 30 * 1024 * 1024,
  maxUncompressed: 100 * 1024 * 1024,
  maxEntryBytes: 100 * 1024 * 1024,
  maxEntries: 2000,
  maxRatio: 500,
};

/** What one worksheet may hold. */
export const XLSX_LIMITS = {
  /** Rows and columns a value may sit in: A1:IV65536, the Excel 2003 sheet. */
  maxRows: 65_536,
  maxColumns: 256,
  /** `<row>` and `<c>` records of one sheet (exceljs makes an object for each). */
  maxRecords: 1_000_000,
  /** Cells covered by the merged ranges of one sheet, after clipping to the used area. */
  maxMergedCells: 1_000_000,
  /** Characters in one cell: Excel itself stops at 32,767. */
  maxTextLength: 32_767,
} as const;

export interface SheetScan {
  /** The zip part, e.g. xl/worksheets/sheet1.xml. */
  readonly part: string;
  readonly name: string;
  /** Merged ranges as written (0-based, inclusive), not yet clipped. */
  readonly merges: readonly CellRange[];
  /** Bounding box of the cells holding a value, if any. */
  readonly valueBox: CellRange | undefined;
}

export interface WorkbookScan {
  /** By sheet name (as exceljs names the worksheet). */
  readonly sheets: ReadonlyMap<string, SheetScan>;
}

const TOO_LARGE: ReadonlySet<ZipRefusal> = new Set([
  "too-large",
  "too-many-entries",
  "declared-too-large",
  "ratio",
  "inflates-past-declared",
  "budget",
]);

/** exceljs loads exactly the parts whose names match this (xlsx.js). */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;
const WORKBOOK_PART = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";

const latin1 = new TextDecoder("latin1");
const utf8 = new TextDecoder("utf-8");

/**
 * Checks the zip and scans every worksheet; throws WorkbookReadError ("too-large" past a
 * limit, "corrupt" for a zip the bounded reader refuses).
 */
export function scanXlsx(bytes: Uint8Array, label: string): WorkbookScan {
  const read = readZip(bytes, XLSX_ZIP_LIMITS, {
    what: `文件“${label}”`,
    keep: (name) => WORKSHEET_PART.test(name) || name === WORKBOOK_PART || name === WORKBOOK_RELS,
  });
  if (!read.ok) {
    throw new WorkbookReadError(TOO_LARGE.has(read.reason) ? "too-large" : "corrupt", read.message);
  }
  const names = sheetNamesByPart(read.files[WORKBOOK_PART], read.files[WORKBOOK_RELS]);
  const sheets = new Map<string, SheetScan>();
  for (const [part, data] of Object.entries(read.files)) {
    if (!WORKSHEET_PART.test(part)) continue;
    const name = names.get(part) ?? part;
    sheets.set(name, scanSheet(part, name, data));
  }
  return { sheets };
}

const tooLarge = (message: string) => new WorkbookReadError("too-large", message);

const LIMIT_AREA = `A1:${a1(XLSX_LIMITS.maxRows - 1, XLSX_LIMITS.maxColumns - 1)}`;

/** Scans one worksheet part without decoding it: tags and the `r`/`ref` attributes only. */
function scanSheet(part: string, name: string, b: Uint8Array): SheetScan {
  const merges: CellRange[] = [];
  let top = Number.POSITIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let bottom = -1;
  let right = -1;
  let records = 0;
  let row = -1; // current 0-based row; -1 when the row has no usable number (exceljs skips it)
  let col = -1;
  let cell: { row: number; col: number } | undefined; // an open <c> element
  let hasValue = false;
  const n = b.length;
  let i = 0;
  while (i < n) {
    i = b.indexOf(0x3c, i); // native: the text between tags is skipped fast
    if (i < 0) break;
    // A tag: its name, then its attributes up to the closing '>' (quoted values skipped whole).
    let j = i + 1;
    const nameStart = j;
    if (b[j] === 0x2f) j++; // a closing tag's '/'
    while (j < n && !isNameEnd(b[j]!)) j++;
    const tag = tagOf(b, nameStart, j);
    const attrStart = j;
    let quote = 0;
    while (j < n) {
      const ch = b[j]!;
      if (quote) {
        if (ch === quote) quote = 0;
      } else if (ch === 0x22 || ch === 0x27) quote = ch;
      else if (ch === 0x3e) break;
      j++;
    }
    const selfClosing = b[j - 1] === 0x2f;
    const attrs = () => latin1.decode(b.subarray(attrStart, j));
    i = j + 1;
    if (tag === "row") {
      records++;
      const number = refAt(b, attrStart, j, false).row;
      row = number >= 0 ? number : -1;
      col = -1;
    } else if (tag === "c") {
      records++;
      const at = refAt(b, attrStart, j, true);
      col = at.col >= 0 ? at.col : col + 1;
      if (selfClosing) continue;
      cell = { row, col };
      hasValue = false;
    } else if (cell && (tag === "v" || tag === "is")) {
      hasValue = true;
    } else if (tag === "/c" && cell) {
      if (hasValue && cell.row >= 0) {
        if (cell.row >= XLSX_LIMITS.maxRows || cell.col >= XLSX_LIMITS.maxColumns) {
          throw tooLarge(
            `工作表“${name}”的单元格 ${a1(cell.row, cell.col)} 有内容，超出了可读取的范围 ${LIMIT_AREA}（最多 ${XLSX_LIMITS.maxRows} 行、${XLSX_LIMITS.maxColumns} 列）；请删去该单元格，或把台账复制到新的工作表后再试。`,
          );
        }
        top = Math.min(top, cell.row);
        left = Math.min(left, cell.col);
        bottom = Math.max(bottom, cell.row);
        right = Math.max(right, cell.col);
      }
      cell = undefined;
    } else if (tag === "mergeCell") {
      const range = parseRange(attribute(attrs(), "ref") ?? "");
      if (range) merges.push(range);
    }
    if (records > XLSX_LIMITS.maxRecords) {
      throw tooLarge(
        `工作表“${name}”的行和单元格记录超过 ${XLSX_LIMITS.maxRecords} 个的上限，无法读取；请删去多余的空行、空列（含只设了格式的单元格）后再试。`,
      );
    }
  }
  const valueBox = bottom < 0 ? undefined : { top, left, bottom, right };
  return { part, name, merges, valueBox };
}

const NO_REF = { row: -1, col: -1 } as const;

/**
 * The `r` attribute in b[start, end) read in place (no string per cell): a row number
 * (`letters` false) or an A1 reference, 0-based; -1 where it is missing or malformed.
 */
function refAt(
  b: Uint8Array,
  start: number,
  end: number,
  letters: boolean,
): { row: number; col: number } {
  for (let k = start; k + 3 < end; k++) {
    // whitespace, 'r', optional spaces, '=', optional spaces, a quote
    const ws = b[k];
    if (!(ws === 0x20 || ws === 0x09 || ws === 0x0a || ws === 0x0d) || b[k + 1] !== 0x72) continue;
    let p = k + 2;
    while (p < end && b[p] === 0x20) p++;
    if (b[p] !== 0x3d) continue;
    p++;
    while (p < end && b[p] === 0x20) p++;
    const quote = b[p];
    if (quote !== 0x22 && quote !== 0x27) continue;
    p++;
    let col = 0;
    let nLetters = 0;
    if (letters) {
      if (b[p] === 0x24) p++; // $A$1
      for (; p < end; p++, nLetters++) {
        const ch = b[p]! | 0x20; // lower case
        if (ch < 0x61 || ch > 0x7a) break;
        if (nLetters < 7) col = col * 26 + (ch - 0x60);
      }
      if (nLetters === 0 || nLetters > 7) return NO_REF;
      if (b[p] === 0x24) p++;
    }
    let row = 0;
    let digits = 0;
    for (; p < end && b[p]! >= 0x30 && b[p]! <= 0x39; p++, digits++) row = row * 10 + b[p]! - 0x30;
    if (digits === 0 || digits > 10 || b[p] !== quote || row < 1) return NO_REF;
    return { row: row - 1, col: letters ? col - 1 : -1 };
  }
  return NO_REF;
}

const TAGS = ["row", "c", "v", "is", "/c", "mergeCell"] as const;
const TAG_BYTES = TAGS.map((t) => Array.from(t, (ch) => ch.charCodeAt(0)));

/** The tag among TAGS spelled by b[start, end), without making a string per tag. */
function tagOf(b: Uint8Array, start: number, end: number): (typeof TAGS)[number] | undefined {
  const len = end - start;
  for (let t = 0; t < TAGS.length; t++) {
    const want = TAG_BYTES[t]!;
    if (want.length !== len) continue;
    let k = 0;
    while (k < len && b[start + k] === want[k]) k++;
    if (k === len) return TAGS[t];
  }
  return undefined;
}

/** Whitespace, '/' and '>' end a tag name. */
function isNameEnd(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d || ch === 0x3e || ch === 0x2f;
}

function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(["'])(.*?)\\1`).exec(attrs);
  return m ? m[2] : undefined;
}

/** A1 → 0-based coordinates, any number of letters and digits (no Excel bound applied). */
function parseA1Loose(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,7})\$?(\d{1,10})$/.exec(ref.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  return row >= 1 ? { row: row - 1, col: col - 1 } : undefined;
}

function parseRange(ref: string): CellRange | undefined {
  const [from, to = from] = ref.split(":");
  const a = from ? parseA1Loose(from) : undefined;
  const b = to ? parseA1Loose(to) : undefined;
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/**
 * The area a sheet's grid spans: the cells holding values, extended by the merges that lie
 * inside A1:IV65536 (a title merged across the header width). Merges reaching past it (a
 * whole row or the whole sheet merged) cost nothing: they are clipped to that area, and the
 * cells the clipped merges cover are counted against the limit.
 */
export function boundedArea(
  name: string,
  valueBox: CellRange | undefined,
  merges: readonly CellRange[],
): { area: CellRange | undefined; merges: CellRange[] } {
  const inside = (m: CellRange) =>
    m.bottom < XLSX_LIMITS.maxRows && m.right < XLSX_LIMITS.maxColumns;
  let area = valueBox;
  for (const m of merges) {
    if (!inside(m)) continue;
    area = area
      ? {
          top: Math.min(area.top, m.top),
          left: Math.min(area.left, m.left),
          bottom: Math.max(area.bottom, m.bottom),
          right: Math.max(area.right, m.right),
        }
      : m;
  }
  if (!area) return { area, merges: [] };
  const clipped: CellRange[] = [];
  let covered = 0;
  for (const m of merges) {
    const c = {
      top: Math.max(m.top, area.top),
      left: Math.max(m.left, area.left),
      bottom: Math.min(m.bottom, area.bottom),
      right: Math.min(m.right, area.right),
    };
    if (c.top > c.bottom || c.left > c.right) continue;
    if (c.top === m.top && c.left === m.left && c.bottom === m.bottom && c.right === m.right) {
      clipped.push(m);
    } else {
      clipped.push(c);
    }
    covered += (c.bottom - c.top + 1) * (c.right - c.left + 1);
    if (covered > XLSX_LIMITS.maxMergedCells) {
      throw tooLarge(
        `工作表“${name}”的合并单元格共覆盖超过 ${XLSX_LIMITS.maxMergedCells} 个单元格（如 ${a1(m.top, m.left)}:${a1(m.bottom, m.right)}），无法读取；请取消多余的合并后再试。`,
      );
    }
  }
  clipped.sort((a, b) => a.top - b.top || a.left - b.left);
  return { area, merges: clipped };
}

/** A cell's text past Excel's own length limit (only a forged file holds one). */
export function textTooLong(name: string, row: number, col: number, length: number): Error {
  return tooLarge(
    `工作表“${name}”的单元格 ${a1(row, col)} 有 ${length} 个字符，超过单元格 ${XLSX_LIMITS.maxTextLength} 个字符的上限，无法读取。`,
  );
}

/** Zip part → sheet name, as exceljs pairs them (workbook.xml sheets through its rels). */
function sheetNamesByPart(
  workbook: Uint8Array | undefined,
  rels: Uint8Array | undefined,
): Map<string, string> {
  const out = new Map<string, string>();
  if (!workbook || !rels) return out;
  const targets = new Map<string, string>();
  for (const m of utf8.decode(rels).matchAll(/<Relationship\b([^>]*)>/g)) {
    const id = attribute(m[1]!, "Id");
    const target = attribute(m[1]!, "Target");
    if (id && target) targets.set(id, `xl/${decodeXml(target).replace(/^(\s|\/xl\/)+/, "")}`);
  }
  for (const m of utf8.decode(workbook).matchAll(/<sheet\b([^>]*)>/g)) {
    const name = attribute(m[1]!, "name");
    const id = /(?:^|\s)[\w.-]+:id\s*=\s*(["'])(.*?)\1/.exec(m[1]!)?.[2];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) out.set(part, decodeXml(name));
  }
  return out;
}

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e] ?? "";
  });
}
