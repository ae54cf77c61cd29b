import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderDocument } from "../../../src/documents/render";
import { placeSignature, quarterWidths, signatureIndents } from "../../../src/documents/signature";
import { docxParagraphs, docxXml, noticeAnalysis, reportAnalysis } from "./helpers";

const TEMPLATES = {
  报告: new Uint8Array(readFileSync("templates/报告.docx")),
  通报: new Uint8Array(readFileSync("templates/通报.docx")),
};

/** Where a right-aligned paragraph's text starts and ends, in quarter characters from the right edge. */
const span = (text: string, rightIndent: number) => ({
  start: rightIndent + quarterWidths(text),
  end: rightIndent,
});

describe("署名 and 成文日期 (GB/T 9704 7.3.5)", () => {
  it("counts digits half-width, Han characters full-width, a quarter between the two", () => {
    expect(quarterWidths("2024年1月5日")).toBe(6 * 2 + 3 * 4 + 5);
    expect(quarterWidths("2024年12月25日")).toBe(8 * 2 + 3 * 4 + 5);
    expect(quarterWidths("中共清丰县市政园林局党组")).toBe(48);
  });

  it("with a seal: the date 右空四字 and the 署名 centred over it, whatever its length", () => {
    for (const name of ["某局", "中共清丰县市政园林局党组", "中共濮上生态园区管理局党委"]) {
      for (const date of ["2024年1月5日", "2024年12月25日"]) {
        const ind = signatureIndents(name, date, true);
        expect(ind.date).toBe(16);
        const n = span(name, ind.name);
        const d = span(date, ind.date);
        // Centres within half a quarter character (rounding) of each other.
        expect(Math.abs((n.start + n.end) / 2 - (d.start + d.end) / 2)).toBeLessThanOrEqual(0.5);
      }
    }
  });

  it("a name too long to centre stays inside the line", () => {
    const ind = signatureIndents(
      "中共河南省濮阳市濮上生态园区管理委员会机关委员会",
      "2024年12月25日",
      true,
    );
    expect(ind.name).toBeGreaterThanOrEqual(0);
  });

  it("without a seal: 署名 右空二字, the date two characters further right", () => {
    const ind = signatureIndents("中共邵阳市园林绿化中心委员会", "2024年12月31日", false);
    expect(ind.name).toBe(8);
    const n = span("中共邵阳市园林绿化中心委员会", ind.name);
    const d = span("2024年12月31日", ind.date);
    expect(n.start - d.start).toBe(8);
  });

  it("without a seal and a date longer than the 署名: the date keeps 右空二字", () => {
    const ind = signatureIndents("某局", "2024年12月31日", false);
    expect(ind.date).toBe(8);
    const n = span("某局", ind.name);
    const d = span("2024年12月31日", ind.date);
    expect(n.start - d.start).toBe(8);
  });

  it("leaves paragraphs with their own formatting alone", () => {
    const xml =
      '<w:body><w:p><w:pPr><w:pStyle w:val="Signature"/><w:jc w:val="left"/></w:pPr><w:r><w:t>某局</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="DocDate"/></w:pPr><w:r><w:t>2024年1月5日</w:t></w:r></w:p></w:body>';
    expect(placeSignature(xml, true)).toBe(xml);
  });

  it("the rendered 报告 (sealed) and 通报 (no seal) carry the computed indents", () => {
    const cases = [
      { kind: "报告" as const, analysis: reportAnalysis(), seal: true },
      { kind: "通报" as const, analysis: noticeAnalysis(), seal: false },
      { kind: "通报" as const, analysis: noticeAnalysis(), seal: true },
    ];
    for (const c of cases) {
      const result = renderDocument({
        template: TEMPLATES[c.kind],
        kind: c.kind,
        analysis: c.analysis,
        force: true,
        // The 报告 by its default (sealed); the 通报 as asked.
        ...(c.kind === "通报" ? { seal: c.seal } : {}),
      });
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const xml = docxXml(result.docx);
      const m =
        /<w:p><w:pPr><w:pStyle w:val="Signature"\/><w:ind w:left="0" w:right="(\d+)"[^>]*\/><w:jc w:val="right"\/><\/w:pPr>([\s\S]*?)<\/w:p><w:p><w:pPr><w:pStyle w:val="DocDate"\/><w:ind w:left="0" w:right="(\d+)"/.exec(
          xml,
        );
      expect(m, c.kind).not.toBeNull();
      const paras = docxParagraphs(result.docx);
      const name = paras.find(
        (_, i) => paras[i + 1] !== undefined && /^\d{4}年\d{1,2}月\d{1,2}日$/.test(paras[i + 1]!),
      )!;
      const date = paras[paras.indexOf(name) + 1]!;
      const expected = signatureIndents(name, date, c.seal);
      expect([Number(m![1]), Number(m![3])]).toEqual([expected.name * 80, expected.date * 80]);
    }
  });
});
