/**
 * Each seed imported three ways — as .txt, as a .docx with typed numbers, as a .docx whose
 * numbers are Word list numbering — must give the same ledger, and `check` (analyseWorkbook on
 * the written workbook) must see the seed's counts, statuses and 基本信息.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../../../src/core";
import {
  type ImportResult,
  paragraphsFromText,
  parseFeedbackDocument,
} from "../../../../src/core/import";
import type { LedgerAnalysis } from "../../../../src/core/model";
import { readDocxParagraphs } from "../../../../src/docx/paragraphs";
import { gridFromXlsxBytes } from "../../../../src/xlsx/bytes";
import { buildImportedLedger } from "../../../../src/xlsx/imported-ledger";
import { writeXlsxDeterministic } from "../../../../src/xlsx/write";
import { typedDocx, wordListDocx } from "../../../support/docx-fixture";

const seedsDir = fileURLToPath(new URL("../../../../examples/seeds/", import.meta.url));
const seed = (name: string) => readFileSync(`${seedsDir}${name}`, "utf8");
const SEEDS = {
  "000": seed("000_c7b0a0624ccb5840.txt"),
  "001": seed("001_f84cbc671bac7b6c.txt"),
  "002": seed("002_6864e2fd695aa2e9.txt"),
};
type SeedId = keyof typeof SEEDS;

const lines = (text: string) => paragraphsFromText(text).map((p) => p.text);

function importAll(id: SeedId): Record<"txt" | "typed" | "wordList", ImportResult> {
  const text = SEEDS[id];
  return {
    txt: parseFeedbackDocument(paragraphsFromText(text), { source: `${id}.txt` }),
    typed: parseFeedbackDocument(readDocxParagraphs(typedDocx(lines(text))), {
      source: `${id}.docx`,
    }),
    wordList: parseFeedbackDocument(readDocxParagraphs(wordListDocx(lines(text))), {
      source: `${id}.docx`,
    }),
  };
}

async function check(result: ImportResult): Promise<LedgerAnalysis> {
  const bytes = await writeXlsxDeterministic(buildImportedLedger(result));
  return analyseWorkbook(await gridFromXlsxBytes(bytes, "导入.xlsx"), { asOf: "2024-03-01" });
}

const shape = (r: ImportResult) =>
  r.rows.map((x) => [x.aspect, x.category, x.problem, x.status, x.result.length]);

describe.each(["000", "001", "002"] as const)("seed %s", (id) => {
  const results = importAll(id);
  it("reads the same ledger from .txt, typed .docx and Word-numbered .docx, every paragraph placed or reported", () => {
    expect(shape(results.typed)).toEqual(shape(results.txt));
    expect(shape(results.wordList)).toEqual(shape(results.txt));
    expect(results.wordList.info).toEqual(results.txt.info);
    expect(results.wordList.narrative).toEqual(results.txt.narrative);
    for (const r of Object.values(results)) {
      r.placements.forEach((p, i) => {
        if (p === undefined) expect(r.unplaced).toContain(i + 1);
      });
    }
  });
});

describe("seed 000: the red-header report, three levels, 48 of 74 problems", () => {
  const { txt, wordList } = importAll("000");
  it("48 problems in 4 aspects with categories; statuses normalised; 整改成效 kept", async () => {
    for (const r of [txt, wordList]) {
      expect(r.rows).toHaveLength(48);
      expect(r.levels).toBe(3);
      expect(new Set(r.rows.map((x) => x.aspect)).size).toBe(4);
      expect(r.rows.every((x) => x.result !== "" && x.status !== null)).toBe(true);
    }
    expect(txt.rows.filter((x) => x.status === "已完成并长期坚持")).toHaveLength(3);
    expect(txt.rows[0]).toMatchObject({
      aspect: "贯彻落实党的理论路线方针政策和党中央决策部署不到位，履行职责使命有差距",
      category: "政治站位不够高，政治建设不力",
      status: "已完成并长期坚持",
    });
    expect(txt.rows[0]!.problem).toMatch(/^贯彻落实习近平新时代中国特色社会主义思想/);
    expect(txt.rows[0]!.result).toMatch(/^一是局党组深入落实“第一议题”制度/);
    // The unnumbered sub-heading under 落实整改不到位 groups the last three problems.
    expect(txt.rows[47]!.category).toBe(
      "2022年7月21日巡察反馈的6个方面10个问题，其中3个问题整改不到位",
    );
    expect(txt.rows[44]!.category).toMatch(/^落实整改不到位。2020年10月巡察反馈3个方面17个问题/);
    expect(txt.narrative.map((n) => [n.part, n.heading])).toEqual([
      ["主要做法", "加强组织领导"],
      ["主要做法", "压实整改责任"],
      ["下一步打算", ""],
    ]);
  });

  it("check: 48 problems, 4 aspects, three levels, declared 74 → the mismatch error; dates and 县委第一巡察组 in 基本信息", async () => {
    for (const r of [txt, wordList]) {
      const a = await check(r);
      expect(a.stats.total).toBe(48);
      expect(a.stats.aspectCount).toBe(4);
      expect(a.ledger?.levels).toBe(3);
      expect(a.stats.declared).toMatchObject({ aspects: 4, problems: 74, mismatch: true });
      const mismatch = a.findings.find((f) => f.code === "info.declared.problems");
      expect(mismatch?.severity).toBe("error");
      expect(mismatch?.message).toContain("74");
      expect(mismatch?.message).toContain("48");
      expect(a.info).toMatchObject({
        inspectionGroup: "县委第一巡察组",
        inspectionType: "常规巡察",
        inspectionStart: "2023-07-28",
        inspectionEnd: "2023-09-11",
        feedbackDate: "2023-10-23",
        partyOrgName: "中共清丰县市政园林局党组",
        docNumber: "清市政党组〔2024〕1号",
        signer: "常良涛",
        suggestionCount: 4,
      });
      expect(a.stats.done).toBe(48);
      // Left for the clerk: nothing invented.
      const required = a.findings.filter((f) => f.code === "ledger.field.required");
      expect(required.length).toBe(48 * 5); // 整改措施, 责任领导, 责任部门, 责任人, 整改时限
      expect(a.ledger?.rows.every((row) => row.leader === "" && row.doneDate === null)).toBe(true);
    }
  });
});

describe("seed 001: the public notice, 25 problems in 12 aspects", () => {
  const { txt, wordList } = importAll("001");
  it("25 problems, 18 完成 and 7 长期整改 (from 长期整改I), 12 aspects, contacts and 成文日期", async () => {
    for (const r of [txt, wordList]) {
      const a = await check(r);
      expect(a.stats.total).toBe(25);
      expect(a.stats.byStatus.已完成).toBe(18);
      expect(a.stats.byStatus.长期整改).toBe(7);
      expect(a.stats.aspectCount).toBe(12);
      expect(a.ledger?.levels).toBe(2);
      expect(a.stats.declared.mismatch).toBe(false);
      expect(a.info).toMatchObject({
        partyOrgName: "中共邵阳市园林绿化中心委员会",
        inspectionGroup: "市委第四巡察组",
        inspectionType: "延伸巡察",
        inspectionStart: "2023-03-21",
        inspectionEnd: "2023-06-07",
        feedbackDate: "2023-07-03",
        docDate: "2023-11-28",
        declaredProblems: 25,
        phone: "0739-5331851",
        email: "2467373448@qq.com",
      });
    }
    expect(txt.rows.filter((x) => x.statusText === "长期整改I")).toHaveLength(7);
    expect(new Set(txt.rows.map((x) => x.aspect))).toContain("职能发挥不充分");
    expect(txt.narrative.filter((n) => n.part === "主要做法").map((n) => n.heading)).toEqual([
      "加强组织领导，明确工作责任",
      "坚持问题导向，精准靶向发力",
      "坚持举一反三，建立长效机制",
      "中心“一把手”高度重视",
    ]);
  });
});

describe("seed 002: the notice without statuses, unnumbered aspects", () => {
  const { txt, wordList } = importAll("002");
  it("12 problems in 4 aspects, the broken line joined, no status invented", async () => {
    for (const r of [txt, wordList]) {
      const a = await check(r);
      expect(a.stats.total).toBe(12);
      expect(a.stats.aspectCount).toBe(4);
      expect(r.rows.every((x) => x.status === null && x.statusText === "")).toBe(true);
      expect(
        a.findings.filter((f) => f.code === "ledger.field.required" && /^K/.test(f.cell ?? "")),
      ).toHaveLength(12);
      expect(a.info).toMatchObject({
        unitName: "龙亭区市容环境卫生服务中心",
        inspectionGroup: "区委第一巡察组",
        feedbackDate: "2022-07-15",
      });
    }
    expect(txt.rows.map((x) => x.aspect)).toEqual([
      ...Array(3).fill("政治觉悟不高，贯彻落实上级精神有差距方面存在的问题及整改情况"),
      ...Array(5).fill("全面从严治党主体责任不力，工作作风不扎实"),
      ...Array(3).fill("基层组织建设薄弱，党支部作用发挥不明显"),
      "巡视巡察整改不到位",
    ]);
    expect(txt.rows[11]!.problem).toMatch(/^2017年7月，区委第二巡察组巡察龙亭区城管局党组，涉及/);
    expect(txt.rows[0]!.result.split("\n")).toHaveLength(3);
  });
});
