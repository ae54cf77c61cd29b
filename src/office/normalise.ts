/**
 * 规范台账: drop-down validation on 完成情况 / 整改类型 / 来源 / 公开 and a date number format on
 * 整改时限 / 完成日期 — nothing else. Values are never written; a date format only goes on cells
 * holding a plausible date serial or nothing (text such as 立行立改 keeps its format).
 */
import { parseA1, type SheetGrid } from "../core/grid";
import {
  type Ledger,
  type LedgerField,
  RECTIFICATION_TYPES,
  SOURCES,
  STATUSES,
} from "../core/model";
import { DATE_FORMAT } from "./stats-layout";

/** Empty rows below the ledger that also get the drop-downs and date format, for new entries. */
export const NEW_ROWS_MARGIN = 200;

const PLAUSIBLE_SERIAL = { min: 32874, max: 73415 }; // 1990-01-01 … 2100-12-31

export const DROP_DOWNS: readonly { field: LedgerField; values: readonly string[] }[] = [
  { field: "status", values: STATUSES },
  { field: "type", values: RECTIFICATION_TYPES },
  { field: "source", values: SOURCES },
  { field: "isPublic", values: ["是", "否"] },
];

const DATE_FIELDS: readonly LedgerField[] = ["deadline", "doneDate"];

export interface NormalisePlan {
  readonly sheet: string;
  /** 0-based sheet rows, inclusive: the data rows plus the margin for new entries. */
  readonly top: number;
  readonly bottom: number;
  readonly dropDowns: readonly { col: number; values: readonly string[] }[];
  /** Per date column: one format per row (null: leave the cell's format as it is). */
  readonly dateFormats: readonly { col: number; formats: (string | null)[] }[];
}

function columnIndex(letters: string): number {
  return parseA1(`${letters}1`)?.col ?? -1;
}

export function planNormalisation(ledger: Ledger, sheet: SheetGrid): NormalisePlan {
  const top = Math.max(...ledger.headerRows); // first data row, 0-based = last header row (1-based)
  const lastGridRow = sheet.origin.row + sheet.cells.length - 1;
  const lastLedgerRow = Math.max(top, lastGridRow, ...ledger.rows.map((r) => r.row - 1));
  const bottom = lastLedgerRow + NEW_ROWS_MARGIN;

  const dropDowns = DROP_DOWNS.flatMap(({ field, values }) => {
    const letters = ledger.columns[field];
    return letters ? [{ col: columnIndex(letters), values }] : [];
  });
  const dateFormats = DATE_FIELDS.flatMap((field) => {
    const letters = ledger.columns[field];
    if (!letters) return [];
    const col = columnIndex(letters);
    const formats: (string | null)[] = [];
    for (let row = top; row <= bottom; row++) {
      const cell = sheet.cells[row - sheet.origin.row]?.[col - sheet.origin.col];
      const plausibleSerial =
        cell?.t === "n" && cell.v >= PLAUSIBLE_SERIAL.min && cell.v <= PLAUSIBLE_SERIAL.max;
      formats.push(!cell || cell.t === "empty" || plausibleSerial ? DATE_FORMAT : null);
    }
    return [{ col, formats }];
  });
  return { sheet: ledger.sheet, top, bottom, dropDowns, dateFormats };
}

/** Queues the plan; validation only when `withValidation` (ExcelApi 1.8). The caller syncs. */
export function queueNormalisation(
  context: Excel.RequestContext,
  plan: NormalisePlan,
  withValidation: boolean,
): void {
  const sheet = context.workbook.worksheets.getItem(plan.sheet);
  const height = plan.bottom - plan.top + 1;
  for (const { col, formats } of plan.dateFormats) {
    sheet.getRangeByIndexes(plan.top, col, height, 1).numberFormat = formats.map((f) => [f]);
  }
  if (!withValidation) return;
  for (const { col, values } of plan.dropDowns) {
    const range = sheet.getRangeByIndexes(plan.top, col, height, 1);
    range.dataValidation.clear();
    range.dataValidation.ignoreBlanks = true;
    range.dataValidation.rule = { list: { inCellDropDown: true, source: values.join(",") } };
    range.dataValidation.errorAlert = {
      showAlert: true,
      style: "Warning",
      title: "请从下拉列表中选择",
      message: `此列应填写：${values.join("、")}。`,
    };
  }
}
