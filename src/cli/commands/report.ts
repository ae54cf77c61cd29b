/**
 * `zhenggai report <ledger.xlsx...>`: fills the 报告 or 通报 template from each ledger. One
 * output per input; a ledger with errors gets nothing written (unless --force). Exit 0 all
 * written, 1 some ledger has errors, 2 some input or the template cannot be used.
 *
 * The per-file work is `generateFromFile` in ../report-job.ts, run on the batch pool. This module
 * loads it, the template check and the pool only when the command runs, so `--help` stays light.
 */
import { existsSync, statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { todayLocal } from "../../core/dates";
import { DOCUMENT_KINDS, type DocumentKind } from "../../documents/api";
import type { BatchItem } from "../../node/batch";
import {
  EXIT_HAS_ERRORS,
  EXIT_OK,
  EXIT_UNUSABLE,
  exitTwoOnUsageErrors,
  failUnusable,
  parseAsOf,
  parsePrecision,
  UsageError,
} from "../options";
import type { GenerateOptions, GenerateResult } from "../report-job";
import { readTemplateFile } from "./template";

/** The package root (where package.json and templates/ live), independent of the cwd. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "templates"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
    dir = parent;
  }
}

/** `--template 报告|通报|<path.docx>` → template path and document kind. */
export function resolveTemplate(
  value: string | undefined,
  kindOption: string | undefined,
): { template: string; kind: DocumentKind } {
  const name = value ?? "报告";
  if ((DOCUMENT_KINDS as readonly string[]).includes(name)) {
    const kind = name as DocumentKind;
    if (kindOption !== undefined && kindOption !== kind) {
      throw new UsageError(`--kind ${kindOption} 与内置模板“${kind}”不一致。`);
    }
    return { template: join(packageRoot(), "templates", `${kind}.docx`), kind };
  }
  const template = resolve(name);
  if (!existsSync(template)) {
    throw new UsageError(
      `找不到模板文件“${name}”：--template 可写 报告、通报，或一个 .docx 模板的路径。`,
    );
  }
  if (kindOption !== undefined) {
    if (!(DOCUMENT_KINDS as readonly string[]).includes(kindOption)) {
      throw new UsageError(`--kind 的值“${kindOption}”无效：只能是 报告 或 通报。`);
    }
    return { template, kind: kindOption as DocumentKind };
  }
  // A department's own template: its name usually says which document it is.
  return { template, kind: basename(template).includes("通报") ? "通报" : "报告" };
}

/** Files and folders on the command line → the .xlsx files to process, in order. */
export async function expandInputs(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    if (!existsSync(arg)) throw new UsageError(`找不到文件或文件夹“${arg}”。`);
    if (statSync(arg).isDirectory()) {
      const names = (await readdir(arg))
        .filter((n) => /\.xlsx$/i.test(n) && !n.startsWith("~$"))
        .sort((a, b) => a.localeCompare(b, "zh-CN"));
      if (names.length === 0) throw new UsageError(`文件夹“${arg}”中没有 .xlsx 台账文件。`);
      files.push(...names.map((n) => join(arg, n)));
    } else files.push(arg);
  }
  return files;
}

const SEVERITY_WORD = { error: "错误", warning: "警告", info: "提示" } as const;

