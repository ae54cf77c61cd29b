/**
 * Cross-field rules on normalised ledger rows (the cell-level ones are reported while reading):
 * done rows need 整改成效, 完成日期 (not before 反馈日期, not after the as-of date) and ideally
 * 佐证材料; 序号 unique and without gaps; declared counts equal to the rows.
 */
import { formatChineseDate } from "./dates";
import { makeFinding } from "./findings";
import {
  type BasicInfo,
  type Finding,
  INFO_KEYS,
  type Ledger,
  type LocalDate,
  SHEET,
} from "./model";
import { isDone } from "./stats";

export interface RowRuleContext {
  readonly feedbackDate?: LocalDate;
  readonly asOf: LocalDate;
  /** Cells already reported as unreadable (an invalid 完成日期 is not also "missing"). */
  readonly reportedCells?: ReadonlySet<string>;
}

export function validateRows(ledger: Ledger, ctx: RowRuleContext): Finding[] {
  const findings: Finding[] = [];
  const sheet = ledger.sheet;
  const hasColumn = (f: keyof Ledger["columns"]) => ledger.columns[f] !== undefined;
  const cellOf = (row: Ledger["rows"][number], f: keyof Ledger["columns"]) =>
    row.cells[f] ?? `${ledger.columns[f] ?? "A"}${row.row}`;
  let doneWithoutEvidenceColumn = 0;
  let doneWithoutResultColumn = 0;

  for (const row of ledger.rows) {
    if (!isDone(row)) continue;
    const statusText = `完成情况为“${row.status}”`;
    if (hasColumn("result") && row.result === "") {
      const cell = cellOf(row, "result");
      findings.push(
        makeFinding(
          "ledger.result.required",
          { sheet, cell, row: row.row },
          `${statusText}，但整改成效为空；已完成的问题必须写明整改成效。`,
          { params: { field: "result" } },
        ),
      );
    }
    if (!hasColumn("result")) doneWithoutResultColumn++;
    if (row.doneDate === null) {
      const cell = hasColumn("doneDate") ? cellOf(row, "doneDate") : undefined;
      // An unreadable date was already reported as invalid; do not report it twice.
      if (!cell || !ctx.reportedCells?.has(cell)) {
        findings.push(
          makeFinding(
            "ledger.doneDate.required",
            { sheet, ...(cell ? { cell } : {}), row: row.row },
            `${statusText}，但没有完成日期；已完成的问题必须填写完成（销号）日期${cell ? "" : "（请添加“完成日期”列）"}。`,
            { params: { field: "doneDate" } },
          ),
        );
      }
    } else {
      const cell = cellOf(row, "doneDate");
      if (ctx.feedbackDate && row.doneDate < ctx.feedbackDate) {
        findings.push(
          makeFinding(
            "ledger.doneDate.beforeFeedback",
            { sheet, cell, row: row.row },
            `完成日期${formatChineseDate(row.doneDate)}早于反馈日期${formatChineseDate(ctx.feedbackDate)}；整改应在反馈之后完成，请核对日期。`,
            { params: { field: "doneDate", value: row.doneDate } },
          ),
        );
      }
      if (row.doneDate > ctx.asOf) {
        findings.push(
          makeFinding(
            "ledger.doneDate.future",
            { sheet, cell, row: row.row },
            `完成日期${formatChineseDate(row.doneDate)}晚于统计截止日期${formatChineseDate(ctx.asOf)}；不能把尚未到来的日期记为完成日期。`,
            { params: { field: "doneDate", value: row.doneDate } },
          ),
        );
      }
    }
    if (row.evidence === "") {
      if (hasColumn("evidence")) {
        const cell = cellOf(row, "evidence");
        findings.push(
          makeFinding(
            "ledger.evidence.missing",
            { sheet, cell, row: row.row },
            `${statusText}，但没有佐证材料；建议注明佐证材料（如会议记录、制度文件）以备核查。`,
            { params: { field: "evidence" } },
          ),
        );
      } else doneWithoutEvidenceColumn++;
    }
  }
  if (doneWithoutResultColumn > 0) {
    findings.push(
      makeFinding(
        "ledger.result.required",
        { sheet },
        `没有“整改成效”列，${doneWithoutResultColumn}个已完成的问题都缺少整改成效；请添加“整改成效”列并逐项写明整改成效。`,
        { lead: "sheet", params: { field: "result" } },
      ),
    );
  }
  if (doneWithoutEvidenceColumn > 0) {
    findings.push(
      makeFinding(
        "ledger.evidence.missing",
        { sheet },
        `没有“佐证材料”列，${doneWithoutEvidenceColumn}个已完成的问题都没有佐证材料；建议添加该列，逐项注明佐证材料。`,
        { lead: "sheet", params: { field: "evidence" } },
      ),
    );
  }

  findings.push(...validateSeq(ledger));
  return findings;
}

