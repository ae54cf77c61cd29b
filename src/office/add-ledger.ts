/**
 * 从反馈意见导入 inside Excel: the workbook `zhenggai import` writes (src/xlsx/imported-ledger,
 * the same builder, so the same columns, titles, prompts and drop-downs) is turned into plain
 * sheet layouts and written as NEW sheets with Excel.* calls — values and number formats as one
 * range per chunk, then merges, bold headers, widths and data validation. Existing sheets are
 * never written: each sheet takes its canonical name only when the workbook has none.
 */
import type ExcelJS from "exceljs";
import { findLedgerSheet, sheetRole } from "../core/analyse";
import { columnLetters, type WorkbookGrid } from "../core/grid";
import type { ImportResult } from "../core/import/model";
import { SHEET } from "../core/model";
import { looseKey } from "../core/text";
import type { AddedLedgerSheets } from "../ports/workbook";
import { asTextInput } from "./stats-layout";
import { planWriteChunks, WEB_WRITE_BYTES } from "./write-chunks";

export type Role = "ledger" | "info" | "narrative";

export interface SheetValidation {
  /** A1 range on the sheet, e.g. "J3:J150". */
  readonly address: string;
  readonly ignoreBlanks: boolean;
  /** Excel.DataValidationRule; undefined: a prompt only. */
  readonly rule?: Record<string, unknown>;
  readonly prompt?: { showPrompt: boolean; title: string; message: string };
  readonly errorAlert?: { showAlert: boolean; style: string; title: string; message: string };
}

export interface SheetLayout {
  readonly role: Role;
  readonly values: (string | number | boolean)[][];
  readonly formats: string[][];
  readonly width: number;
  /** A1 ranges to merge. */
  readonly merges: readonly string[];
  /** A1 ranges whose font is bold (headers, 基本信息 keys). */
  readonly bold: readonly string[];
  /** Column widths in points, one per column. */
  readonly columnWidths: readonly number[];
  /** 0-based first row of the block (to the last row) whose text wraps; -1: none. */
  readonly wrapFrom: number;
  readonly validations: readonly SheetValidation[];
}

const ROLE_BY_NAME: Readonly<Record<string, Role>> = {
  [SHEET.ledger]: "ledger",
  [SHEET.info]: "info",
  [SHEET.narrative]: "narrative",
};

/** Excel's serial day number of a date (exceljs keeps dates as UTC midnights). */
const serial = (d: Date) => d.getTime() / 86_400_000 + 25_569;

function cellInput(value: ExcelJS.CellValue): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return serial(value);
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value === "" ? "" : asTextInput(value);
  if (typeof value === "object" && "richText" in value)
    return asTextInput(value.richText.map((r) => r.text).join(""));
  return asTextInput(String(value));
}

const excelStyle = (s: string | undefined) =>
  s === "warning" ? "Warning" : s === "information" ? "Information" : "Stop";
const isoDate = (v: unknown) =>
  v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? "");

/** An exceljs validation as Excel.js properties. */
function validationOf(address: string, v: ExcelJS.DataValidation): SheetValidation {
  const f = v.formulae ?? [];
  const operator = "Between";
  let rule: Record<string, unknown> | undefined;
  if (v.type === "list")
    rule = { list: { inCellDropDown: true, source: String(f[0] ?? "").replace(/^"|"$/gu, "") } };
  else if (v.type === "date")
    rule = { date: { formula1: isoDate(f[0]), formula2: isoDate(f[1]), operator } };
  else if (v.type === "whole")
    rule = { wholeNumber: { formula1: Number(f[0]), formula2: Number(f[1]), operator } };
  return {
    address,
    ignoreBlanks: v.allowBlank !== false,
    rule,
    prompt: v.showInputMessage
      ? { showPrompt: true, title: v.promptTitle ?? "", message: v.prompt ?? "" }
      : undefined,
    errorAlert:
      rule && v.showErrorMessage
        ? {
            showAlert: true,
            style: excelStyle(v.errorStyle),
            title: v.errorTitle ?? "",
            message: v.error ?? "",
          }
        : undefined,
  };
}

/** One exceljs sheet as values, formats, merges, bold ranges, widths and validations. */
export function layoutOfSheet(ws: ExcelJS.Worksheet, role: Role): SheetLayout {
  const rows = ws.rowCount;
  const width = ws.columnCount;
  const values: (string | number | boolean)[][] = [];
  const formats: string[][] = [];
  const bold: string[] = [];
  let wrapFrom = -1;
  for (let r = 1; r <= rows; r++) {
    const rowValues: (string | number | boolean)[] = [];
    const rowFormats: string[] = [];
    let boldFrom = -1;
    for (let c = 1; c <= width + 1; c++) {
      const cell = c <= width ? ws.getCell(r, c) : undefined;
      const isBold = cell?.font?.bold === true;
      if (isBold && boldFrom < 0) boldFrom = c;
      if (!isBold && boldFrom > 0) {
        bold.push(`${columnLetters(boldFrom - 1)}${r}:${columnLetters(c - 2)}${r}`);
        boldFrom = -1;
      }
      if (!cell) break;
      if (wrapFrom < 0 && cell.alignment?.wrapText === true) wrapFrom = r - 1;
      // A merged cell's other cells report the first cell's value; Excel keeps only the first.
      const slave = cell.isMerged && cell.master.address !== cell.address;
      rowValues.push(slave ? "" : cellInput(cell.value));
      rowFormats.push(cell.numFmt || "General");
    }
    values.push(rowValues);
    formats.push(rowFormats);
  }
  const model = ws.model as unknown as {
    merges?: string[];
    dataValidations?: Record<string, ExcelJS.DataValidation | undefined>;
  };
  const validations = Object.entries(model.dataValidations ?? {}).flatMap(([address, v]) =>
    v ? [validationOf(address, v)] : [],
  );
  const columnWidths = Array.from({ length: width }, (_, i) =>
    Math.round((ws.getColumn(i + 1).width ?? 9) * 6),
  );
  return {
    role,
    values,
    formats,
    width,
    merges: model.merges ?? [],
    bold,
    columnWidths,
    wrapFrom,
    validations,
  };
}

