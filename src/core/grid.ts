/**
 * The one shape both adapters produce: a sheet as a rectangular grid of typed cells plus its
 * merged ranges. Nothing above the adapters knows whether a grid came from Office.js or exceljs.
 */

/** A cell as read from a workbook, after formulas are replaced by their cached results. */
export type Cell =
  | { readonly t: "empty" }
  /** Text; rich text runs are already joined, hyperlinks already reduced to their text. */
  | { readonly t: "s"; readonly v: string }
  /**
   * A number. `fmt` is the cell's number format when the adapter knows it, so that a serial
   * number formatted as a date can be told from a plain count.
   */
  | { readonly t: "n"; readonly v: number; readonly fmt?: string }
  | { readonly t: "b"; readonly v: boolean }
  /** A date the adapter already recognised (exceljs gives JS Dates; their UTC fields hold the day). */
  | { readonly t: "d"; readonly v: Date }
  /** An Excel error value such as `#N/A` or `#REF!`. */
  | { readonly t: "e"; readonly v: string };

/** Inclusive, 0-based sheet coordinates. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetGrid {
  readonly name: string;
  readonly hidden: boolean;
  /**
   * Sheet coordinates (0-based) of `cells[0][0]`: a used range need not start at A1.
   * Row r, column c of `cells` is sheet row `origin.row + r`, column `origin.col + c`.
   */
  readonly origin: { readonly row: number; readonly col: number };
  /** Rectangular: every row has the same length. */
  readonly cells: readonly (readonly Cell[])[];
  readonly merges: readonly CellRange[];
}

export interface WorkbookGrid {
  readonly sheets: readonly SheetGrid[];
}

export const EMPTY_CELL: Cell = Object.freeze({ t: "empty" });

/** Column index (0-based) → letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based sheet coordinates → A1 address. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A1 address → 0-based sheet coordinates; undefined when the text is not an address. */
export function parseA1(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(address.trim().toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Builds a rectangular grid, padding short rows with empty cells (used by adapters and tests). */
export function makeSheetGrid(
  name: string,
  rows: readonly (readonly Cell[])[],
  options: { hidden?: boolean; origin?: { row: number; col: number }; merges?: CellRange[] } = {},
): SheetGrid {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const cells = rows.map((r) =>
    r.length === width ? r : [...r, ...Array<Cell>(width - r.length).fill(EMPTY_CELL)],
  );
  return {
    name,
    hidden: options.hidden ?? false,
    origin: options.origin ?? { row: 0, col: 0 },
    cells,
    merges: options.merges ?? [],
  };
}

/** Shorthand for tests and examples: plain JS values → cells. */
export function cellOf(value: unknown): Cell {
  if (value === null || value === undefined || value === "") return EMPTY_CELL;
  if (typeof value === "string") return { t: "s", v: value };
  if (typeof value === "number") return { t: "n", v: value };
  if (typeof value === "boolean") return { t: "b", v: value };
  if (value instanceof Date) return { t: "d", v: value };
  if (typeof value === "object" && value && "error" in value) {
    return { t: "e", v: String((value as { error: unknown }).error) };
  }
  return { t: "s", v: String(value) };
}
