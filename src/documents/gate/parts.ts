/**
 * What a template's parts may not contain: active content (altChunk, macros, ActiveX, OLE),
 * remote content (external relationships other than http(s) hyperlinks, fields that fetch
 * files), DOCTYPE/ENTITY declarations (XXE, billion laughs) in any part and any encoding, and
 * encodings other than UTF-8/UTF-16 (so no UTF-7 or EBCDIC part can hide a declaration from
 * this check and still be read by another parser). Each refusal names the part. Browser-safe.
 */

export type PartRefusal =
  | "encoding"
  | "doctype"
  | "altchunk"
  | "macro"
  | "activex"
  | "ole"
  | "external"
  | "field";

export interface PartProblem {
  readonly reason: PartRefusal;
  readonly part: string;
  /** Chinese, names the part; `what` is prefixed by the caller. */
  readonly message: string;
}

/** Binary formats a .docx legitimately carries (images, fonts); not scanned as text. */
function isKnownBinary(data: Uint8Array): boolean {
  const b = data;
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  return (
    starts(0x89, 0x50, 0x4e, 0x47) || // png
    starts(0xff, 0xd8, 0xff) || // jpeg
    starts(0x47, 0x49, 0x46, 0x38) || // gif
    starts(0x42, 0x4d) || // bmp
    starts(0x49, 0x49, 0x2a, 0x00) ||
    starts(0x4d, 0x4d, 0x00, 0x2a) || // tiff
    starts(0xd7, 0xcd, 0xc6, 0x9a) || // wmf (placeable)
    (starts(0x01, 0x00, 0x00, 0x00) && b[40] === 0x20 && b[41] === 0x45) || // emf (" EMF")
    starts(0x52, 0x49, 0x46, 0x46) || // riff (webp)
    starts(0x00, 0x01, 0x00, 0x00) || // ttf
    starts(0x4f, 0x54, 0x54, 0x4f) || // otf
    starts(0x77, 0x4f, 0x46, 0x46) // woff
  );
}

/** Obfuscated embedded fonts (.odttf) are XOR-scrambled binaries with no signature. */
const FONT_PART = /^word\/fonts\/[^/]+\.odttf$/i;

type Decoded = { ok: true; text: string } | { ok: false; encoding: string };

/**
 * The part as text, in the encoding an XML parser would use: a BOM, else the bytes of `<?xml`
 * (UTF-16 without BOM), else the declaration's encoding; only UTF-8 and UTF-16 are accepted.
 */
