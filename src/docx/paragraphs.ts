/**
 * A .docx as paragraphs for the import: the text of each paragraph (tabs and line breaks
 * kept), the number Word shows in front of it — reconstructed from numbering.xml (level
 * formats, start values, restarts, overrides, numbering inherited from paragraph styles) — and
 * its outline level (w:outlineLvl, or a 标题 N / Heading N style). Browser-safe: fflate and
 * string scanning only, bounded in memory (only three parts are inflated, each size-checked).
 */
import { strFromU8, unzipSync } from "fflate";
import type { SourceParagraph } from "../core/import/model";

export type DocxReadErrorKind =
  | "empty"
  | "doc"
  | "encrypted"
  | "not-docx"
  | "corrupt"
  | "too-large";

export class DocxReadError extends Error {
  override readonly name = "DocxReadError";
  constructor(
    readonly kind: DocxReadErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Inflated size limit per part (a 1,000-page document.xml is well under this). */
export const MAX_PART_BYTES = 64 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PARTS = ["word/document.xml", "word/numbering.xml", "word/styles.xml"];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function unzipParts(bytes: Uint8Array, label: string): Record<string, string> {
  if (bytes.length === 0) throw new DocxReadError("empty", `文件“${label}”是空文件（0 字节）。`);
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new DocxReadError(
      "doc",
      `文件“${label}”是旧版 Word 97-2003 格式（.doc）或设置了打开密码；请在 Word 或 WPS 中另存为 .docx（并取消密码）后再导入。`,
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new DocxReadError("not-docx", `文件“${label}”不是 Word 文档（.docx）。`);
  }
  let names: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        if (!PARTS.includes(f.name)) return false;
        if (f.originalSize > MAX_PART_BYTES) {
          throw new DocxReadError(
            "too-large",
            `文件“${label}”的 ${f.name} 解压后超过 ${MAX_PART_BYTES / 1024 / 1024} MB，不像正常的反馈意见文档，未读取。`,
          );
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof DocxReadError) throw error;
    throw new DocxReadError("corrupt", `文件“${label}”无法作为 Word 文档读取：压缩包已损坏。`);
  }
  if (!files["word/document.xml"]) {
    const what = names.includes("xl/workbook.xml")
      ? "是 Excel 工作簿"
      : names.includes("ppt/presentation.xml")
        ? "是 PowerPoint 演示文稿"
        : "缺少 word/document.xml";
    names = [];
    throw new DocxReadError("not-docx", `文件“${label}”${what}，不是 Word 文档（.docx）。`);
  }
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) out[name] = strFromU8(data);
  return out;
}

// ---------------------------------------------------------------------------------------------
// XML scanning (WordprocessingML is machine-written: attributes are quoted, no DTD)

const ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/giu, (_, e: string) => {
    if (e[0] === "#") {
      const code =
        e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return ENTITY[e.toLowerCase()] ?? "";
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`, "u").exec(tag);
  return m ? decode(m[1]!) : undefined;
}

/** The value attribute of the first <w:name …/> inside `xml`. */
function val(xml: string, element: string): string | undefined {
  const m = new RegExp(`<${element}(?=[\\s/>])[^>]*>`, "u").exec(xml);
  return m ? (attr(m[0], "w:val") ?? "") : undefined;
}

/** Every <w:name …>…</w:name> (or self-closed) element with its full text. */
function elements(xml: string, element: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${element}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${element}>)`, "gu");
  for (const m of xml.matchAll(re)) out.push(m[0]);
  return out;
}

function openTag(el: string): string {
  return /^<[^>]*>/u.exec(el)?.[0] ?? "";
}

// ---------------------------------------------------------------------------------------------
// Numbering definitions

interface Level {
  start: number;
  format: string;
  text: string;
  /** 1-based level after which this level restarts; 0 = never; undefined = after any higher level. */
  restart: number | undefined;
  legal: boolean;
  style: string | undefined;
}

interface NumDef {
  readonly abstractId: string;
  readonly levels: Level[];
  readonly overridden: boolean;
}

function readLevels(xml: string): Level[] {
  const levels: Level[] = [];
  for (const lvl of elements(xml, "w:lvl")) {
    const ilvl = Number(attr(openTag(lvl), "w:ilvl") ?? "0");
    const restart = val(lvl, "w:lvlRestart");
    levels[ilvl] = {
      start: Number(val(lvl, "w:start") ?? "1") || 0,
      format: val(lvl, "w:numFmt") ?? "decimal",
      text: val(lvl, "w:lvlText") ?? "",
      restart: restart === undefined ? undefined : Number(restart),
      legal: val(lvl, "w:isLgl") !== undefined,
      style: val(lvl, "w:pStyle"),
    };
  }
  return levels;
}

