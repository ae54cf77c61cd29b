/**
 * readWorkbook: every sheet except 整改统计, as a WorkbookGrid, in as few round trips as the
 * payload budget allows. Never writes.
 *
 * Sync plan
 *   1. the worksheet list (names, visibility) and the workbook name;
 *   2. per sheet: the used range's address and, in the same request, the cells of a first
 *      window (rows 1…R, columns A…AF, intersected with the used range host-side, so an
 *      almost empty window costs almost nothing): values, numberFormat, valueTypes — plus the
 *      merged areas when ExcelApi 1.13 is there;
 *   3+. only when a sheet is larger than its window: the rest in row blocks, packed into
 *      syncs of at most `blockCells` cells each.
 *
 * Budget (cells per sync; each cell costs its value + number format + value type):
 *   - Excel on the web limits every request and response to 5 MB. The first window is
 *     96,000 cells (≈ 3.4 MB at 35 bytes a cell: short text, "General", "String"); later blocks
 *     are sized from the bytes per cell actually measured in sync 2, aiming at 3 MB. If a
 *     response is still refused (very long texts), the failed blocks are halved and retried.
 *   - Excel on Windows, Mac and iPad has no payload limit; the cap (600,000 cells per sync)
 *     only bounds memory. A 10,000-row ledger of 17 columns (170,000 cells) is read in 2 syncs.
 */

import { sheetRole } from "../core/analyse";
import {
  type Cell,
  type CellRange,
  EMPTY_CELL,
  type SheetGrid,
  type WorkbookGrid,
} from "../core/grid";
import { parseAreasAddress } from "./address";
import { isPayloadLimitError } from "./errors";
import { excelApiSupported, isExcelOnTheWeb } from "./host";

export interface ReadBudget {
  /** Cells loaded in sync 2, all sheets together (worst case: every window full). */
  readonly firstSyncCells: number;
  /** Window width: columns A… (ledgers have ~17; wider sheets are completed in later syncs). */
  readonly windowColumns: number;
  /** Window height for 基本信息 / 报告正文 (key/value sheets). */
  readonly smallSheetRows: number;
  /** Cells per later sync; on the web recomputed from measured bytes per cell. */
  readonly blockCells: number;
  /** Web only: the response size later syncs aim at, and the bounds of the block size. */
  readonly targetBytes?: number;
  readonly minBlockCells?: number;
}

export const DESKTOP_BUDGET: ReadBudget = {
  firstSyncCells: 600_000,
  windowColumns: 32,
  smallSheetRows: 200,
  blockCells: 600_000,
};

export const WEB_BUDGET: ReadBudget = {
  firstSyncCells: 96_000,
  windowColumns: 32,
  smallSheetRows: 200,
  blockCells: 60_000,
  targetBytes: 3_000_000,
  minBlockCells: 2_000,
};

export function defaultBudget(): ReadBudget {
  return isExcelOnTheWeb() ? WEB_BUDGET : DESKTOP_BUDGET;
}

export interface WorkbookRead {
  readonly grid: WorkbookGrid;
  readonly workbookName: string;
  /** Whether a sheet named 整改统计 exists (writeStatistics deletes it before writing). */
  readonly statsSheetExists: boolean;
  /** Round trips this read took (for tests and the benchmark). */
  readonly syncs: number;
}

interface Block extends CellRange {
  readonly sheet: number;
}

interface LoadedPart {
  readonly top: number;
  readonly left: number;
  readonly values: readonly (readonly unknown[])[];
  readonly formats: readonly (readonly unknown[])[];
  readonly types: readonly (readonly string[])[];
}

const STATS_SHEET = "整改统计";

/** One Excel cell (value, number format, value type) → a grid cell. */
export function toCell(value: unknown, type: string | undefined, format: unknown): Cell {
  if (type === "Error") return { t: "e", v: String(value) };
  if (type === "Empty" || value === "" || value === null || value === undefined) return EMPTY_CELL;
  if (typeof value === "number") {
    const fmt = typeof format === "string" && format !== "General" ? format : undefined;
    return fmt ? { t: "n", v: value, fmt } : { t: "n", v: value };
  }
  if (typeof value === "boolean") return { t: "b", v: value };
  return { t: "s", v: String(value) };
}

function rows(r: CellRange): number {
  return r.bottom - r.top + 1;
}
function cols(r: CellRange): number {
  return r.right - r.left + 1;
}
function cellCount(r: CellRange): number {
  return rows(r) * cols(r);
}

