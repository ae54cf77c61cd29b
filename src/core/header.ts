/**
 * Finds the ledger header in the first rows of a sheet and maps its columns to fields:
 * merged title rows above, two-level headers (责任主体 over 责任领导/责任部门/责任人), any
 * column order, aliases, line breaks and full-width spaces inside header text.
 */
import type { LedgerField } from "./model";
import { cellText } from "./normalise";
import type { SheetView } from "./sheet";
import { looseKey, looseKeyWithoutNotes } from "./text";
import { LEDGER_HEADER_ALIASES } from "./vocabulary";

/** The header is looked for in this many rows. */
export const HEADER_SEARCH_ROWS = 10;
/** A row needs this many recognised columns to count as the ledger header. */
export const MIN_HEADER_FIELDS = 3;

const ALIAS_LOOKUP: ReadonlyMap<string, LedgerField> = (() => {
  const map = new Map<string, LedgerField>();
  for (const [field, aliases] of Object.entries(LEDGER_HEADER_ALIASES) as [
    LedgerField,
    readonly string[],
  ][]) {
    for (const alias of aliases) map.set(looseKey(alias), field);
  }
  return map;
})();

/** Header text → field (exact alias first, then with bracketed notes removed). */
export function headerField(text: string): LedgerField | undefined {
  const key = looseKey(text);
  if (key === "") return undefined;
  return ALIAS_LOOKUP.get(key) ?? ALIAS_LOOKUP.get(looseKeyWithoutNotes(text));
}

export interface HeaderColumn {
  readonly col: number;
  /** The header text as written (for messages). */
  readonly text: string;
  readonly field: LedgerField | undefined;
}

export interface HeaderMatch {
  /** Grid rows of the header (one, or two for two-level headers). */
  readonly rows: readonly number[];
  /** Field → grid column (first column wins). */
  readonly columns: ReadonlyMap<LedgerField, number>;
  /** Fields that appeared in more than one column: the later columns. */
  readonly duplicates: readonly HeaderColumn[];
  /** Non-empty header cells that map to no field. */
  readonly unknown: readonly HeaderColumn[];
}

function rowTexts(view: SheetView, r: number): string[] {
  const texts: string[] = [];
  for (let c = 0; c < view.cols; c++) texts.push(cellText(view.value(r, c)).text);
  return texts;
}

/** Number of distinct fields recognised in a row. */
export function headerScore(view: SheetView, r: number): number {
  const fields = new Set<LedgerField>();
  for (let c = 0; c < view.cols; c++) {
    const cell = view.value(r, c);
    if (cell.t !== "s") continue;
    const f = headerField(cell.v);
    if (f) fields.add(f);
  }
  return fields.size;
}

/** The best header in the first HEADER_SEARCH_ROWS rows, or undefined. */
export function detectHeader(view: SheetView): HeaderMatch | undefined {
  const limit = Math.min(HEADER_SEARCH_ROWS, view.rows);
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < limit; r++) {
    const score = headerScore(view, r);
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best < 0 || bestScore < MIN_HEADER_FIELDS) return undefined;

  // The best row may be the lower level of a two-level header whose upper cells are merged
  // down into it (序号 spanning both rows): then it alone scores highest.
  if (best > 0) {
    for (let c = 0; c < view.cols; c++) {
      const m = view.mergeAt(best, c);
      if (m && m.top === best - 1 && m.bottom >= best) {
        const upperAbove = rowTexts(view, best - 1);
        const lowerHere = rowTexts(view, best);
        const texts = lowerHere.map((t, col) => levelText(upperAbove[col] ?? "", t));
        return mapColumns(texts, [best - 1, best]);
      }
    }
  }

  const upper = rowTexts(view, best);
  const upperFields = upper.map(headerField);
  // Two-level header: the row below names fields under a group cell of this row (a merged
  // 责任主体, or an unrecognised/blank cell), and is not itself a data row.
  let twoLevel = false;
  if (best + 1 < view.rows) {
    const lower = rowTexts(view, best + 1);
    const lowerFields = lower.map((t, c) => {
      // The same header cell merged down is not a second level.
      if (view.isMergedContinuation(best + 1, c) && view.mergeAt(best + 1, c)?.top === best) {
        return undefined;
      }
      const text = levelText(upper[c] ?? "", t);
      return text !== upper[c] ? headerField(text) : undefined;
    });
    let under = 0;
    let hits = 0;
    for (let c = 0; c < view.cols; c++) {
      if (!lowerFields[c]) continue;
      hits++;
      const m = view.mergeAt(best, c);
      const groupCell = (m && m.left !== m.right && m.top === best) || !upperFields[c];
      if (groupCell) under++;
    }
    twoLevel = under >= 1 && (hits >= 2 || (under >= 1 && hits === under));
    if (twoLevel) {
      const texts = upper.map((u, c) => (lowerFields[c] ? levelText(u, lower[c] ?? "") : u));
      return mapColumns(texts, [best, best + 1]);
    }
  }
  return mapColumns(upper, [best]);
}

/**
 * The header text of a column in a two-level header: the lower cell when it names a field
 * (责任领导 under 责任主体), the two joined when together they do (措施 under 整改), else the upper.
 */
function levelText(upper: string, lower: string): string {
  if (lower !== "" && headerField(lower)) return lower;
  if (upper !== "" && lower !== "" && upper !== lower && headerField(upper + lower)) {
    return upper + lower;
  }
  return upper !== "" ? upper : lower;
}

function mapColumns(texts: readonly string[], rows: readonly number[]): HeaderMatch {
  const columns = new Map<LedgerField, number>();
  const duplicates: HeaderColumn[] = [];
  const unknown: HeaderColumn[] = [];
  const seenUnknown = new Set<string>();
  texts.forEach((text, col) => {
    if (text === "") return;
    const field = headerField(text);
    if (!field) {
      // A group title spanning several columns (责任主体) is reported once.
      if (!seenUnknown.has(text)) unknown.push({ col, text, field });
      seenUnknown.add(text);
      return;
    }
    if (columns.has(field)) duplicates.push({ col, text, field });
    else columns.set(field, col);
  });
  return { rows, columns, duplicates, unknown };
}