function readNumbering(xml: string | undefined): Map<string, NumDef> {
  const defs = new Map<string, NumDef>();
  if (!xml) return defs;
  const abstract = new Map<string, Level[]>();
  for (const a of elements(xml, "w:abstractNum")) {
    abstract.set(attr(openTag(a), "w:abstractNumId") ?? "", readLevels(a));
  }
  for (const n of elements(xml, "w:num")) {
    const numId = attr(openTag(n), "w:numId") ?? "";
    const abstractId = val(n, "w:abstractNumId") ?? "";
    const levels = (abstract.get(abstractId) ?? []).map((l) => ({ ...l }));
    let overridden = false;
    for (const o of elements(n, "w:lvlOverride")) {
      const ilvl = Number(attr(openTag(o), "w:ilvl") ?? "0");
      const replaced = readLevels(o)[ilvl];
      if (replaced) levels[ilvl] = replaced;
      const start = val(o, "w:startOverride");
      if (start !== undefined) {
        levels[ilvl] = { ...(levels[ilvl] ?? replaced ?? emptyLevel()), start: Number(start) };
      }
      overridden = true;
    }
    defs.set(numId, { abstractId, levels, overridden });
  }
  return defs;
}

const emptyLevel = (): Level => ({
  start: 1,
  format: "decimal",
  text: "",
  restart: undefined,
  legal: false,
  style: undefined,
});

const CN_DIGITS = "〇一二三四五六七八九";

function chineseCounting(n: number): string {
  if (n <= 0) return String(n);
  if (n >= 10000) return String(n);
  const units = ["", "十", "百", "千"];
  const digits = String(n).split("").map(Number);
  let out = "";
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      zero = out !== "";
      return;
    }
    if (zero) out += "零";
    zero = false;
    out += (d === 1 && unit === "十" && out === "" ? "" : CN_DIGITS[d]) + unit;
  });
  return out;
}

const LEGAL = "零壹贰叁肆伍陆柒捌玖";
const HEAVENLY = "甲乙丙丁戊己庚辛壬癸";

function letters(n: number, upper: boolean): string {
  let s = "";
  let k = n;
  while (k > 0) {
    k--;
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26);
  }
  return upper ? s.toUpperCase() : s;
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, "m"],
    [900, "cm"],
    [500, "d"],
    [400, "cd"],
    [100, "c"],
    [90, "xc"],
    [50, "l"],
    [40, "xl"],
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"],
  ];
  let s = "";
  let k = n;
  for (const [v, r] of table)
    while (k >= v) {
      s += r;
      k -= v;
    }
  return s;
}

/** One number in a level's format (w:numFmt). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case "chineseCounting":
    case "chineseCountingThousand":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
    case "japaneseCounting":
      return chineseCounting(n);
    case "ideographDigital":
    case "taiwaneseDigital":
    case "japaneseDigitalTenThousand":
      return String(n)
        .split("")
        .map((d) => CN_DIGITS[Number(d)])
        .join("");
    case "chineseLegalSimplified":
      return chineseCounting(n)
        .replace(/[〇一二三四五六七八九]/gu, (c) => LEGAL[CN_DIGITS.indexOf(c)]!)
        .replace(/十/gu, "拾")
        .replace(/百/gu, "佰")
        .replace(/千/gu, "仟");
    case "ideographTraditional":
      return HEAVENLY[(n - 1) % 10] ?? String(n);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case "decimalEnclosedParen":
      return `(${n})`;
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "upperLetter":
      return letters(n, true);
    case "lowerLetter":
      return letters(n, false);
    case "upperRoman":
      return roman(n).toUpperCase();
    case "lowerRoman":
      return roman(n);
    case "none":
      return "";
    default:
      return String(n);
  }
}

// ---------------------------------------------------------------------------------------------
// Styles

interface StyleDef {
  readonly basedOn: string | undefined;
  readonly numId: string | undefined;
  readonly ilvl: number | undefined;
  readonly outline: number | undefined;
}

function headingLevelFromName(name: string): number | undefined {
  const n = name.trim().toLowerCase();
  let m = /^(?:heading|标题)\s*([1-9])$/u.exec(n);
  if (m) return Number(m[1]) - 1;
  m = /^([一二三四五六七八九])级标题$/u.exec(n);
  if (m) return CN_DIGITS.indexOf(m[1]!) - 1;
  return undefined;
}

function readStyles(xml: string | undefined): Map<string, StyleDef> {
  const styles = new Map<string, StyleDef>();
  if (!xml) return styles;
  for (const s of elements(xml, "w:style")) {
    const tag = openTag(s);
    if ((attr(tag, "w:type") ?? "paragraph") !== "paragraph") continue;
    const id = attr(tag, "w:styleId") ?? "";
    const pPr = elements(s, "w:pPr")[0] ?? "";
    const outlineVal = val(pPr, "w:outlineLvl");
    const outline =
      outlineVal !== undefined ? Number(outlineVal) : headingLevelFromName(val(s, "w:name") ?? "");
    const ilvl = val(pPr, "w:ilvl");
    styles.set(id, {
      basedOn: val(s, "w:basedOn"),
      numId: val(pPr, "w:numId"),
      ilvl: ilvl === undefined ? undefined : Number(ilvl),
      outline: outline !== undefined && outline >= 0 && outline <= 8 ? outline : undefined,
    });
  }
  return styles;
}

function styleChain(styles: Map<string, StyleDef>, id: string | undefined): StyleDef[] {
  const chain: StyleDef[] = [];
  const seen = new Set<string>();
  let cur = id;
  while (cur !== undefined && !seen.has(cur) && chain.length < 20) {
    seen.add(cur);
    const s = styles.get(cur);
    if (!s) break;
    chain.push(s);
    cur = s.basedOn;
  }
  return chain;
}

// ---------------------------------------------------------------------------------------------
// Paragraphs

/** Text of one paragraph: w:t in order, w:tab as a tab, w:br / w:cr as a line break. */
function paragraphText(p: string): string {
  let out = "";
  for (const m of p.matchAll(
    /<w:t(?=[\s>])[^>]*>([^<]*)<\/w:t>|<w:(tab|br|cr)(?=[\s/>])[^>]*\/?>|<w:sym(?=[\s/>])[^>]*\/?>/gu,
  )) {
    if (m[1] !== undefined) out += decode(m[1]);
    else if (m[2] === "tab") out += "\t";
    else if (m[2] === "br" || m[2] === "cr") {
      if (!/w:type="(?:page|column)"/u.test(m[0])) out += "\n";
    }
  }
  return out;
}

