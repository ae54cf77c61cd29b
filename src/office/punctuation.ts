/**
 * 规范台账's punctuation fix in Excel: writes exactly the cells of the list it is given. Each
 * target is re-read first; a cell whose value is no longer the list's `before` (the user edited
 * it since the check) or that holds a formula is skipped, so nothing newer is overwritten.
 * Two syncs: one to read the targets, one to write.
 */
import type { PunctuationFix } from "../core/punctuation-fix";
import { asTextInput } from "./stats-layout";

/** Writes the fixes whose cells still hold `before`; returns how many cells were changed. */
export async function fixPunctuationIn(
  context: Excel.RequestContext,
  fixes: readonly PunctuationFix[],
): Promise<number> {
  if (fixes.length === 0) return 0;
  const targets = fixes.map((fix) => {
    const range = context.workbook.worksheets.getItem(fix.sheet).getRange(fix.cell);
    range.load("values, formulas");
    return { fix, range };
  });
  await context.sync();
  let changed = 0;
  for (const { fix, range } of targets) {
    const value = range.values[0]?.[0];
    const formula = range.formulas[0]?.[0];
    if (value !== fix.before) continue;
    if (typeof formula === "string" && formula.startsWith("=")) continue;
    range.values = [[asTextInput(fix.after)]];
    changed++;
  }
  if (changed > 0) await context.sync();
  return changed;
}
