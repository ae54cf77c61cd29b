/**
 * The per-file job of the batch benchmark: both documents of one ledger through the CLI's own
 * per-file function (`generateFromFile` of `zhenggai report`), 报告 then 通报, written to disk.
 */
import { join } from "node:path";
import { type GenerateOptions, generateFromFile } from "../src/cli/report-job";
import { DOCUMENT_KINDS } from "../src/documents/api";

export interface BenchJobOptions {
  readonly outDir: string;
  readonly asOf: string;
  readonly templatesDir: string;
}

export interface BenchJobResult {
  readonly files: readonly string[];
}

export async function renderLedgerFile(
  path: string,
  options: BenchJobOptions,
): Promise<BenchJobResult> {
  const files: string[] = [];
  for (const kind of DOCUMENT_KINDS) {
    const generate: GenerateOptions = {
      template: join(options.templatesDir, `${kind}.docx`),
      kind,
      out: join(options.outDir, kind),
      asOf: options.asOf,
      precision: 0,
      force: true,
    };
    const result = await generateFromFile(path, generate);
    if (result.status !== "written") {
      throw new Error(result.message ?? result.findings[0]?.message ?? `${kind}未生成`);
    }
    files.push(result.output!);
  }
  return { files };
}