/** The sheets of the imported workbook, built by the same builder as `zhenggai import`. */
export async function importedSheetLayouts(result: ImportResult): Promise<SheetLayout[]> {
  // exceljs is heavy: loaded only when the clerk imports.
  const { buildImportedLedger } = await import("../xlsx/imported-ledger");
  const wb = buildImportedLedger(result);
  return wb.worksheets.flatMap((ws) => {
    const role = ROLE_BY_NAME[ws.name];
    if (!role || (role === "narrative" && result.narrative.length === 0)) return [];
    return [layoutOfSheet(ws, role)];
  });
}

const LEDGER_WORD = /台账|台帐|整改清单|问题清单/u;

/**
 * Names for the new sheets. A role keeps its canonical name only when the workbook has no sheet
 * of that role (the ledger: no ledger found at all). Otherwise the sheet is named so that the
 * pane keeps reading the clerk's own ledger: 整改台账（导入） when the existing ledger is found by
 * its name, 反馈问题（导入） when it is found only by its header (a sheet named with 台账 would
 * be preferred to it).
 */
export function chooseSheetNames(
  existing: readonly string[],
  grid: WorkbookGrid,
  roles: readonly Role[],
): Record<Role, string> {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const free = (base: string) => {
    for (let i = 1; ; i++) {
      const name = i === 1 ? base : base.replace(/）$/u, `${i}）`);
      if (!taken.has(name.toLowerCase())) {
        taken.add(name.toLowerCase());
        return name;
      }
    }
  };
  const ledger = findLedgerSheet(grid);
  const hasRole = (role: "info" | "narrative") =>
    existing.some((n) => sheetRole(n) === role) ||
    grid.sheets.some((s) => sheetRole(s.name) === role);
  const names = {} as Record<Role, string>;
  for (const role of roles) {
    const canonical = SHEET[role];
    if (role === "ledger") {
      if (!ledger && !taken.has(canonical.toLowerCase())) names.ledger = free(canonical);
      else {
        const byName =
          ledger?.by === "name" || LEDGER_WORD.test(looseKey(ledger?.sheet.name ?? ""));
        names.ledger = free(byName || !ledger ? `${canonical}（导入）` : "反馈问题（导入）");
      }
    } else if (!hasRole(role) && !taken.has(canonical.toLowerCase())) names[role] = free(canonical);
    else names[role] = free(`${canonical}（导入）`);
  }
  return names;
}

/**
 * Adds the sheets: sync 1 loads the sheet names; then one sync per chunk of cells (one in all
 * unless a sheet is larger than the web's request budget); the last also merges, formats,
 * validates and activates the new ledger. `grid` is the workbook as just read (ledger detection).
 */
export async function addLedgerSheetsIn(
  context: Excel.RequestContext,
  layouts: readonly SheetLayout[],
  grid: WorkbookGrid,
  options: { withValidation: boolean; maxBytes?: number },
): Promise<AddedLedgerSheets> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const names = chooseSheetNames(
    sheets.items.map((s) => s.name),
    grid,
    layouts.map((l) => l.role),
  );
  const added = layouts.map((layout) => ({ layout, sheet: sheets.add(names[layout.role]) }));
  for (const { layout, sheet } of added) {
    for (const chunk of planWriteChunks(layout, options.maxBytes ?? WEB_WRITE_BYTES)) {
      if (chunk.to === chunk.from) continue;
      const part = sheet.getRangeByIndexes(chunk.from, 0, chunk.to - chunk.from, layout.width);
      part.numberFormat = layout.formats.slice(chunk.from, chunk.to);
      part.values = layout.values.slice(chunk.from, chunk.to);
      await context.sync();
    }
  }
  for (const { layout, sheet } of added) {
    for (const address of layout.merges) sheet.getRange(address).merge(false);
    for (const address of layout.bold) sheet.getRange(address).format.font.bold = true;
    if (layout.wrapFrom >= 0 && layout.wrapFrom < layout.values.length) {
      const rows = layout.values.length - layout.wrapFrom;
      sheet.getRangeByIndexes(layout.wrapFrom, 0, rows, layout.width).format.wrapText = true;
    }
    layout.columnWidths.forEach((width, col) => {
      sheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = width;
    });
    if (options.withValidation) {
      for (const v of layout.validations) {
        const dv = sheet.getRange(v.address).dataValidation;
        dv.ignoreBlanks = v.ignoreBlanks;
        if (v.rule) dv.rule = v.rule as Excel.DataValidationRule;
        if (v.prompt) dv.prompt = v.prompt;
        if (v.errorAlert) dv.errorAlert = v.errorAlert as Excel.DataValidationErrorAlert;
      }
    }
  }
  const ledger = added.find((a) => a.layout.role === "ledger");
  ledger?.sheet.activate();
  await context.sync();
  return {
    ledger: names.ledger,
    info: names.info,
    narrative: layouts.some((l) => l.role === "narrative") ? names.narrative : null,
  };
}
