/**
 * Template packs, and the safety checks every shared .docx goes through (pack import, library
 * publish, pulling into a workbook). A pack is a .zip a unit hands to another: pack.json, the
 * templates, and optionally the unit profile. Browser-safe: no fs, no Node modules; sha256 via
 * Web Crypto (also global in Node 20).
 *
 * Zip bombs: sizes and names are read from the central directory (fflate's filter sees them
 * before anything is inflated) and checked against limits; fflate then inflates each entry into
 * a buffer of exactly the declared size, so an entry lying about its size cannot grow past it.
 */

import { unzipSync, type Zippable, zipSync } from "fflate";
import { z } from "zod";
import { type UnitProfile, unitProfileSchema } from "../core/profile";
import { DOCUMENT_KINDS, type DocumentKind, type TemplateCheckResult } from "../documents/api";
import { sha256Hex } from "./hash";

// ---------------------------------------------------------------------------------------------
// Reading zips safely

export interface ZipLimits {
  /** Largest accepted archive, in bytes. */
  readonly maxBytes: number;
  /** Sum of the declared uncompressed sizes of all entries. */
  readonly maxUncompressed: number;
  readonly maxEntries: number;
}

/** Limits for one .docx template: 5 MB file, 50 MB inflated. */
export const DOCX_LIMITS: ZipLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxUncompressed: 50 * 1024 * 1024,
  maxEntries: 1000,
};

/** Limits for a template pack (several templates, each still checked against DOCX_LIMITS). */
export const PACK_LIMITS: ZipLimits = {
  maxBytes: 60 * 1024 * 1024,
  maxUncompressed: 120 * 1024 * 1024,
  maxEntries: 200,
};

export type SafeUnzip =
  | { readonly ok: true; readonly files: Readonly<Record<string, Uint8Array>> }
  | { readonly ok: false; readonly message: string };

const MB = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** A name that could escape the folder it is extracted to, or is not a plain relative path. */
function unsafeEntryName(name: string): boolean {
  if (name.length === 0 || name.length > 512) return true;
  if (name.startsWith("/") || name.includes("\\") || /^[A-Za-z]:/.test(name)) return true;
  if (/[\u0000-\u001f\u007f]/.test(name)) return true;
  return name.split("/").some((part) => part === ".." || part === ".");
}

/**
 * Unzips `bytes` after checking the archive size, the entry count, the declared uncompressed
 * total and every entry name. `what` names the file in messages (模板文件, 模板包).
 */
export function unzipSafely(bytes: Uint8Array, limits: ZipLimits, what: string): SafeUnzip {
  if (bytes.byteLength > limits.maxBytes)
    return {
      ok: false,
      message: `${what}大小为 ${MB(bytes.byteLength)}，超过上限 ${MB(limits.maxBytes)}；请删去文件中的大图片后再试。`,
    };
  // Pass 1: read the central directory only.
  let entries = 0;
  let declared = 0;
  const problems: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries++;
        declared += file.originalSize;
        if (unsafeEntryName(file.name))
          problems.push(
            `${what}中含有不安全的路径“${file.name.slice(0, 80)}”（含“..”、绝对路径或控制字符）。`,
          );
        if (file.compression !== 0 && file.compression !== 8)
          problems.push(`${what}中的“${file.name.slice(0, 80)}”使用了不支持的压缩方式。`);
        return false;
      },
    });
  } catch {
    return {
      ok: false,
      message: `${what}不是有效的压缩包（.docx/.zip），可能已损坏；请用 Word 或 WPS 重新另存后再试。`,
    };
  }
  if (entries > limits.maxEntries)
    return {
      ok: false,
      message: `${what}包含 ${entries} 个内部文件，超过上限 ${limits.maxEntries} 个，不予接受。`,
    };
  if (declared > limits.maxUncompressed)
    return {
      ok: false,
      message: `${what}解压后共 ${MB(declared)}，超过上限 ${MB(limits.maxUncompressed)}（疑似“压缩炸弹”），不予接受。`,
    };
  if (problems.length > 0) return { ok: false, message: problems[0]! };
  // Pass 2: inflate, each entry bounded by its declared size.
  const sizes = new Map<string, number>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        sizes.set(file.name, file.originalSize);
        return true;
      },
    });
  } catch {
    return {
      ok: false,
      message: `${what}中有内容无法解压，可能已损坏；请用 Word 或 WPS 重新另存后再试。`,
    };
  }
  for (const [name, data] of Object.entries(files))
    if (data.byteLength !== sizes.get(name))
      return {
        ok: false,
        message: `${what}中“${name.slice(0, 80)}”的实际大小与目录记录不符，文件已损坏或被篡改。`,
      };
  return { ok: true, files };
}

// ---------------------------------------------------------------------------------------------
// A .docx's structure

export type DocxInspection =
  | { readonly ok: true; readonly files: Readonly<Record<string, Uint8Array>> }
  | { readonly ok: false; readonly message: string };

/** `<!DOCTYPE` / `<!ENTITY` in any encoding Word could use (UTF-8 or UTF-16: NULs dropped). */
function declaresDoctype(data: Uint8Array): boolean {
  const hasNul = data.includes(0);
  const ascii = hasNul ? data.filter((b) => b !== 0) : data;
  const text = new TextDecoder("latin1").decode(ascii);
  return /<!\s*(doctype|entity)/i.test(text);
}

/**
 * A shared template must be a real .docx within DOCX_LIMITS, with [Content_Types].xml and
 * word/document.xml, and no DOCTYPE or entity declaration in any XML part (XXE, billion laughs).
 * `what` names the file in messages.
 */
export function inspectDocx(bytes: Uint8Array, what = "模板文件"): DocxInspection {
  const unzipped = unzipSafely(bytes, DOCX_LIMITS, what);
  if (!unzipped.ok) return unzipped;
  const names = Object.keys(unzipped.files);
  const has = (part: string) => names.some((n) => n.toLowerCase() === part.toLowerCase());
  if (!has("[Content_Types].xml") || !has("word/document.xml"))
    return {
      ok: false,
      message: `${what}不是 Word 文档（缺少 word/document.xml 或 [Content_Types].xml）；请在 Word 或 WPS 中另存为 .docx 格式。`,
    };
  for (const [name, data] of Object.entries(unzipped.files)) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    if (declaresDoctype(data))
      return {
        ok: false,
        message: `${what}的“${name}”中含有 DOCTYPE 或实体声明，出于安全原因不予接受；请在 Word 或 WPS 中重新另存为 .docx。`,
      };
  }
  return { ok: true, files: unzipped.files };
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
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(manifestBytes));
  } catch {
    return { ok: false, errors: ["模板包的 pack.json 不是有效的 JSON，文件可能已损坏。"] };
  }
  const parsed = packManifestSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: zodLines("pack.json 格式不对", parsed.error) };
  const manifest = parsed.data;

  const errors: string[] = [];
  const templates: PackTemplateWithHash[] = [];
  const seen = new Set<string>();
  for (const t of manifest.templates) {
    const label = `模板“${t.name}”`;
    if (seen.has(t.name)) {
      errors.push(`${label}在 pack.json 中出现了两次。`);
      continue;
    }
    seen.add(t.name);
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
      name: t.name,
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
