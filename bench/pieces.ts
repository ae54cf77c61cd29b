/**
 * The pieces of the project the benchmarks measure, loaded dynamically so that a piece that is
 * missing (or broken) turns its cases into "未测（…缺失）" instead of crashing the whole run.
 * The shapes below restate only what the bench calls.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { WorkbookGrid } from "../src/core/grid";
import type { AnalysisOptions, LedgerAnalysis } from "../src/core/model";
import type { DocumentKind, RenderRequest, RenderResult } from "../src/documents/api";

export const ROOT = new URL("../", import.meta.url);

export type Missing = { readonly missing: string };
export type Piece<T> = T | Missing;

export function isMissing<T>(p: Piece<T>): p is Missing {
  return typeof p === "object" && p !== null && "missing" in p;
}

/** "未测（…缺失）" text for the first missing piece among `pieces`, or undefined. */
export function missingText(...pieces: Piece<unknown>[]): string | undefined {
  const gone = pieces.filter(isMissing).map((p) => p.missing);
  return gone.length ? `未测（${gone.join("、")}缺失）` : undefined;
}

async function load<T>(
  label: string,
  relPath: string,
  pick: (mod: Record<string, unknown>) => T | undefined,
): Promise<Piece<T>> {
  const url = new URL(relPath, ROOT);
  if (!existsSync(url)) return { missing: `${label}（${relPath}）` };
  try {
    const mod = (await import(url.href)) as Record<string, unknown>;
    return pick(mod) ?? { missing: `${label}（${relPath} 未导出所需函数）` };
  } catch (error) {
    return {
      missing: `${label}（${relPath} 加载失败：${(error as Error).message.split("\n")[0]}）`,
    };
  }
}

const fn = <T>(mod: Record<string, unknown>, name: string): T | undefined =>
  typeof mod[name] === "function" ? (mod[name] as T) : undefined;

export type AnalyseWorkbook = (wb: WorkbookGrid, options?: AnalysisOptions) => LedgerAnalysis;
export type GridFromXlsx = (bytes: Uint8Array) => Promise<WorkbookGrid>;
export type RenderDocument = (req: RenderRequest) => RenderResult | Promise<RenderResult>;

/**
 * The documents engine split into its two stages, when the module exposes them: the view model
 * (the data object the template is filled with) and the fill of a template with that data.
 */
export interface DocumentsPieces {
  readonly renderDocument: RenderDocument;
  /** analysis + kind → the template's data object. */
  readonly buildViewModel?: (analysis: LedgerAnalysis, kind: DocumentKind) => unknown;
  /** The docxtemplater options ours uses, so the bare floor fills the same way. */
  readonly docxtemplaterOptions?: Record<string, unknown>;
}

export interface Pieces {
  readonly analyseWorkbook: Piece<AnalyseWorkbook>;
  readonly workbookGridFromXlsx: Piece<GridFromXlsx>;
  readonly documents: Piece<DocumentsPieces>;
  readonly templates: Piece<Record<DocumentKind, Uint8Array>>;
}

export async function loadPieces(): Promise<Pieces> {
  const analyseWorkbook = await load("核心 analyseWorkbook", "src/core/index.ts", (m) =>
    fn<AnalyseWorkbook>(m, "analyseWorkbook"),
  );
  const workbookGridFromXlsx = await load("xlsx 读取", "src/xlsx/grid.ts", (m) =>
    fn<GridFromXlsx>(m, "workbookGridFromXlsx"),
  );
  const documents = await load("文档引擎 renderDocument", "src/documents/index.ts", (m) => {
    const renderDocument = fn<RenderDocument>(m, "renderDocument");
    if (!renderDocument) return undefined;
    const buildViewModel =
      fn<DocumentsPieces["buildViewModel"]>(m, "buildViewModel") ??
      fn<DocumentsPieces["buildViewModel"]>(m, "viewModelOf");
    const options = m.docxtemplaterOptions;
    return {
      renderDocument,
      ...(buildViewModel ? { buildViewModel } : {}),
      ...(options && typeof options === "object"
        ? { docxtemplaterOptions: options as Record<string, unknown> }
        : {}),
    };
  });
  return { analyseWorkbook, workbookGridFromXlsx, documents, templates: await loadTemplates() };
}

async function loadTemplates(): Promise<Piece<Record<DocumentKind, Uint8Array>>> {
  const out: Partial<Record<DocumentKind, Uint8Array>> = {};
  const gone: string[] = [];
  for (const kind of ["报告", "通报"] as const) {
    const url = new URL(`templates/${kind}.docx`, ROOT);
    if (existsSync(url)) out[kind] = new Uint8Array(await readFile(url));
    else gone.push(`templates/${kind}.docx`);
  }
  return gone.length
    ? { missing: `模板（${gone.join("、")}）` }
    : (out as Record<DocumentKind, Uint8Array>);
}
