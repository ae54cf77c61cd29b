/**
 * The named styles of both templates (word/styles.xml). All GB/T 9704 formatting lives here,
 * once: docDefaults carry the body face (仿宋_GB2312 3号, black, zh-CN), and every element of a
 * 公文 has a paragraph style with a Chinese name a clerk finds in Word's or WPS's style gallery
 * (发文机关标志, 一级标题 …) and a stable ASCII styleId the body refers to. The default
 * paragraph style keeps Word's built-in name "Normal", which Chinese Word and WPS display as
 * 正文 (a custom style named 正文 would appear next to the built-in one); likewise "footer"
 * (页脚). Custom heading styles rather than the built-in "heading 1…4": those carry Word's own
 * heading look (bold, other sizes) in clerks' Normal.dotm and would show as 标题 1 beside ours;
 * the outline levels keep the navigation pane and tables of contents working.
 */
import {
  BLACK,
  CHAR,
  CHAR_SMALL,
  DATE_RIGHT_INDENT,
  FONT,
  FOOTER_LINE,
  ISSUER_MARK,
  LINE_PITCH,
  RED,
  RED_LINE_SPACE_PT,
  SZ,
  TYPE_AREA,
} from "./layout";
import { type ParaFormat, pPr, type RunFormat, rPr, W_NS } from "./wml";
import { el, type XmlElement, xmlPart } from "./xml";

/** styleIds the body refers to (stable ASCII; the Chinese names are in STYLES). */
export const STYLE = {
  normal: "Normal",
  issuerMark: "IssuerMark",
  docNumber: "DocNumberLine",
  signerName: "SignerName",
  title: "DocTitle",
  recipient: "Recipient",
  heading1: "HeadingLevel1",
  heading2: "HeadingLevel2",
  heading3: "HeadingLevel3",
  heading4: "HeadingLevel4",
  signature: "Signature",
  date: "DocDate",
  colophon: "Colophon",
  annexLabel: "AnnexLabel",
  annexHead: "AnnexTableHead",
  annexText: "AnnexTableText",
  footer: "Footer",
  footerOdd: "FooterOdd",
  footerEven: "FooterEven",
} as const;
export type StyleId = (typeof STYLE)[keyof typeof STYLE];

/** The body face: what docDefaults give every run unless a style says otherwise. */
export const BODY_RUN: RunFormat = {
  font: FONT.fangsong,
  bold: false,
  color: BLACK,
  size: SZ.body,
  lang: true,
};

/** Red separator: 1.5 pt (w:sz 12 eighths of a point), about 4 mm below the 发文字号 line. */
export const RED_RULE = { size: 12, color: RED, space: RED_LINE_SPACE_PT } as const;

const NO_INDENT = { firstLineChars: 0 } as const;

export interface StyleDef {
  readonly type: "paragraph" | "character";
  readonly id: StyleId;
  /** What Word and WPS show in the style gallery. */
  readonly name: string;
  readonly basedOn?: StyleId;
  readonly next?: StyleId;
  readonly pPr?: Omit<ParaFormat, "style">;
  readonly rPr?: RunFormat;
}

