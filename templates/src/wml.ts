/**
 * WordprocessingML building blocks on top of the XML builder: run and paragraph properties in
 * schema order, runs with tabs and fields, and the paragraph kinds the two documents use.
 * Every run names its fonts (ascii, hAnsi, eastAsia, cs) and size explicitly, so Word, WPS and
 * LibreOffice show the same faces whatever styles a clerk's copy of Word brings along.
 */
import {
  BLACK,
  CHAR,
  DATE_RIGHT_INDENT,
  FONT,
  type FontFace,
  LINE_PITCH,
  SZ,
  TYPE_AREA,
} from "./layout";
import { type Child, el, type XmlElement } from "./xml";

export const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
export const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface RunStyle {
  readonly font: FontFace;
  /** Half-points. */
  readonly size: number;
  readonly color?: string;
  /** Horizontal character scale in percent (w:w). */
  readonly scale?: number;
}

/** Run properties in the schema's element order. */
export function rPr(style: RunStyle): XmlElement {
  return el(
    "w:rPr",
    {},
    rFonts(style.font),
    el("w:b", { "w:val": "0" }),
    el("w:bCs", { "w:val": "0" }),
    el("w:color", { "w:val": style.color ?? BLACK }),
    style.scale !== undefined && el("w:w", { "w:val": style.scale }),
    el("w:sz", { "w:val": style.size }),
    el("w:szCs", { "w:val": style.size }),
    el("w:lang", { "w:val": "en-US", "w:eastAsia": "zh-CN" }),
  );
}

/** One face for all four slots; eastAsia always present, never a theme font. */
export function rFonts(font: FontFace): XmlElement {
  return el("w:rFonts", {
    "w:ascii": font,
    "w:hAnsi": font,
    "w:eastAsia": font,
    "w:cs": font,
    "w:hint": "eastAsia",
  });
}

export const TAB = { tab: true } as const;
export const BREAK = { br: true } as const;
export type RunPiece = string | typeof TAB | typeof BREAK;

/** A run; text pieces become w:t (spaces preserved), TAB a w:tab, BREAK a w:br. */
export function run(style: RunStyle, ...pieces: RunPiece[]): XmlElement {
  return el(
    "w:r",
    {},
    rPr(style),
    pieces.map((piece) => {
      if (piece === TAB) return el("w:tab");
      if (piece === BREAK) return el("w:br");
      return el("w:t", { "xml:space": "preserve" }, piece as string);
    }),
  );
}

/** A complex field (e.g. PAGE) with a cached result, as Word writes it. */
export function field(style: RunStyle, instruction: string, cached: string): XmlElement[] {
  return [
    el("w:r", {}, rPr(style), el("w:fldChar", { "w:fldCharType": "begin" })),
    el("w:r", {}, rPr(style), el("w:instrText", { "xml:space": "preserve" }, ` ${instruction} `)),
    el("w:r", {}, rPr(style), el("w:fldChar", { "w:fldCharType": "separate" })),
    el("w:r", {}, rPr(style), el("w:t", {}, cached)),
    el("w:r", {}, rPr(style), el("w:fldChar", { "w:fldCharType": "end" })),
  ];
}

export interface TabStop {
  readonly kind: "left" | "center" | "right";
  /** Twips from the left margin. */
  readonly pos: number;
}

export interface BorderLine {
  readonly size: number;
  readonly color: string;
  /** Distance from the text in points. */
  readonly space: number;
}

export interface ParaProps {
  readonly style?: string;
  readonly keepNext?: boolean;
  readonly keepLines?: boolean;
  readonly borderTop?: BorderLine;
  readonly borderBottom?: BorderLine;
  readonly tabs?: readonly TabStop[];
  /** Snap to the document grid (default true). */
  readonly snapToGrid?: boolean;
  /** Exact line height in twips (default: the grid's line pitch). */
  readonly line?: number;
  readonly before?: number;
  readonly after?: number;
  /** First-line indent in hundredths of a character (200 = two characters). */
  readonly firstLineChars?: number;
  readonly left?: number;
  readonly right?: number;
  readonly jc?: "left" | "center" | "right" | "both" | "distribute";
  readonly outlineLevel?: number;
  /** Paragraph mark run properties. */
  readonly mark?: RunStyle;
}

function border(name: string, line: BorderLine): XmlElement {
  return el(`w:${name}`, {
    "w:val": "single",
    "w:sz": line.size,
    "w:space": line.space,
    "w:color": line.color,
  });
}

