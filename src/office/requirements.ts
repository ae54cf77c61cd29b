/**
 * Every Excel API member the adapter uses, with the ExcelApi requirement set that introduced it
 * (as stated in the Office.js reference; tests/unit/office/requirements.test.ts checks each one
 * against @types/office-js). The manifest requires MANIFEST_EXCEL_API; anything newer is only
 * reached after `isSetSupported('ExcelApi', guardedBy)`.
 */
export const MANIFEST_EXCEL_API = "1.7";

export interface ApiUse {
  /** `Class.member` in the Excel namespace. */
  readonly api: string;
  readonly set: string;
  /** The isSetSupported version checked before the call, for members above the manifest's set. */
  readonly guardedBy?: string;
  readonly usedFor: string;
}

export const EXCEL_APIS_USED: readonly ApiUse[] = [
  { api: "Workbook.worksheets", set: "1.1", usedFor: "sheet list" },
  { api: "Workbook.name", set: "1.7", usedFor: "pane label" },
  { api: "Workbook.customXmlParts", set: "1.5", usedFor: "embedded templates" },
  { api: "WorksheetCollection.getItem", set: "1.1", usedFor: "every sheet access" },
  { api: "WorksheetCollection.getItemOrNullObject", set: "1.4", usedFor: "整改统计 present?" },
  { api: "WorksheetCollection.add", set: "1.1", usedFor: "整改统计" },
  { api: "Worksheet.name", set: "1.1", usedFor: "sheet list" },
  { api: "Worksheet.visibility", set: "1.1", usedFor: "hidden sheets" },
  { api: "Worksheet.getUsedRange", set: "1.1", usedFor: "read (valuesOnly: 1.2)" },
  { api: "Worksheet.getRangeByIndexes", set: "1.7", usedFor: "read windows and blocks, writes" },
  { api: "Worksheet.getRange", set: "1.1", usedFor: "selectCell, chart source" },
  { api: "Worksheet.activate", set: "1.1", usedFor: "selectCell" },
  { api: "Worksheet.delete", set: "1.1", usedFor: "replace 整改统计" },
  { api: "Worksheet.tables", set: "1.1", usedFor: "整改统计 tables" },
  { api: "Worksheet.charts", set: "1.1", usedFor: "整改统计 chart" },
  { api: "Range.getIntersectionOrNullObject", set: "1.4", usedFor: "read windows" },
  { api: "Range.values", set: "1.1", usedFor: "read and write" },
  { api: "Range.numberFormat", set: "1.1", usedFor: "dates, percentages" },
  { api: "Range.valueTypes", set: "1.1", usedFor: "error cells" },
  { api: "Range.rowIndex", set: "1.1", usedFor: "grid origin" },
  { api: "Range.columnIndex", set: "1.1", usedFor: "grid origin" },
  { api: "Range.rowCount", set: "1.1", usedFor: "grid size" },
  { api: "Range.columnCount", set: "1.1", usedFor: "grid size" },
  { api: "Range.select", set: "1.1", usedFor: "selectCell" },
  { api: "Range.format", set: "1.1", usedFor: "bold rows, widths" },
  { api: "RangeFormat.columnWidth", set: "1.2", usedFor: "整改统计 widths" },
  { api: "RangeFormat.font", set: "1.1", usedFor: "bold rows" },
  { api: "RangeFont.bold", set: "1.1", usedFor: "bold rows" },
  { api: "TableCollection.add", set: "1.1", usedFor: "整改统计 tables" },
  { api: "Table.name", set: "1.1", usedFor: "整改统计 tables" },
  { api: "Table.style", set: "1.1", usedFor: "整改统计 tables" },
  { api: "ChartCollection.add", set: "1.1", usedFor: "整改统计 chart" },
  { api: "Chart.title", set: "1.1", usedFor: "整改统计 chart" },
  { api: "ChartTitle.text", set: "1.1", usedFor: "整改统计 chart" },
  { api: "Chart.legend", set: "1.1", usedFor: "整改统计 chart" },
  { api: "ChartLegend.visible", set: "1.1", usedFor: "整改统计 chart" },
  { api: "Chart.setPosition", set: "1.1", usedFor: "整改统计 chart" },
  { api: "CustomXmlPartCollection.getByNamespace", set: "1.5", usedFor: "embedded templates" },
  { api: "CustomXmlPartCollection.add", set: "1.5", usedFor: "embedded templates" },
  { api: "CustomXmlPartCollection.getItem", set: "1.5", usedFor: "embedded templates" },
  { api: "CustomXmlPartScopedCollection.items", set: "1.5", usedFor: "embedded templates" },
  { api: "CustomXmlPart.id", set: "1.5", usedFor: "embedded templates" },
  { api: "CustomXmlPart.getXml", set: "1.5", usedFor: "embedded templates" },
  { api: "CustomXmlPart.delete", set: "1.5", usedFor: "embedded templates" },
  // Above the manifest's set: guarded.
  { api: "Range.getMergedAreasOrNullObject", set: "1.13", guardedBy: "1.13", usedFor: "merges" },
  { api: "RangeAreas.address", set: "1.9", guardedBy: "1.13", usedFor: "merges" },
  { api: "Range.dataValidation", set: "1.8", guardedBy: "1.8", usedFor: "规范台账" },
  { api: "DataValidation.clear", set: "1.8", guardedBy: "1.8", usedFor: "规范台账" },
  { api: "DataValidation.rule", set: "1.8", guardedBy: "1.8", usedFor: "规范台账" },
  { api: "DataValidation.ignoreBlanks", set: "1.8", guardedBy: "1.8", usedFor: "规范台账" },
  { api: "DataValidation.errorAlert", set: "1.8", guardedBy: "1.8", usedFor: "规范台账" },
];
