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

/** The paragraph (w:p … /w:p) whose text contains `text`. */
const paragraphWith = (xml: string, text: string): string => {
  const found = xml.match(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>|<w:p\/>/g)?.find((p) => p.includes(text));
  if (!found) throw new Error(`no paragraph with ${text}`);
  return found;
};

/**
 * A style's own definition followed by those it is based on, nearest first: the properties a
 * paragraph in that style gets (the first match in the string is the one that applies).
 */
const styleChain = (styles: string, styleId: string): string => {
  const defs: string[] = [];
  let id: string | undefined = styleId;
  while (id !== undefined) {
    const def: string | undefined = styles.match(
      new RegExp(`<w:style [^>]*w:styleId="${id}">.*?</w:style>`),
    )?.[0];
    if (!def) throw new Error(`style ${id} not defined`);
    defs.push(def);
    id = def.match(/<w:basedOn w:val="([^"]+)"\/>/)?.[1];
  }
  return defs.join("");
};

/** The first value of `attr` on `element` in a style chain: the one that applies. */
const first = (chain: string, element: string, attr = "w:val"): string | undefined =>
  chain.match(new RegExp(`<${element} [^>]*${attr}="([^"]*)"`))?.[1];

/** The paragraph holding `text`, its style and that style's chain. */
const styled = (doc: string, styles: string, text: string) => {
  const p = paragraphWith(doc, text);
  const id = p.match(/<w:pStyle w:val="([^"]+)"\/>/)?.[1];
  if (!id) throw new Error(`the paragraph with ${text} has no style`);
  return { p, id, style: styleChain(styles, id) };
};

const built = buildTemplates();
const rendered = {
  报告: renderWithSample(built.报告, REPORT_DATA),
  通报: renderWithSample(built.通报, NOTICE_DATA),
};

describe("template build", () => {
  it("is deterministic and the committed templates equal a fresh build", () => {
    const again = buildTemplates();
    for (const kind of ["报告", "通报", "汇总通报"] as const) {
      expect(Buffer.from(again[kind]).equals(Buffer.from(built[kind]))).toBe(true);
      const committed = readFileSync(join(TEMPLATES_DIR, TEMPLATE_FILES[kind]));
      expect(committed.equals(Buffer.from(built[kind]))).toBe(true);
    }
  });
});

describe.each([
  ["报告", built.报告],
  ["通报", built.通报],
  // The inspection office's summary notice follows the same page rules (issue 16).
  ["汇总通报", built.汇总通报],
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
    const xmls = [doc, styles, part(docx, "word/footer1.xml")];
    for (const xml of xmls) {
      expect(xml).not.toMatch(/Theme=/);
      for (const f of xml.match(/<w:rFonts [^>]*>/g) ?? []) expect(f).toMatch(/w:eastAsia="[^"]+"/);
    }
    expect(styles.match(/<w:rFonts [^>]*>/g)?.length).toBeGreaterThan(5);
    expect(styles).toMatch(
      /<w:rPrDefault><w:rPr><w:rFonts w:ascii="仿宋_GB2312"[^>]*w:eastAsia="仿宋_GB2312"/,
    );
    expect(styles).toContain('<w:sz w:val="32"/>');
  });
  it("formats through named styles: body paragraphs carry no direct run formatting", () => {
    // What docxtemplater copies per loop item is the bare paragraph; the look is in styles.xml.
    expect(doc).not.toMatch(/<w:rFonts |<w:sz /);
    const names = [...styles.matchAll(/<w:name w:val="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(names).toEqual(
      expect.arrayContaining([
        "Normal",
        "公文标题",
        "一级标题",
        "二级标题",
        "三级标题",
        "四级标题",
      ]),
    );
    for (const id of doc.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)) {
      expect(() => styleChain(styles, id[1] as string)).not.toThrow();
    }
  });
  it("odd/even footers with PAGE between dashes in 4号宋体", () => {
    expect(part(docx, "word/settings.xml")).toContain("<w:evenAndOddHeaders/>");
    for (const [file, jc] of [
      ["word/footer1.xml", "right"],
      ["word/footer2.xml", "left"],
    ] as const) {
      const footer = part(docx, file);
      expect(footer).toContain(" PAGE ");
      expect(footer).toContain(">— </w:t>");
      expect(footer).toContain("> —</w:t>");
      const { style } = styled(footer, styles, "PAGE");
      expect(first(style, "w:jc")).toBe(jc);
      expect(first(style, "w:rFonts", "w:eastAsia")).toBe("宋体");
      expect(first(style, "w:sz")).toBe("28");
    }
  });
});

