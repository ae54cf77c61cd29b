/**
 * The exceljs adapter: .xlsx bytes → WorkbookGrid. No fs and no `node:` imports, because the
 * task pane lazy-loads this module in the browser for standalone (non-Office) mode.
 */
import type ExcelJS from "exceljs";
import {
  type Cell,
  type CellRange,
  EMPTY_CELL,
  type SheetGrid,
  type WorkbookGrid,
} from "../core/grid";
import { boundedArea, scanXlsx, textTooLong, type WorkbookScan, XLSX_LIMITS } from "./bounds";
import { Workbook } from "./workbook-class";

/**
 * Worksheet parts we never read. Skipping them makes loading faster and sidesteps exceljs
 * crashes on parts it handles badly in real files (drawings, tables, conditional formats,
 * extension lists). Hyperlinks are skipped too: the cell keeps its displayed text.
 */
const IGNORED_SHEET_NODES = [
  "dataValidations",
  "conditionalFormatting",
  "extLst",
  "drawing",
  "picture",
  "tableParts",
  "hyperlinks",
  "headerFooter",
  "pageSetup",
  "printOptions",
  "pageMargins",
  "rowBreaks",
  "sheetProtection",
  "autoFilter",
  // Read by bounds.ts instead: exceljs makes an object per covered cell of a merge and per
  // column of a <col> span, so a merge A1:XFD1048576 or <col max="2147483647"> never ends.
  "mergeCells",
  "cols",
];

/** Loads an .xlsx workbook for reading values; exceljs throws on anything it cannot parse. */
export async function loadXlsx(bytes: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new Workbook();
  // exceljs' typings ask for a Node Buffer, but JSZip underneath accepts any Uint8Array or
  // ArrayBuffer, which keeps this module usable in the browser.
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: IGNORED_SHEET_NODES });
  return workbook;
}

/**
 * Reads every worksheet of an .xlsx file into grids of typed cells, within the limits of
 * bounds.ts: past one, a WorkbookReadError ("too-large") naming the sheet, before exceljs
 * parses anything. `label` names the file in messages.
 */
export async function workbookGridFromXlsx(
  bytes: Uint8Array | ArrayBuffer,
  label = "工作簿",
): Promise<WorkbookGrid> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const scan = scanXlsx(data, label);
  return workbookGridFromExcelJs(await loadXlsx(data), scan);
}

/**
 * The same conversion for a workbook already in memory (examples, tests), where exceljs
 * holds the merges; `scan` gives them instead for a loaded file.
 */
export function workbookGridFromExcelJs(
  workbook: ExcelJS.Workbook,
  scan?: WorkbookScan,
): WorkbookGrid {
  // `worksheets` is already in tab order.
  const sheets = workbook.worksheets.map((ws) => sheetGridOf(ws, scan));
  return { sheets };
}

function sheetGridOf(ws: ExcelJS.Worksheet, scan: WorkbookScan | undefined): SheetGrid {
  const hidden = ws.state === "hidden" || ws.state === "veryHidden";
  const written = scan ? (scan.sheets.get(ws.name)?.merges ?? []) : mergesOf(ws);

  // The cells holding values (sparse); covered cells of a merge are left out below.
  let valueBox: CellRange | undefined;
  const values: Array<{ row: number; col: number; cell: Cell }> = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (c, colNumber) => {
      if (c.isMerged && c.master !== c) return; // covered cells read as empty, as in Office.js
      const cell = cellOf(c);
      if (cell.t === "empty") return;
      const r = rowNumber - 1;
      const col = colNumber - 1;
      if (r >= XLSX_LIMITS.maxRows || col >= XLSX_LIMITS.maxColumns) return; // bounds.ts refused these
      if (cell.t === "s" && cell.v.length > XLSX_LIMITS.maxTextLength)
        throw textTooLong(ws.name, r, col, cell.v.length);
      values.push({ row: r, col, cell });
      valueBox = valueBox
        ? {
            top: Math.min(valueBox.top, r),
            left: Math.min(valueBox.left, col),
            bottom: Math.max(valueBox.bottom, r),
            right: Math.max(valueBox.right, col),
          }
        : { top: r, left: col, bottom: r, right: col };
    });
  });
  // The used range: the values plus the merges inside the sheet limits (a title merged across
  // the header width); larger merges are clipped to it.
  const { area, merges } = boundedArea(ws.name, valueBox, written);
  if (!area) {
    return { name: ws.name, hidden, origin: { row: 0, col: 0 }, cells: [], merges: [] };
  }

  const width = area.right - area.left + 1;
  // Rows without a value share one frozen blank row: a merge down a tall column costs a
  // pointer per row, not a row of cells.
  const blank: readonly Cell[] = Object.freeze(Array<Cell>(width).fill(EMPTY_CELL));
  const cells: (readonly Cell[])[] = Array<readonly Cell[]>(area.bottom - area.top + 1).fill(blank);
  const own = (r: number): Cell[] => {
    let line = cells[r]!;
    if (line === blank) {
      line = Array<Cell>(width).fill(EMPTY_CELL);
      cells[r] = line;
    }
    return line as Cell[];
  };
  for (const v of values) own(v.row - area.top)[v.col - area.left] = v.cell;
  // A covered cell reads as empty even when the file stores a value in it.
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const line = cells[r - area.top]!;
      if (line === blank) continue;
      for (let c = m.left; c <= m.right; c++) {
        if ((r !== m.top || c !== m.left) && line[c - area.left]!.t !== "empty")
          own(r - area.top)[c - area.left] = EMPTY_CELL;
      }
    }
  }
  return { name: ws.name, hidden, origin: { row: area.top, col: area.left }, cells, merges };
}