/** The used range minus the window (rows < R, columns < C): at most two rectangles. */
export function remainder(used: CellRange, windowRows: number, windowCols: number): CellRange[] {
  const out: CellRange[] = [];
  const below = {
    top: Math.max(used.top, windowRows),
    bottom: used.bottom,
    left: used.left,
    right: used.right,
  };
  if (below.top <= below.bottom) out.push(below);
  const right = {
    top: used.top,
    bottom: Math.min(used.bottom, windowRows - 1),
    left: Math.max(used.left, windowCols),
    right: used.right,
  };
  if (right.top <= right.bottom && right.left <= right.right) out.push(right);
  return out;
}

/** Splits rectangles into row blocks of ≤ maxCells and packs them into syncs of ≤ maxCells. */
export function planSyncs(parts: readonly Block[], maxCells: number): Block[][] {
  const blocks: Block[] = [];
  for (const p of parts) {
    const perBlock = Math.max(1, Math.floor(maxCells / cols(p)));
    for (let top = p.top; top <= p.bottom; top += perBlock) {
      blocks.push({ ...p, top, bottom: Math.min(p.bottom, top + perBlock - 1) });
    }
  }
  const syncs: Block[][] = [];
  let current: Block[] = [];
  let cells = 0;
  for (const b of blocks) {
    if (current.length > 0 && cells + cellCount(b) > maxCells) {
      syncs.push(current);
      current = [];
      cells = 0;
    }
    current.push(b);
    cells += cellCount(b);
  }
  if (current.length > 0) syncs.push(current);
  return syncs;
}

const encoder = new TextEncoder();

function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

function partBytes(part: LoadedPart): number {
  return utf8Length(JSON.stringify([part.values, part.formats, part.types]));
}

interface SheetMeta {
  readonly name: string;
  readonly hidden: boolean;
  used?: CellRange;
  windowRows: number;
  merges: CellRange[];
  readonly parts: LoadedPart[];
}

const RANGE_CELLS = "rowIndex,columnIndex,rowCount,columnCount,values,numberFormat,valueTypes";

function takePart(range: Excel.Range): LoadedPart {
  return {
    top: range.rowIndex,
    left: range.columnIndex,
    values: range.values,
    formats: range.numberFormat,
    types: range.valueTypes as unknown as string[][],
  };
}

/** Sync 1: which sheets there are. */
async function loadSheetList(context: Excel.RequestContext) {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  const workbook = context.workbook;
  workbook.load("name");
  await context.sync();
  return {
    workbookName: workbook.name,
    sheets: sheets.items.map((s) => ({ name: s.name, hidden: s.visibility !== "Visible" })),
  };
}