describe("report template", () => {
  const doc = part(built.报告, "word/document.xml");
  const styles = part(built.报告, "word/styles.xml");
  it("red 发文机关标志 in 方正小标宋简体 and the red separator under the 发文字号 line", () => {
    const mark = styled(doc, styles, "{发文机关标志}");
    expect(mark.style).toMatch(
      /^.*?w:eastAsia="方正小标宋简体".*?<w:color w:val="FF0000"\/><w:w w:val="60"\/><w:sz w:val="96"\/>/,
    );
    expect(first(mark.style, "w:jc")).toBe("center");
    const number = styled(doc, styles, "{发文字号}");
    expect(number.style).toMatch(
      /<w:bottom w:val="single" w:sz="12" w:space="11" w:color="FF0000"\/>/,
    );
  });
  it("lays out 发文字号 and 签发人 with tab stops, never runs of spaces", () => {
    const { p, style } = styled(doc, styles, "{发文字号}");
    expect(style).toMatch(
      /^.*?<w:tabs><w:tab w:val="left" w:pos="320"\/><w:tab w:val="right" w:pos="8525"\/><\/w:tabs>/,
    );
    expect(p).toMatch(/<w:tab\/><w:t xml:space="preserve">\{发文字号\}<\/w:t><w:tab\/>/);
    const signer = p.match(/<w:rStyle w:val="([^"]+)"\/>(?:(?!<\/w:r>).)*\{签发人\}/)?.[1];
    expect(signer).toBeDefined();
    expect(first(styleChain(styles, signer as string), "w:rFonts", "w:eastAsia")).toBe(
      "楷体_GB2312",
    );
    expect(doc).not.toMatch(/ {2,}/);
  });
  it("title 2号小标宋 centred; headings 黑体 / 楷体 / 仿宋", () => {
    const title = styled(doc, styles, "{标题}").style;
    expect(first(title, "w:rFonts", "w:eastAsia")).toBe("方正小标宋简体");
    expect(first(title, "w:sz")).toBe("44");
    expect(first(title, "w:jc")).toBe("center");
    for (const [text, font, level] of [
      ["一、主要做法", "黑体", 0],
      ["{方面序号}", "楷体_GB2312", 1],
      ["{类别序号}", "仿宋_GB2312", 2],
      ["{问题序号}", "仿宋_GB2312", 3],
    ] as const) {
      const { style } = styled(doc, styles, text);
      expect(first(style, "w:rFonts", "w:eastAsia")).toBe(font);
      expect(first(style, "w:outlineLvl")).toBe(String(level));
      // 3号 from the defaults, indented two characters like the body.
      expect(first(style, "w:sz")).toBeUndefined();
      expect(first(style, "w:ind", "w:firstLineChars")).toBe("200");
    }
  });
  it("版记 rules: 0.35 mm outside, 0.25 mm between; 抄送 4号", () => {
    expect(doc).toContain('<w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/>');
    expect(doc).toContain('<w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/>');
    expect(doc).toContain('<w:insideH w:val="single" w:sz="6" w:space="0" w:color="000000"/>');
    expect(first(styled(doc, styles, "抄送：").style, "w:sz")).toBe("28");
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
