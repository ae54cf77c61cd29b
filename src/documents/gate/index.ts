/**
 * The template gate: the one check every template passes, whatever way it enters (CLI
 * `template check` and `report --template`, the pane's local file, the workbook embed, a pack,
 * the library). It reads the zip once with the bounded reader (zip.ts), refuses active and
 * remote content part by part (parts.ts) and counts the tags against a budget real templates
 * never reach, before docxtemplater sees a byte. The contract-level rules (no contract tag,
 * loop nesting, loops inside themselves) run on the compiled template in template-check.ts,
 * which calls this first; rendering only ever compiles bytes this gate accepted.
 * Pure and browser-safe.
 */
import { buildFinding } from "../../core/findings";
import type { Finding } from "../../core/model";
import { type PartRefusal, partProblems } from "./parts";
import { readZip, type ZipLimits } from "./zip";

export { decodePart, isWebLink, type PartProblem, type PartRefusal, partProblems } from "./parts";
export {
  readZip,
  unsafeEntryName,
  type ZipEntry,
  type ZipLimits,
  type ZipRead,
  type ZipReadOptions,
  type ZipRefusal,
} from "./zip";

/** Limits for one .docx template. Real ones: 20–60 parts, 0.1–3 MB, a few hundred tags. */
export const TEMPLATE_LIMITS: ZipLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxUncompressed: 50 * 1024 * 1024,
  maxEntryBytes: 30 * 1024 * 1024,
  maxEntries: 500,
  maxRatio: 200,
};

/** Tags (opening braces in the text of the templated parts) a template may hold. */
export const MAX_TEMPLATE_TAGS = 2000;

/**
 * Finding codes of the gate (documented in docs/template-gate.md, checked by a test):
 * code → what it means.
 */
export const GATE_CODES = {
  "template.gate.zip": "不是有效的压缩包，或压缩包自相矛盾（重叠、重名、大小与目录不符、超过上限）",
  "template.gate.not-docx": "不是 Word 文档（缺少 word/document.xml 或 [Content_Types].xml）",
  "template.gate.encoding": "内部文件不是 UTF-8/UTF-16 编码",
  "template.gate.doctype": "内部文件含有 DOCTYPE 或实体声明",
  "template.gate.altchunk": "嵌入了外部文档片段（altChunk / aFChunk）",
  "template.gate.macro": "含有宏（vbaProject）",
  "template.gate.activex": "含有 ActiveX 控件",
  "template.gate.ole": "含有 OLE 嵌入对象",
  "template.gate.external":
    "外部关系（外部模板、远程图片、file:、javascript: 等），http(s) 超链接除外",
  "template.gate.field": "读取外部文件的域（INCLUDETEXT、INCLUDEPICTURE、LINK、DDE）或非网页链接域",
  "template.gate.tags": "标签数超过上限",
  "template.gate.no-contract-tag": "文件中没有任何标签列表中的标签，不是模板",
  "template.gate.nesting": "循环嵌套层数超过标签列表允许的层数",
  "template.gate.self-loop": "循环写在同名循环之内",
  "template.tag.condition-as-text": "条件标签被当作文字印出（会印出 true/false）",
  "document.render.budget": "填写时的计算量或输出大小超过上限",
} as const;

export type GateCode = keyof typeof GATE_CODES;

// The gate's messages name the file and part themselves: no place in front.
const gateError = (code: GateCode, message: string): Finding =>
  buildFinding({ severity: "error", code, sheet: "模板" }, message, { lead: "none" });

export type GateResult =
  | {
      readonly ok: true;
      /** The accepted parts, inflated; the only bytes the renderer may use. */
      readonly files: Readonly<Record<string, Uint8Array>>;
    }
  | {
      readonly ok: false;
      /** True when the file is not a usable .docx at all (CLI exit 2). */
      readonly unreadable: boolean;
      readonly findings: readonly Finding[];
      /** The first finding's message: one line for callers that show one. */
      readonly message: string;
    };

const PART_CODES: Record<PartRefusal, GateCode> = {
  encoding: "template.gate.encoding",
  doctype: "template.gate.doctype",
  altchunk: "template.gate.altchunk",
  macro: "template.gate.macro",
  activex: "template.gate.activex",
  ole: "template.gate.ole",
  external: "template.gate.external",
  field: "template.gate.field",
};

const TEMPLATED_PART = /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/i;

/** Opening braces in the text runs of the templated parts: an upper bound on the tag count. */
export function countTagOpenings(files: Readonly<Record<string, Uint8Array>>): number {
  let count = 0;
  for (const [name, data] of Object.entries(files)) {
    if (!TEMPLATED_PART.test(name)) continue;
    for (let i = 0; i < data.length; i++) if (data[i] === 0x7b) count++;
  }
  return count;
}

function refused(findings: Finding[], unreadable: boolean): GateResult {
  return { ok: false, unreadable, findings, message: findings[0]?.message ?? "模板无法使用。" };
}

/**
 * Gates a .docx template. `what` names the file in every message (模板文件, 模板“县委报告”).
 * Never throws; every refusal is Chinese and names the part.
 */
export function gateTemplate(bytes: Uint8Array, what = "模板文件"): GateResult {
  const zip = readZip(bytes, TEMPLATE_LIMITS, { what });
  if (!zip.ok) {
    const message =
      zip.reason === "not-zip"
        ? `无法打开模板：${what === "模板文件" ? "文件" : what}不是有效的 Word 文档（.docx），也不是有效的压缩包。请确认文件没有损坏，且不是 .doc 或 .wps 格式。`
        : zip.message;
    return refused([gateError("template.gate.zip", message)], true);
  }
  const names = Object.keys(zip.files);
  const has = (part: string) => names.some((n) => n.toLowerCase() === part.toLowerCase());
  if (!has("[Content_Types].xml") || !has("word/document.xml"))
    return refused(
      [
        gateError(
          "template.gate.not-docx",
          `${what}不是 Word 文档（缺少 word/document.xml 或 [Content_Types].xml）；请在 Word 或 WPS 中另存为 .docx 格式。`,
        ),
      ],
      true,
    );
  const problems = partProblems(zip.files);
  if (problems.length > 0)
    return refused(
      problems.map((p) => gateError(PART_CODES[p.reason], `${what}的${p.message}。`)),
      false,
    );
  const tags = countTagOpenings(zip.files);
  if (tags > MAX_TEMPLATE_TAGS)
    return refused(
      [
        gateError(
          "template.gate.tags",
          `${what}中有 ${tags} 个“{”，超过模板标签数的上限 ${MAX_TEMPLATE_TAGS} 个；真正的模板用不到这么多标签，请用循环 {#问题}…{/问题} 代替逐个书写。`,
        ),
      ],
      false,
    );
  return { ok: true, files: zip.files };
}