/** In gallery order (w:uiPriority follows this order). */
export const STYLES: readonly StyleDef[] = [
  {
    type: "paragraph",
    id: STYLE.normal,
    name: "Normal",
    // Widow/orphan control: a paragraph never leaves one line alone at a page's top or foot.
    pPr: {
      widowControl: true,
      spacing: { line: LINE_PITCH },
      ind: { firstLineChars: 200 },
      jc: "both",
    },
  },
  {
    // 48 pt 小标宋 narrowed to 60 %, red, 35 mm below the type area's top (see layout.ts).
    type: "paragraph",
    id: STYLE.issuerMark,
    name: "发文机关标志",
    basedOn: STYLE.normal,
    pPr: {
      snapToGrid: false,
      spacing: { before: ISSUER_MARK.spaceBefore, line: ISSUER_MARK.line },
      ind: NO_INDENT,
      jc: "center",
    },
    rPr: { font: FONT.xiaobiaosong, color: RED, scale: ISSUER_MARK.scale, size: SZ.issuerMark },
  },
  {
    // ⇥发文字号⇥签发人：姓名 — a left tab one character in, a right tab one character from the
    // right (tabs, never spaces); the paragraph's bottom border is the red separator.
    type: "paragraph",
    id: STYLE.docNumber,
    name: "发文字号",
    basedOn: STYLE.normal,
    pPr: {
      borderBottom: RED_RULE,
      tabs: [
        { kind: "left", pos: CHAR },
        { kind: "right", pos: TYPE_AREA.width - CHAR },
      ],
      ind: NO_INDENT,
      jc: "left",
    },
  },
  {
    type: "character",
    id: STYLE.signerName,
    name: "签发人姓名",
    rPr: { font: FONT.kaiti },
  },
  {
    type: "paragraph",
    id: STYLE.title,
    name: "公文标题",
    basedOn: STYLE.normal,
    next: STYLE.normal,
    // Off the grid: a 22 pt character would otherwise take two 3号 grid cells (and lines).
    pPr: { keepNext: true, snapToGrid: false, ind: NO_INDENT, jc: "center" },
    rPr: { font: FONT.xiaobiaosong, size: SZ.title },
  },
  {
    type: "paragraph",
    id: STYLE.recipient,
    name: "主送机关",
    basedOn: STYLE.normal,
    next: STYLE.normal,
    pPr: { ind: NO_INDENT, jc: "left" },
  },
  {
    type: "paragraph",
    id: STYLE.heading1,
    name: "一级标题",
    basedOn: STYLE.normal,
    next: STYLE.normal,
    pPr: { keepNext: true, outlineLevel: 0 },
    rPr: { font: FONT.heiti },
  },
  {
    type: "paragraph",
    id: STYLE.heading2,
    name: "二级标题",
    basedOn: STYLE.normal,
    next: STYLE.normal,
    pPr: { keepNext: true, outlineLevel: 1 },
    rPr: { font: FONT.kaiti },
  },
  {
    type: "paragraph",
    id: STYLE.heading3,
    name: "三级标题",
    basedOn: STYLE.normal,
    next: STYLE.normal,
    pPr: { keepNext: true, outlineLevel: 2 },
    rPr: { font: FONT.fangsong },
  },
  {
    type: "paragraph",
    id: STYLE.heading4,
    name: "四级标题",
    basedOn: STYLE.normal,
    next: STYLE.normal,
    pPr: { keepNext: true, outlineLevel: 3 },
    rPr: { font: FONT.fangsong },
  },
  {
    type: "paragraph",
    id: STYLE.signature,
    name: "署名",
    basedOn: STYLE.normal,
    next: STYLE.date,
    // Right-aligned; the renderer sets the right indent from the real widths of the name and
    // the date (GB/T 9704 7.3.5, see src/documents/signature.ts). The style's own indent is
    // the sealed layout for a 6.5-character date and a 6.5-character name.
    pPr: {
      keepNext: true,
      keepLines: true,
      ind: { right: DATE_RIGHT_INDENT, firstLineChars: 0 },
      jc: "right",
    },
  },
  {
    type: "paragraph",
    id: STYLE.date,
    name: "成文日期",
    basedOn: STYLE.normal,
    next: STYLE.normal,
    pPr: { keepLines: true, ind: { right: DATE_RIGHT_INDENT, firstLineChars: 0 }, jc: "right" },
  },
  {
    // 4号仿宋 in the 版记 table; off the grid so the rows keep their own height.
    type: "paragraph",
    id: STYLE.colophon,
    name: "版记",
    basedOn: STYLE.normal,
    pPr: { keepNext: true, keepLines: true, snapToGrid: false, ind: NO_INDENT, jc: "left" },
    rPr: { font: FONT.fangsong, size: SZ.small },
  },
  {
    // "附件" at the top left of the annex page in 黑体 3号 (GB/T 9704 8).
    type: "paragraph",
    id: STYLE.annexLabel,
    name: "附件标识",
    basedOn: STYLE.normal,
    pPr: { keepNext: true, ind: NO_INDENT, jc: "left" },
    rPr: { font: FONT.heiti },
  },
  {
    // The ledger table: 4号 off the grid on an exact 20 pt line; the header row in 黑体.
    type: "paragraph",
    id: STYLE.annexText,
    name: "附件表格",
    basedOn: STYLE.normal,
    pPr: { snapToGrid: false, spacing: { line: 400 }, ind: NO_INDENT, jc: "left" },
    rPr: { size: SZ.small },
  },
  {
    type: "paragraph",
    id: STYLE.annexHead,
    name: "附件表头",
    basedOn: STYLE.annexText,
    pPr: { jc: "center" },
    rPr: { font: FONT.heiti },
  },
  {
    // "— 1 —" in 4号 half-width 宋体 on an exact 14 pt line.
    type: "paragraph",
    id: STYLE.footer,
    name: "footer",
    basedOn: STYLE.normal,
    pPr: { snapToGrid: false, spacing: { line: FOOTER_LINE }, ind: NO_INDENT },
    rPr: { font: FONT.songti, size: SZ.small },
  },
  {
    // Odd pages: right-aligned, one 4号 character in from the right edge.
    type: "paragraph",
    id: STYLE.footerOdd,
    name: "页码（单页）",
    basedOn: STYLE.footer,
    pPr: { ind: { right: CHAR_SMALL, firstLineChars: 0 }, jc: "right" },
  },
  {
    // Even pages: left-aligned, one 4号 character in from the left edge.
    type: "paragraph",
    id: STYLE.footerEven,
    name: "页码（双页）",
    basedOn: STYLE.footer,
    pPr: { ind: { left: CHAR_SMALL, firstLineChars: 0 }, jc: "left" },
  },
];

