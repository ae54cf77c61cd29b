/**
 * Paragraphs of a PDF that has a text layer (a report or feedback exported from Word or WPS),
 * for `zhenggai import`. PDF has no paragraphs, only positioned glyph runs, so they are rebuilt
 * from the page the way a reader sees them: runs on one baseline form a line; a new paragraph
 * starts where a line is indented (the 2-character first-line indent of GB/T 9704 body text),
 * where the previous line stops short of the right edge (the last line of a justified
 * paragraph), after a blank gap, or where a line begins with a list marker (一、 （一） 1．…) or a
 * label (完成情况：…) as the parser reads them.
 * Page numbers ("— 3 —") are dropped. pdfjs-dist is loaded only when a PDF is imported.
 *
 * Bounded for hostile files: size, pages and characters have limits, and pdfjs runs without
 * eval and without loading fonts.
 */
import { INLINE_STYLES, readLabel, readMarker } from "../core/import/markers";
import type { SourceParagraph } from "../core/import/model";

export const PDF_LIMITS = {
  maxBytes: 30 * 1024 * 1024,
  maxPages: 300,
  maxChars: 2_000_000,
} as const;

export class PdfReadError extends Error {}

interface Run {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly right: number;
  readonly size: number;
}

interface Line {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

/**
 * A line that begins a paragraph by what it says: a list marker the parser reads (一、 （一） 1．;
 * not 一是 or ①, which also run inside a paragraph) or a label (整改措施：, 完成情况：…).
 */
function startsParagraph(text: string): boolean {
  const marker = readMarker(text);
  if (marker && !INLINE_STYLES.has(marker.marker.style)) return true;
  return readLabel(text) !== undefined;
}
const PAGE_NUMBER = /^[—\-－–]?\s*\d{1,4}\s*[—\-－–]?$/u;
/**
 * The first piece of a line that line breaking never splits: opening brackets, then a run of
 * Latin letters and digits (2020, an e-mail address) or one character, then closing
 * punctuation that may not start a line.
 */
const FIRST_UNIT = /^[（(〔[【《“‘]*(?:[A-Za-z0-9@._%/:+-]+|.)[）)〕\]】》”’，。、；：！？]*/u;
const HALF_WIDTH = /[\x20-\x7e]/u;

function unitWidth(text: string, em: number): number {
  const unit = FIRST_UNIT.exec(text)?.[0] ?? text.slice(0, 1);
  let width = 0;
  for (const ch of unit) width += HALF_WIDTH.test(ch) ? em * 0.6 : em;
  return width;
}
const SPACE_BY_CJK =
  /[ \u00a0\u3000]+(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])|(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])[ \u00a0\u3000]+/gu;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/u;

export async function readPdfParagraphs(
  bytes: Uint8Array,
  label = "PDF",
): Promise<SourceParagraph[]> {
  if (bytes.byteLength > PDF_LIMITS.maxBytes)
    throw new PdfReadError(
      `“${label}”超过 ${PDF_LIMITS.maxBytes / 1024 / 1024} MB，不像是反馈意见或报告；请导出其中的文字后再导入。`,
    );
  if (!(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46))
    throw new PdfReadError(`“${label}”不是 PDF 文件（文件头不是 %PDF）。`);
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of (detaches) the buffer it is given.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === "PasswordException")
      throw new PdfReadError(`“${label}”有打开密码，请去掉密码后再导入。`);
    throw new PdfReadError(`“${label}”无法作为 PDF 读取（文件已损坏或不完整）。`);
  }
  try {
    if (doc.numPages > PDF_LIMITS.maxPages)
      throw new PdfReadError(
        `“${label}”有 ${doc.numPages} 页，超过 ${PDF_LIMITS.maxPages} 页的上限；请只导出反馈意见部分。`,
      );
    const pages: Line[][] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        // pdfjs puts a space wherever glyphs stand apart, which a character grid does to every
        // Han character; spaces are placed again below from the geometry.
        const str = item.str.replace(SPACE_BY_CJK, "");
        if (str.trim() === "") continue;
        const [a, b, , , x, y] = item.transform as number[];
        const size = Math.hypot(a ?? 0, b ?? 0) || item.height || 1;
        runs.push({ text: str, x: x ?? 0, y: y ?? 0, right: (x ?? 0) + item.width, size });
        chars += str.length;
      }
      if (chars > PDF_LIMITS.maxChars)
        throw new PdfReadError(
          `“${label}”的文字超过 ${PDF_LIMITS.maxChars.toLocaleString("en-US")} 个字符，不像是反馈意见或报告。`,
        );
      pages.push(linesOf(runs));
      page.cleanup();
    }
    const paragraphs = paragraphsOf(pages);
    if (paragraphs.length === 0)
      throw new PdfReadError(
        `“${label}”没有可读取的文字（可能是扫描件或图片）；请用 Word 或 WPS 打开的原文件导入，或先做文字识别。`,
      );
    return paragraphs.map((text) => ({ text }));
  } finally {
    await doc.destroy();
  }
}

