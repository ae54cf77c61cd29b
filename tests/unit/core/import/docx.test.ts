/**
 * The .docx paragraph reader: Word list numbering reconstructed from numbering.xml (formats,
 * restarts, overrides, numbering from styles), outline levels, text with breaks and tabs, and
 * files that are not .docx refused with a Chinese reason.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { paragraphsFromText, readMarker } from "../../../../src/core/import";
import { DocxReadError, formatNumber, readDocxParagraphs } from "../../../../src/docx/paragraphs";
import { docxBytes, lvl, numberingXml, wordListDocx } from "../../../support/docx-fixture";

const seedsDir = fileURLToPath(new URL("../../../../examples/seeds/", import.meta.url));

describe("Word list numbering", () => {
  it.each(["000_c7b0a0624ccb5840.txt", "001_f84cbc671bac7b6c.txt", "002_6864e2fd695aa2e9.txt"])(
    "reconstructs every number of seed %s that the fixture moved into numbering.xml",
    (name) => {
      const lines = paragraphsFromText(readFileSync(`${seedsDir}${name}`, "utf8")).map(
        (p) => p.text,
      );
      const read = readDocxParagraphs(wordListDocx(lines));
      expect(read).toHaveLength(lines.length);
      let numbered = 0;
      read.forEach((p, i) => {
        if (!p.label) {
          expect(p.text).toBe(lines[i]);
          return;
        }
        numbered++;
        const typed = readMarker(lines[i]!)!;
        const shown = readMarker(`${p.label}${p.text}`)!;
        expect(shown.marker.style).toBe(typed.marker.style);
        expect(shown.marker.value).toBe(typed.marker.value);
        expect(p.text).toBe(typed.rest);
      });
      expect(numbered).toBeGreaterThan(10);
    },
  );

  it("formats, restarts, lvlRestart=0, startOverride, shared abstract numbering and style-linked lists", () => {
    const numbering = numberingXml(
      [
        `<w:abstractNum w:abstractNumId="0">${[
          lvl(0, "chineseCounting", "%1、"),
          lvl(1, "chineseCounting", "（%2）"),
          lvl(2, "decimal", "%3.", '<w:lvlRestart w:val="0"/>'),
          lvl(3, "decimalEnclosedCircle", "%4"),
        ].join("")}</w:abstractNum>`,
        `<w:abstractNum w:abstractNumId="1">${lvl(0, "decimal", "%1.%2", "<w:isLgl/>")}${lvl(1, "upperRoman", "%1.%2")}</w:abstractNum>`,
        `<w:abstractNum w:abstractNumId="2">${lvl(0, "bullet", "•")}</w:abstractNum>`,
        `<w:abstractNum w:abstractNumId="3">${lvl(0, "chineseCounting", "第%1条")}</w:abstractNum>`,
      ],
      [
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>',
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="11"/></w:lvlOverride></w:num>',
        '<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>',
        '<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>',
        '<w:num w:numId="9"><w:abstractNumId w:val="3"/></w:num>',
      ],
    );
    const read = readDocxParagraphs(
      docxBytes(
        [
          { text: "甲", numId: 1, ilvl: 0 },
          { text: "乙", numId: 1, ilvl: 1 },
          { text: "丙", numId: 1, ilvl: 2 },
          { text: "丁", numId: 1, ilvl: 3 },
          { text: "戊", numId: 1, ilvl: 3 },
          { text: "己", numId: 2, ilvl: 0 }, // same abstract numbering: continues (二、)
          { text: "庚", numId: 1, ilvl: 1 }, // restarted by 己: （一）
          { text: "辛", numId: 1, ilvl: 2 }, // lvlRestart=0: continues 2.
          { text: "壬", numId: 3, ilvl: 1 }, // startOverride 11
          { text: "癸", numId: 3, ilvl: 1 },
          { text: "子", numId: 4, ilvl: 0 },
          { text: "丑", numId: 4, ilvl: 1 },
          { text: "寅", numId: 5, ilvl: 0 },
          { text: "卯", style: "ListHeading" }, // numbering from the paragraph style
          { text: "辰", numId: 0, ilvl: 0 }, // numId 0 switches numbering off
          { text: "", numId: 1, ilvl: 0 }, // an empty paragraph is not counted
          { text: "巳", numId: 1, ilvl: 0 },
        ],
        numbering,
      ),
    );
    expect(read.map((p) => p.label ?? "")).toEqual([
      "一、",
      "（一）",
      "1.",
      "①",
      "②",
      "二、",
      "（一）",
      "2.",
      "（十一）",
      "（十二）",
      "1.1",
      "1.I",
      "•",
      "第一条",
      "",
      "",
      "三、",
    ]);
    expect(read[3]!.list).toEqual({ id: "1", level: 3 });
  });

  it("number formats", () => {
    expect(
      [1, 10, 11, 20, 21, 100, 105, 110].map((n) => formatNumber(n, "chineseCounting")),
    ).toEqual(["一", "十", "十一", "二十", "二十一", "一百", "一百零五", "一百一十"]);
    expect(formatNumber(3, "ideographTraditional")).toBe("丙");
    expect(formatNumber(12, "ideographDigital")).toBe("一二");
    expect(formatNumber(28, "upperLetter")).toBe("AB");
    expect(formatNumber(14, "lowerRoman")).toBe("xiv");
    expect(formatNumber(7, "decimalFullWidth")).toBe("７");
  });
});

describe("paragraph text and outline levels", () => {
  it("keeps line breaks and tabs, decodes entities, skips deleted text, reads heading styles", () => {
    const document = `<?xml version="1.0"?><w:document xmlns:w="w"><w:body>
<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>一级</w:t></w:r></w:p>
<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>三级</w:t></w:r></w:p>
<w:p><w:r><w:t>甲&amp;乙&lt;丙&gt;</w:t><w:tab/><w:t>丁</w:t><w:br/><w:t xml:space="preserve">戊 </w:t></w:r><w:del w:id="1"><w:r><w:delText>删</w:delText></w:r></w:del><w:r><w:br w:type="page"/><w:t>&#x4E00;</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>表内</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p/>
</w:body></w:document>`;
    const base = readDocxParagraphs(docxBytes([]));
    expect(base).toEqual([]);
    const files = {
      "[Content_Types].xml": strToU8("<Types/>"),
      "word/document.xml": strToU8(document),
      "word/styles.xml": strToU8(
        '<w:styles xmlns:w="w"><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style></w:styles>',
      ),
    };
    const read = readDocxParagraphs(zipSync(files));
    expect(read).toEqual([
      { text: "一级", outlineLevel: 0 },
      { text: "三级", outlineLevel: 2 },
      { text: "甲&乙<丙>\t丁\n戊 一" },
      { text: "表内" },
      { text: "" },
    ]);
  });
});

describe("files that are not .docx", () => {
  const kind = (bytes: Uint8Array) => {
    try {
      readDocxParagraphs(bytes, "反馈.docx");
      return "ok";
    } catch (error) {
      expect(error).toBeInstanceOf(DocxReadError);
      expect((error as Error).message).toContain("反馈.docx");
      return (error as DocxReadError).kind;
    }
  };
  it("refuses empty, .doc, text, broken zips and workbooks with a reason", () => {
    expect(kind(new Uint8Array())).toBe("empty");
    expect(kind(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe(
      "doc",
    );
    expect(kind(strToU8("一、问题"))).toBe("not-docx");
    expect(kind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe("corrupt");
    expect(kind(zipSync({ "xl/workbook.xml": strToU8("<workbook/>") }))).toBe("not-docx");
  });
});
