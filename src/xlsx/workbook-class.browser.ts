/**
 * The browser's ./workbook-class.ts (package.json's `browser` field maps it here for esbuild and
 * Vite): the class from exceljs's browser build, which carries its own shims for Node's APIs.
 */
import ExcelJS from "exceljs";

export const Workbook: typeof ExcelJS.Workbook = ExcelJS.Workbook;