export function decodePart(data: Uint8Array): Decoded {
  const b = data;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return { ok: true, text: new TextDecoder("utf-8").decode(b.subarray(3)) };
  if (b[0] === 0xff && b[1] === 0xfe)
    return { ok: true, text: new TextDecoder("utf-16le").decode(b) };
  if (b[0] === 0xfe && b[1] === 0xff)
    return { ok: true, text: new TextDecoder("utf-16be").decode(b) };
  if (b[0] === 0x3c && b[1] === 0x00)
    return { ok: true, text: new TextDecoder("utf-16le").decode(b) };
  if (b[0] === 0x00 && b[1] === 0x3c)
    return { ok: true, text: new TextDecoder("utf-16be").decode(b) };
  if (b[0] === 0x2b && b[1] === 0x2f && b[2] === 0x76) return { ok: false, encoding: "UTF-7" };
  if (b[0] === 0x4c && b[1] === 0x6f && b[2] === 0xa7 && b[3] === 0x94)
    return { ok: false, encoding: "EBCDIC" };
  if ((b[0] === 0x00 && b[1] === 0x00) || (b[2] === 0x00 && b[3] === 0x00))
    return { ok: false, encoding: "UTF-32" };
  // An ASCII-compatible encoding: the declaration must say UTF-8 (or nothing).
  const head = new TextDecoder("latin1").decode(b.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
  // (A UTF-16 declaration on ASCII-compatible bytes contradicts itself: refused too.)
  if (declared && !/^utf-?8$/i.test(declared.trim()))
    return { ok: false, encoding: declared.trim().slice(0, 20) };
  return { ok: true, text: new TextDecoder("utf-8").decode(b) };
}

const REL_TYPE_TAIL = (type: string) => type.replace(/^.*\//, "").toLowerCase();

interface Relationship {
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, "i").exec(tag);
  if (!m) return undefined;
  return (m[1] ?? m[2] ?? "").replace(
    /&(amp|lt|gt|quot|apos|#x?[0-9a-f]+);/gi,
    (all, e: string) => {
      const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
      if (e[0] !== "#") return named[e.toLowerCase()] ?? all;
      const code =
        e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    },
  );
}

function relationships(xml: string): Relationship[] {
  const rels: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const tag = m[0];
    rels.push({
      type: attr(tag, "Type") ?? "",
      target: (attr(tag, "Target") ?? "").trim(),
      external: /^external$/i.test(attr(tag, "TargetMode") ?? ""),
    });
  }
  return rels;
}

/** A link a reader can follow without leaving the web: http(s) only. */
export function isWebLink(target: string): boolean {
  // Browsers drop tabs and newlines inside a scheme; so do we before judging it.
  const t = target.replace(/[\u0000-\u0020]/g, "");
  return /^https?:\/\/[^/]/i.test(t);
}

const shortTarget = (t: string) => (t.length > 60 ? `${t.slice(0, 57)}…` : t);

/** Relationship types that bring code or another application's object into the document. */
const ACTIVE_TYPES: ReadonlyMap<string, PartRefusal> = new Map([
  ["afchunk", "altchunk"],
  ["vbaproject", "macro"],
  ["wordvbadata", "macro"],
  ["keymapcustomizations", "macro"],
  ["control", "activex"],
  ["activexcontrol", "activex"],
  ["activexcontrolbinary", "activex"],
  ["oleobject", "ole"],
  ["package", "ole"],
]);

const REASON_TEXT: Record<PartRefusal, string> = {
  encoding: "",
  doctype: "",
  altchunk:
    "嵌入了外部文档片段（altChunk，可能含网页和脚本）；请在 Word 中把该内容复制为普通文字后另存",
  macro: "含有宏（VBA）；模板不能带宏，请另存为不含宏的 .docx",
  activex: "含有 ActiveX 控件；请删除控件后另存",
  ole: "含有嵌入的 OLE 对象（其他程序的文件）；请删除该对象或改为图片后另存",
  external: "",
  field: "",
};

/** Every problem of the parts of an unzipped .docx, in part order. */
export function partProblems(files: Readonly<Record<string, Uint8Array>>): PartProblem[] {
  const problems: PartProblem[] = [];
  for (const [name, data] of Object.entries(files)) {
    const lower = name.toLowerCase();
    if (/(^|\/)vbaproject\.bin$|(^|\/)vbadata\.xml$/.test(lower)) {
      problems.push({ reason: "macro", part: name, message: `“${name}”${REASON_TEXT.macro}` });
      continue;
    }
    if (/^word\/activex\//.test(lower)) {
      problems.push({ reason: "activex", part: name, message: `“${name}”${REASON_TEXT.activex}` });
      continue;
    }
    if (/^word\/embeddings\//.test(lower)) {
      problems.push({ reason: "ole", part: name, message: `“${name}”${REASON_TEXT.ole}` });
      continue;
    }
    if (FONT_PART.test(name) || data.length === 0 || isKnownBinary(data)) continue;
    const decoded = decodePart(data);
    if (!decoded.ok) {
      problems.push({
        reason: "encoding",
        part: name,
        message: `“${name}”使用 ${decoded.encoding} 编码；模板的内部文件只能是 UTF-8 或 UTF-16，请在 Word 或 WPS 中重新另存为 .docx`,
      });
      continue;
    }
    const text = decoded.text;
    if (/<!\s*(doctype|entity|element|attlist|notation)\b/i.test(text)) {
      problems.push({
        reason: "doctype",
        part: name,
        message: `“${name}”中含有 DOCTYPE 或实体声明，出于安全原因不予接受；请在 Word 或 WPS 中重新另存为 .docx`,
      });
      continue;
    }
    if (lower === "[content_types].xml") {
      if (/macroEnabled|vbaProject/i.test(text))
        problems.push({ reason: "macro", part: name, message: `“${name}”${REASON_TEXT.macro}` });
      continue;
    }
    if (lower.endsWith(".rels")) {
      for (const rel of relationships(text)) {
        const tail = REL_TYPE_TAIL(rel.type);
        const active = ACTIVE_TYPES.get(tail);
        if (active) {
          problems.push({ reason: active, part: name, message: `“${name}”${REASON_TEXT[active]}` });
          continue;
        }
        const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(rel.target.replace(/[\u0000-\u0020]/g, ""));
        if (!rel.external && !hasScheme && !rel.target.startsWith("//")) continue;
        if (tail === "hyperlink" && isWebLink(rel.target)) continue;
        const what =
          tail === "attachedtemplate"
            ? "引用了外部模板（attachedTemplate）"
            : tail === "image"
              ? "引用了外部图片"
              : tail === "hyperlink"
                ? "含有非网页链接"
                : "引用了外部资源";
        problems.push({
          reason: "external",
          part: name,
          message: `“${name}”${what}“${shortTarget(rel.target)}”；模板只能含有 http(s) 网页链接，请在 Word 中删除该链接或引用后另存`,
        });
      }
      continue;
    }
    if (!/\.(xml|vml)$/i.test(lower)) continue;
    if (/<(?:\w+:)?altChunk\b/.test(text))
      problems.push({
        reason: "altchunk",
        part: name,
        message: `“${name}”${REASON_TEXT.altchunk}`,
      });
    if (/<(?:\w+:)?(?:control|ocx)\b/.test(text) && /^word\//.test(lower))
      problems.push({ reason: "activex", part: name, message: `“${name}”${REASON_TEXT.activex}` });
    if (/<(?:\w+:)?OLEObject\b/.test(text))
      problems.push({ reason: "ole", part: name, message: `“${name}”${REASON_TEXT.ole}` });
    for (const instr of fieldInstructions(text)) {
      const problem = fieldProblem(instr);
      if (problem)
        problems.push({
          reason: "field",
          part: name,
          message: `“${name}”中的域“${shortTarget(instr.trim())}”${problem}，请在 Word 中删除该域后另存`,
        });
    }
  }
  return problems;
}

/** Field codes: <w:instrText> runs (joined per paragraph would be exact; per run is enough) and fldSimple. */
function fieldInstructions(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?instrText\b[^>]*>([^<]*)</g)) out.push(m[1] ?? "");
  for (const m of xml.matchAll(/<(?:\w+:)?fldSimple\b[^>]*>/g))
    out.push(attr(m[0], "w:instr") ?? "");
  return out;
}

/** Fields that fetch a file or talk to another program, and links that are not http(s). */
function fieldProblem(instr: string): string | undefined {
  const m = /^\s*([A-Za-z]+)\s*(.*)$/s.exec(instr);
  if (!m) return undefined;
  const field = m[1]!.toUpperCase();
  if (
    ["INCLUDETEXT", "INCLUDEPICTURE", "INCLUDE", "LINK", "DDE", "DDEAUTO", "IMPORT"].includes(field)
  )
    return "会读取外部文件或其他程序的内容";
  if (field === "HYPERLINK") {
    if (/^\s*\\[lo]/.test(m[2] ?? "")) return undefined; // \l "bookmark": a place in the document
    const target = /"([^"]*)"/.exec(m[2] ?? "")?.[1] ?? (m[2] ?? "").trim().split(/\s+/)[0] ?? "";
    if (target && !target.startsWith("\\") && !isWebLink(target)) return "链接到非网页地址";
  }
  return undefined;
}
