/**
 * The template gate on every hostile file of issue 10: each refused fast, with a Chinese reason
 * naming the part, by checkTemplate (the gate is its first step) and by renderDocument; the
 * shipped templates and the test templates still pass.
 */
import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { gateTemplate, readZip, TEMPLATE_LIMITS } from "../../../src/documents/gate/index";
import { renderDocument } from "../../../src/documents/index";
import { checkTemplate } from "../../../src/documents/template-check";
import {
  docx,
  GOOD_BODY,
  HOSTILE_CONTRACT,
  HOSTILE_TEMPLATES,
  paragraphs,
} from "../../support/hostile-templates";
import { overlappingBomb, text, writeZip } from "../../support/hostile-zip";
import { analysisOf, parseReportSeed, REPORT_INFO, reportAnalysis, rowsFrom } from "./helpers";
import { reportTemplate } from "./templates";

const ENGLISH_INTERNALS = /Bug :|undefined|Cannot |entity|FST_ERR|Error:|at [A-Za-z]+ \(/;

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

describe("the template gate", () => {
  it("accepts the shipped templates, the test templates and a plain http(s) hyperlink", () => {
    for (const file of ["templates/报告.docx", "templates/通报.docx"]) {
      const bytes = new Uint8Array(readFileSync(file));
      expect(gateTemplate(bytes).ok, file).toBe(true);
      expect(checkTemplate(bytes).ok, file).toBe(true);
    }
    expect(checkTemplate(reportTemplate()).ok).toBe(true);
    const linked = docx(
      `${GOOD_BODY}<w:p><w:hyperlink r:id="rIdH"><w:r><w:t>网站</w:t></w:r></w:hyperlink></w:p>`,
      [
        '<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.ccdi.gov.cn/" TargetMode="External"/>',
      ],
    );
    expect(checkTemplate(linked).findings).toEqual([]);
  });

  for (const hostile of [...HOSTILE_TEMPLATES, ...HOSTILE_CONTRACT]) {
    it(`refuses ${hostile.name}, fast, in Chinese, naming the part`, () => {
      const bytes = hostile.bytes();
      const { value: result, ms } = timed(() => checkTemplate(bytes));
      expect(result.ok).toBe(false);
      const errors = result.findings.filter((f) => f.severity === "error");
      const message = errors.map((f) => f.message).join("\n");
      expect(message).toMatch(hostile.reason);
      expect(message).toMatch(/[\u4e00-\u9fff]/);
      expect(message).not.toMatch(ENGLISH_INTERNALS);
      expect(ms, `${hostile.name}: ${Math.round(ms)} ms`).toBeLessThan(1500);
      // Rendering goes through the same gate: nothing is produced.
      const render = timed(() =>
        renderDocument({ template: bytes, kind: "报告", analysis: reportAnalysis(), force: true }),
      );
      expect(render.value.ok).toBe(false);
      expect(render.value.findings.map((f) => f.message).join("\n")).toMatch(hostile.reason);
      expect(render.ms).toBeLessThan(1500);
    });
  }

  it("the overlapping bomb is real: a trusting unzip inflates every entry, the gate none", () => {
    const bomb = overlappingBomb(50, 900_000);
    expect(bomb.byteLength).toBeLessThan(80_000);
    const trusting = unzipSync(bomb);
    const total = Object.values(trusting).reduce((n, f) => n + f.byteLength, 0);
    expect(total).toBeGreaterThan(45_000_000);
    const read = readZip(bomb, TEMPLATE_LIMITS, { what: "模板文件" });
    expect(read.ok || read.reason).toBe("overlap");
  });

  it("stops inflating at the declared size: a 1 GB entry declared as 4 KB costs milliseconds", () => {
    const hostile = HOSTILE_TEMPLATES.find((h) => h.name.includes("inflates past"))!;
    const bytes = hostile.bytes();
    expect(bytes.byteLength).toBeLessThan(1_200_000);
    const { value, ms } = timed(() => gateTemplate(bytes));
    expect(value.ok).toBe(false);
    expect(ms).toBeLessThan(500);
  });

  it("checks every entry's CRC and its local header against the directory", () => {
    const good = writeZip([{ name: "a.xml", data: text("<a/>") }]);
    expect(readZip(good, TEMPLATE_LIMITS, { what: "x" }).ok).toBe(true);
    const badCrc = writeZip([{ name: "a.xml", data: text("<a/>"), crc: 12345 }]);
    const r1 = readZip(badCrc, TEMPLATE_LIMITS, { what: "模板文件" });
    expect(!r1.ok && r1.message).toBe(
      "模板文件中“a.xml”的内容与目录记录不符（大小或校验值不对），文件已损坏或被篡改。",
    );
    // Directory says a.xml, the local header says b.xml.
    const renamed = writeZip([{ name: "a.xml", data: text("<a/>") }]);
    const at = renamed.indexOf(0x61, 30); // the local header's name
    const copy = renamed.slice();
    copy[at] = 0x62;
    const r2 = readZip(copy, TEMPLATE_LIMITS, { what: "模板文件" });
    expect(r2.ok || r2.reason).toBe("header-mismatch");
    // Names differing only in case are the same OOXML part.
    const twice = writeZip([
      { name: "word/document.xml", data: text("<a/>") },
      { name: "WORD/Document.xml", data: text("<b/>") },
    ]);
    const r3 = readZip(twice, TEMPLATE_LIMITS, { what: "模板文件" });
    expect(r3.ok || r3.reason).toBe("duplicate-name");
  });

  it("allows bookmarks (\\l) in HYPERLINK fields and refuses other schemes in them", () => {
    const field = (instr: string) =>
      docx(
        `${GOOD_BODY}<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>${instr}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
      );
    expect(checkTemplate(field(' HYPERLINK \\l "_Toc1" ')).ok).toBe(true);
    expect(checkTemplate(field(' HYPERLINK "https://www.gov.cn" ')).ok).toBe(true);
    const js = checkTemplate(field(' HYPERLINK "javascript:alert(1)" '));
    expect(js.findings[0]?.message).toMatch(/链接到非网页地址/);
  });

  it("renders within the budget and refuses past it without minutes of CPU", () => {
    const ok = renderDocument({
      template: reportTemplate(),
      kind: "报告",
      analysis: reportAnalysis(),
    });
    expect(ok.ok).toBe(true);
    // Three loops of the contract, each legal alone, multiplied: 400 problems × 400 rules ×
    // 40 departments = 6.4 million items of 5 tags.
    const cubic = docx(
      paragraphs([
        "{标题}",
        "{#问题}",
        "{#制度}",
        "{#部门统计}",
        "{问题}{名称}{部门}{问题序号}{制度序号}",
        "{/部门统计}",
        "{/制度}",
        "{/问题}",
      ]),
    );
    expect(checkTemplate(cubic).findings).toEqual([]);
    const seed = parseReportSeed().problems;
    const rows = rowsFrom(
      Array.from({ length: 400 }, (_, i) => seed[i % seed.length]!),
      (i) => ({
        seq: String(i + 1),
        department: `部门${i % 40}`,
        result: `制定了《第${i}号管理制度》。`,
      }),
    );
    const analysis = analysisOf(rows, REPORT_INFO, { asOf: "2024-12-31" });
    expect(analysis.stats.byDepartment.length).toBe(40);
    const { value: result, ms } = timed(() =>
      renderDocument({ template: cubic, kind: "报告", analysis, force: true }),
    );
    expect(result.ok).toBe(false);
    expect(result.findings[0]?.code).toBe("document.render.budget");
    expect(result.findings[0]?.message).toMatch(/^填写报告的计算量超过上限（1,000,000 次标签取值/);
    expect(ms, `${Math.round(ms)} ms`).toBeLessThan(2000);
    // The same template over the small ledger is well within budget and renders.
    const small = renderDocument({
      template: cubic,
      kind: "报告",
      analysis: reportAnalysis(),
      force: true,
    });
    expect(small.ok).toBe(true);
  });
});
