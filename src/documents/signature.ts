/**
 * 署名 and 成文日期 by the standard (GB/T 9704 7.3.5), placed after rendering because the
 * indents depend on the real widths of the name and the date, which only the filled document
 * knows. Applies to the 署名 paragraph (style Signature) followed by the 成文日期 paragraph
 * (style DocDate) when both carry no direct formatting of their own (a clerk's own layout wins):
 * - with a seal (7.3.5.1): 成文日期 右空四字, 署名 centred over the date by its real width;
 * - without (7.3.5.2): 署名 右空二字, the date starting two characters further right; when the
 *   date is longer, the date keeps 右空二字 and the 署名 moves left to keep the offset.
 * Widths in half characters: a Han or full-width character is 2, an ASCII digit or letter 1
 * (仿宋_GB2312 sets digits half-width).
 */

/** One 3号 character, in twips. */
const CHAR_TWIPS = 320;
/** The type area holds 28 characters; a 署名 never indents past its start. */
const LINE_HALVES = 56;

export function halfWidths(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) < 0x2000 ? 1 : 2;
  return n;
}

export interface SignatureIndents {
  /** Right indents in half characters. */
  readonly name: number;
  readonly date: number;
}

export function signatureIndents(name: string, date: string, seal: boolean): SignatureIndents {
  const n = halfWidths(name);
  const d = halfWidths(date);
  const clamp = (v: number) => Math.max(0, Math.min(LINE_HALVES - n, v));
  if (seal) {
    // Centre over the date: the name's centre at the date's centre (rounded to a half character).
    return { date: 8, name: clamp(8 + Math.round((d - n) / 2)) };
  }
  const dateIndent = 4 + n - 4 - d;
  if (dateIndent >= 4) return { name: 4, date: dateIndent };
  return { date: 4, name: clamp(4 + 4 + d - n) };
}

const PARAGRAPH = /<w:p>((?:(?!<\/w:p>)[\s\S])*?)<\/w:p>/g;
const STYLE_ONLY = (style: string) => `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>`;

function paragraphText(inner: string): string {
  let text = "";
  for (const m of inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) text += m[1] ?? "";
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

const withIndent = (style: string, halves: number) =>
  `<w:pPr><w:pStyle w:val="${style}"/><w:ind w:left="0" w:right="${halves * (CHAR_TWIPS / 2)}" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/></w:pPr>`;

/** document.xml with the 署名 and 成文日期 indents set; unchanged when the pair is not found. */
export function placeSignature(documentXml: string, seal: boolean): string {
  const paragraphs = [...documentXml.matchAll(PARAGRAPH)];
  for (let i = 0; i + 1 < paragraphs.length; i++) {
    const name = paragraphs[i]!;
    const date = paragraphs[i + 1]!;
    const nameInner = name[1] ?? "";
    const dateInner = date[1] ?? "";
    if (!nameInner.startsWith(STYLE_ONLY("Signature"))) continue;
    if (!dateInner.startsWith(STYLE_ONLY("DocDate"))) continue;
    // Only adjacent paragraphs (nothing between the two).
    if (name.index + name[0].length !== date.index) continue;
    const ind = signatureIndents(paragraphText(nameInner), paragraphText(dateInner), seal);
    const newName = `<w:p>${withIndent("Signature", ind.name)}${nameInner.slice(STYLE_ONLY("Signature").length)}</w:p>`;
    const newDate = `<w:p>${withIndent("DocDate", ind.date)}${dateInner.slice(STYLE_ONLY("DocDate").length)}</w:p>`;
    return (
      documentXml.slice(0, name.index) +
      newName +
      newDate +
      documentXml.slice(date.index + date[0].length)
    );
  }
  return documentXml;
}