/** Runs on one baseline (within half a character) joined left to right, top line first. */
function linesOf(runs: readonly Run[]): Line[] {
  const sorted = [...runs].sort((r, s) => s.y - r.y || r.x - s.x);
  const lines: Line[] = [];
  let current: Run[] = [];
  const flush = () => {
    if (current.length === 0) return;
    current.sort((r, s) => r.x - s.x);
    let text = "";
    let end = Number.NEGATIVE_INFINITY;
    for (const r of current) {
      const gap = r.x - end;
      // Latin words keep their space; Chinese text never had one, except a wide gap (发文字号
      // and 签发人 on one line), which was typed as spaces. (A character grid spaces every Han
      // character a little apart, so the gap must be wide.)
      const latin = !CJK.test(text.at(-1) ?? "") && !CJK.test(r.text[0]!);
      if (text && (gap > r.size * 1.5 || (latin && gap > r.size * 0.25))) text += " ";
      text += r.text;
      end = r.right;
    }
    const size = Math.max(...current.map((r) => r.size));
    const trimmed = text.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, "");
    if (trimmed)
      lines.push({ text: trimmed, x: current[0]!.x, right: end, y: current[0]!.y, size });
    current = [];
  };
  for (const r of sorted) {
    if (r.text.trim() === "") continue;
    const first = current[0];
    if (first && Math.abs(first.y - r.y) > Math.min(first.size, r.size) * 0.5) flush();
    current.push(r);
  }
  flush();
  return lines;
}

/** Lines of every page → paragraph texts. */
function paragraphsOf(pages: readonly Line[][]): string[] {
  const out: string[] = [];
  let text = "";
  let previous: Line | undefined;
  let previousPage: { left: number; right: number } | undefined;
  const end = () => {
    if (text) out.push(text);
    text = "";
  };
  for (const lines of pages) {
    // The page's text block: the most common left edge, the furthest right edge.
    const body = lines.filter((l) => !PAGE_NUMBER.test(l.text));
    if (body.length === 0) continue;
    const left = mode(body.map((l) => Math.round(l.x)));
    const right = Math.max(...body.map((l) => l.right));
    const bodySize = mode(body.map((l) => Math.round(l.size)));
    for (let i = 0; i < body.length; i++) {
      const line = body[i]!;
      const em = line.size;
      let breakBefore = previous === undefined;
      if (previous && previousPage) {
        const indented = line.x > left + em * 0.8;
        // The previous line stopped short by choice only if this line's first unbreakable unit
        // (a character, or a run of Latin letters and digits such as 2020 or an e-mail address)
        // would have fitted after it, with room for a character or two that line-breaking rules
        // push down (closing punctuation).
        const need = unitWidth(line.text, em);
        const shortBefore = previousPage.right - previous.right > need + em * 1.5;
        const samePage = i > 0;
        const gap = samePage ? previous.y - line.y : 0;
        const blankGap = samePage && gap > Math.max(previous.size, em) * 2.2;
        // A title set larger than the body wraps onto centred lines of its own size: one paragraph.
        // (Its lines may stand further apart than body lines: a line grid gives a 2号 line two cells.)
        const titleGoesOn =
          samePage &&
          gap < line.size * 3 &&
          Math.abs(line.size - previous.size) < 0.5 &&
          line.size > bodySize * 1.15 &&
          !startsParagraph(line.text);
        breakBefore =
          !titleGoesOn && (indented || shortBefore || blankGap || startsParagraph(line.text));
      }
      if (breakBefore) end();
      text += line.text;
      previous = line;
      previousPage = { left, right };
    }
  }
  end();
  return out;
}

function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  let best = values[0] ?? 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > (counts.get(best) ?? 0) || (n === counts.get(best) && v < best)) best = v;
  }
  return best;
}