function describe(
  result: GenerateResult,
  findingLocation: (f: GenerateResult["findings"][number]) => string,
): string {
  const lines: string[] = [];
  const name = basename(result.input);
  if (result.status === "written") {
    lines.push(`已生成：${result.output}`);
    const forced = result.findings.filter((f) => f.severity === "error");
    if (forced.length > 0) lines.push(`  （已按 --force 忽略 ${forced.length} 处错误）`);
    // Template warnings are about the template: print them; ledger warnings: point to `check`.
    const templateNotes = result.findings.filter((f) => f.code.startsWith("template."));
    for (const f of templateNotes) lines.push(`  警告  ${f.message}`);
    const warnings = result.findings.filter(
      (f) => f.severity === "warning" && !f.code.startsWith("template."),
    ).length;
    if (warnings > 0) lines.push(`  另有 ${warnings} 条警告，可运行 zhenggai check ${name} 查看。`);
  } else {
    lines.push(
      result.status === "errors"
        ? `未生成（${name}）：有错误，请改正后重试，或确认无误后加 --force 生成。`
        : `无法使用（${name}）：${result.message ?? ""}`,
    );
    for (const f of result.findings.filter((x) => x.severity === "error")) {
      lines.push(`  ${SEVERITY_WORD[f.severity]}  ${findingLocation(f)}  ${f.detail}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

interface ReportCliOptions {
  template?: string;
  kind?: string;
  out?: string;
  asOf?: string;
  precision?: string;
  force?: boolean;
  title?: string;
  seal?: boolean;
  annex?: boolean;
  threads?: string;
}

export function register(program: Command): void {
  exitTwoOnUsageErrors(
    program
      .command("report")
      .description("由整改台账生成整改情况报告或整改进展情况通报（.docx）")
      .argument("<ledger.xlsx...>", "一个或多个整改台账工作簿，或包含台账的文件夹")
      .option(
        "--template <报告|通报|模板.docx>",
        "使用的模板：内置的“报告”“通报”，或自己的 .docx 模板",
        "报告",
      )
      .option("--kind <报告|通报>", "自有模板生成的文件种类（默认按模板文件名判断）")
      .option("--out <文件.docx|文件夹>", "输出文件（单个台账时）或输出文件夹；默认放在台账旁边")
      .option("--as-of <YYYY-MM-DD>", "统计截至日期，默认今天")
      .option("--precision <0|1|2>", "百分比保留的小数位数", "0")
      .option("--title <标题>", "改写文件标题（默认由基本信息生成；标题中的换行保留为回行）")
      .option("--seal", "加盖印章：署名居中于成文日期之上（报告默认）")
      .option("--no-seal", "不加盖印章：署名右空二字（通报默认）")
      .option("--annex", "报告附上整改台账：正文后附件说明，横向页面的台账表格")
      .option("--force", "台账有错误时仍然生成")
      .option("--threads <n>", "同时处理的台账数（多个台账时）")
      .addHelpText(
        "after",
        "\n退出码：0 全部生成；1 有台账存在错误（未生成）；2 文件或模板无法使用，或参数有误。",
      )
      .action(async (inputs: string[], options: ReportCliOptions) => {
        process.exitCode = await runReport(inputs, options);
      }),
  );
}

export async function runReport(args: readonly string[], cli: ReportCliOptions): Promise<number> {
  let files: string[];
  let options: GenerateOptions;
  let threads: number | undefined;
  try {
    files = await expandInputs(args);
    const { template, kind } = resolveTemplate(cli.template, cli.kind);
    if (cli.out && extname(cli.out).toLowerCase() === ".docx" && files.length > 1) {
      throw new UsageError("有多个台账时 --out 应是一个文件夹，而不是 .docx 文件。");
    }
    if (cli.threads !== undefined && !/^[1-9]\d*$/.test(cli.threads.trim())) {
      throw new UsageError(`--threads 的值“${cli.threads}”无效：请写正整数。`);
    }
    threads = cli.threads !== undefined ? Number(cli.threads) : files.length >= 4 ? undefined : 1;
    options = {
      template,
      kind,
      asOf: cli.asOf !== undefined ? parseAsOf(cli.asOf) : todayLocal(),
      precision: parsePrecision(cli.precision ?? "0"),
      force: cli.force === true,
      ...(cli.out ? { out: resolve(cli.out) } : {}),
      ...(cli.title ? { title: cli.title } : {}),
      ...(cli.seal !== undefined ? { seal: cli.seal } : {}),
      ...(cli.annex === true ? { annex: true } : {}),
    };
  } catch (error) {
    if (error instanceof UsageError) {
      failUnusable(error.message);
      return EXIT_UNUSABLE;
    }
    throw error;
  }

  // Check the template once, before any ledger: a broken template is the same for every file.
  const bytes = await readTemplateFile(options.template);
  if (typeof bytes === "string") {
    failUnusable(bytes);
    return EXIT_UNUSABLE;
  }
  const [{ checkTemplate }, { generateBatch }, { REPORT_JOB }, { findingLocation }] =
    await Promise.all([
      import("../../documents/template-check"),
      import("../../node/batch"),
      import("../report-job"),
      import("../check-output"),
    ]);
  const check = checkTemplate(bytes, `模板“${basename(options.template)}”`);
  if (!check.ok) {
    process.stderr.write(`zhenggai: 模板“${options.template}”无法使用：\n`);
    for (const f of check.findings) process.stderr.write(`  ${f.message}\n`);
    return EXIT_UNUSABLE;
  }

  const batch = await generateBatch<GenerateOptions, GenerateResult>(files, options, {
    job: REPORT_JOB,
    ...(threads !== undefined ? { threads } : {}),
  });
  let exit = EXIT_OK;
  for (const item of batch.items as readonly BatchItem<GenerateResult>[]) {
    if (!item.ok) {
      process.stderr.write(`无法使用（${basename(item.input)}）：${item.error}\n`);
      exit = EXIT_UNUSABLE;
      continue;
    }
    const result = item.value;
    const text = describe(result, findingLocation);
    if (result.status === "written") process.stdout.write(text);
    else process.stderr.write(text);
    if (result.status === "unusable") exit = EXIT_UNUSABLE;
    else if (result.status === "errors" && exit === EXIT_OK) exit = EXIT_HAS_ERRORS;
  }
  return exit;
}
