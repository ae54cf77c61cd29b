/**
 * Template packs, and the safety checks every shared .docx goes through (pack import, library
 * publish, pulling into a workbook). A pack is a .zip a unit hands to another: pack.json, the
 * templates, and optionally the unit profile. Browser-safe: no fs, no Node modules; sha256 via
 * Web Crypto (also global in Node 20).
 *
 * Zips are read by the template gate's bounded reader (src/documents/gate/zip.ts): the central
 * directory is checked against every local header, overlapping or duplicate entries are
 * refused, and each entry is inflated by a streaming inflater that stops the moment it passes
 * its declared size or the total budget. Every template inside then passes the gate itself.
 */
import { type Zippable, zipSync } from "fflate";
import { z } from "zod";
import { type UnitProfile, unitProfileSchema } from "../core/profile";
import { DOCUMENT_KINDS, type DocumentKind, type TemplateCheckResult } from "../documents/api";
import { gateTemplate, readZip, TEMPLATE_LIMITS, type ZipLimits } from "../documents/gate/index";

export type { ZipLimits };

import { sha256Hex } from "./hash";
import { checkName, nameKey } from "./names";

// ---------------------------------------------------------------------------------------------
// Reading zips safely

/** Limits for one .docx template (the gate's). */
export const DOCX_LIMITS: ZipLimits = TEMPLATE_LIMITS;

/** Limits for a template pack (several templates, each still gated against DOCX_LIMITS). */
export const PACK_LIMITS: ZipLimits = {
  maxBytes: 60 * 1024 * 1024,
  maxUncompressed: 120 * 1024 * 1024,
  maxEntryBytes: DOCX_LIMITS.maxBytes,
  maxEntries: 200,
  maxRatio: 200,
};

export type SafeUnzip =
  | { readonly ok: true; readonly files: Readonly<Record<string, Uint8Array>> }
  | { readonly ok: false; readonly message: string };

/**
 * Unzips `bytes` within `limits`: entry count, names, overlaps, duplicates, declared and
 * actual sizes. `what` names the file in messages (模板文件, 模板包).
 */
export function unzipSafely(bytes: Uint8Array, limits: ZipLimits, what: string): SafeUnzip {
  const read = readZip(bytes, limits, { what });
  return read.ok ? { ok: true, files: read.files } : { ok: false, message: read.message };
}

// ---------------------------------------------------------------------------------------------
// A .docx's structure

export type DocxInspection =
  | { readonly ok: true; readonly files: Readonly<Record<string, Uint8Array>> }
  | { readonly ok: false; readonly message: string };

/**
 * A shared template must pass the template gate: a real .docx within DOCX_LIMITS, no active
 * or remote content, no DOCTYPE in any part. `what` names the file in messages.
 */
export function inspectDocx(bytes: Uint8Array, what = "模板文件"): DocxInspection {
  const gated = gateTemplate(bytes, what);
  return gated.ok ? { ok: true, files: gated.files } : { ok: false, message: gated.message };
}

// ---------------------------------------------------------------------------------------------
// Packs

export const PACK_FORMAT = "zhenggai-template-pack";
export const PACK_FORMAT_VERSION = 1;

const packTemplateSchema = z
  .object({
    /** Path inside the pack, e.g. `templates/1.docx`. */
    file: z.string().min(1).max(200),
    name: z.string().trim().min(1).max(64),
    kind: z.enum(DOCUMENT_KINDS),
    version: z
      .union([z.number().int().positive(), z.string().trim().min(1).max(20)])
      .transform(String),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, "sha256 须为 64 位小写十六进制"),
    department: z.string().trim().max(64).optional(),
    note: z.string().max(500).optional(),
  })
  .strict();

export const packManifestSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    formatVersion: z.literal(PACK_FORMAT_VERSION),
    created: z.iso.datetime({ offset: true }),
    templates: z.array(packTemplateSchema).min(1).max(50),
    /** Path of the unit profile JSON inside the pack, when there is one. */
    profile: z.string().min(1).max(200).optional(),
  })
  .strict();

export type PackManifest = z.infer<typeof packManifestSchema>;

export interface PackTemplate {
  readonly name: string;
  readonly kind: DocumentKind;
  readonly version: string;
  readonly department?: string;
  readonly note?: string;
  readonly docx: Uint8Array;
}

export interface PackTemplateWithHash extends PackTemplate {
  readonly sha256: string;
}

export interface TemplatePack {
  readonly created: string;
  readonly templates: readonly PackTemplateWithHash[];
  readonly profile?: UnitProfile;
}

export type PackImport =
  | { readonly ok: true; readonly pack: TemplatePack }
  | { readonly ok: false; readonly errors: readonly string[] };

