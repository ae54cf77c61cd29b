/**
 * The package parts every template shares (styles are in styles.ts): settings, fonts, the odd/even page-number
 * footers, the section properties (page, margins, grid), content types, relationships and
 * document properties. No theme part: fonts are named explicitly everywhere.
 */
import {
  CHAR,
  CHAR_SPACE,
  FONT,
  FOOTER_DISTANCE,
  HEADER_DISTANCE,
  LINE_PITCH,
  MARGIN,
  PAGE,
} from "./layout";
import { STYLE } from "./styles";
import { field, paragraph, R_NS, run, W_NS } from "./wml";
import { el, type XmlElement, xmlPart } from "./xml";

const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const FOOTER_ODD = { id: "rIdFooterOdd", file: "footer1.xml" } as const;
export const FOOTER_EVEN = { id: "rIdFooterEven", file: "footer2.xml" } as const;

// ---------------------------------------------------------------------------------------------
// settings.xml, fontTable.xml

export function settingsXml(): string {
  return xmlPart(
    el(
      "w:settings",
      { "xmlns:w": W_NS },
      el("w:zoom", { "w:percent": 100 }),
      el("w:defaultTabStop", { "w:val": 2 * CHAR }),
      // Different odd and even footers: odd page numbers on the right, even on the left.
      el("w:evenAndOddHeaders"),
      el("w:characterSpacingControl", { "w:val": "doNotCompress" }),
      el(
        "w:compat",
        {},
        // A line ended by a manual break (a line break inside 整改措施) is not stretched.
        el("w:doNotExpandShiftReturn"),
        el("w:compatSetting", {
          "w:name": "compatibilityMode",
          "w:uri": "http://schemas.microsoft.com/office/word",
          "w:val": 15,
        }),
      ),
      el("w:themeFontLang", { "w:val": "en-US", "w:eastAsia": "zh-CN" }),
      el("w:decimalSymbol", { "w:val": "." }),
      el("w:listSeparator", { "w:val": "," }),
    ),
  );
}

const FONT_TABLE: readonly { name: string; alt: string; family: string; pitch: string }[] = [
  { name: FONT.fangsong, alt: "仿宋", family: "modern", pitch: "fixed" },
  { name: FONT.kaiti, alt: "楷体", family: "modern", pitch: "fixed" },
  { name: FONT.heiti, alt: "SimHei", family: "modern", pitch: "fixed" },
  { name: FONT.xiaobiaosong, alt: "宋体", family: "script", pitch: "variable" },
  { name: FONT.songti, alt: "SimSun", family: "auto", pitch: "variable" },
];

