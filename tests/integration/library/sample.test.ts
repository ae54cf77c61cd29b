/**
 * The example ledger the library trial-renders with: valid by the core's own rules, with the
 * variety it promises, and rendering both shipped templates into documents that carry its data.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { documentFindings, validateBasicInfo } from "../../../src/core";
import { renderDocument } from "../../../src/documents";
import { sampleAnalysis } from "../../../src/server/library/sample-analysis";
import { validTemplate } from "./templates";

const text = (docx: Uint8Array) =>
  strFromU8(unzipSync(docx)["word/document.xml"]!).replace(/<[^>]+>/g, "");

describe("sample analysis for trial renders", () => {
  const sample = sampleAnalysis();

  it("is a valid ledger for both documents by the core's rules", () => {
    for (const kind of ["报告", "通报"] as const)
      expect(documentFindings(sample.info, kind).filter((f) => f.severity === "error")).toEqual([]);
    const infoErrors = validateBasicInfo(sample.info, {}).filter((f) => f.severity === "error");
    expect(infoErrors).toEqual([]);
  });

  it("has the variety templates branch on", () => {
    const { stats, ledger } = sample;
    expect(ledger?.levels).toBe(3);
    expect([stats.total, stats.done, stats.completionRateText]).toEqual([4, 2, "50%"]);
    expect(stats.selfFound).toEqual({ total: 1, done: 1, measures: 1 });
    expect(stats.overdue.map((o) => [o.seq, o.daysOverdue])).toEqual([["4", 5]]);
    expect(stats.nonPublic).toBe(1);
    expect(stats.rules).toEqual(["财务管理制度"]);
    expect(stats.declared.mismatch).toBe(false);
    expect(sample.narrative.practices.length).toBeGreaterThan(0);
  });

  it("renders both shipped templates, carrying its data", async () => {
    for (const kind of ["报告", "通报"] as const) {
      const result = renderDocument({
        template: await validTemplate(kind),
        kind,
        analysis: sample,
      });
      if (!result.ok) throw new Error(result.findings.map((f) => f.message).join("\n"));
      const body = text(result.docx);
      expect(body).toContain("中共某县市政园林局党组");
      expect(body).toContain("财务报销审核把关不严");
      if (kind === "报告") expect(body).toContain("某市政党组〔2024〕1号");
      else {
        expect(body).toContain("巡察反馈的4个具体问题");
        expect(body).toContain("0393-1234567");
        expect(body).not.toContain("公务用车管理不规范"); // 公开=否
      }
    }
  });
});