/** The template check (documents' checkTemplate); injected so this module stays a leaf. */
export type TemplateChecker = (
  docx: Uint8Array,
) => TemplateCheckResult | Promise<TemplateCheckResult>;

/** Builds a pack .zip. Files inside get ASCII names; the Chinese names live in pack.json. */
export async function exportPack(input: {
  readonly templates: readonly PackTemplate[];
  readonly profile?: UnitProfile;
  readonly created?: Date;
}): Promise<Uint8Array> {
  if (input.templates.length === 0) throw new Error("模板包中至少要有一个模板。");
  const files: Zippable = {};
  const entries: PackManifest["templates"] = [];
  for (const [i, t] of input.templates.entries()) {
    const file = `templates/${i + 1}.docx`;
    files[file] = [t.docx, { level: 0 }];
    entries.push({
      file,
      name: t.name,
      kind: t.kind,
      version: t.version,
      sha256: await sha256Hex(t.docx),
      ...(t.department ? { department: t.department } : {}),
      ...(t.note ? { note: t.note } : {}),
    });
  }
  const manifest: PackManifest = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    created: (input.created ?? new Date()).toISOString(),
    templates: entries,
    ...(input.profile ? { profile: "profile.json" } : {}),
  };
  const enc = new TextEncoder();
  if (input.profile)
    files["profile.json"] = enc.encode(
      JSON.stringify(unitProfileSchema.parse(input.profile), null, 2),
    );
  files["pack.json"] = enc.encode(JSON.stringify(packManifestSchema.parse(manifest), null, 2));
  // .docx files are already deflated: store them, deflate only the JSON.
  return zipSync(files, { level: 6, mtime: input.created ?? new Date() });
}

const zodLines = (prefix: string, error: z.ZodError) =>
  error.issues.map(
    (i) => `${prefix}${i.path.length ? `（${i.path.join(".")}）` : ""}：${i.message}`,
  );

/**
 * The first key that occurs twice in one object of `text` (valid JSON), if any. Strings are
 * skipped whole, so braces and commas inside them do not count.
 */
export function duplicateJsonKey(text: string): string | undefined {
  const objects: Array<Set<string> | null> = []; // null: an array
  let expectKey = false;
  for (const m of text.matchAll(/"(?:[^"\\]|\\.)*"|[{}[\],:]/g)) {
    const token = m[0];
    const top = objects[objects.length - 1];
    if (token === "{") {
      objects.push(new Set());
      expectKey = true;
    } else if (token === "[") {
      objects.push(null);
      expectKey = false;
    } else if (token === "}" || token === "]") {
      objects.pop();
      expectKey = false;
    } else if (token === ",") expectKey = top instanceof Set;
    else if (token === ":") expectKey = false;
    else if (expectKey && top) {
      const key = JSON.parse(token) as string;
      if (top.has(key)) return key;
      top.add(key);
      expectKey = false;
    }
  }
  return undefined;
}

/**
 * Entries of a pack that pack.json does not name: a pack holds its manifest, the files it
 * lists and nothing else, so a second pack.json (in a folder) or a smuggled file refuses it.
 */
function strayEntries(names: readonly string[], manifest: PackManifest): string[] {
  const listed = new Set(
    ["pack.json", ...manifest.templates.map((t) => t.file), manifest.profile ?? ""].map((n) =>
      n.toLowerCase(),
    ),
  );
  const errors: string[] = [];
  for (const name of names) {
    if (name.endsWith("/") || listed.has(name.toLowerCase())) continue;
    const shown = name.length > 80 ? `${name.slice(0, 77)}…` : name;
    errors.push(
      /(^|\/)pack\.json$/i.test(name)
        ? `模板包中有第二个 pack.json（“${shown}”），无法确定以哪个为准，不予导入。`
        : `模板包中有 pack.json 未列出的文件“${shown}”，模板包已被改动，不予导入。`,
    );
    if (errors.length >= 5) break;
  }
  return errors;
}

/**
 * The library's name rule (checkName) applied to each template's name and department as
 * pack.json spells them: invisible (Cf) characters, controls, path characters are refused.
 */
function packNameErrors(json: unknown): string[] {
  const templates = (json as { templates?: unknown } | null)?.templates;
  if (!Array.isArray(templates)) return [];
  const errors: string[] = [];
  for (const [i, t] of templates.entries()) {
    const { name, department } = (t ?? {}) as { name?: unknown; department?: unknown };
    if (typeof name === "string") {
      const checked = checkName(name, `模板包中第 ${i + 1} 个模板的名称`);
      if (!checked.ok) errors.push(checked.message);
    }
    if (typeof department === "string" && department.trim() !== "") {
      const checked = checkName(department, `模板包中第 ${i + 1} 个模板的部门名称`);
      if (!checked.ok) errors.push(checked.message);
    }
    if (errors.length >= 5) break;
  }
  return errors;
}

