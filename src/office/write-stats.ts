/**
 * Writes (replaces) the 整改统计 sheet in ONE sync: delete the old sheet when it exists, add a
 * new one, write the values and number formats of the whole layout as one range, lay the Excel
 * tables over it, add the chart. Never touches another sheet.
 */
import { columnLetters } from "../core/grid";
import { SHEET } from "../core/model";
import { asCellInput, type StatsLayout } from "./stats-layout";

function a1Range(top: number, left: number, bottom: number, right: number): string {
  return `${columnLetters(left)}${top + 1}:${columnLetters(right)}${bottom + 1}`;
}

/** Queues the whole sheet; the caller syncs. `exists`: whether 整改统计 is there now. */
export function queueStatisticsSheet(
  context: Excel.RequestContext,
  layout: StatsLayout,
  exists: boolean,
): Excel.Worksheet {
  const sheets = context.workbook.worksheets;
  if (exists) sheets.getItem(SHEET.stats).delete();
  const sheet = sheets.add(SHEET.stats);

  const height = layout.values.length;
  const all = sheet.getRangeByIndexes(0, 0, height, layout.width);
  all.numberFormat = layout.formats;
  all.values = layout.values.map((row) => row.map(asCellInput));

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
