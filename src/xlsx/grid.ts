/**
 * The exceljs adapter: .xlsx bytes → WorkbookGrid. No fs and no `node:` imports, because the
 * task pane lazy-loads this module in the browser for standalone (non-Office) mode.
 */
import ExcelJS from "exceljs";
import {
  type Cell,
  type CellRange,
  EMPTY_CELL,
  type SheetGrid,
  type WorkbookGrid,
} from "../core/grid";

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
];

/** Loads an .xlsx workbook for reading values; exceljs throws on anything it cannot parse. */
export async function loadXlsx(bytes: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs' typings ask for a Node Buffer, but JSZip underneath accepts any Uint8Array or
  // ArrayBuffer, which keeps this module usable in the browser.
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: IGNORED_SHEET_NODES });
  return workbook;
}

/** Reads every worksheet of an .xlsx file into grids of typed cells. */
export async function workbookGridFromXlsx(bytes: Uint8Array | ArrayBuffer): Promise<WorkbookGrid> {
  return workbookGridFromExcelJs(await loadXlsx(bytes));
}

/** The same conversion for a workbook already in memory (examples, tests). */
export function workbookGridFromExcelJs(workbook: ExcelJS.Workbook): WorkbookGrid {
  // `worksheets` is already in tab order.
  const sheets = workbook.worksheets.map(sheetGridOf);
  return { sheets };
}

function sheetGridOf(ws: ExcelJS.Worksheet): SheetGrid {
  const hidden = ws.state === "hidden" || ws.state === "veryHidden";
  const merges = mergesOf(ws);

  // The used range: every non-empty cell plus every merged range (a merge may extend past the
  // last value, e.g. a title merged across the header width).
  let top = Number.POSITIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let bottom = -1;
  let right = -1;
  const values: Array<{ row: number; col: number; cell: Cell }> = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (c, colNumber) => {
      if (c.isMerged && c.master !== c) return; // covered cells read as empty, as in Office.js
      const cell = cellOf(c);
      if (cell.t === "empty") return;
      const r = rowNumber - 1;
      const col = colNumber - 1;
      values.push({ row: r, col, cell });
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    });
  });
  for (const m of merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }

  if (bottom < 0) {
    return { name: ws.name, hidden, origin: { row: 0, col: 0 }, cells: [], merges };
  }

  const width = right - left + 1;
  const cells: Cell[][] = [];
  for (let r = top; r <= bottom; r++) cells.push(Array<Cell>(width).fill(EMPTY_CELL));
  for (const v of values) cells[v.row - top]![v.col - left] = v.cell;
  return { name: ws.name, hidden, origin: { row: top, col: left }, cells, merges };
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