function styleXml(def: StyleDef, priority: number): XmlElement {
  const isDefault = def.id === STYLE.normal;
  return el(
    "w:style",
    { "w:type": def.type, "w:default": isDefault ? "1" : undefined, "w:styleId": def.id },
    el("w:name", { "w:val": def.name }),
    def.basedOn !== undefined && el("w:basedOn", { "w:val": def.basedOn }),
    def.next !== undefined && el("w:next", { "w:val": def.next }),
    !isDefault && el("w:uiPriority", { "w:val": priority }),
    el("w:qFormat"),
    def.pPr !== undefined && pPr(def.pPr),
    def.rPr !== undefined && rPr(def.rPr),
  );
}

export function stylesXml(): string {
  return xmlPart(
    el(
      "w:styles",
      { "xmlns:w": W_NS },
      el(
        "w:docDefaults",
        {},
        el("w:rPrDefault", {}, rPr(BODY_RUN)),
        el("w:pPrDefault", {}, pPr({ spacing: { line: LINE_PITCH } })),
      ),
      STYLES.map((def, i) => styleXml(def, i + 1)),
      el(
        "w:style",
        { "w:type": "character", "w:default": "1", "w:styleId": "DefaultParagraphFont" },
        el("w:name", { "w:val": "Default Paragraph Font" }),
        el("w:uiPriority", { "w:val": 1 }),
        el("w:semiHidden"),
        el("w:unhideWhenUsed"),
      ),
      el(
        "w:style",
        { "w:type": "table", "w:default": "1", "w:styleId": "TableNormal" },
        el("w:name", { "w:val": "Normal Table" }),
        el("w:semiHidden"),
        el("w:unhideWhenUsed"),
        el(
          "w:tblPr",
          {},
          el("w:tblInd", { "w:w": 0, "w:type": "dxa" }),
          el(
            "w:tblCellMar",
            {},
            el("w:top", { "w:w": 0, "w:type": "dxa" }),
            el("w:left", { "w:w": 108, "w:type": "dxa" }),
            el("w:bottom", { "w:w": 0, "w:type": "dxa" }),
            el("w:right", { "w:w": 108, "w:type": "dxa" }),
          ),
        ),
      ),
    ),
  );
}
