/**
 * Text helpers: cleaning cell text for documents (XML-safe, trimmed, line breaks kept) and
 * loose keys for matching header, sheet and 基本信息 names the way people type them.
 */

/** Result of cleaning a piece of text: what was removed is reported, never silently lost. */
export interface CleanText {
  readonly text: string;
  /** Code points that cannot appear in XML and were removed (U+000B becomes a line break). */
  readonly removed: readonly string[];
}

// C0 controls except tab, LF (CR is normalised first); U+FFFE/U+FFFF; lone surrogates.
const ILLEGAL_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Describes a code point for messages, e.g. `U+000B`. */
export function codePointLabel(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Trims (including full-width and no-break spaces), normalises line breaks to \n and removes
 * characters that are illegal in XML 1.0. U+000B (Word's manual line break) becomes \n because
 * that is what the writer meant.
 */
const NOTHING_REMOVED: readonly string[] = Object.freeze([]);
const NEEDS_WORK = /[\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function cleanText(raw: string): CleanText {
  // Fast path: most cells are one clean line.
  if (!NEEDS_WORK.test(raw) && raw === raw.trim()) return { text: raw, removed: NOTHING_REMOVED };
  let s = raw.replace(/\r\n?/g, "\n");
  const removed: string[] = [];
  if (ILLEGAL_XML.test(s)) {
    ILLEGAL_XML.lastIndex = 0;
    s = s.replace(ILLEGAL_XML, (ch) => {
      removed.push(codePointLabel(ch));
      return ch === "\u000B" ? "\n" : "";
    });
  }
  ILLEGAL_XML.lastIndex = 0;
  // Trim every line (pasted paragraphs bring their own 　　 indent; the documents indent by style) and keep the line breaks.
  s = s
    .split("\n")
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, ""))
    .join("\n")
    .replace(/^[\s\u3000\uFEFF]+|[\s\u3000\uFEFF]+$/gu, "");
  return { text: s, removed };
}

/** Full-width ASCII (digits, letters, punctuation) and ideographic space → half-width. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ");
}

/**
 * A loose key for matching names: NFKC (full-width → half-width, Ⅰ → I), no whitespace of any
 * kind (line breaks and full-width spaces inside header cells), no required-field stars, no
 * trailing colon, upper case.
 */
export function looseKey(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[\s\u3000\u200B\uFEFF]+/gu, "")
    .replace(/[*＊※]/g, "")
    .replace(/[:：]+$/u, "")
    .toUpperCase();
}

/** The loose key with bracketed notes removed: 整改时限（年月日） → 整改时限. */
export function looseKeyWithoutNotes(s: string): string {
  return looseKey(s.replace(/[（(【［[][^）)】］\]]*[）)】］\]]/gu, ""));
}

/** Removes trailing punctuation and spaces (完成。 → 完成). */
export function stripTrailingPunctuation(s: string): string {
  return s.replace(/[\s\u3000。．.，,；;！!、：:]+$/u, "");
}

/**
 * Removes a leading enumerator the documents will renumber anyway: 一、 （一） (1) 1. 1、 ①.
 * "3.5亿元" keeps its number (a digit follows the dot).
 */
export function stripEnumerator(s: string): string {
  return s
    .replace(
      /^(?:[一二三四五六七八九十]+[、，.．]|[(（][一二三四五六七八九十\d]{1,3}[)）][、.．]?|\d{1,3}[、.．](?!\d)|[\u2460-\u2473])[\s\u3000]*/u,
      "",
    )
    .trim();
}

export type EnumeratorStyle = "一、" | "（一）" | "1." | "（1）" | "①" | "none";

/** The numbering style a heading starts with (to tell 方面 headings from 类别 headings). */
export function enumeratorStyle(s: string): EnumeratorStyle {
  const t = s.normalize("NFKC").trim();
  if (/^[一二三四五六七八九十]+[、,.]/u.test(t)) return "一、";
  if (/^\([一二三四五六七八九十]+\)/u.test(t)) return "（一）";
  if (/^\(\d{1,3}\)/u.test(t)) return "（1）";
  if (/^\d{1,3}[、.](?!\d)/u.test(t)) return "1.";
  if (/^[\u2460-\u2473]/u.test(s.trim())) return "①";
  return "none";
}
