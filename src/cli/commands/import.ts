/**
 * `zhenggai import`: the command line only. The reader, parser and workbook writer live in
 * ../import-run.ts and load when the command runs, so `zhenggai --help` loads none of them.
 */
import type { Command } from "commander";
import type { ImportOptions } from "../import-run";
import { exitTwoOnUsageErrors, runCommand } from "../options";

export function register(program: Command): void {
  exitTwoOnUsageErrors(
    program
      .command("import")
      .description(
        "从巡察反馈意见（或已有的整改报告、通报）生成整改台账：问题、方面、类别、整改成效、完成情况和基本信息",
      )
      .argument(
        "<feedback>",
        "反馈意见文档：.docx、带文字层的 .pdf 或 .txt（UTF-8 或 GB18030）；“-” 表示从标准输入读取粘贴的文字",
      )
      .option("-o, --out <台账.xlsx>", "要生成的工作簿（默认：与文档同名，加“-整改台账.xlsx”）")
      .option("-f, --force", "文件已存在时覆盖")
      .addHelpText(
        "after",
        "\n退出码：0 已生成；2 文档无法读取、没有识别出问题、文件已存在（未加 --force）或参数有误。\n生成后请运行 zhenggai check <台账.xlsx> 查看待填写的单元格。",
      )
      .action((file: string, options: ImportOptions) =>
        runCommand(async () => (await import("../import-run")).runImport(file, options)),
      ),
  );
}
