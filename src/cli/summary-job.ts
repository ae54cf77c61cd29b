/**
 * The per-file work of `zhenggai summary`: `figuresFromFile(path, options)` reads one ledger and
 * returns its figures (src/core/summary.ts). Plain data in and out, so the batch pool runs it in
 * worker threads: SUMMARY_JOB names this module (its own import.meta.url, which is the bundle
 * chunk when the CLI runs bundled), as REPORT_JOB does for `report`.
 */
import type { LocalDate, Precision } from "../core/model";
import { type SummaryUnitFigures, unitFigures } from "../core/summary";
import type { JobRef } from "../node/batch";
import { analyseLedgerFile } from "./ledger-file";

export interface FiguresOptions {
  readonly asOf: LocalDate;
  readonly precision: Precision;
}

export type FiguresResult =
  | { readonly input: string; readonly ok: true; readonly figures: SummaryUnitFigures }
  | { readonly input: string; readonly ok: false; readonly message: string };

export const SUMMARY_JOB: JobRef = { module: import.meta.url, name: "figuresFromFile" };

/** One ledger's figures; an unusable file becomes a Chinese message, never a throw. */
export async function figuresFromFile(
  input: string,
  options: FiguresOptions,
): Promise<FiguresResult> {
  const read = await analyseLedgerFile(input, options);
  if (!read.ok) return { input, ok: false, message: read.message };
  return { input, ok: true, figures: unitFigures(read.analysis, input) };
}
