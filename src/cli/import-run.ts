/**
 * `zhenggai import <feedback.docx|.pdf|.txt> --out 台账.xlsx`: reads the inspection group's feedback
 * (or an existing report or notice) and writes a ledger workbook with the layout of `init`,
 * the problems filled in, then says — from the same check as `zhenggai check` — what is left
 * for the clerk to fill. Never overwrites a file unless --force.
 */
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { todayLocal } from "../core/dates";
import type { ImportResult, SourceParagraph } from "../core/import";
import { decodeText, paragraphsFromText, parseFeedbackDocument } from "../core/import";
import { analyseWorkbook } from "../core/index";
import { FIELD_LABEL, INFO_KEYS, type InfoField, type LedgerField } from "../core/model";
import { DocxReadError, readDocxParagraphs } from "../docx/paragraphs";
import { gridFromXlsxBytes } from "../xlsx/bytes";
import { buildImportedLedger } from "../xlsx/imported-ledger";
import { writeXlsxDeterministic } from "../xlsx/write";
import { EXIT_OK, failUnusable } from "./options";
import { writeOutputFile } from "./output-file";

export interface ImportOptions {
  out?: string;
  force?: boolean;
}

export { decodeText };

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

class InputError extends Error {}

/** The document's paragraphs, or an InputError with a Chinese reason. */
export async function readFeedbackParagraphs(file: string): Promise<SourceParagraph[]> {
  if (file === "-") return paragraphsFromText(decodeText(await readStdin()));
  const ext = extname(file).toLowerCase();
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch {
    throw new InputError(`找不到文件“${file}”，请检查路径和文件名。`);
  }
  if (info.isDirectory()) throw new InputError(`“${file}”是文件夹，请给出反馈意见文档。`);
  if (ext === ".doc" || ext === ".wps")
    throw new InputError(`“${basename(file)}”是旧版 Word/WPS 格式，请另存为 .docx 后再导入。`);
  const bytes = new Uint8Array(await readFile(file));
  if (ext === ".pdf") {
    const { PdfReadError, readPdfParagraphs } = await import("../node/pdf-paragraphs");
    try {
      return await readPdfParagraphs(bytes, basename(file));
    } catch (error) {
      if (error instanceof PdfReadError) throw new InputError(error.message);
      throw error;
    }
  }
  if (ext === ".docx" || ext === ".docm") {
    try {
      return readDocxParagraphs(bytes, basename(file));
    } catch (error) {
      if (error instanceof DocxReadError) throw new InputError(error.message);
      throw error;
    }
  }
  if (ext === ".txt" || ext === ".text" || ext === "") return paragraphsFromText(decodeText(bytes));
  throw new InputError(
    `无法导入“${basename(file)}”：只能导入 .docx、.pdf（带文字层）或 .txt 文件。`,
  );
}

function defaultOut(file: string): string {
  if (file === "-") return resolve("整改台账.xlsx");
  const base = basename(file, extname(file));
  return join(dirname(file), `${base}-整改台账.xlsx`);
}

export async function runImport(file: string, options: ImportOptions): Promise<number> {
  const out = options.out ?? defaultOut(file);
  if (extname(out).toLowerCase() !== ".xlsx") {
    failUnusable(`输出文件“${out}”须以 .xlsx 结尾。`);
    return 2;
  }
  if (file !== "-" && resolve(out) === resolve(file)) {
    failUnusable("输出文件不能与输入文档相同。");
    return 2;
  }
  if (existsSync(out) && !options.force) {
    failUnusable(`文件“${out}”已存在，未覆盖；如确需覆盖，请加 --force。`);
    return 2;
  }
  let paragraphs: SourceParagraph[];
  try {
    paragraphs = await readFeedbackParagraphs(file);
  } catch (error) {
    if (error instanceof InputError) {
      failUnusable(error.message);
      return 2;
    }
    throw error;
  }
  const label = file === "-" ? "粘贴的文字" : basename(file);
  const result = parseFeedbackDocument(paragraphs, { source: label });
  if (result.rows.length === 0) {
    failUnusable(
      `“${label}”中没有识别出任何问题，未生成台账：问题应有编号（如 一、（一）1.（1）），或后面跟着“整改成效：”“完成情况：”等行。`,
    );
    return 2;
  }
  const bytes = await writeXlsxDeterministic(buildImportedLedger(result));
  if (!(await writeOutputFile(out, bytes))) return 2;
  // What is left: the same analysis `zhenggai check` runs, on the workbook just written.
  const analysis = analyseWorkbook(await gridFromXlsxBytes(bytes, basename(out)), {
    asOf: todayLocal(),
  });
  process.stdout.write(importSummary(result, label, out, analysis));
  return EXIT_OK;
}

