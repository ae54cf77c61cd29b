/**
 * The engine of `zhenggai summary`, loaded when the command runs: reads every ledger on the
 * batch pool (SUMMARY_JOB), sums the figures (src/core/summary.ts) and writes the 汇总
 * workbook. A ledger with errors or a file that cannot be read is listed and flagged in the
 * workbook, never counted, and makes the exit code 1.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { basename, dirname, extname, resolve } from "node:path";
import { todayLocal } from "../core/dates";
import {
  type Summary,
  type SummaryUnitFigures,
  summarise,
  type UnusableUnit,
} from "../core/summary";
import { generateBatch } from "../node/batch";
import { summaryWorkbookBytes } from "../xlsx/summary-workbook";
import { expandInputs } from "./commands/report";
import {
  EXIT_HAS_ERRORS,
  EXIT_OK,
  EXIT_UNUSABLE,
  failUnusable,
  parseAsOf,
  parsePrecision,
  UsageError,
} from "./options";
import type { FiguresOptions, FiguresResult } from "./summary-job";

export interface SummaryCliOptions {
  out: string;
  notice?: string;
  asOf?: string;
  precision?: string;
  threads?: string;
  force?: boolean;
}

/** Reads the ledgers on the pool and sums them; the units keep the input order. */
export async function collectSummary(
  files: readonly string[],
  options: FiguresOptions,
  threads?: number,
): Promise<Summary> {
  // Imported dynamically so the bundle keeps the job in a chunk of its own: SUMMARY_JOB names
  // its module by import.meta.url, which must be the chunk that exports figuresFromFile.
  const { SUMMARY_JOB } = await import("./summary-job");
  const batch = await generateBatch<FiguresOptions, FiguresResult>(files, options, {
    job: SUMMARY_JOB,
    ...(threads !== undefined ? { threads } : {}),
  });
  const units: SummaryUnitFigures[] = [];
  const unusable: UnusableUnit[] = [];
  for (const item of batch.items) {
    if (!item.ok) unusable.push({ file: basename(item.input), message: item.error });
    else if (item.value.ok) units.push(item.value.figures);
    else unusable.push({ file: basename(item.input), message: item.value.message });
  }
  return summarise(units, unusable, options);
}

function checkOutput(path: string, ext: string, option: string, force: boolean): string {
  if (extname(path).toLowerCase() !== ext) {
    throw new UsageError(`${option} 应是 ${ext} 文件：“${path}”。`);
  }
  const full = resolve(path);
  if (existsSync(full) && !force) {
    throw new UsageError(`文件“${path}”已存在；如需覆盖请加 --force。`);
  }
  return full;
}

export async function runSummary(args: readonly string[], cli: SummaryCliOptions): Promise<number> {
  let files: string[];
  let options: FiguresOptions;
  let out: string;
  let notice: string | undefined;
  let threads: number | undefined;
  try {
    files = await expandInputs(args);
    out = checkOutput(cli.out, ".xlsx", "--out", cli.force === true);
    notice =
      cli.notice !== undefined
        ? checkOutput(cli.notice, ".docx", "--notice", cli.force === true)
        : undefined;
    if (cli.threads !== undefined && !/^[1-9]\d*$/.test(cli.threads.trim())) {
      throw new UsageError(`--threads 的值“${cli.threads}”无效：请写正整数。`);
    }
    threads = cli.threads !== undefined ? Number(cli.threads) : files.length >= 4 ? undefined : 1;
    options = {
      asOf: cli.asOf !== undefined ? parseAsOf(cli.asOf) : todayLocal(),
      precision: parsePrecision(cli.precision ?? "2"),
    };
  } catch (error) {
    if (error instanceof UsageError) {
      failUnusable(error.message);
      return EXIT_UNUSABLE;
    }
    throw error;
  }

  const summary = await collectSummary(files, options, threads);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, await summaryWorkbookBytes(summary));
  process.stdout.write(`已生成：${out}\n`);
  if (notice) {
    const written = await writeNotice(summary, notice);
    if (written !== EXIT_OK) return written;
  }

  const t = summary.totals;
  process.stdout.write(
    `计入 ${summary.countedUnits} 家单位：问题 ${t.total} 个，已完成 ${t.done} 个，完成率 ${t.completionRateText}，超期 ${t.overdue} 个。\n`,
  );
  const flagged = summary.units.filter((u) => !u.counted);
  for (const u of flagged) {
    process.stderr.write(
      `未计入（${u.figures.file}）：${u.figures.unit} 的台账有 ${u.figures.errors} 处错误，请运行 zhenggai check ${u.figures.file} 查看。\n`,
    );
  }
  for (const u of summary.unusable) process.stderr.write(`未计入（${u.file}）：${u.message}\n`);
  for (const name of summary.duplicateUnits)
    process.stderr.write(`注意：有多份台账的单位名称都是“${name}”，均已计入；请核对是否重复。\n`);
  return flagged.length + summary.unusable.length > 0 ? EXIT_HAS_ERRORS : EXIT_OK;
}

/** Renders the built-in 汇总通报 template with the summary and writes it. */
async function writeNotice(summary: Summary, path: string): Promise<number> {
  const [{ readFile }, { join }, { packageRoot }, { renderSummaryNotice }] = await Promise.all([
    import("node:fs/promises"),
    import("node:path"),
    import("./commands/report"),
    import("../documents/summary-notice"),
  ]);
  const template = new Uint8Array(
    await readFile(join(packageRoot(), "templates", "汇总通报.docx")),
  );
  const result = renderSummaryNotice({ template, summary });
  if (!result.ok) {
    process.stderr.write("zhenggai: 未生成汇总通报：\n");
    for (const f of result.findings) process.stderr.write(`  ${f.message}\n`);
    return EXIT_UNUSABLE;
  }
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, result.docx);
  process.stdout.write(`已生成：${path}\n`);
  return EXIT_OK;
}
