/**
 * The office's 汇总 workbook (exceljs): 汇总 (one row per unit and the 合计 row), 方面汇总
 * (the same figures per 方面 across units) and 超期问题 (every overdue item with its unit).
 * Rates are written as numbers with a percent format, so the figures stay computable in Excel.
 * Bytes are deterministic (./write.ts), so the same ledgers give the same file.
 */
import type ExcelJS from "exceljs";
import { formatChineseDate } from "../core/dates";
import { UNREAD_STATUS } from "../core/model";
import { NOT_DONE_STATUSES, type Summary } from "../core/summary";
import { BODY_FONT, BORDER, TITLE_FONT, writeHeaderRow } from "./styles";
import { Workbook } from "./workbook-class";
import { writeXlsxDeterministic } from "./write";

export const SUMMARY_SHEET = { units: "汇总", aspects: "方面汇总", overdue: "超期问题" } as const;

/** The 汇总 sheet's columns, in order (tests and readers find columns by these labels). */
export const SUMMARY_COLUMNS: readonly string[] = [
  "序号",
  "单位",
  "问题总数",
  "已完成",
  "完成率",
  ...NOT_DONE_STATUSES,
  UNREAD_STATUS,
  "超期",
  "自查",
  "整改措施",
  "制度",
  "错误数",
  "备注",
];

const FLAG_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFFCE4D6" },
};
const TOTAL_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFF2F2F2" },
};

type Value = string | number | null;

function percentFormat(precision: number): string {
  return precision > 0 ? `0.${"0".repeat(precision)}%` : "0%";
}

function sheetWithTitle(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  header: readonly string[],
  widths: readonly number[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 2 }] });
  ws.mergeCells(1, 1, 1, header.length);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = TITLE_FONT;
  t.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 30;
  writeHeaderRow(ws, header, 2);
  header.forEach((_, i) => {
    ws.getColumn(i + 1).width = widths[i] ?? 10;
  });
  return ws;
}

function addRow(
  ws: ExcelJS.Worksheet,
  values: readonly Value[],
  opts: { rateColumns?: readonly number[]; precision: number; fill?: ExcelJS.Fill; bold?: boolean },
): void {
  const row = ws.addRow([...values]);
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    cell.font = opts.bold ? { ...BODY_FONT, bold: true } : BODY_FONT;
    cell.border = BORDER;
    cell.alignment = { vertical: "top", wrapText: true };
    if (opts.fill) cell.fill = opts.fill;
    if (opts.rateColumns?.includes(col)) cell.numFmt = percentFormat(opts.precision);
  });
}

/** The 汇总 workbook as .xlsx bytes. */
export async function summaryWorkbookBytes(summary: Summary): Promise<Uint8Array> {
  const wb = new Workbook();
  const asOf = formatChineseDate(summary.asOf);
  const p = summary.precision;

  const units = sheetWithTitle(
    wb,
    SUMMARY_SHEET.units,
    `巡察整改情况汇总（截至${asOf}）`,
    SUMMARY_COLUMNS,
    [6, 28, 10, 10, 10, ...NOT_DONE_STATUSES.map(() => 10), 10, 8, 8, 10, 8, 8, 36],
  );
  const rateCol = SUMMARY_COLUMNS.indexOf("完成率") + 1;
  let seq = 0;
  for (const row of summary.units) {
    const f = row.figures;
    const unread = f.total - Object.values(f.byStatus).reduce((a, b) => a + b, 0);
    const notes = [
      row.counted
        ? f.warnings > 0
          ? `${f.warnings}条警告`
          : ""
        : `台账有${f.errors}处错误，未计入合计（${f.file}）`,
      summary.duplicateUnits.includes(f.unit)
        ? `另有台账单位名称相同，请核对是否重复报送（${f.file}）`
        : "",
    ];
    const note = notes.filter((n) => n !== "").join("；");
    addRow(
      units,
      [
        ++seq,
        f.unit,
        f.total,
        f.done,
        f.completionRate,
        ...NOT_DONE_STATUSES.map((s) => f.byStatus[s] ?? 0),
        unread,
        f.overdue,
        f.selfFound.total,
        f.measures,
        f.rules,
        f.errors,
        note,
      ],
      { rateColumns: [rateCol], precision: p, ...(row.counted ? {} : { fill: FLAG_FILL }) },
    );
  }
  for (const u of summary.unusable) {
    const blanks = SUMMARY_COLUMNS.length - 4;
    addRow(
      units,
      [
        ++seq,
        u.file.replace(/\.xlsx$/iu, ""),
        ...Array<Value>(blanks).fill(null),
        1,
        `无法读取，未计入合计：${u.message}`,
      ],
      { precision: p, fill: FLAG_FILL },
    );
  }
  const t = summary.totals;
  addRow(
    units,
    [
      null,
      `合计（${summary.countedUnits}家单位）`,
      t.total,
      t.done,
      t.completionRate,
      ...NOT_DONE_STATUSES.map((s) => t.byStatus[s]),
      t.unread,
      t.overdue,
      t.selfFound.total,
      t.measures,
      t.rules,
      null,
      summary.units.length - summary.countedUnits + summary.unusable.length > 0
        ? `未计入：${summary.units.length - summary.countedUnits + summary.unusable.length}家单位（见标色行）`
        : "",
    ],
    { rateColumns: [rateCol], precision: p, fill: TOTAL_FILL, bold: true },
  );

  const aspectHeader = ["方面", "单位数", "问题总数", "已完成", "完成率", ...NOT_DONE_STATUSES];
  const aspects = sheetWithTitle(
    wb,
    SUMMARY_SHEET.aspects,
    `各方面问题整改情况（截至${asOf}）`,
    aspectHeader,
    [36, 8, 10, 10, 10, ...NOT_DONE_STATUSES.map(() => 10)],
  );
  for (const a of summary.aspects) {
    addRow(
      aspects,
      [
        a.name,
        a.units,
        a.total,
        a.done,
        a.completionRate,
        ...NOT_DONE_STATUSES.map((s) => a.byStatus[s]),
      ],
      { rateColumns: [5], precision: p },
    );
  }

  const overdue = sheetWithTitle(
    wb,
    SUMMARY_SHEET.overdue,
    `超期未完成问题（截至${asOf}，共${summary.overdue.length}个）`,
    ["序号", "单位", "台账序号", "方面", "问题", "责任部门", "整改时限", "完成情况", "超期天数"],
    [6, 24, 8, 24, 60, 16, 14, 12, 10],
  );
  summary.overdue.forEach((o, i) => {
    addRow(
      overdue,
      [
        i + 1,
        o.unit,
        o.seq,
        o.aspect,
        o.problem,
        o.department,
        formatChineseDate(o.deadline),
        o.status ?? UNREAD_STATUS,
        o.daysOverdue,
      ],
      { precision: p },
    );
  });

  return writeXlsxDeterministic(wb);
}