/** Reads the paragraphs of a .docx (body, tables included, in reading order). */
export function readDocxParagraphs(bytes: Uint8Array, label = "文档"): SourceParagraph[] {
  const parts = unzipParts(bytes, label);
  const numbering = readNumbering(parts["word/numbering.xml"]);
  const styles = readStyles(parts["word/styles.xml"]);
  const styleOfLevel = new Map<string, number>();
  for (const def of numbering.values())
    def.levels.forEach((l, i) => {
      if (l?.style) styleOfLevel.set(l.style, i);
    });
  let xml = parts["word/document.xml"]!;
  // Text boxes and alternate content nest paragraphs inside paragraphs; the fallback copies
  // would be read twice. Deleted revisions are not the document's text.
  xml = xml
    .replace(/<mc:Fallback>[\s\S]*?<\/mc:Fallback>/gu, "")
    .replace(/<w:txbxContent>[\s\S]*?<\/w:txbxContent>/gu, "")
    .replace(/<w:del(?=[\s>])[\s\S]*?<\/w:del>/gu, "");
  const body = /<w:body>([\s\S]*)<\/w:body>/u.exec(xml)?.[1] ?? xml;

  const counters = new Map<string, (number | undefined)[]>();
  const out: SourceParagraph[] = [];
  for (const m of body.matchAll(/<w:p(?=[\s>/])[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/gu)) {
    const inner = m[1] ?? "";
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/u.exec(inner)?.[1] ?? "";
    const styleId = val(pPr, "w:pStyle");
    const chain = styleChain(styles, styleId);
    const text = paragraphText(inner.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/u, ""));

    let numId = val(pPr, "w:numId");
    let ilvlText = val(pPr, "w:ilvl");
    if (numId === undefined) {
      const s = chain.find((c) => c.numId !== undefined);
      numId = s?.numId;
      if (ilvlText === undefined && s) {
        const fromLevel = styleId !== undefined ? styleOfLevel.get(styleId) : undefined;
        ilvlText = String(s.ilvl ?? fromLevel ?? 0);
      }
    }
    const ilvl = Math.min(8, Math.max(0, Number(ilvlText ?? "0") || 0));
    const outlineVal = val(pPr, "w:outlineLvl");
    const outline =
      outlineVal !== undefined
        ? Number(outlineVal)
        : chain.find((c) => c.outline !== undefined)?.outline;
    const paragraph: {
      text: string;
      label?: string;
      list?: { id: string; level: number };
      outlineLevel?: number;
    } = {
      text,
    };
    if (outline !== undefined && outline >= 0 && outline <= 8) paragraph.outlineLevel = outline;

    const def = numId !== undefined && numId !== "0" ? numbering.get(numId) : undefined;
    const level = def?.levels[ilvl];
    if (def && level && text.trim() !== "") {
      const key = def.overridden ? `num:${numId}` : `abs:${def.abstractId}`;
      const c = counters.get(key) ?? [];
      c[ilvl] = c[ilvl] === undefined ? level.start : c[ilvl]! + 1;
      for (let d = ilvl + 1; d < 9; d++) {
        const restart = def.levels[d]?.restart;
        if (restart === 0) continue;
        if (restart === undefined || ilvl < restart) c[d] = undefined;
      }
      counters.set(key, c);
      const label = level.text.replace(/%([1-9])/gu, (_, k: string) => {
        const i = Number(k) - 1;
        const l = def.levels[i] ?? emptyLevel();
        const n = c[i] ?? l.start;
        return formatNumber(n, level.legal && i !== ilvl ? "decimal" : l.format);
      });
      if (level.format === "bullet") paragraph.label = level.text;
      else paragraph.label = label;
      paragraph.list = { id: numId!, level: ilvl };
    }
    out.push(paragraph);
  }
  return out;
}
