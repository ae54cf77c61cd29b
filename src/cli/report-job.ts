/**
 * The per-file work of `zhenggai report`: `generateFromFile(path, options)` reads one ledger,
 * renders the document and writes it. Plain data in, plain data out, so the batch pool
 * (src/node/batch.ts) runs it in worker threads: REPORT_JOB names this module to them.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import type { Finding, LocalDate, Precision } from "../core/model";
import type { DocumentKind } from "../documents/api";
import { renderDocument } from "../documents/render";
import type { JobRef } from "../node/batch";
import { analyseLedgerFile } from "./ledger-file";

/** Options of one generation; plain data (it crosses to worker threads). */
export interface GenerateOptions {
  /** Absolute path of the template .docx. */
  readonly template: string;
  readonly kind: DocumentKind;
  /** Output directory, or output file when it ends with .docx; default: next to the input. */
  readonly out?: string;
  readonly asOf: LocalDate;
  readonly precision: Precision;
  readonly force: boolean;
  readonly title?: string;
  /** 加盖印章; default by kind (报告 yes, 通报 no). */
  readonly seal?: boolean;
  /** 附件: the 报告 attaches the ledger table (--annex). */
  readonly annex?: boolean;
}

export type GenerateStatus = "written" | "errors" | "unusable";

export interface GenerateResult {
  readonly input: string;
  readonly status: GenerateStatus;
  /** The written .docx (status "written"). */
  readonly output?: string;
  /** Why nothing was written, or the warnings of a written document. */
  readonly findings: readonly Finding[];
  /** One Chinese line for "unusable". */
  readonly message?: string;
}

const templateCache = new Map<string, Uint8Array>();

async function templateBytes(path: string): Promise<Uint8Array> {
  let bytes = templateCache.get(path);
  if (!bytes) {
    bytes = new Uint8Array(await readFile(path));
    templateCache.set(path, bytes);
  }
  return bytes;
}

function outputPath(input: string, out: string | undefined, fileName: string): string {
  if (out && extname(out).toLowerCase() === ".docx") return resolve(out);
  return join(out ? resolve(out) : dirname(resolve(input)), fileName);
}

/** The batch pool's job per file: this module's generateFromFile, loaded by every worker. */
export const REPORT_JOB: JobRef = { module: import.meta.url, name: "generateFromFile" };

/** Reads one ledger, renders the document and writes it; never throws for a bad input. */
export async function generateFromFile(
  input: string,
  options: GenerateOptions,
): Promise<GenerateResult> {
  const read = await analyseLedgerFile(input, options);
  if (!read.ok) return { input, status: "unusable", findings: [], message: read.message };
  const { analysis } = read;
  let template: Uint8Array;
  try {
    template = await templateBytes(options.template);
  } catch {
    return {
      input,
      status: "unusable",
      findings: [],
      message: `无法读取模板文件“${options.template}”。`,
    };
  }
  const result = renderDocument({
    template,
    kind: options.kind,
    analysis,
    force: options.force,
    ...(options.title ? { title: options.title } : {}),
    ...(options.seal !== undefined ? { seal: options.seal } : {}),
    ...(options.annex === true ? { annex: true } : {}),
  });
  if (!result.ok) {
    const budget = result.findings.find((f) => f.code === "document.render.budget");
    if (budget) return { input, status: "unusable", findings: [], message: budget.message };
    const templateBroken = result.findings.some((f) => f.code.startsWith("template."));
    return {
      input,
      status: templateBroken ? "unusable" : "errors",
      findings: result.findings,
      ...(templateBroken
        ? { message: `模板“${basename(options.template)}”有错误，无法使用。` }
        : {}),
    };
  }
  const output = outputPath(input, options.out, result.fileName);
  await mkdir(dirname(output), { recursive: true });
  await writeFile(output, result.docx);
  return { input, status: "written", output, findings: result.findings };
}