export function fontTableXml(): string {
  return xmlPart(
    el(
      "w:fonts",
      { "xmlns:w": W_NS },
      FONT_TABLE.map((f) =>
        el(
          "w:font",
          { "w:name": f.name },
          el("w:altName", { "w:val": f.alt }),
          el("w:charset", { "w:val": "86" }),
          el("w:family", { "w:val": f.family }),
          el("w:pitch", { "w:val": f.pitch }),
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Footers: "— 1 —" in 4号 half-width 宋体, one character in from the outer edge (styles
// FooterOdd / FooterEven).

export function footerXml(side: "odd" | "even"): string {
  return xmlPart(
    el(
      "w:ftr",
      { "xmlns:w": W_NS, "xmlns:r": R_NS },
      paragraph(
        side === "odd" ? STYLE.footerOdd : STYLE.footerEven,
        run("— "),
        field("PAGE", "1"),
        run(" —"),
      ),
    ),
  );
}

/**
 * Section properties: A4, GB/T 9704 margins, footers, the 22 × 28 document grid. The landscape
 * section (the 附件 ledger table) turns the page and keeps the margins, with no character grid:
 * the table's 4号 lines set their own pitch.
 */
export function sectPr(orientation: "portrait" | "landscape" = "portrait"): XmlElement {
  const landscape = orientation === "landscape";
  return el(
    "w:sectPr",
    {},
    el("w:footerReference", { "w:type": "default", "r:id": FOOTER_ODD.id }),
    el("w:footerReference", { "w:type": "even", "r:id": FOOTER_EVEN.id }),
    landscape
      ? el("w:pgSz", { "w:w": PAGE.height, "w:h": PAGE.width, "w:orient": "landscape" })
      : el("w:pgSz", { "w:w": PAGE.width, "w:h": PAGE.height }),
    el("w:pgMar", {
      "w:top": MARGIN.top,
      "w:right": MARGIN.right,
      "w:bottom": MARGIN.bottom,
      "w:left": MARGIN.left,
      "w:header": HEADER_DISTANCE,
      "w:footer": FOOTER_DISTANCE,
      "w:gutter": 0,
    }),
    el("w:cols", { "w:space": 425 }),
    landscape
      ? el("w:docGrid", { "w:linePitch": LINE_PITCH })
      : el("w:docGrid", {
          "w:type": "linesAndChars",
          "w:linePitch": LINE_PITCH,
          "w:charSpace": CHAR_SPACE,
        }),
  );
}

export function documentXml(body: readonly XmlElement[]): string {
  return xmlPart(
    el("w:document", { "xmlns:w": W_NS, "xmlns:r": R_NS }, el("w:body", {}, ...body, sectPr())),
  );
}

// ---------------------------------------------------------------------------------------------
// Package plumbing

export function contentTypesXml(): string {
  const CT = "application/vnd.openxmlformats-officedocument";
  const override = (part: string, type: string) =>
    el("Override", { PartName: part, ContentType: type });
  return xmlPart(
    el(
      "Types",
      { xmlns: "http://schemas.openxmlformats.org/package/2006/content-types" },
      el("Default", {
        Extension: "rels",
        ContentType: "application/vnd.openxmlformats-package.relationships+xml",
      }),
      el("Default", { Extension: "xml", ContentType: "application/xml" }),
      override("/word/document.xml", `${CT}.wordprocessingml.document.main+xml`),
      override("/word/styles.xml", `${CT}.wordprocessingml.styles+xml`),
      override("/word/settings.xml", `${CT}.wordprocessingml.settings+xml`),
      override("/word/fontTable.xml", `${CT}.wordprocessingml.fontTable+xml`),
      override(`/word/${FOOTER_ODD.file}`, `${CT}.wordprocessingml.footer+xml`),
      override(`/word/${FOOTER_EVEN.file}`, `${CT}.wordprocessingml.footer+xml`),
      override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
      override("/docProps/app.xml", `${CT}.extended-properties+xml`),
    ),
  );
}

function relationships(rels: readonly [id: string, type: string, target: string][]): string {
  return xmlPart(
    el(
      "Relationships",
      { xmlns: REL_NS },
      rels.map(([id, type, target]) => el("Relationship", { Id: id, Type: type, Target: target })),
    ),
  );
}

export function packageRelsXml(): string {
  return relationships([
    ["rId1", `${OFFICE_REL}/officeDocument`, "word/document.xml"],
    [
      "rId2",
      "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
      "docProps/core.xml",
    ],
    ["rId3", `${OFFICE_REL}/extended-properties`, "docProps/app.xml"],
  ]);
}

export function documentRelsXml(): string {
  return relationships([
    ["rIdStyles", `${OFFICE_REL}/styles`, "styles.xml"],
    ["rIdSettings", `${OFFICE_REL}/settings`, "settings.xml"],
    ["rIdFontTable", `${OFFICE_REL}/fontTable`, "fontTable.xml"],
    [FOOTER_ODD.id, `${OFFICE_REL}/footer`, FOOTER_ODD.file],
    [FOOTER_EVEN.id, `${OFFICE_REL}/footer`, FOOTER_EVEN.file],
  ]);
}

/** Fixed dates keep the build deterministic. */
export function corePropsXml(title: string): string {
  return xmlPart(
    el(
      "cp:coreProperties",
      {
        "xmlns:cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        "xmlns:dc": "http://purl.org/dc/elements/1.1/",
        "xmlns:dcterms": "http://purl.org/dc/terms/",
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      },
      el("dc:title", {}, title),
      el("dc:creator", {}, "整改台账助手"),
      el("dcterms:created", { "xsi:type": "dcterms:W3CDTF" }, "2024-01-01T00:00:00Z"),
      el("dcterms:modified", { "xsi:type": "dcterms:W3CDTF" }, "2024-01-01T00:00:00Z"),
    ),
  );
}

export function appPropsXml(): string {
  return xmlPart(
    el(
      "Properties",
      { xmlns: "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" },
      el("Application", {}, "整改台账助手 (zhenggai)"),
    ),
  );
}