/** Paragraph properties in the schema's element order. */
export function pPr(p: ParaProps): XmlElement {
  const firstChars = p.firstLineChars ?? 0;
  const hasBorder = p.borderTop !== undefined || p.borderBottom !== undefined;
  return el(
    "w:pPr",
    {},
    p.style !== undefined && el("w:pStyle", { "w:val": p.style }),
    p.keepNext && el("w:keepNext"),
    p.keepLines && el("w:keepLines"),
    hasBorder &&
      el(
        "w:pBdr",
        {},
        p.borderTop && border("top", p.borderTop),
        p.borderBottom && border("bottom", p.borderBottom),
      ),
    p.tabs !== undefined &&
      el(
        "w:tabs",
        {},
        p.tabs.map((t) => el("w:tab", { "w:val": t.kind, "w:pos": t.pos })),
      ),
    p.snapToGrid === false && el("w:snapToGrid", { "w:val": "0" }),
    el("w:spacing", {
      "w:before": p.before ?? 0,
      "w:after": p.after ?? 0,
      "w:line": p.line ?? LINE_PITCH,
      "w:lineRule": "exact",
    }),
    el("w:ind", {
      "w:left": p.left ?? 0,
      "w:right": p.right ?? 0,
      "w:firstLineChars": firstChars,
      // Fallback for readers that ignore *Chars: two 16 pt characters = 640 twips.
      "w:firstLine": Math.round((firstChars / 100) * CHAR),
    }),
    el("w:jc", { "w:val": p.jc ?? "both" }),
    p.outlineLevel !== undefined && el("w:outlineLvl", { "w:val": p.outlineLevel }),
    p.mark !== undefined && rPr(p.mark),
  );
}

export function paragraph(props: ParaProps, ...runs: Child[]): XmlElement {
  return el("w:p", {}, pPr(props), ...runs);
}

// ---------------------------------------------------------------------------------------------
// The paragraph kinds of a 公文 body.

export const BODY: RunStyle = { font: FONT.fangsong, size: SZ.body };
export const KAITI: RunStyle = { font: FONT.kaiti, size: SZ.body };
export const HEITI: RunStyle = { font: FONT.heiti, size: SZ.body };
export const TITLE: RunStyle = { font: FONT.xiaobiaosong, size: SZ.title };
export const SMALL: RunStyle = { font: FONT.fangsong, size: SZ.small };

/** A body paragraph: 3号仿宋, first line indented two characters, justified. */
export function bodyParagraph(...runs: Child[]): XmlElement {
  return paragraph({ firstLineChars: 200, mark: BODY }, ...runs);
}

/** Body text in one run (a tag or fixed wording). */
export function bodyText(...pieces: RunPiece[]): XmlElement {
  return bodyParagraph(run(BODY, ...pieces));
}

/** An empty body line (one grid line). */
export function blankLine(): XmlElement {
  return paragraph({ mark: BODY });
}

/**
 * A paragraph holding only a loop or condition tag ({#方面}, {/有类别}): docxtemplater's
 * paragraphLoop removes such paragraphs when rendering, so they leave no empty line.
 */
export function tagParagraph(tag: string): XmlElement {
  return paragraph({ mark: BODY }, run(BODY, tag));
}

/** Heading levels: 一、黑体; （一）楷体_GB2312; 1. and （1）仿宋 — all 3号, indented like body. */
export const HEADING_STYLE: Record<1 | 2 | 3 | 4, { style: string; run: RunStyle }> = {
  1: { style: "Heading1", run: HEITI },
  2: { style: "Heading2", run: KAITI },
  3: { style: "Heading3", run: BODY },
  4: { style: "Heading4", run: BODY },
};

export function heading(level: 1 | 2 | 3 | 4, ...pieces: RunPiece[]): XmlElement {
  const h = HEADING_STYLE[level];
  return paragraph(
    {
      style: h.style,
      keepNext: level <= 2,
      firstLineChars: 200,
      outlineLevel: level - 1,
      mark: h.run,
    },
    run(h.run, ...pieces),
  );
}

/** 标题: 2号方正小标宋简体, centred, no indent. */
export function titleParagraph(tag: string): XmlElement {
  return paragraph({ style: "Title", jc: "center", keepNext: true, mark: TITLE }, run(TITLE, tag));
}

/** 主送机关 flush left, followed by a full-width colon. */
export function recipientParagraph(tag: string): XmlElement {
  return paragraph({ jc: "left", mark: BODY }, run(BODY, tag, "："));
}

/**
 * 署名 centred above 成文日期, which stands four characters in from the right. The date's width
 * is 6–7 characters (2024年1月5日 … 2024年12月25日), so a centre tab at the middle of a
 * 6.5-character date puts the 署名 within half a character of the date's centre; tabs, never
 * spaces.
 */
export function signatureParagraphs(nameTag: string, dateTag: string): XmlElement[] {
  const dateRight = TYPE_AREA.width - DATE_RIGHT_INDENT;
  const dateCentre = dateRight - Math.round(6.5 * CHAR * 0.5);
  return [
    paragraph(
      {
        keepNext: true,
        jc: "left",
        tabs: [{ kind: "center", pos: dateCentre }],
        mark: BODY,
      },
      run(BODY, TAB, nameTag),
    ),
    paragraph({ jc: "right", right: DATE_RIGHT_INDENT, mark: BODY }, run(BODY, dateTag)),
  ];
}
