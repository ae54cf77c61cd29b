/**
 * The paragraph kinds of a 公文 body. Each refers to its named style (styles.ts) and carries no
 * direct formatting, so a paragraph inside a loop is `<w:p><w:pPr><w:pStyle/></w:pPr><w:r><w:t>`
 * and nothing more.
 */
import { STYLE } from "./styles";
import { charRun, paragraph, type RunPiece, run, TAB } from "./wml";
import { el, type XmlElement } from "./xml";

/** A body paragraph (正文: 3号仿宋, first line indented two characters, justified). */
export function bodyText(...pieces: RunPiece[]): XmlElement {
  return el("w:p", {}, run(...pieces));
}

/** An empty body line (one grid line). */
export function blankLine(): XmlElement {
  return el("w:p");
}

/**
 * A paragraph holding only a loop or condition tag ({#方面}, {/有类别}): docxtemplater's
 * paragraphLoop removes such paragraphs when rendering, so they leave no empty line.
 */
export function tagParagraph(tag: string): XmlElement {
  return bodyText(tag);
}

/** Heading levels: 一、黑体; （一）楷体_GB2312; 1. and （1）仿宋 — all 3号, indented like body. */
const HEADING = {
  1: STYLE.heading1,
  2: STYLE.heading2,
  3: STYLE.heading3,
  4: STYLE.heading4,
} as const;

export function heading(level: 1 | 2 | 3 | 4, ...pieces: RunPiece[]): XmlElement {
  return paragraph(HEADING[level], run(...pieces));
}

/** 标题: 2号方正小标宋简体, centred, no indent. */
export function titleParagraph(tag: string): XmlElement {
  return paragraph(STYLE.title, run(tag));
}

/** 主送机关 flush left, followed by a full-width colon. */
export function recipientParagraph(tag: string): XmlElement {
  return paragraph(STYLE.recipient, run(tag, "："));
}

/** 发文机关标志 (red, 小标宋). */
export function issuerMarkParagraph(tag: string): XmlElement {
  return paragraph(STYLE.issuerMark, run(tag));
}

/** ⇥{发文字号}⇥签发人：{签发人}, the name in 楷体_GB2312; the red separator below. */
export function docNumberParagraph(numberTag: string, signerTag: string): XmlElement {
  return paragraph(
    STYLE.docNumber,
    run(TAB, numberTag, TAB, "签发人："),
    charRun(STYLE.signerName, signerTag),
  );
}

/**
 * 署名 above 成文日期, both right-aligned; the renderer sets their right indents from the real
 * widths (GB/T 9704 7.3.5.1 with a seal, 7.3.5.2 without).
 */
export function signatureParagraphs(nameTag: string, dateTag: string): XmlElement[] {
  return [paragraph(STYLE.signature, run(nameTag)), paragraph(STYLE.date, run(dateTag))];
}

/** An empty line kept with the next paragraph (the room for the seal above the 署名). */
export function keptBlankLine(): XmlElement {
  return paragraph({ keepNext: true });
}

/** A body paragraph kept with the next one: the end of the body travels with the 署名. */
export function keptBodyText(...pieces: RunPiece[]): XmlElement {
  return paragraph({ keepNext: true }, run(...pieces));
}
