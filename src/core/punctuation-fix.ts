/**
 * 规范台账's punctuation fix: from the analysis's text.halfWidthPunctuation findings, the cells to
 * change and their text before and after. Pure: the grid and findings in, the list out; the
 * Excel adapter writes exactly this list and nothing else.
 */
import { parseA1, type WorkbookGrid } from "./grid";
import type { Finding } from "./model";
import { halfWidthPunctuation } from "./text-check";

/** One cell to change: `before` is the cell's text as read, `after` the same with full-width marks. */
export interface PunctuationFix {
  readonly sheet: string;
  readonly cell: string;
  readonly before: string;
  readonly after: string;
}

export const HALF_WIDTH_CODE = "text.halfWidthPunctuation";

/**
 * Each cell a half-width punctuation warning names, once, whose text really changes. `before` is
 * the grid's own text (not the cleaned text the checks read) so that the adapter can compare it
 * with the cell as it stands in Excel.
 */
export function punctuationFixes(
  grid: WorkbookGrid,
  findings: readonly Finding[],
): PunctuationFix[] {
  const out: PunctuationFix[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (f.code !== HALF_WIDTH_CODE || !f.cell) continue;
    const key = `${f.sheet}!${f.cell}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const sheet = grid.sheets.find((s) => s.name === f.sheet);
    const at = parseA1(f.cell);
    if (!sheet || !at) continue;
    const cell = sheet.cells[at.row - sheet.origin.row]?.[at.col - sheet.origin.col];
    // Only text: a number or date is never rewritten as text.
    if (cell?.t !== "s") continue;
    const after = halfWidthPunctuation(cell.v).fixed;
    if (after !== cell.v) out.push({ sheet: f.sheet, cell: f.cell, before: cell.v, after });
  }
  return out;
}
