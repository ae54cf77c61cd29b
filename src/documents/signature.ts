/**
 * 署名 and 成文日期 by the standard (GB/T 9704 7.3.5), placed after rendering because the
 * indents depend on the real widths of the name and the date, which only the filled document
 * knows. Applies to the 署名 paragraph (style Signature) followed by the 成文日期 paragraph
 * (style DocDate) when both carry no direct formatting of their own (a clerk's own layout wins):
 * - with a seal (7.3.5.1): 成文日期 右空四字, 署名 centred over the date by its real width;
 * - without (7.3.5.2): 署名 右空二字, the date starting two characters further right; when the
 *   date is longer, the date keeps 右空二字 and the 署名 moves left to keep the offset.
 * Widths in quarter characters: a Han or full-width character is 4, an ASCII digit or letter 2
 * (仿宋_GB2312 sets digits half-width), and a quarter for each change between the two, which
 * Word (autoSpaceDN/DE, on by default) and LibreOffice put between Han and digits: 2024年1月10日
 * is 3 × 4 + 7 × 2 + 5 = 31 quarters, 7.75 characters, as the rendered page measures it.
 */

/** One 3号 character, in twips. */
const CHAR_TWIPS = 320;
/** One quarter of a character, in twips. */
export const QUARTER_TWIPS = CHAR_TWIPS / 4;
/** The type area holds 28 characters; a 署名 never indents past its start. */
const LINE_QUARTERS = 28 * 4;

const isNarrow = (ch: string) => ch.charCodeAt(0) < 0x2000;
const isAlnum = (ch: string) => /[0-9A-Za-z]/.test(ch);

/** Word's and LibreOffice's automatic space between Han characters and digits or letters. */
const autoSpace = (a: string, b: string) =>
  (isAlnum(a) && !isNarrow(b)) || (!isNarrow(a) && isAlnum(b));

export function quarterWidths(text: string): number {
  let n = 0;
  let previous = "";
  for (const ch of text) {
    n += isNarrow(ch) ? 2 : 4;
    if (previous !== "" && autoSpace(previous, ch)) n += 1;
    previous = ch;
  }
  return n;
}

export interface SignatureIndents {
  /** Right indents in quarter characters. */
  readonly name: number;
  readonly date: number;
}

export function signatureIndents(name: string, date: string, seal: boolean): SignatureIndents {
  const n = quarterWidths(name);
  const d = quarterWidths(date);
  const clamp = (v: number) => Math.max(0, Math.min(LINE_QUARTERS - n, v));
  const chars = (c: number) => c * 4;
  if (seal) {
    // Centre over the date: the name's centre at the date's centre (to a quarter character).
    return { date: chars(4), name: clamp(chars(4) + Math.round((d - n) / 2)) };
  }
  // The date starts two characters right of the name's start: its right indent is the name's
  // (two characters) plus the name's width, less two characters and the date's width.
  const dateIndent = n - d;
  if (dateIndent >= chars(2)) return { name: chars(2), date: dateIndent };
  return { date: chars(2), name: clamp(chars(4) + d - n) };
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

const withIndent = (style: string, quarters: number) =>
  `<w:pPr><w:pStyle w:val="${style}"/><w:ind w:left="0" w:right="${quarters * QUARTER_TWIPS}" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/></w:pPr>`;

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
