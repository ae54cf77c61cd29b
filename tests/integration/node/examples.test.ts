/**
 * The committed example ledgers: built from examples/data by scripts/build-examples.ts, in sync
 * with their data, faithful to the published reports they come from, and read back by the core.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { exampleDataSchema, exampleWorkbookSpec } from "../../../scripts/example-data";
import { analyseWorkbook } from "../../../src/core/index";
import { workbookGridFromXlsx } from "../../../src/xlsx/grid";
import { buildLedgerWorkbook } from "../../../src/xlsx/ledger-workbook";
import { writeXlsxDeterministic } from "../../../src/xlsx/write";

const examplesDir = fileURLToPath(new URL("../../../examples/", import.meta.url));
const seedsDir = fileURLToPath(new URL("../../../examples/seeds/", import.meta.url));
const load = (name: string) =>
  exampleDataSchema.parse(JSON.parse(readFileSync(`${examplesDir}data/${name}`, "utf8")));
const seed = (name: string) => readFileSync(`${seedsDir}${name}`, "utf8");
const dataFiles = readdirSync(`${examplesDir}data`).filter((n) => n.endsWith(".json"));

describe("examples/*.xlsx", () => {
  it.each(dataFiles)("%s: the committed workbook is what build:examples produces", async (name) => {
    const data = load(name);
    const built = await writeXlsxDeterministic(buildLedgerWorkbook(exampleWorkbookSpec(data)));
    const committed = readFileSync(`${examplesDir}${data.file}`);
    expect(Buffer.compare(Buffer.from(built), committed)).toBe(0);
  });

  it("seed 000 (清丰): 48 problems in 4 aspects, texts and statuses verbatim from the report", async () => {
    const data = load("seed-000-qingfeng.json");
    const text = seed(data.seed);
    expect(data.rows.map((r) => r.seq)).toEqual(
      Array.from({ length: 48 }, (_, i) => String(i + 1)),
    );
    for (const r of data.rows) {
      expect(text).toContain(`（${r.seq}）${r.problem}`);
      expect(text).toContain(`整改成效：${r.result}`);
      expect(text).toContain(`完成情况：${r.status}\n`);
    }
    expect(new Set(data.rows.map((r) => r.aspect)).size).toBe(4);
    expect(data.info.find((e) => e.field === "declaredProblems")?.value).toBe(74);
    expect(data.info.find((e) => e.field === "docNumber")?.value).toBe("清市政党组〔2024〕1号");

    const grid = await workbookGridFromXlsx(readFileSync(`${examplesDir}${data.file}`));
    const sheet = grid.sheets[0]!;
    expect(sheet.cells[0]![0]).toEqual({ t: "s", v: data.layout.title }); // title row above the header
    expect(sheet.merges.filter((m) => m.left === 1 && m.bottom > m.top)).toHaveLength(4); // 方面 merged
    // As of its 成文日期 (a later as-of is itself a warning).
    const analysis = analyseWorkbook(grid, { asOf: "2024-01-05" });
    expect(analysis.ledger?.levels).toBe(3);
    expect(analysis.ledger?.headerRows).toEqual([2]);
    expect(analysis.ledger?.rows.map((r) => r.problem)).toEqual(data.rows.map((r) => r.problem));
    // The seed's own text: half-width commas, an unclosed 《, and 报告正文 saying 74 problems.
    const warnings = analysis.findings.filter((f) => f.severity !== "info");
    expect(warnings.map((f) => [f.code, f.cell ?? ""])).toEqual([
      ["text.halfWidthPunctuation", "L10"],
      ["text.halfWidthPunctuation", "L19"],
      ["text.halfWidthPunctuation", "E24"],
      ["text.halfWidthPunctuation", "L24"],
      ["text.halfWidthPunctuation", "E27"],
      ["text.halfWidthPunctuation", "L27"],
      ["text.halfWidthPunctuation", "E45"],
      ["text.halfWidthPunctuation", "L45"],
      ["text.unbalanced", "L50"],
      ["info.declared.problems", expect.any(String)],
      ["narrative.count.mismatch", "C2"],
      ["narrative.count.mismatch", "C3"],
    ]);
  });

  it("seed 001 (邵阳): 25 problems in order, 18 完成 and 7 长期整改I, 整改成效 = the report's 整改情况", async () => {
    const data = load("seed-001-shaoyang.json");
    const text = seed(data.seed);
    expect(data.rows.map((r) => r.seq)).toEqual(
      Array.from({ length: 25 }, (_, i) => String(i + 1)),
    );
    expect(data.rows.filter((r) => r.status === "完成")).toHaveLength(18);
    expect(data.rows.filter((r) => r.status === "长期整改I").map((r) => r.seq)).toEqual([
      "4",
      "6",
      "7",
      "8",
      "9",
      "22",
      "23",
    ]);
    for (const r of data.rows) expect(text).toContain(`整改情况：${r.result}`);
    expect(data.narrative.filter((n) => n.part === "主要做法")).toHaveLength(4);
    expect(data.narrative.filter((n) => n.part === "下一步打算")).toHaveLength(3);

    const grid = await workbookGridFromXlsx(readFileSync(`${examplesDir}${data.file}`));
    const analysis = analyseWorkbook(grid, { asOf: "2023-11-28" }); // its 成文日期
    expect(analysis.ledger?.headerRows).toEqual([1, 2]); // 责任主体 over 责任领导/责任部门/责任人
    expect(analysis.ledger?.levels).toBe(2);
    expect(analysis.findings).toEqual([]);
    expect(analysis.info.phone).toBe("0739-5331851");
    expect(analysis.narrative.practices.map((p) => p.heading)).toEqual([
      "加强组织领导，明确工作责任",
      "坚持问题导向，精准靶向发力",
      "坚持举一反三，建立长效机制",
      "中心“一把手”高度重视",
    ]);
  });

  it("seed 002 (龙亭): two levels, 12 problems, statuses marked as chosen in every 备注", async () => {
    const data = load("seed-002-longting.json");
    expect(data.rows).toHaveLength(12);
    for (const r of data.rows) expect(r.note).toMatch(/^完成情况为示例值/);
    expect(data.info.filter((e) => e.note?.startsWith("示例值")).map((e) => e.field)).toEqual([
      "partyOrgName",
      "docDate",
    ]);
    const grid = await workbookGridFromXlsx(readFileSync(`${examplesDir}${data.file}`));
    const analysis = analyseWorkbook(grid, { asOf: "2022-09-30" }); // its 成文日期
    expect(analysis.ledger?.levels).toBe(2);
    expect(analysis.stats.aspectCount).toBe(4);
    // The seed's "12.2017年7月…": a problem beginning with digits.
    expect(
      analysis.findings.filter((f) => f.severity !== "info").map((f) => [f.code, f.cell]),
    ).toEqual([["text.digitInitial", "C14"]]);
  });
});