/**
 * Reads a pack and accepts it only whole: pack.json valid, every listed file present with the
 * sha256 it declares, every template a safe .docx that passes the template check, and the
 * profile (if any) valid. Returns every problem found, in Chinese.
 */
export async function importPack(
  bytes: Uint8Array,
  checkTemplate: TemplateChecker,
): Promise<PackImport> {
  const unzipped = unzipSafely(bytes, PACK_LIMITS, "模板包");
  if (!unzipped.ok) return { ok: false, errors: [unzipped.message] };
  const files = unzipped.files;
  const manifestBytes = files["pack.json"];
  if (!manifestBytes)
    return { ok: false, errors: ["模板包中没有 pack.json，不是本程序导出的模板包。"] };
  let json: unknown;
  let manifestText: string;
  try {
    manifestText = new TextDecoder("utf-8", { fatal: true }).decode(manifestBytes);
    json = JSON.parse(manifestText);
  } catch {
    return { ok: false, errors: ["模板包的 pack.json 不是有效的 JSON，文件可能已损坏。"] };
  }
  // JSON.parse lets the last of two equal keys win silently; a pack must say one thing.
  const twice = duplicateJsonKey(manifestText);
  if (twice !== undefined)
    return {
      ok: false,
      errors: [
        `模板包的 pack.json 中“${twice.slice(0, 40)}”出现了两次，无法确定以哪个为准，不予导入。`,
      ],
    };
  // Names before the schema: its trim() would silently drop a leading U+FEFF.
  const badNames = packNameErrors(json);
  if (badNames.length > 0) return { ok: false, errors: badNames };
  const parsed = packManifestSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: zodLines("pack.json 格式不对", parsed.error) };
  const manifest = parsed.data;
  const stray = strayEntries(Object.keys(files), manifest);
  if (stray.length > 0) return { ok: false, errors: stray };

  const errors: string[] = [];
  const templates: PackTemplateWithHash[] = [];
  const seen = new Map<string, string>(); // nameKey → the name as written
  const seenFiles = new Set<string>();
  for (const t of manifest.templates) {
    const label = `模板“${t.name}”`;
    const twin = seen.get(nameKey(t.name));
    if (twin !== undefined) {
      errors.push(
        twin === t.name
          ? `${label}在 pack.json 中出现了两次。`
          : `${label}与同一模板包中的模板“${twin}”只差大小写、全角半角或字形变体，容易混淆，不予导入；请导出方改名后重新导出。`,
      );
      continue;
    }
    seen.set(nameKey(t.name), t.name);
    if (seenFiles.has(t.file.toLowerCase())) {
      errors.push(`${label}与另一个模板指向同一个文件 ${t.file}，模板包已被改动，不予导入。`);
      continue;
    }
    seenFiles.add(t.file.toLowerCase());
    const docx = files[t.file];
    if (!docx) {
      errors.push(`${label}：模板包中缺少文件 ${t.file}。`);
      continue;
    }
    const actual = await sha256Hex(docx);
    if (actual !== t.sha256) {
      errors.push(`${label}的校验值（sha256）与 pack.json 不符，文件在传递中被改动或损坏。`);
      continue;
    }
    const inspected = inspectDocx(docx, label);
    if (!inspected.ok) {
      errors.push(inspected.message);
      continue;
    }
    const check = await checkTemplate(docx);
    if (!check.ok) {
      const details = check.findings.filter((f) => f.severity === "error").map((f) => f.message);
      errors.push(`${label}未通过模板检查：${details.join("；") || "存在错误"}`);
      continue;
    }
    templates.push({
      name: t.name.normalize("NFC"),
      kind: t.kind,
      version: t.version,
      sha256: actual,
      docx,
      ...(t.department ? { department: t.department } : {}),
      ...(t.note ? { note: t.note } : {}),
    });
  }

  let profile: UnitProfile | undefined;
  if (manifest.profile) {
    const raw = files[manifest.profile];
    if (!raw) errors.push(`模板包中缺少单位设置文件 ${manifest.profile}。`);
    else {
      try {
        const result = unitProfileSchema.safeParse(JSON.parse(new TextDecoder().decode(raw)));
        if (result.success) profile = result.data;
        else errors.push(...zodLines("单位设置格式不对", result.error));
      } catch {
        errors.push("模板包中的单位设置不是有效的 JSON。");
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    pack: { created: manifest.created, templates, ...(profile ? { profile } : {}) },
  };
}