function validateSeq(ledger: Ledger): Finding[] {
  if (ledger.columns.seq === undefined) return [];
  const findings: Finding[] = [];
  const sheet = ledger.sheet;
  const first = new Map<string, string>();
  const numbers: { n: number; cell: string; row: number }[] = [];
  let allNumeric = true;
  for (const row of ledger.rows) {
    if (row.seq === "") continue;
    const cell = row.cells.seq ?? `${ledger.columns.seq}${row.row}`;
    const prev = first.get(row.seq);
    if (prev !== undefined) {
      findings.push(
        makeFinding(
          "ledger.seq.duplicate",
          { sheet, cell, row: row.row },
          `序号“${row.seq}”与${prev}重复；每个问题的序号应唯一。`,
          { params: { field: "seq", value: row.seq } },
        ),
      );
    } else first.set(row.seq, cell);
    if (/^\d+$/.test(row.seq)) numbers.push({ n: Number(row.seq), cell, row: row.row });
    else allNumeric = false;
  }
  if (!allNumeric) return findings;
  // Gaps: where a number does not follow its predecessor (in sheet order).
  for (let i = 1; i < numbers.length; i++) {
    const a = numbers[i - 1]!;
    const b = numbers[i]!;
    if (b.n > a.n + 1) {
      const missing = b.n - a.n === 2 ? `${a.n + 1}` : `${a.n + 1}至${b.n - 1}`;
      findings.push(
        makeFinding(
          "ledger.seq.gap",
          { sheet, cell: b.cell, row: b.row },
          `序号从${a.n}跳到${b.n}，缺少${missing}；序号应连续（漏填了问题，还是序号写错了？）。`,
          { params: { field: "seq", value: String(b.n) } },
        ),
      );
    }
  }
  return findings;
}

/** 反馈方面数 / 反馈问题数 declared in 基本信息 versus the ledger's rows. */
export function validateDeclared(
  info: BasicInfo,
  infoCells: Readonly<Partial<Record<keyof BasicInfo, string>>>,
  actual: { readonly aspects: number; readonly problems: number },
  sheet: string = SHEET.info,
): Finding[] {
  const findings: Finding[] = [];
  const at = (cell: string | undefined) => (cell ? { sheet, cell } : { sheet });
  if (info.declaredProblems !== undefined && info.declaredProblems !== actual.problems) {
    findings.push(
      makeFinding(
        "info.declared.problems",
        at(infoCells.declaredProblems),
        `基本信息声明反馈问题${info.declaredProblems}个，台账实际列出${actual.problems}个（来源为巡察反馈的问题）；请补全台账或更正“${INFO_KEYS.declaredProblems}”。`,
        { params: { field: "declaredProblems", value: String(info.declaredProblems) } },
      ),
    );
  }
  if (info.declaredAspects !== undefined && info.declaredAspects !== actual.aspects) {
    findings.push(
      makeFinding(
        "info.declared.aspects",
        at(infoCells.declaredAspects),
        `基本信息声明反馈问题涉及${info.declaredAspects}个方面，台账实际有${actual.aspects}个方面；请核对台账的“方面”列或更正“${INFO_KEYS.declaredAspects}”。`,
        { params: { field: "declaredAspects", value: String(info.declaredAspects) } },
      ),
    );
  }
  return findings;
}