/** Sync 2: used ranges, first windows, merges. Returns the bytes per cell it saw. */
async function loadUsedAndWindows(
  context: Excel.RequestContext,
  metas: SheetMeta[],
  budget: ReadBudget,
  withWindows: boolean,
  withMerges: boolean,
): Promise<number> {
  const pending = metas.map((meta) => {
    const sheet = context.workbook.worksheets.getItem(meta.name);
    const used = sheet.getUsedRange(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    let part: Excel.Range | undefined;
    if (withWindows && meta.windowRows > 0) {
      const window = sheet.getRangeByIndexes(0, 0, meta.windowRows, budget.windowColumns);
      part = used.getIntersectionOrNullObject(window);
      part.load(RANGE_CELLS);
    }
    const merged = withMerges ? used.getMergedAreasOrNullObject() : undefined;
    merged?.load("address");
    return { meta, used, part, merged };
  });
  await context.sync();
  let bytes = 0;
  let cells = 0;
  for (const { meta, used, part, merged } of pending) {
    meta.used = {
      top: used.rowIndex,
      left: used.columnIndex,
      bottom: used.rowIndex + used.rowCount - 1,
      right: used.columnIndex + used.columnCount - 1,
    };
    if (!withWindows) meta.windowRows = 0;
    if (part && !part.isNullObject) {
      const loaded = takePart(part);
      meta.parts.push(loaded);
      bytes += partBytes(loaded);
      cells += part.rowCount * part.columnCount;
    }
    if (merged && !merged.isNullObject) meta.merges = parseAreasAddress(merged.address);
  }
  return cells > 0 ? bytes / cells : 0;
}

/** One sync of row blocks; on a payload refusal the blocks are halved and retried. */
async function loadBlocks(
  context: Excel.RequestContext,
  metas: SheetMeta[],
  blocks: Block[],
): Promise<number> {
  const ranges = blocks.map((b) => {
    const range = context.workbook.worksheets
      .getItem(metas[b.sheet]!.name)
      .getRangeByIndexes(b.top, b.left, rows(b), cols(b));
    range.load(RANGE_CELLS);
    return { b, range };
  });
  try {
    await context.sync();
  } catch (error) {
    const splittable = blocks.some((b) => rows(b) > 1);
    if (!isPayloadLimitError(error) || !splittable) throw error;
    const halves = blocks.flatMap((b) => {
      if (rows(b) === 1) return [[b]];
      const mid = b.top + Math.floor(rows(b) / 2) - 1;
      return [[{ ...b, bottom: mid }], [{ ...b, top: mid + 1 }]];
    });
    let syncs = 1;
    for (const half of halves) syncs += await loadBlocks(context, metas, half);
    return syncs;
  }
  for (const { b, range } of ranges) metas[b.sheet]!.parts.push(takePart(range));
  return 1;
}

function assemble(meta: SheetMeta): SheetGrid {
  const used = meta.used ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const cells: Cell[][] = Array.from({ length: rows(used) }, () =>
    Array<Cell>(cols(used)).fill(EMPTY_CELL),
  );
  for (const part of meta.parts) {
    part.values.forEach((valueRow, r) => {
      const row = cells[part.top - used.top + r];
      if (!row) return;
      valueRow.forEach((value, c) => {
        const col = part.left - used.left + c;
        if (col < 0 || col >= row.length) return;
        row[col] = toCell(value, part.types[r]?.[c], part.formats[r]?.[c]);
      });
    });
  }
  return {
    name: meta.name,
    hidden: meta.hidden,
    origin: { row: used.top, col: used.left },
    cells,
    merges: meta.merges,
  };
}

function windowRowsFor(names: readonly string[], budget: ReadBudget): number[] {
  const small = names.map((n) => {
    const role = sheetRole(n);
    return role === "info" || role === "narrative";
  });
  const smallCells = small.filter(Boolean).length * budget.smallSheetRows * budget.windowColumns;
  const others = small.filter((s) => !s).length;
  const share =
    others === 0 ? 0 : (budget.firstSyncCells - smallCells) / others / budget.windowColumns;
  return small.map((s) => (s ? budget.smallSheetRows : Math.max(100, Math.floor(share))));
}

/** Reads the workbook inside an Excel.run context (see the sync plan above). */
export async function readWorkbookIn(
  context: Excel.RequestContext,
  budget: ReadBudget = defaultBudget(),
): Promise<WorkbookRead> {
  let syncs = 0;
  const list = await loadSheetList(context);
  syncs++;
  const statsSheetExists = list.sheets.some(
    (s) => s.name.toLowerCase() === STATS_SHEET.toLowerCase(),
  );
  const toRead = list.sheets.filter((s) => sheetRole(s.name) !== "stats");
  const windows = windowRowsFor(
    toRead.map((s) => s.name),
    budget,
  );
  const metas: SheetMeta[] = toRead.map((s, i) => ({
    name: s.name,
    hidden: s.hidden,
    windowRows: windows[i]!,
    merges: [],
    parts: [],
  }));
  // Merged areas need ExcelApi 1.13; without them the core inherits blank 方面 cells anyway.
  const withMerges = excelApiSupported("1.13");
  let bytesPerCell = 0;
  let blockCells = budget.blockCells;
  if (metas.length > 0) {
    try {
      bytesPerCell = await loadUsedAndWindows(context, metas, budget, true, withMerges);
      syncs++;
    } catch (error) {
      if (!isPayloadLimitError(error)) throw error;
      // The windows were too heavy for the 5 MB limit: sizes only, then small blocks.
      syncs++;
      for (const m of metas) m.parts.length = 0;
      await loadUsedAndWindows(context, metas, budget, false, withMerges);
      syncs++;
      blockCells = budget.minBlockCells ?? Math.floor(budget.blockCells / 8);
    }
  }
  if (budget.targetBytes && bytesPerCell > 0) {
    const fit = Math.floor(budget.targetBytes / bytesPerCell);
    blockCells = Math.max(budget.minBlockCells ?? 1, Math.min(fit, budget.firstSyncCells * 2));
  }
  const rest: Block[] = metas.flatMap((m, sheet) =>
    m.used
      ? remainder(m.used, m.windowRows, budget.windowColumns).map((r) => ({ ...r, sheet }))
      : [],
  );
  for (const group of planSyncs(rest, blockCells)) syncs += await loadBlocks(context, metas, group);
  return {
    grid: { sheets: metas.map(assemble) },
    workbookName: list.workbookName,
    statsSheetExists,
    syncs,
  };
}
