/** A1 addresses as Excel returns them (`整改台账!A1:Q20`, `'My sheet'!B2`) ↔ 0-based ranges. */
import { type CellRange, parseA1 } from "../core/grid";

/** The part after the sheet name: `'a!b'!C3:D4` → `C3:D4`. */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang < 0 ? address.trim() : address.slice(bang + 1).trim();
}

/** `A1` or `A1:C3` (optionally sheet-qualified, optionally with $) → inclusive 0-based range. */
export function parseRangeAddress(address: string): CellRange | undefined {
  const [from, to = from] = stripSheet(address).replace(/\$/g, "").split(":");
  const a = from ? parseA1(from) : undefined;
  const b = to ? parseA1(to) : undefined;
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/**
 * A RangeAreas address (`Sheet1!A1:B4, Sheet1!D1:D4`) → its rectangles. Sheet names may be
 * quoted and contain commas, so areas are matched, not split.
 */
export function parseAreasAddress(address: string): CellRange[] {
  const area = /(?:'(?:[^']|'')*'|[^,'!]+)!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)/g;
  const out: CellRange[] = [];
  for (const m of address.matchAll(area)) {
    const r = parseRangeAddress(m[1]!);
    if (r) out.push(r);
  }
  if (out.length === 0) {
    // Unqualified list (`A1:B2,C3`).
    for (const part of address.split(",")) {
      const r = parseRangeAddress(part);
      if (r) out.push(r);
    }
  }
  return out;
}
