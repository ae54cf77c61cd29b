/**
 * `zhenggai init <out.xlsx>`: writes a blank ledger workbook a clerk can start from, with
 * drop-downs, date checks and input prompts. Never overwrites a file unless --force.
 */
import { existsSync } from "node:fs";
import { extname } from "node:path";
import type { Command } from "commander";
import { EXIT_OK, exitTwoOnUsageErrors, failUnusable, runCommand } from "../options";
import { writeOutputFile } from "../output-file";

interface InitOptions {
  force?: boolean;
  rows?: string;
}

export function register(program: Command): void {
  exitTwoOnUsageErrors(
    program
      .command("init")
      .description(
        "生成空白整改台账工作簿（整改台账、基本信息、报告正文三张工作表，带下拉选项和填写提示）",
      )
      .argument("<out.xlsx>", "要生成的工作簿路径（.xlsx）")
      .option("-f, --force", "文件已存在时覆盖")
      .option("--rows <n>", "预留的空白行数", "200")
      .addHelpText("after", "\n退出码：0 已生成；2 文件已存在（未加 --force）、路径或参数有误。")
      .action((out: string, options: InitOptions) => runCommand(() => runInit(out, options))),
  );
}

export async function runInit(out: string, options: InitOptions): Promise<number> {
  if (extname(out).toLowerCase() !== ".xlsx") {
    failUnusable(`输出文件“${out}”须以 .xlsx 结尾。`);
    return 2;
  }
  const rows = Number(options.rows ?? "200");
  if (!Number.isInteger(rows) || rows < 1 || rows > 5000) {
    failUnusable(`--rows 的值“${options.rows}”无效：请填写 1 到 5000 之间的整数。`);
    return 2;
  }
  if (existsSync(out) && !options.force) {
    failUnusable(`文件“${out}”已存在，未覆盖；如确需覆盖，请加 --force。`);
    return 2;
  }
  const [{ buildBlankLedger }, { writeXlsxDeterministic }] = await Promise.all([
    import("../../xlsx/ledger-workbook"),
    import("../../xlsx/write"),
  ]);
  const bytes = await writeXlsxDeterministic(buildBlankLedger(rows));
  if (!(await writeOutputFile(out, bytes))) return 2;
  process.stdout.write(
    `已生成空白台账：${out}\n按“整改台账”逐行登记问题，在“基本信息”填写巡察和发文信息，然后运行 zhenggai check ${out} 检查。\n`,
  );
  return EXIT_OK;
}
