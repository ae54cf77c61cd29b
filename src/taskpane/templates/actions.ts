/**
 * What the 模板 tab does, without React: pull a library template into the workbook, import and
 * export template packs, publish a template. Every template is checked (structure + tag check)
 * before it goes into a workbook, whatever its source.
 */
import type { DocumentKind } from "../../documents/api";
import type { LibraryClient, TemplateSummary, TemplateVersion } from "../../library/client";
import { sha256Hex } from "../../library/hash";
import { nameKey } from "../../library/names";
import { exportPack, importPack, inspectDocx, type PackTemplateWithHash } from "../../library/pack";
import {
  MAX_TEMPLATE_BYTES,
  MAX_TOTAL_TEMPLATE_BYTES,
  tooLargeMessage,
  totalTooLargeMessage,
} from "../../office/templates";
import type { EmbeddedTemplate, EmbeddedTemplateStore, WorkbookPort } from "../../ports/workbook";

export const loadDocuments = () => import("../../documents/index");

/** The 模板 tab's per-user settings; localStorage only, never the workbook. */
export const LIBRARY_URL_KEY = "zhenggai.library.url";
export const LIBRARY_TOKEN_KEY = "zhenggai.library.token";

/** A built-in template as the pane's server serves it (templates/<kind>.docx). */
export async function fetchBuiltInTemplate(kind: DocumentKind): Promise<Uint8Array> {
  const response = await fetch(
    new URL(`templates/${encodeURIComponent(kind)}.docx`, document.baseURI),
  );
  if (!response.ok) throw new Error(`无法取得内置${kind}模板（HTTP ${response.status}）。`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Throws a Chinese error when the template is not a safe .docx passing the tag check. */
export async function assertUsableTemplate(docx: Uint8Array, label: string): Promise<void> {
  const inspected = inspectDocx(docx, label);
  if (!inspected.ok) throw new Error(inspected.message);
  const { checkTemplate } = await loadDocuments();
  const check = checkTemplate(docx, label);
  if (!check.ok) {
    const errors = check.findings.filter((f) => f.severity === "error").map((f) => f.message);
    throw new Error(`${label}未通过模板检查：${errors.join("；")}`);
  }
}

function requireEmbedding(port: WorkbookPort): EmbeddedTemplateStore["embed"] {
  if (!port.embedded)
    throw new Error(
      "当前环境不能把模板嵌入工作簿（单机网页版）；请下载模板后在“生成”页选择本机模板文件。",
    );
  return port.embedded.embed;
}

/** Downloads the newest usable version (sha256 verified), checks it and embeds it. */
export async function pullIntoWorkbook(
  client: LibraryClient,
  port: WorkbookPort,
  template: TemplateSummary,
  version: number | "latest" = "latest",
): Promise<EmbeddedTemplate> {
  const embed = requireEmbedding(port);
  const got = await client.download(template.name, version);
  await assertUsableTemplate(got.bytes, `模板“${template.name}”`);
  const embedded: EmbeddedTemplate = {
    name: template.name,
    kind: template.kind,
    version: String(got.version),
    sha256: got.sha256,
    origin: `模板库：${template.department} v${got.version}`,
    docx: got.bytes,
  };
  await embed(embedded);
  return embedded;
}

/** Embeds a template from a file or a built-in one, after the same checks. */
export async function embedFile(
  port: WorkbookPort,
  input: { name: string; kind: DocumentKind; docx: Uint8Array; origin: string; version?: string },
): Promise<EmbeddedTemplate> {
  const embed = requireEmbedding(port);
  await assertUsableTemplate(input.docx, `模板“${input.name}”`);
  const embedded: EmbeddedTemplate = {
    name: input.name,
    kind: input.kind,
    version: input.version ?? "1",
    sha256: await sha256Hex(input.docx),
    origin: input.origin,
    docx: input.docx,
  };
  await embed(embedded);
  return embedded;
}

export interface PackImportOutcome {
  readonly templates: readonly PackTemplateWithHash[];
  readonly profileSaved: boolean;
}

/**
 * Imports a pack whole or not at all: every template checked and every limit of the workbook
 * (each template's size, the total of the templates the workbook will carry) before the first
 * one is embedded; should Excel still fail half-way, the templates embedded so far are taken
 * out again and the ones they replaced put back. The unit profile inside the pack is saved
 * only when `takeProfile` (it overwrites the workbook's settings).
 */
export async function importPackIntoWorkbook(
  port: WorkbookPort,
  bytes: Uint8Array,
  takeProfile: boolean,
): Promise<PackImportOutcome> {
  const embed = requireEmbedding(port);
  const { checkTemplate } = await loadDocuments();
  const result = await importPack(bytes, checkTemplate);
  if (!result.ok) throw new Error(`模板包未导入：${result.errors.join("；")}`);
  const incoming = result.pack.templates;
  const existing = (await port.embedded?.list()) ?? [];
  const lookAlikes = lookAlikesOfEmbedded(incoming, existing);
  if (lookAlikes.length > 0)
    throw new Error(`模板包未导入，工作簿未作任何改动：${lookAlikes.join("；")}`);
  const incomingNames = new Set(incoming.map((t) => t.name.trim()));
  const kept = existing.filter((t) => !incomingNames.has(t.name.trim()));
  let total = kept.reduce((n, t) => n + t.docx.byteLength, 0);
  const limits: string[] = [];
  for (const t of incoming) {
    if (t.docx.byteLength > MAX_TEMPLATE_BYTES)
      limits.push(tooLargeMessage(t.name, t.docx.byteLength));
    total += t.docx.byteLength;
  }
  if (limits.length === 0 && total > MAX_TOTAL_TEMPLATE_BYTES)
    limits.push(
      totalTooLargeMessage(incoming.map((t) => t.name).join("、"), total).replace(
        "嵌入模板",
        "导入模板包中的模板",
      ),
    );
  if (limits.length > 0) throw new Error(`模板包未导入，工作簿未作任何改动：${limits.join("；")}`);

  const done: EmbeddedTemplate[] = [];
  try {
    for (const t of incoming) {
      const embedded: EmbeddedTemplate = {
        name: t.name,
        kind: t.kind,
        version: t.version,
        sha256: t.sha256,
        origin: `模板包${t.department ? `：${t.department}` : ""} v${t.version}`,
        docx: t.docx,
      };
      await embed(embedded);
      done.push(embedded);
    }
  } catch (error) {
    await rollBack(port, done, existing);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`模板包未导入，已撤回本次嵌入的模板：${reason}`);
  }
  let profileSaved = false;
  if (takeProfile && result.pack.profile) {
    await port.saveProfile(result.pack.profile);
    profileSaved = true;
  }
  return { templates: incoming, profileSaved };
}

/**
 * Incoming names that read the same as an embedded template's (nameKey) but are spelled
 * differently: importing would leave two templates a reader cannot tell apart. The same
 * spelling replaces the embedded template, as before.
 */
function lookAlikesOfEmbedded(
  incoming: readonly PackTemplateWithHash[],
  existing: readonly EmbeddedTemplate[],
): string[] {
  const messages: string[] = [];
  for (const t of incoming) {
    const twin = existing.find(
      (e) => e.name.trim() !== t.name.trim() && nameKey(e.name) === nameKey(t.name),
    );
    if (twin)
      messages.push(
        `模板包中的模板“${t.name}”与工作簿中已嵌入的模板“${twin.name}”（${twin.origin || "来源不明"}）只差大小写、全角半角或字形变体，容易混淆；请先删除或改名其中一个`,
      );
  }
  return messages;
}

/** Takes out what an import embedded; puts back the templates they replaced. */
async function rollBack(
  port: WorkbookPort,
  embedded: readonly EmbeddedTemplate[],
  before: readonly EmbeddedTemplate[],
): Promise<void> {
  for (const t of embedded) {
    const previous = before.find((b) => b.name.trim() === t.name.trim());
    try {
      if (previous) await port.embedded?.embed(previous);
      else await port.embedded?.remove(t.name);
    } catch {
      // Best effort: the error that stopped the import is the one to show.
    }
  }
}

/** A pack of the workbook's embedded templates and its unit profile. */
export async function exportWorkbookPack(
  port: WorkbookPort,
  created = new Date(),
): Promise<Uint8Array> {
  const embedded = (await port.embedded?.list()) ?? [];
  if (embedded.length === 0)
    throw new Error("工作簿中还没有内嵌模板，无法导出模板包；请先从模板库或文件嵌入模板。");
  const profile = await port.loadProfile();
  return exportPack({
    templates: embedded.map((t) => ({
      name: t.name,
      kind: t.kind,
      version: t.version,
      docx: t.docx,
      ...(departmentOf(t.origin) ? { department: departmentOf(t.origin) } : {}),
    })),
    ...(profile ? { profile } : {}),
    created,
  });
}

/** `模板库：县委巡察办 v3` → 县委巡察办. */
function departmentOf(origin: string): string | undefined {
  return /^模板(?:库|包)：(.+?) v\S+$/.exec(origin)?.[1];
}

/** Publishes a template under the caller's department (token from this user's settings). */
export async function publishTemplate(
  client: LibraryClient,
  input: { name: string; kind: DocumentKind; docx: Uint8Array; token: string; note?: string },
): Promise<TemplateVersion> {
  if (!input.token.trim()) throw new Error("请先填写本部门的发布令牌（向模板库管理员索取）。");
  await assertUsableTemplate(input.docx, `模板“${input.name}”`);
  return client.publish(input.name, input.docx, {
    kind: input.kind,
    token: input.token.trim(),
    ...(input.note ? { note: input.note } : {}),
  });
}
