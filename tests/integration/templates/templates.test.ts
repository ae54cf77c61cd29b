import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { buildTemplates, TEMPLATE_FILES, TEMPLATES_DIR } from "../../../templates/src/build";
import { convertToPdf, pageText, pdfInfo } from "../../../templates/src/libreoffice";
import { NOTICE_DATA, REPORT_DATA, renderWithSample } from "./sample-data";

const part = (docx: Uint8Array, name: string): string => {
  const file = unzipSync(docx)[name];
  if (!file) throw new Error(`missing part ${name}`);
  return strFromU8(file);
};

const built = buildTemplates();
const rendered = {
  报告: renderWithSample(built.报告, REPORT_DATA),
  通报: renderWithSample(built.通报, NOTICE_DATA),
};

describe("template build", () => {
  it("is deterministic and the committed templates equal a fresh build", () => {
    const again = buildTemplates();
    for (const kind of ["报告", "通报"] as const) {
      expect(Buffer.from(again[kind]).equals(Buffer.from(built[kind]))).toBe(true);
      const committed = readFileSync(join(TEMPLATES_DIR, TEMPLATE_FILES[kind]));
      expect(committed.equals(Buffer.from(built[kind]))).toBe(true);
    }
  });
});

describe.each([
  ["报告", built.报告],
  ["通报", built.通报],
  ["报告 rendered", rendered.报告],
  ["通报 rendered", rendered.通报],
] as const)("layout of %s", (_name, docx) => {
  const doc = part(docx, "word/document.xml");
  const styles = part(docx, "word/styles.xml");
  it("A4, GB/T 9704 margins, 22 × 28 grid", () => {
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(doc).toContain(
      '<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-842"/>',
    );
  });
  it("names every font explicitly (eastAsia), no theme fonts", () => {
    for (const xml of [doc, styles, part(docx, "word/footer1.xml")]) {
      expect(xml).not.toMatch(/Theme=/);
      const rFonts = xml.match(/<w:rFonts [^>]*>/g) ?? [];
      expect(rFonts.length).toBeGreaterThan(0);
      for (const f of rFonts) expect(f).toMatch(/w:eastAsia="[^"]+"/);
    }
    expect(styles).toMatch(
      /<w:rPrDefault><w:rPr><w:rFonts w:ascii="仿宋_GB2312"[^>]*w:eastAsia="仿宋_GB2312"/,
    );
    expect(styles).toContain('<w:sz w:val="32"/>');
  });
  it("odd/even footers with PAGE between dashes in 4号宋体", () => {
    expect(part(docx, "word/settings.xml")).toContain("<w:evenAndOddHeaders/>");
    for (const [file, jc] of [
      ["word/footer1.xml", "right"],
      ["word/footer2.xml", "left"],
    ] as const) {
      const footer = part(docx, file);
      expect(footer).toContain(`<w:jc w:val="${jc}"/>`);
      expect(footer).toContain(" PAGE ");
      expect(footer).toContain(">— </w:t>");
      expect(footer).toContain("> —</w:t>");
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
  });
});

describe("report template", () => {
  const doc = part(built.报告, "word/document.xml");
  it("red 发文机关标志 in 方正小标宋简体 and the red separator under the 发文字号 line", () => {
    expect(doc).toMatch(
      /w:eastAsia="方正小标宋简体"[\s\S]*?<w:color w:val="FF0000"\/><w:w w:val="60"\/><w:sz w:val="96"\/>[\s\S]*?\{发文机关标志\}/,
    );
    expect(doc).toMatch(/<w:bottom w:val="single" w:sz="12" w:space="11" w:color="FF0000"\/>/);
  });
  it("lays out 发文字号 and 签发人 with tab stops, never runs of spaces", () => {
    const p = doc.match(/<w:p>(?:(?!<\/w:p>).)*\{发文字号\}.*?<\/w:p>/)?.[0] ?? "";
    expect(p).toContain('<w:tab w:val="left" w:pos="320"/><w:tab w:val="right" w:pos="8525"/>');
    expect(p).toMatch(/<w:tab\/><w:t xml:space="preserve">\{发文字号\}<\/w:t><w:tab\/>/);
    expect(p).toMatch(/w:eastAsia="楷体_GB2312"[\s\S]*\{签发人\}/);
    expect(doc).not.toMatch(/ {2,}/);
  });
  it("title 2号小标宋 centred; headings 黑体 / 楷体 / 仿宋", () => {
    expect(doc).toMatch(/"方正小标宋简体"[^<]*\/>(?:<[^>]+>)*<w:sz w:val="44"\/>.*?\{标题\}/);
    expect(doc).toMatch(/w:eastAsia="黑体"[\s\S]*?一、主要做法/);
    expect(doc).toMatch(
      /<w:pStyle w:val="Heading2"\/>(?:(?!<\/w:p>).)*w:eastAsia="楷体_GB2312"(?:(?!<\/w:p>).)*\{方面序号\}/,
    );
    expect(doc).toMatch(
      /<w:pStyle w:val="Heading4"\/>(?:(?!<\/w:p>).)*w:eastAsia="仿宋_GB2312"(?:(?!<\/w:p>).)*\{问题序号\}/,
    );
  });
  it("版记 rules: 0.35 mm outside, 0.25 mm between; 抄送 4号", () => {
    expect(doc).toContain('<w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/>');
    expect(doc).toContain('<w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/>');
    expect(doc).toContain('<w:insideH w:val="single" w:sz="6" w:space="0" w:color="000000"/>');
    expect(doc).toMatch(/<w:sz w:val="28"\/>(?:(?!<\/w:r>).)*抄送：/);
  });
});

describe("LibreOffice renders every generated document", () => {
  let pdfs: string[] = [];
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), "zhenggai-templates-"));
    const files = (["报告", "通报"] as const).map((kind) => {
      const path = join(dir, `${kind}.docx`);
      writeFileSync(path, rendered[kind]);
      return path;
    });
    pdfs = convertToPdf(files, dir);
  });
  it("A4 pages with the title on the first page", () => {
    const titles = [REPORT_DATA.标题, NOTICE_DATA.标题] as string[];
    pdfs.forEach((pdf, i) => {
      const info = pdfInfo(pdf);
      expect(info.pages).toBeGreaterThan(0);
      expect(info.pageSize).toMatch(/A4/);
      expect(pageText(pdf, 1)).toContain(titles[i]);
    });
  });
});
