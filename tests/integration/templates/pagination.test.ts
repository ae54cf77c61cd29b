import { readFileSync } from "node:fs";
import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import { renderDocument } from "../../../src/documents/render";
import { noticeAnalysis, reportAnalysis } from "../../unit/documents/helpers";

const TEMPLATES = {
  报告: new Uint8Array(readFileSync("templates/报告.docx")),
  通报: new Uint8Array(readFileSync("templates/通报.docx")),
};

const part = (docx: Uint8Array, name: string) => new PizZip(docx).file(name)?.asText() ?? "";

function stylePPr(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>([\\s\\S]*?)</w:style>`).exec(styles);
  return /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(m?.[1] ?? "")?.[1] ?? "";
}

/** Paragraph XML of document.xml, in order. */
const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p\/>/g)].map((m) => m[0]);

describe("keep together (GB/T 9704 pagination)", () => {
  for (const kind of ["报告", "通报"] as const) {
    const styles = part(TEMPLATES[kind], "word/styles.xml");
    it(`${kind}: every heading level keeps with the next line, the body has widow control`, () => {
      for (const id of ["HeadingLevel1", "HeadingLevel2", "HeadingLevel3", "HeadingLevel4"]) {
        expect(stylePPr(styles, id), id).toContain("<w:keepNext/>");
      }
      expect(stylePPr(styles, "Normal")).toContain('<w:widowControl w:val="1"/>');
      expect(stylePPr(styles, "DocTitle")).toContain('<w:snapToGrid w:val="0"/>');
      expect(stylePPr(styles, "Signature")).toMatch(/<w:keepNext\/><w:keepLines\/>/);
      expect(stylePPr(styles, "DocDate")).toContain("<w:keepLines/>");
    });

    it(`${kind}: the body's last paragraph and the blank lines keep with the 署名`, () => {
      const analysis = kind === "报告" ? reportAnalysis() : noticeAnalysis();
      const result = renderDocument({ template: TEMPLATES[kind], kind, analysis, force: true });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const ps = paragraphs(part(result.docx, "word/document.xml"));
      const sig = ps.findIndex((p) => p.includes('<w:pStyle w:val="Signature"/>'));
      expect(sig).toBeGreaterThan(3);
      // Two blank lines, then the last body paragraph (with text), all keepNext.
      for (const p of ps.slice(sig - 3, sig)) expect(p).toContain("<w:keepNext/>");
      expect(ps[sig - 3]).toMatch(/<w:t[^>]*>[^<]+<\/w:t>/);
      // Only the last narrative paragraph keeps with the next: earlier ones flow.
      const kept = ps.filter((p) => p.startsWith("<w:p><w:pPr><w:keepNext/></w:pPr><w:r>"));
      expect(kept.length).toBeLessThanOrEqual(kind === "报告" ? 1 : 2);
    });
  }

  it("报告: the 版记 closes 抄送 with a 句号 and sets the 印发 line on a right tab, in one paragraph", () => {
    const result = renderDocument({
      template: TEMPLATES.报告,
      kind: "报告",
      analysis: reportAnalysis(),
      force: true,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const ps = paragraphs(part(result.docx, "word/document.xml"));
    const printLine = ps.find((p) => p.includes("印发</w:t>"));
    expect(printLine).toBeDefined();
    expect(printLine).toMatch(/<w:tabs><w:tab w:val="right" w:pos="\d+"\/><\/w:tabs>/);
    expect(printLine).toMatch(/<w:t[^>]*>[^<]+<\/w:t><w:tab\/><w:t[^>]*>[^<]*印发<\/w:t>/);
    const cc = ps.find((p) => p.includes("抄送："));
    const next = ps[ps.indexOf(cc!) + 1] ?? "";
    expect(next).toMatch(/[^。]。<\/w:t>/);
  });
});
