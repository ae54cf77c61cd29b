/**
 * A read view over one SheetGrid: cell access in grid coordinates with merged ranges resolved
 * (a cell inside a merge shows the top-left cell's value, as Excel displays it) and A1
 * addresses in sheet coordinates (the grid may start anywhere: see SheetGrid.origin).
 */
import { a1, type Cell, type CellRange, columnLetters, EMPTY_CELL, type SheetGrid } from "./grid";

export class SheetView {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  private readonly grid: SheetGrid;
  /** Grid index (r * cols + c) → merge (in grid coordinates) for every covered cell. */
  private readonly merged = new Map<number, CellRange>();

  constructor(grid: SheetGrid) {
    this.grid = grid;
    this.name = typeof grid.name === "string" ? grid.name : String(grid.name);
    const cells = Array.isArray(grid.cells) ? grid.cells : [];
    this.rows = cells.length;
    this.cols = cells.reduce((w, r) => Math.max(w, Array.isArray(r) ? r.length : 0), 0);
    const origin = this.origin;
    for (const m of Array.isArray(grid.merges) ? grid.merges : []) {
      // Merges are in sheet coordinates; clip them to the grid.
      const top = Math.max(0, Math.floor(m.top - origin.row));
      const bottom = Math.min(this.rows - 1, Math.floor(m.bottom - origin.row));
      const left = Math.max(0, Math.floor(m.left - origin.col));
      const right = Math.min(this.cols - 1, Math.floor(m.right - origin.col));
      if (!(top <= bottom && left <= right)) continue;
      if (top === bottom && left === right) continue;
      // Clipped: a merge starting outside the used range has its (empty) anchor outside too.
      const range: CellRange = { top, left, bottom, right };
      for (let r = top; r <= bottom; r++) {
        for (let c = left; c <= right; c++) this.merged.set(r * this.cols + c, range);
      }
    }
  }

  get origin(): { row: number; col: number } {
    const o = this.grid.origin;
    const row = Number.isFinite(o?.row) ? Math.max(0, Math.floor(o.row)) : 0;
    const col = Number.isFinite(o?.col) ? Math.max(0, Math.floor(o.col)) : 0;
    return { row, col };
  }

  /** The cell as stored (no merge resolution). */
  raw(r: number, c: number): Cell {
    return this.grid.cells[r]?.[c] ?? EMPTY_CELL;
  }

  /** The merge covering a cell (grid coordinates), if any. */
  mergeAt(r: number, c: number): CellRange | undefined {
    return this.merged.get(r * this.cols + c);
  }

  /** The cell as displayed: inside a merge, the value of the merge's top-left cell. */
  value(r: number, c: number): Cell {
    const m = this.merged.get(r * this.cols + c);
    if (m && (m.top !== r || m.left !== c)) {
      const anchor = this.raw(m.top, m.left);
      return anchor.t === "empty" ? this.raw(r, c) : anchor;
    }
    return this.raw(r, c);
  }

  /** True when the cell is covered by a merge but is not its top-left cell. */
  isMergedContinuation(r: number, c: number): boolean {
    const m = this.merged.get(r * this.cols + c);
    return !!m && (m.top !== r || m.left !== c);
  }

  /** Grid row → 1-based sheet row number. */
  sheetRow(r: number): number {
    return this.origin.row + r + 1;
  }

  /** Grid column → sheet column letters. */
  columnLetters(c: number): string {
    return columnLetters(this.origin.col + c);
  }

  /** Grid coordinates → A1 address in the sheet. */
  address(r: number, c: number): string {
    const o = this.origin;
    return a1(o.row + r, o.col + c);
  }

  /** Whether every stored cell of the row is empty (merge continuations count as empty). */
  isBlankRow(r: number): boolean {
    const row = this.grid.cells[r];
    if (!row) return true;
    for (const cell of row) {
      if (!cell || cell.t === "empty") continue;
      if (cell.t === "s" && cell.v.trim() === "") continue;
      return false;
    }
    return true;
  }
}
