/**
 * The per-file work of `zhenggai summary`: `figuresFromFile(path, options)` reads one ledger and
 * returns its figures (src/core/summary.ts). Plain data in and out, so the batch pool runs it in
 * worker threads: SUMMARY_JOB names this module (its own import.meta.url, which is the bundle
 * chunk when the CLI runs bundled), as REPORT_JOB does for `report`.
 */
import { basename } from "node:path";
import { analyseWorkbook } from "../core/index";
import type { LocalDate, Precision } from "../core/model";
import { type SummaryUnitFigures, unitFigures } from "../core/summary";
import type { JobRef } from "../node/batch";
import { readWorkbookFile, WorkbookReadError } from "../node/read-workbook";

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
  let grid: Awaited<ReturnType<typeof readWorkbookFile>>;
  try {
    grid = await readWorkbookFile(input);
  } catch (error) {
    if (error instanceof WorkbookReadError) return { input, ok: false, message: error.message };
    throw error;
  }
  const analysis = analyseWorkbook(grid, { asOf: options.asOf, precision: options.precision });
  if (!analysis.ledger) {
    const names = grid.sheets.map((s) => s.name).join("、") || "无";
    return {
      input,
      ok: false,
      message: `文件“${basename(input)}”中没有找到整改台账工作表（现有工作表：${names}）。`,
    };
  }
  return { input, ok: true, figures: unitFigures(analysis, input) };
}
