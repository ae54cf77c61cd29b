/**
 * A copy of a workbook with a 整改统计 sheet added, for standalone users (no Excel to write it
 * into): the same layout Excel's 写入统计表 writes (src/office/stats-layout.ts computes it; the
 * caller passes it in, since this layer may not import src/office). The original sheets' cells
 * are read and written back by exceljs unchanged; the caller's bytes are never modified.
 */
import { SHEET } from "../core/model";
import { Workbook } from "./workbook-class";

/** The part of the pure stats layout that a sheet needs (structurally the office StatsLayout). */
export interface StatsSheetLayout {
  readonly values: readonly (readonly (string | number)[])[];
  readonly formats: readonly (readonly string[])[];
  readonly boldRows: readonly number[];
  /** Header rows of the layout's tables (0-based `top`), shown bold like Excel's table headers. */
  readonly tables: readonly { readonly top: number }[];
  /** Points. */
  readonly columnWidths: readonly number[];
  /** Where Excel puts its chart (A1 cells); the copy puts the chart's picture there. */
  readonly chart?: { readonly topLeft: string; readonly bottomRight: string };
}

/** Points to exceljs column width (characters of the default font, about 7 px each). */
function widthInCharacters(points: number): number {
  return Math.round(((points * 96) / 72 / 7) * 10) / 10;
}

/** Returns new .xlsx bytes: the workbook with 整改统计 added (replaced when it was there). */
export async function workbookWithStatsSheet(
  bytes: Uint8Array,
  layout: StatsSheetLayout,
  /** The chart as a PNG (the page draws it), placed where Excel's chart would be. */
  chartPng?: Uint8Array,
): Promise<Uint8Array> {
  // Loaded whole (not through grid.ts, which skips validations and drawings to read fast), from
  // a copy: the caller's buffer stays as it was.
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes.slice() as unknown as ArrayBuffer);
  const old = workbook.getWorksheet(SHEET.stats);
  if (old) workbook.removeWorksheet(old.id);
  const ws = workbook.addWorksheet(SHEET.stats);
  const bold = new Set([...layout.boldRows, ...layout.tables.map((t) => t.top)]);
  layout.values.forEach((row, r) => {
    const line = ws.getRow(r + 1);
    row.forEach((value, c) => {
      if (value === "") return;
      const cell = line.getCell(c + 1);
      // exceljs writes strings as text, never as formulas: no `'` prefix needed here.
      cell.value = value;
      const format = layout.formats[r]?.[c];
      if (format && format !== "General") cell.numFmt = format;
      if (bold.has(r)) cell.font = { bold: true };
    });
  });
  layout.columnWidths.forEach((points, i) => {
    ws.getColumn(i + 1).width = widthInCharacters(points);
  });
  if (chartPng && layout.chart) {
    const image = workbook.addImage({ buffer: chartPng as never, extension: "png" });
    ws.addImage(image, `${layout.chart.topLeft}:${layout.chart.bottomRight}`);
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