/** Merged ranges as 0-based inclusive sheet coordinates. */
function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  // `_merges` (master address → range) is what exceljs keeps after loading; the public
  // `model.merges` rebuilds every row model just to list them.
  const internal = (ws as unknown as { _merges?: Record<string, { model?: RangeModel }> })._merges;
  const ranges: CellRange[] = [];
  if (internal) {
    for (const merge of Object.values(internal)) {
      const m = merge?.model;
      if (m)
        ranges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
    }
  } else {
    for (const ref of ws.model.merges ?? []) {
      const range = parseRange(ref);
      if (range) ranges.push(range);
    }
  }
  return ranges.sort((a, b) => a.top - b.top || a.left - b.left);
}

interface RangeModel {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRange(ref: string): CellRange | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref.toUpperCase());
  if (!m) return undefined;
  const col = (letters: string) =>
    [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = Number(m[2]) - 1;
  const left = col(m[1]!);
  return {
    top,
    left,
    bottom: m[4] ? Number(m[4]) - 1 : top,
    right: m[3] ? col(m[3]) : left,
  };
}

/** One exceljs cell → a grid cell. Formulas give their cached result; hyperlinks their text. */
function cellOf(c: ExcelJS.Cell): Cell {
  return valueToCell(c.value, c.numFmt);
}

function valueToCell(value: unknown, numFmt: string | undefined): Cell {
  if (value === null || value === undefined) return EMPTY_CELL;
  if (typeof value === "string") return value === "" ? EMPTY_CELL : { t: "s", v: value };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return EMPTY_CELL;
    return numFmt && numFmt !== "General"
      ? { t: "n", v: value, fmt: numFmt }
      : { t: "n", v: value };
  }
  if (typeof value === "boolean") return { t: "b", v: value };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? EMPTY_CELL : { t: "d", v: value };
  }
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    if ("error" in o) return { t: "e", v: String(o.error) };
    if (Array.isArray(o.richText)) return textCell(richTextOf(o.richText));
    if ("formula" in o || "sharedFormula" in o) {
      // A formula without a cached result (never calculated) reads as empty.
      return valueToCell(o.result, numFmt);
    }
    if ("hyperlink" in o || "text" in o) {
      const text = o.text;
      if (typeof text === "string") return textCell(text);
      if (
        text &&
        typeof text === "object" &&
        Array.isArray((text as { richText?: unknown }).richText)
      ) {
        return textCell(richTextOf((text as { richText: unknown[] }).richText));
      }
      return typeof o.hyperlink === "string" ? textCell(o.hyperlink) : EMPTY_CELL;
    }
  }
  return EMPTY_CELL;
}

function richTextOf(runs: unknown[]): string {
  return runs
    .map((r) => (r && typeof r === "object" ? String((r as { text?: unknown }).text ?? "") : ""))
    .join("");
}

function textCell(text: string): Cell {
  return text === "" ? EMPTY_CELL : { t: "s", v: text };
}
