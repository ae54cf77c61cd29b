/**
 * One ledger file read and analysed, for the per-file jobs of `report` and `summary`
 * (report-job.ts, summary-job.ts): a file that cannot be read, or holds no ledger sheet, is a
 * Chinese message naming the file, never a throw.
 */
import { basename } from "node:path";
import { analyseWorkbook } from "../core/index";
import type { LedgerAnalysis, LocalDate, Precision } from "../core/model";
import { readWorkbookFile, WorkbookReadError } from "../node/read-workbook";

export type AnalysedLedgerFile =
  | { readonly ok: true; readonly analysis: LedgerAnalysis }
  | { readonly ok: false; readonly message: string };

export async function analyseLedgerFile(
  input: string,
  options: { readonly asOf: LocalDate; readonly precision: Precision },
): Promise<AnalysedLedgerFile> {
  let grid: Awaited<ReturnType<typeof readWorkbookFile>>;
  try {
    grid = await readWorkbookFile(input);
  } catch (error) {
    if (error instanceof WorkbookReadError) return { ok: false, message: error.message };
    throw error;
  }
  const analysis = analyseWorkbook(grid, { asOf: options.asOf, precision: options.precision });
  if (!analysis.ledger) {
    const names = grid.sheets.map((s) => s.name).join("、") || "无";
    return {
      ok: false,
      message: `文件“${basename(input)}”中没有找到整改台账工作表（现有工作表：${names}）。`,
    };
  }
  return { ok: true, analysis };
}