type Analysis = ReturnType<typeof analyseWorkbook>;

/** The report printed after an import: what was read, what was not, what is left to fill. */
export function importSummary(
  result: ImportResult,
  label: string,
  out: string,
  analysis: Analysis,
): string {
  const lines: string[] = [];
  const aspects = new Set(result.rows.map((r) => r.aspect).filter(Boolean)).size;
  const levels = result.levels === 3 ? "三级：方面/类别/问题" : "两级：方面/问题";
  lines.push(`已从“${label}”导入整改台账：${out}`);
  lines.push(`  问题 ${result.rows.length} 个，${aspects} 个方面（${levels}）`);
  const withStatus = result.rows.filter((r) => r.status !== null);
  if (withStatus.length > 0) {
    const byStatus = new Map<string, number>();
    for (const r of withStatus) byStatus.set(r.status!, (byStatus.get(r.status!) ?? 0) + 1);
    lines.push(
      `  完成情况 ${withStatus.length} 个：${[...byStatus].map(([s, n]) => `${s} ${n}`).join("，")}`,
    );
  }
  const withResult = result.rows.filter((r) => r.result !== "").length;
  if (withResult > 0) lines.push(`  整改成效 ${withResult} 个`);
  const infoKeys = (Object.keys(result.info) as InfoField[]).map((f) => INFO_KEYS[f]);
  if (infoKeys.length > 0)
    lines.push(`  基本信息 ${infoKeys.length} 项（取自原文）：${infoKeys.join("、")}`);
  if (result.narrative.length > 0) {
    const p = result.narrative.filter((n) => n.part === "主要做法").length;
    const n = result.narrative.length - p;
    lines.push(`  报告正文：主要做法 ${p} 段，下一步打算 ${n} 段`);
  }
  if (result.findings.length > 0) {
    lines.push("", `导入提示（${result.findings.length} 条）：`);
    for (const f of result.findings) lines.push(`  ${f.message}`);
  }
  // Left to fill, per column, from the check's findings (one line per kind of finding and column).
  const columnField = new Map<string, LedgerField>();
  for (const [field, letter] of Object.entries(analysis.ledger?.columns ?? {}))
    columnField.set(letter as string, field as LedgerField);
  const emptyByField = new Map<LedgerField, number>();
  const grouped = new Map<string, { first: string; n: number; label: string }>();
  for (const f of analysis.findings) {
    if (f.severity !== "error" && f.code !== "info.key.missing") continue;
    const column = f.cell?.replace(/\d+$/u, "");
    const field = column ? columnField.get(column) : undefined;
    if (f.code === "ledger.field.required" && field) {
      emptyByField.set(field, (emptyByField.get(field) ?? 0) + 1);
      continue;
    }
    const key = field ? `${f.code}|${f.sheet}|${field}` : `${f.code}|${f.message}`;
    const g = grouped.get(key);
    if (g) g.n++;
    else
      grouped.set(key, {
        first: f.message,
        n: 1,
        label: `${f.severity === "error" ? "错误" : "提示"}`,
      });
  }
  lines.push("", "待填写（zhenggai check 可逐个单元格列出）：");
  if (emptyByField.size > 0)
    lines.push(
      `  整改台账空白：${[...emptyByField].map(([f, n]) => `${FIELD_LABEL[f]} ${n} 处`).join("，")}`,
    );
  for (const g of grouped.values())
    lines.push(`  ${g.label}：${g.first}${g.n > 1 ? `（同类共 ${g.n} 处）` : ""}`);
  if (emptyByField.size === 0 && grouped.size === 0) lines.push("  无");
  lines.push("", `下一步：在 Excel 或 WPS 中补全后运行 zhenggai check ${out}`);
  return `${lines.join("\n")}\n`;
}
