/**
 * WordprocessingML building blocks on top of the XML builder: run and paragraph properties in
 * schema order, runs with tabs and fields, paragraphs. Formatting lives in named styles
 * (styles.ts); the body refers to them with w:pStyle / w:rStyle and carries direct properties
 * only where one paragraph really differs from its style. Lean body XML is what docxtemplater
 * copies per loop item, and named styles are what a clerk edits in Word's style gallery.
 */
import { CHAR, type FontFace } from "./layout";
import { type Child, el, type XmlElement } from "./xml";

export const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
export const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Run formatting a style (or docDefaults) sets; absent fields are inherited. */
export interface RunFormat {
  readonly font?: FontFace;
  /** Half-points. */
  readonly size?: number;
  readonly color?: string;
  /** Horizontal character scale in percent (w:w). */
  readonly scale?: number;
  /** Written as w:b/w:bCs val="0" or "1". */
  readonly bold?: boolean;
  /** Language tags (en-US, East Asian zh-CN): Word picks the East Asian font for CJK text by them. */
  readonly lang?: boolean;
}

/** Run properties in the schema's element order; only the fields given. */
export function rPr(format: RunFormat, charStyle?: string): XmlElement {
  const bold = format.bold === undefined ? undefined : format.bold ? "1" : "0";
  return el(
    "w:rPr",
    {},
    charStyle !== undefined && el("w:rStyle", { "w:val": charStyle }),
    format.font !== undefined && rFonts(format.font),
    bold !== undefined && el("w:b", { "w:val": bold }),
    bold !== undefined && el("w:bCs", { "w:val": bold }),
    format.color !== undefined && el("w:color", { "w:val": format.color }),
    format.scale !== undefined && el("w:w", { "w:val": format.scale }),
    format.size !== undefined && el("w:sz", { "w:val": format.size }),
    format.size !== undefined && el("w:szCs", { "w:val": format.size }),
    format.lang === true && el("w:lang", { "w:val": "en-US", "w:eastAsia": "zh-CN" }),
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

function runContent(pieces: readonly RunPiece[]): XmlElement[] {
  return pieces.map((piece) => {
    if (piece === TAB) return el("w:tab");
    if (piece === BREAK) return el("w:br");
    return el("w:t", { "xml:space": "preserve" }, piece as string);
  });
}

/** A run formatted by its paragraph's style; text pieces become w:t, TAB a w:tab, BREAK a w:br. */
export function run(...pieces: RunPiece[]): XmlElement {
  return el("w:r", {}, runContent(pieces));
}

/** A run in a character style (where one run differs from its paragraph, e.g. 签发人's name). */
export function charRun(charStyle: string, ...pieces: RunPiece[]): XmlElement {
  return el("w:r", {}, rPr({}, charStyle), runContent(pieces));
}

/** A complex field (e.g. PAGE) with a cached result, as Word writes it. */
export function field(instruction: string, cached: string): XmlElement[] {
  return [
    el("w:r", {}, el("w:fldChar", { "w:fldCharType": "begin" })),
    el("w:r", {}, el("w:instrText", { "xml:space": "preserve" }, ` ${instruction} `)),
    el("w:r", {}, el("w:fldChar", { "w:fldCharType": "separate" })),
    el("w:r", {}, el("w:t", {}, cached)),
    el("w:r", {}, el("w:fldChar", { "w:fldCharType": "end" })),
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

/** Paragraph formatting, for a style or as direct properties; absent fields are inherited. */
export interface ParaFormat {
  readonly style?: string;
  readonly keepNext?: boolean;
  readonly keepLines?: boolean;
  readonly widowControl?: boolean;
  readonly borderBottom?: BorderLine;
  readonly tabs?: readonly TabStop[];
  /** Snap to the document grid (inherited default: true). */
  readonly snapToGrid?: boolean;
  /** Exact line height and space before/after, in twips. */
  readonly spacing?: { readonly line: number; readonly before?: number; readonly after?: number };
  /** Indents in twips; the first line in hundredths of a character (200 = two characters). */
  readonly ind?: {
    readonly left?: number;
    readonly right?: number;
    readonly firstLineChars: number;
  };
  readonly jc?: "left" | "center" | "right" | "both" | "distribute";
  readonly outlineLevel?: number;
}

/** Paragraph properties in the schema's element order, or nothing when no field is set. */
export function pPr(p: ParaFormat): XmlElement | false {
  const children: Child[] = [
    p.style !== undefined && el("w:pStyle", { "w:val": p.style }),
    p.keepNext === true && el("w:keepNext"),
    p.keepLines === true && el("w:keepLines"),
    p.widowControl !== undefined && el("w:widowControl", { "w:val": p.widowControl ? "1" : "0" }),
    p.borderBottom !== undefined &&
      el(
        "w:pBdr",
        {},
        el("w:bottom", {
          "w:val": "single",
          "w:sz": p.borderBottom.size,
          "w:space": p.borderBottom.space,
          "w:color": p.borderBottom.color,
        }),
      ),
    p.tabs !== undefined &&
      el(
        "w:tabs",
        {},
        p.tabs.map((t) => el("w:tab", { "w:val": t.kind, "w:pos": t.pos })),
      ),
    p.snapToGrid !== undefined && el("w:snapToGrid", { "w:val": p.snapToGrid ? "1" : "0" }),
    p.spacing !== undefined &&
      el("w:spacing", {
        "w:before": p.spacing.before ?? 0,
        "w:after": p.spacing.after ?? 0,
        "w:line": p.spacing.line,
        "w:lineRule": "exact",
      }),
    p.ind !== undefined &&
      el("w:ind", {
        "w:left": p.ind.left ?? 0,
        "w:right": p.ind.right ?? 0,
        "w:firstLineChars": p.ind.firstLineChars,
        // Fallback for readers that ignore *Chars: two 16 pt characters = 640 twips.
        "w:firstLine": Math.round((p.ind.firstLineChars / 100) * CHAR),
      }),
    p.jc !== undefined && el("w:jc", { "w:val": p.jc }),
    p.outlineLevel !== undefined && el("w:outlineLvl", { "w:val": p.outlineLevel }),
  ];
  return children.some(Boolean) && el("w:pPr", {}, ...children);
}

/** A paragraph: its style (or direct properties), then its runs. */
export function paragraph(props: string | ParaFormat, ...runs: Child[]): XmlElement {
  return el("w:p", {}, pPr(typeof props === "string" ? { style: props } : props), ...runs);
}
