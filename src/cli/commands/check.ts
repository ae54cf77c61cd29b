/**
 * `zhenggai check <ledger.xlsx>`: validates a ledger workbook and prints the findings and the
 * statistics. Exit 0 without errors, 1 with errors, 2 when the file cannot be used.
 */
import { basename } from "node:path";
import type { Command } from "commander";
import { todayLocal } from "../../core/dates";
import type { WorkbookGrid } from "../../core/grid";
import type { LocalDate, Precision } from "../../core/model";
import {
  EXIT_HAS_ERRORS,
  EXIT_OK,
  exitTwoOnUsageErrors,
  failUnusable,
  parseAsOf,
  parsePrecision,
  runCommand,
  UsageError,
} from "../options";

interface CheckOptions {
  asOf?: string;
  precision?: string;
  json?: boolean;
}

export function register(program: Command): void {
  exitTwoOnUsageErrors(
    program
      .command("check")
      .description("校验整改台账：按错误/警告/提示列出问题（工作表!单元格），并输出完成情况统计")
      .argument("<ledger.xlsx>", "整改台账工作簿（.xlsx）")
      .option("--as-of <YYYY-MM-DD>", "统计截止日期（判断超期、完成日期不得晚于该日），默认今天")
      .option("--precision <0|1|2>", "百分比保留的小数位数", "0")
      .option("--json", "以 JSON 输出（一个对象：findings 和 stats），便于脚本处理")
      .addHelpText(
        "after",
        "\n退出码：0 没有错误；1 台账有错误；2 文件无法使用（不存在、不是 .xlsx、没有整改台账工作表）或参数有误。",
      )
      .action((file: string, options: CheckOptions) => runCommand(() => runCheck(file, options))),
  );
}

/** Runs the check and returns the exit code; output goes to stdout/stderr. */
export async function runCheck(file: string, options: CheckOptions): Promise<number> {
  // Loaded when the command runs, so `zhenggai --help` loads no exceljs and no core.
  const [
    { analyseWorkbook },
    { readWorkbookFile, WorkbookReadError },
    { checkJson, formatCheckText },
  ] = await Promise.all([
    import("../../core/index"),
    import("../../node/read-workbook"),
    import("../check-output"),
  ]);
  let asOf: LocalDate;
  let precision: Precision;
  let grid: WorkbookGrid;
  try {
    asOf = options.asOf !== undefined ? parseAsOf(options.asOf) : todayLocal();
    precision = parsePrecision(options.precision ?? "0");
    grid = await readWorkbookFile(file);
  } catch (error) {
    if (error instanceof UsageError || error instanceof WorkbookReadError) {
      failUnusable(error.message);
      return 2;
    }
    throw error;
  }

  const analysis = analyseWorkbook(grid, { asOf, precision });
  if (!analysis.ledger) {
    const names = grid.sheets.map((s) => s.name).join("、") || "无";
    failUnusable(
      `文件“${basename(file)}”中没有找到整改台账工作表（现有工作表：${names}）；请把台账放在名为“整改台账”的工作表中，表头含“问题”“完成情况”等列。`,
    );
    return 2;
  }

  if (options.json) {
    process.stdout.write(`${JSON.stringify(checkJson(analysis), null, 2)}\n`);
  } else {
    process.stdout.write(formatCheckText(analysis, basename(file)));
  }
  return analysis.findings.some((f) => f.severity === "error") ? EXIT_HAS_ERRORS : EXIT_OK;
}
