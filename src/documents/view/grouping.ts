/**
 * Grouping: the listed rows of a document in the order the body prints them — 方面 in ledger
 * order, then 类别 (three-level ledgers), then problems — with their running numbers. No
 * wording here; the mapping turns these groups into tag values.
 */
import type { LedgerRow } from "../../core/model";

export interface NumberedRow {
  readonly row: LedgerRow;
  /** Running number over the whole document (1, 2, 3 … across 方面). */
  readonly number: number;
  /** Number inside its 方面, from 1. */
  readonly inAspect: number;
}

export interface CategoryGroup {
  /** "" in a two-level ledger (one unnamed category per 方面). */
  readonly name: string;
  /** 1-based number among the named categories of its 方面; 0 when unnamed. */
  readonly number: number;
  readonly problems: readonly NumberedRow[];
}

export interface AspectGroup {
  readonly name: string;
  /** 1-based position among the listed 方面. */
  readonly number: number;
  readonly categories: readonly CategoryGroup[];
  readonly problems: readonly NumberedRow[];
}

function groupBy<K>(rows: readonly LedgerRow[], key: (r: LedgerRow) => K): Map<K, LedgerRow[]> {
  const map = new Map<K, LedgerRow[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

/** 方面 → 类别 → problems, numbered in print order. */
export function groupRows(rows: readonly LedgerRow[], threeLevels: boolean): AspectGroup[] {
  let number = 0;
  const aspects: AspectGroup[] = [];
  for (const [aspectName, aspectRows] of groupBy(rows, (r) => r.aspect)) {
    let inAspect = 0;
    let categoryNumber = 0;
    const categories: CategoryGroup[] = [];
    const problems: NumberedRow[] = [];
    for (const [name, categoryRows] of groupBy(aspectRows, (r) =>
      threeLevels ? r.category : "",
    )) {
      if (name !== "") categoryNumber++;
      const numbered = categoryRows.map((row) => ({
        row,
        number: ++number,
        inAspect: ++inAspect,
      }));
      problems.push(...numbered);
      categories.push({ name, number: name !== "" ? categoryNumber : 0, problems: numbered });
    }
    aspects.push({ name: aspectName, number: aspects.length + 1, categories, problems });
  }
  return aspects;
}

/** Rows numbered on their own from 1 (the 自查 list). */
export function numberRows(rows: readonly LedgerRow[]): NumberedRow[] {
  return rows.map((row, i) => ({ row, number: i + 1, inAspect: i + 1 }));
}
