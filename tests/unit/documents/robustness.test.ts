import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderDocument } from "../../../src/documents/render";
import { checkTemplate } from "../../../src/documents/template-check";
import { buildDocx, docxXml, reportAnalysis } from "./helpers";

// Pieces that make plausible and broken templates: braces, loop marks, formatters, real tags.
const piece = fc.constantFrom(
  "{",
  "}",
  "{#",
  "{/",
  "{^",
  "{@",
  "|",
  ":",
  "：",
  "“",
  '"',
  " ",
  "方面",
  "问题",
  "类别",
  "完成率",
  "单位名称",
  "百分比",
  "默认值",
  "中文日期",
  "x",
  "{{",
  "}}",
  "｛",
  "｝",
  "。",
  "\u0001",
);
const paragraph = fc.array(piece, { maxLength: 12 }).map((xs) => xs.join(""));
const template = fc.array(paragraph, { minLength: 1, maxLength: 8 });

describe("robustness", () => {
  it("checkTemplate and renderDocument never throw, and every message is Chinese without undefined", () => {
    const analysis = reportAnalysis();
    fc.assert(
      fc.property(template, (paras) => {
        const bytes = buildDocx(paras);
        const check = checkTemplate(bytes);
        for (const f of check.findings) {
          expect(f.message).toMatch(/[\u4e00-\u9fff]/);
          expect(f.message).not.toMatch(/undefined|\[object/);
        }
        const result = renderDocument({ template: bytes, kind: "报告", analysis });
        expect(result.ok).toBe(check.ok);
        if (result.ok) expect(docxXml(result.docx)).not.toMatch(/undefined|[\u0001]/);
      }),
      { numRuns: 150, seed: 20240105 },
    );
  });

  it("random bytes are an unusable template, not an exception", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const check = checkTemplate(bytes);
        expect(check.ok).toBe(false);
        expect(check.unreadable).toBe(true);
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it("renders (forced) when there is no ledger sheet at all, with zeros instead of blanks", () => {
    const base = reportAnalysis();
    const analysis = {
      ...base,
      ledger: undefined,
      stats: { ...base.stats, total: 0, done: 0, aspectCount: 0, byAspect: [], byDepartment: [] },
      findings: [
        {
          severity: "error" as const,
          code: "workbook.ledger.missing" as const,
          sheet: "整改台账",
          message: "没有找到整改台账工作表。",
          detail: "没有找到整改台账工作表。",
        },
      ],
    };
    const template = buildDocx(["{标题}", "共{问题总数}个问题", "{#方面}{方面名称}{/方面}"]);
    expect(renderDocument({ template, kind: "报告", analysis }).ok).toBe(false);
    const forced = renderDocument({ template, kind: "报告", analysis, force: true });
    expect(forced.ok).toBe(true);
    if (forced.ok) expect(docxXml(forced.docx)).toContain("共0个问题");
  });
});
