/**
 * `zhenggai summary`: the command line only. The pool, the job, the summary and the workbook
 * writer live in ../summary-run.ts and load when the command runs, so `--help` loads none.
 */
import type { Command } from "commander";
import { exitTwoOnUsageErrors, runCommand } from "../options";
import type { SummaryCliOptions } from "../summary-run";

export function register(program: Command): void {
  exitTwoOnUsageErrors(
    program
      .command("summary")
      .description(
        "汇总多个单位的整改台账（巡察办用）：每个单位一行、合计、各方面情况和超期问题，输出 .xlsx",
      )
      .argument("<ledger.xlsx...>", "各单位的整改台账工作簿，或包含台账的文件夹")
      .requiredOption("-o, --out <汇总.xlsx>", "要生成的汇总工作簿")
      .option("--notice <汇总通报.docx>", "同时生成汇总通报（内置“汇总通报”模板）")
      .option("--as-of <YYYY-MM-DD>", "统计截至日期（判断超期），默认今天")
      .option("--precision <0|1|2>", "百分比保留的小数位数", "2")
      .option("--threads <n>", "同时读取的台账数")
      .option("-f, --force", "文件已存在时覆盖")
      .addHelpText(
        "after",
        "\n有错误的台账列在汇总表中并标色，不计入合计；无法读取的文件同样列出。\n退出码：0 全部计入；1 有单位的台账有错误或无法读取（汇总仍已生成）；2 参数有误或无法写出。",
      )
      .action((inputs: string[], options: SummaryCliOptions) =>
        runCommand(async () => (await import("../summary-run")).runSummary(inputs, options)),
      ),
  );
}
