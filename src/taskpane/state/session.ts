/**
 * What the pane does, without React: read the workbook through the port, analyse it, pick a
 * template, render a document. The core and the documents renderer are loaded on first use so
 * the pane's first paint needs neither.
 */
import type { WorkbookGrid } from "../../core/grid";
import type { Finding, LedgerAnalysis, Precision } from "../../core/model";
import type { UnitProfile } from "../../core/profile";
import type { PunctuationFix } from "../../core/punctuation-fix";
import type { DocumentKind, RenderResult } from "../../documents/api";
import type { WorkbookPort } from "../../ports/workbook";

export const loadCore = () => import("../../core/index");
export const loadDocuments = () => import("../../documents/index");

/** Today as YYYY-MM-DD in the user's time zone (the clerk's "today", not UTC's). */
export { todayLocal } from "../../core/dates";

export interface AnalysisSettings {
  readonly asOf: string;
  readonly precision: Precision;
}

/** The analysis, with 基本信息 completed from the unit profile (基本信息 always wins). */
export async function analyse(
  grid: WorkbookGrid,
  settings: AnalysisSettings,
  profile: UnitProfile | undefined,
): Promise<LedgerAnalysis> {
  // The profile merges before validation (AnalysisOptions.profile), so its values are checked by
  // the same rules as 基本信息's and info.key.missing never fires for a key the profile supplies.
  const { analyseWorkbook } = await loadCore();
  return analyseWorkbook(grid, {
    asOf: settings.asOf,
    precision: settings.precision,
    ...(profile ? { profile } : {}),
  });
}

/**
 * 规范台账's punctuation fix list, from a fresh read of the workbook: the half-width punctuation
 * warnings do not depend on the profile or settings, and the cells' own text is what Excel holds.
 */
export async function punctuationFixesOf(port: WorkbookPort): Promise<PunctuationFix[]> {
  const [{ analyseWorkbook, punctuationFixes }, grid] = await Promise.all([
    loadCore(),
    port.readWorkbook(),
  ]);
  return punctuationFixes(grid, analyseWorkbook(grid).findings);
}

export function countBySeverity(findings: readonly Finding[]): Record<Finding["severity"], number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

export type TemplateChoice =
  | { readonly source: "builtin" }
  | {
      readonly source: "embedded";
      /** The template picked per kind when the workbook carries several (by name). */
      readonly names?: Partial<Record<DocumentKind, string>>;
    }
  | { readonly source: "file"; readonly name: string; readonly bytes: Uint8Array };

export const TEMPLATE_SOURCE_LABEL: Record<TemplateChoice["source"], string> = {
  builtin: "内置模板",
  embedded: "工作簿内嵌模板",
  file: "本机模板文件",
};

/** The template's bytes for one kind of document; throws a Chinese message saying what to do. */
export async function templateBytes(
  choice: TemplateChoice,
  kind: DocumentKind,
  port: WorkbookPort,
  fetchImpl: typeof fetch = fetch,
): Promise<{ bytes: Uint8Array; label: string }> {
  if (choice.source === "file") return { bytes: choice.bytes, label: choice.name };
  if (choice.source === "embedded") {
    const embedded = (await port.embedded?.list()) ?? [];
    const ofKind = embedded.filter((t) => t.kind === kind);
    const wanted = choice.names?.[kind];
    const match = (wanted && ofKind.find((t) => t.name === wanted)) || ofKind[0];
    if (!match) {
      throw new Error(`工作簿中没有内嵌的${kind}模板。请在“模板”页嵌入一个，或改用内置模板。`);
    }
    // The result names the version used; a pack's origin already says it.
    const version = match.origin.includes(`v${match.version}`) ? "" : ` v${match.version}`;
    return { bytes: match.docx, label: `${match.name}${version}（${match.origin}）` };
  }
  const response = await fetchImpl(
    new URL(`templates/${encodeURIComponent(kind)}.docx`, document.baseURI),
  );
  if (!response.ok) {
    throw new Error(
      `无法取得内置${kind}模板（HTTP ${response.status}）。请确认加载项服务器在运行，或选择本机模板文件。`,
    );
  }
  return { bytes: new Uint8Array(await response.arrayBuffer()), label: `内置${kind}模板` };
}

export interface GenerateRequest {
  readonly port: WorkbookPort;
  readonly kind: DocumentKind;
  readonly template: TemplateChoice;
  readonly settings: AnalysisSettings;
  /** Render although the ledger has errors. */
  readonly force?: boolean;
  readonly onStep?: (step: GenerateStep) => void;
  readonly fetchImpl?: typeof fetch;
}

export type GenerateStep = "read" | "validate" | "template" | "render";
export const GENERATE_STEP_LABEL: Record<GenerateStep, string> = {
  read: "正在读取台账……",
  validate: "正在校验……",
  template: "正在准备模板……",
  render: "正在生成文档……",
};

export interface GenerateOutcome {
  readonly analysis: LedgerAnalysis;
  readonly result: RenderResult;
  readonly templateLabel: string;
}

/** Validate → render in one go, always on a fresh read (the user may have just edited cells). */
export async function generateDocument(request: GenerateRequest): Promise<GenerateOutcome> {
  const { port, kind, onStep } = request;
  onStep?.("read");
  const [grid, profile] = await Promise.all([port.readWorkbook(), port.loadProfile()]);
  onStep?.("validate");
  const analysis = await analyse(grid, request.settings, profile);
  onStep?.("template");
  const [{ bytes, label }, documents] = await Promise.all([
    templateBytes(request.template, kind, port, request.fetchImpl),
    loadDocuments(),
  ]);
  onStep?.("render");
  const result = await documents.renderDocument({
    template: bytes,
    kind,
    analysis,
    force: request.force ?? false,
  });
  return { analysis, result, templateLabel: label };
}
