/**
 * Writes (replaces) the 整改统计 sheet in ONE sync: delete the old sheet when it exists, add a
 * new one, write the values and number formats of the whole layout as one range, lay the Excel
 * tables over it, add the chart. Never touches another sheet.
 *
 * Excel on the web refuses requests over 5 MB; a layout bigger than the write budget (a very
 * long overdue list) is written in row chunks, one sync each, tables and chart with the last.
 */
import { columnLetters } from "../core/grid";
import { SHEET } from "../core/model";
import { asCellInput, type StatsLayout } from "./stats-layout";
import type { RowChunk } from "./write-chunks";

function a1Range(top: number, left: number, bottom: number, right: number): string {
  return `${columnLetters(left)}${top + 1}:${columnLetters(right)}${bottom + 1}`;
}

/**
 * Queues one chunk of the sheet (by default all of it); the caller syncs. The first chunk
 * replaces the sheet (`exists`: whether 整改统计 is there now); the last adds tables and chart.
 */
export function queueStatisticsSheet(
  context: Excel.RequestContext,
  layout: StatsLayout,
  exists: boolean,
  chunk: RowChunk = { from: 0, to: layout.values.length },
): Excel.Worksheet {
  const sheets = context.workbook.worksheets;
  const first = chunk.from === 0;
  const last = chunk.to === layout.values.length;
  if (first && exists) sheets.getItem(SHEET.stats).delete();
  const sheet = first ? sheets.add(SHEET.stats) : sheets.getItem(SHEET.stats);

  const part = sheet.getRangeByIndexes(chunk.from, 0, chunk.to - chunk.from, layout.width);
  part.numberFormat = layout.formats.slice(chunk.from, chunk.to);
  part.values = layout.values.slice(chunk.from, chunk.to).map((row) => row.map(asCellInput));
  if (!last) return sheet;

  for (const row of layout.boldRows) {
    sheet.getRangeByIndexes(row, 0, 1, layout.width).format.font.bold = true;
  }
  layout.columnWidths.forEach((width, col) => {
    sheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = width;
  });
  for (const t of layout.tables) {
    const table = sheet.tables.add(a1Range(t.top, t.left, t.bottom, t.right), true);
    table.name = t.name;
    table.style = "TableStyleMedium2";
  }
  if (layout.chart) {
    const chart = sheet.charts.add(
      "ColumnClustered",
      sheet.getRange(layout.chart.source),
      "Columns",
    );
    chart.title.text = layout.chart.title;
    chart.legend.visible = false;
    chart.setPosition(layout.chart.topLeft, layout.chart.bottomRight);
  }
  return sheet;
}
