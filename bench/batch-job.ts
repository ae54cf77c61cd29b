/**
 * The per-file job of the batch benchmark when the CLI's `generateFromFile` is not available:
 * the same pipeline (file → grid → analysis → 报告 + 通报 → files), built from the library.
 */
import { readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { analyseWorkbook } from "../src/core/index";
import { DOCUMENT_KINDS, renderDocument } from "../src/documents/index";
import { readWorkbookFile } from "../src/node/read-workbook";

export interface BenchJobOptions {
  readonly outDir: string;
  readonly asOf: string;
  readonly templatesDir: string;
}

export interface BenchJobResult {
  readonly files: readonly string[];
  readonly bytes: number;
}

const templates = new Map<string, Uint8Array>();

export async function renderLedgerFile(
  path: string,
  options: BenchJobOptions,
): Promise<BenchJobResult> {
  const grid = await readWorkbookFile(path);
  const analysis = analyseWorkbook(grid, { asOf: options.asOf, precision: 0 });
  const files: string[] = [];
  let bytes = 0;
  for (const kind of DOCUMENT_KINDS) {
    const templatePath = join(options.templatesDir, `${kind}.docx`);
    let template = templates.get(templatePath);
    if (!template) {
      template = new Uint8Array(await readFile(templatePath));
      templates.set(templatePath, template);
    }
    const result = renderDocument({ template, kind, analysis, force: true });
    if (!result.ok)
      throw new Error(`${basename(path)}：${result.findings[0]?.message ?? "生成失败"}`);
    const out = join(options.outDir, `${basename(path, ".xlsx")}-${kind}.docx`);
    await writeFile(out, result.docx);
    files.push(out);
    bytes += result.docx.length;
  }
  return { files, bytes };
}
