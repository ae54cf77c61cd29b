/**
 * exceljs's Workbook class: the one value src/xlsx takes from exceljs (the rest is types). In
 * Node it comes from the class's own module, because the package's main entry also loads the
 * streaming reader and writer with their dependencies (660 modules instead of 278, about 100 ms
 * of every command that reads a workbook; bench case 8). For the browser, package.json's
 * `browser` field puts ./workbook-class.browser.ts in its place (exceljs's browser build).
 */
import type ExcelJS from "exceljs";
import WorkbookClass from "exceljs/lib/doc/workbook.js";

export const Workbook: typeof ExcelJS.Workbook = WorkbookClass;
