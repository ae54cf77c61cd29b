/**
 * Minimal .docx files for the import tests, written the way Word writes them: paragraphs with
 * typed numbers, or the same paragraphs with the numbers taken out and put in Word's list
 * numbering (numbering.xml: one multilevel list, or one list per level restarted with
 * w:startOverride), heading styles with outline levels, line breaks as <w:br/>.
 */
import { strToU8, zipSync } from "fflate";
import { readMarker } from "../../src/core/import";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export interface FixtureParagraph {
  readonly text: string;
  readonly numId?: number;
  readonly ilvl?: number;
  readonly style?: string;
  /** Body text as GB/T 9704 lays it out: justified, first line indented two characters. */
  readonly official?: boolean;
}

function runs(text: string): string {
  return text
    .split("\n")
    .map(
      (line, i) =>
        `${i > 0 ? "<w:r><w:br/></w:r>" : ""}<w:r><w:t xml:space="preserve">${esc(line)}</w:t></w:r>`,
    )
    .join("");
}

export function paragraphXml(p: FixtureParagraph): string {
  const ppr = [
    p.style ? `<w:pStyle w:val="${p.style}"/>` : "",
    p.numId !== undefined
      ? `<w:numPr><w:ilvl w:val="${p.ilvl ?? 0}"/><w:numId w:val="${p.numId}"/></w:numPr>`
      : "",
    p.official ? '<w:ind w:firstLineChars="200" w:firstLine="640"/>' : "",
  ].join("");
  return `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ""}${runs(p.text)}</w:p>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListHeading"><w:name w:val="列表标题"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr></w:pPr></w:style>
</w:styles>`;

export function docxBytes(paragraphs: readonly FixtureParagraph[], numbering?: string): Uint8Array {
  const body = paragraphs.map(paragraphXml).join("");
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>${numbering ? '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' : ""}</Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    "word/_rels/document.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>${numbering ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' : ""}</Relationships>`,
    ),
    "word/document.xml": strToU8(document),
    "word/styles.xml": strToU8(STYLES),
  };
  if (numbering) files["word/numbering.xml"] = strToU8(numbering);
  return zipSync(files);
}

export function lvl(ilvl: number, format: string, text: string, extra = ""): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/>${extra}<w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/></w:lvl>`;
}

export function numberingXml(abstracts: readonly string[], nums: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${abstracts.join("")}${nums.join("")}</w:numbering>`;
}

/** The typed levels of 公文 numbering and where each goes in a multilevel list. */
const LEVEL_OF_STYLE: Record<string, number> = {
  "cn-dun": 0,
  "cn-paren": 1,
  "ar-dot": 2,
  "ar-paren": 3,
  "ar-dun": 4,
};
const MULTILEVEL_ABSTRACT = `<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>${[
  lvl(0, "chineseCounting", "%1、"),
  lvl(1, "chineseCounting", "（%2）"),
  lvl(2, "decimal", "%3."),
  lvl(3, "decimal", "（%4）"),
  lvl(4, "decimal", "%5、"),
].join("")}</w:abstractNum>`;

/** The text's lines as paragraphs with their typed numbers. */
export function typedDocx(lines: readonly string[]): Uint8Array {
  return docxBytes(lines.map((text) => ({ text })));
}

/** The same lines laid out as a 公文's body: justified, each first line indented 2 characters. */
export function officialDocx(lines: readonly string[]): Uint8Array {
  return docxBytes(lines.map((text) => ({ text, official: true })));
}

/**
 * The same lines with every heading number moved into Word's list numbering: one multilevel
 * list whose levels are the 公文 levels 一、（一）1.（1）1、. Where Word's own counting (deeper
 * levels restart after a higher one) would show another number than the text, a new w:num
 * with w:startOverride takes over — what Word stores for 重新开始编号 / 设置编号值.
 */
export function wordListDocx(lines: readonly string[]): Uint8Array {
  const nums: string[] = ['<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'];
  let numId = 1;
  let starts: number[] = [1, 1, 1, 1, 1];
  let counters: (number | undefined)[] = [];
  const paragraphs = lines.map((text): FixtureParagraph => {
    const m = readMarker(text);
    const level = m ? LEVEL_OF_STYLE[m.marker.style] : undefined;
    if (!m || level === undefined || m.marker.value === undefined) return { text };
    const value = m.marker.value;
    const expected = counters[level] === undefined ? starts[level]! : counters[level]! + 1;
    if (expected !== value) {
      numId = nums.length + 1;
      nums.push(
        `<w:num w:numId="${numId}"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="${level}"><w:startOverride w:val="${value}"/></w:lvlOverride></w:num>`,
      );
      starts = [1, 1, 1, 1, 1];
      starts[level] = value;
      counters = [];
    }
    counters[level] = value;
    for (let d = level + 1; d < 5; d++) counters[d] = undefined;
    return { text: m.rest, numId, ilvl: level };
  });
  return docxBytes(paragraphs, numberingXml([MULTILEVEL_ABSTRACT], nums));
}
