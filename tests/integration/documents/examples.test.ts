/**
 * End to end through the shipped pieces: examples/*.xlsx → readWorkbookFile → analyseWorkbook →
 * renderDocument with templates/报告.docx and templates/通报.docx; the .docx is opened again and
 * its text checked against the seed documents the examples were built from.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../../src/core/index";
import type { LedgerAnalysis } from "../../../src/core/model";
import { checkTemplate, renderDocument } from "../../../src/documents/index";
import { readWorkbookFile } from "../../../src/node/read-workbook";
import {
  docxParagraphs,
  docxXml,
  parseNoticeSeed,
  parseReportSeed,
} from "../../unit/documents/helpers";

const root = new URL("../../../", import.meta.url);
const template = (kind: "报告" | "通报") =>
  new Uint8Array(readFileSync(new URL(`templates/${kind}.docx`, root)));
const example = (name: string) => new URL(`examples/${name}`, root).pathname;

const analyses = new Map<string, LedgerAnalysis>();
beforeAll(async () => {
  for (const name of [
    "清丰县市政园林局-整改台账.xlsx",
    "邵阳市园林绿化中心-整改台账.xlsx",
    "龙亭区市容环境卫生服务中心-整改台账.xlsx",
  ]) {
    analyses.set(
      name,
      analyseWorkbook(await readWorkbookFile(decodeURIComponent(example(name))), {
        asOf: "2024-01-10",
      }),
    );
  }
});

const nonEmpty = (paras: string[]) => paras.map((p) => p.trim()).filter((p) => p !== "");

describe("shipped templates", () => {
  it("pass the template check with the contract", () => {
    for (const kind of ["报告", "通报"] as const) {
      const result = checkTemplate(template(kind));
      expect(result.findings).toEqual([]);
      expect(result.ok).toBe(true);
    }
  });
});

describe("清丰 (seed 000) → 报告", () => {
  it("refuses while the ledger has errors, renders with force: 版头, （一）/1./（1）, 48 problems", () => {
    const analysis = analyses.get("清丰县市政园林局-整改台账.xlsx")!;
    const blocked = renderDocument({ template: template("报告"), kind: "报告", analysis });
    expect(blocked.ok).toBe(analysis.findings.every((f) => f.severity !== "error"));
    const result = renderDocument({
      template: template("报告"),
      kind: "报告",
      analysis,
      force: true,
    });
    if (!result.ok) throw new Error(result.findings.map((f) => f.message).join("\n"));
    const paras = nonEmpty(docxParagraphs(result.docx));
    expect(paras).toContain("清市政党组〔2024〕1号\t签发人：常良涛");
    expect(paras).toContain(
      "中共清丰县市政园林局党组\n关于落实县委第一巡察组\n反馈意见整改情况的报告",
    );
    const seed = parseReportSeed().problems;
    const problems = paras.filter((p) => /^（\d+）/.test(p));
    expect(problems).toEqual(seed.map((s, i) => `（${i + 1}）${s.problem}`));
    const body = paras.slice(
      paras.indexOf("二、整改完成情况"),
      paras.indexOf("三、下一步工作打算"),
    );
    expect(body.filter((p) => /^（[一二三四]）/.test(p))).toHaveLength(4);
    // Categories restart at 1. in each aspect, as many as the workbook has.
    const perAspect = new Map<string, Set<string>>();
    for (const r of analysis.ledger?.rows ?? []) {
      perAspect.set(r.aspect, (perAspect.get(r.aspect) ?? new Set()).add(r.category));
    }
    const expected = [...perAspect.values()].flatMap((set) => [...set].map((_, i) => i + 1));
    expect(expected.length).toBeGreaterThanOrEqual(13);
    expect(body.filter((p) => /^\d+\./.test(p)).map((p) => Number.parseInt(p, 10))).toEqual(
      expected,
    );
    expect(paras.join("\n")).toContain(
      "48个具体问题，已完成整改48个（其中已完成并长期坚持3个），整改完成率100%。",
    );
    expect(docxXml(result.docx)).not.toMatch(/undefined|null|NaN/);
  });
});

describe("邵阳 (seed 001) → 通报", () => {
  it("reproduces the 25 problems in order with results and the 25/18/7 sentence", () => {
    const analysis = analyses.get("邵阳市园林绿化中心-整改台账.xlsx")!;
    const result = renderDocument({ template: template("通报"), kind: "通报", analysis });
    if (!result.ok) throw new Error(result.findings.map((f) => f.message).join("\n"));
    const paras = nonEmpty(docxParagraphs(result.docx));
    expect(paras[0]).toBe("中共邵阳市园林绿化中心委员会\n关于巡察整改进展情况的通报");
    expect(paras).toContain(
      "截至2024年1月10日，巡察反馈的25个具体问题，已完成整改18个，整改完成率72%，长期整改7个。",
    );
    const seed = parseNoticeSeed().problems;
    const problems = paras.filter((p) => /^\d+\./.test(p));
    expect(problems).toEqual(seed.map((s, i) => `${i + 1}.${s.problem}`));
    const results = paras.filter((p) => p.startsWith("整改结果："));
    expect(results).toEqual(
      seed.map((s) => `整改结果：${s.statusText.startsWith("长期") ? "长期整改" : "已完成"}`),
    );
    const order = ["一、组织整改落实情况", "二、", "三、"].map((h) =>
      paras.findIndex((p) => p.startsWith(h)),
    );
    expect(order[0]).toBeGreaterThan(0);
    expect(order[1]).toBeGreaterThan(order[0]!);
    expect(order[2]).toBeGreaterThan(order[1]!);
    expect(paras.join("\n")).toContain("联系电话：0739-5331851");
    expect(docxXml(result.docx)).not.toMatch(/undefined|null|NaN/);
  });
});

describe("龙亭 (seed 002) → 通报", () => {
  it("renders the two-level notice with every problem and the contact line", () => {
    const analysis = analyses.get("龙亭区市容环境卫生服务中心-整改台账.xlsx")!;
    const result = renderDocument({ template: template("通报"), kind: "通报", analysis });
    if (!result.ok) throw new Error(result.findings.map((f) => f.message).join("\n"));
    const paras = nonEmpty(docxParagraphs(result.docx));
    const total = analysis.stats.total;
    expect(total).toBeGreaterThan(0);
    expect(paras.filter((p) => /^\d+[.．]/.test(p))).toHaveLength(total);
    expect(paras.join("\n")).toContain(`巡察反馈的${total}个具体问题`);
    expect(paras.join("\n")).toMatch(/电子邮箱：kfltmzj@126\.com/);
  });
});
