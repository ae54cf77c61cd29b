/**
 * The cell styles of the workbooks we write (the ledger of `init` and the import, the 汇总):
 * 宋体 11, thin grey borders, pale blue header cells, the title in 方正小标宋简体, so every
 * workbook the clerk or the office gets looks the same.
 */
import type ExcelJS from "exceljs";

const THIN = { style: "thin" as const, color: { argb: "FF808080" } };
export const BORDER: Partial<ExcelJS.Borders> = {
  top: THIN,
  left: THIN,
  bottom: THIN,
  right: THIN,
};
export const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFDDEBF7" },
};
export const HEADER_FONT: Partial<ExcelJS.Font> = { name: "宋体", size: 11, bold: true };
export const BODY_FONT: Partial<ExcelJS.Font> = { name: "宋体", size: 11 };
export const TITLE_FONT: Partial<ExcelJS.Font> = {
  name: "方正小标宋简体",
  size: 16,
  bold: true,
};

/** A header cell: bold, filled, bordered, centred and wrapped. */
export function styleHeader(cell: ExcelJS.Cell): void {
  cell.font = HEADER_FONT;
  cell.fill = HEADER_FILL;
  cell.border = BORDER;
  cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
}

/** Writes `headers` into `row` (1-based) as header cells. */
export function writeHeaderRow(ws: ExcelJS.Worksheet, headers: readonly string[], row = 1): void {
  headers.forEach((h, i) => {
    const cell = ws.getCell(row, i + 1);
    cell.value = h;
    styleHeader(cell);
  });
}
