/**
 * Text that would embarrass the document (ledger.md): analyseWorkbook on cells holding mojibake,
 * half-width punctuation, unbalanced marks, broken dates and digit-initial problems reports each
 * cell; 报告正文 counts against the ledger; 截至 after 成文日期.
 */
import { describe, expect, it } from "vitest";
import { analyseWorkbook, type LedgerAnalysis } from "../../../src/core/index";
import {
  brokenDates,
  halfWidthPunctuation,
  mojibakeReason,
  unbalancedPair,
} from "../../../src/core/text-check";
import { BASIC_INFO_ROWS, HEADER, row, sheet, workbook } from "./helpers";

const AS_OF = "2024-01-10";
const codes = (a: LedgerAnalysis, prefix: string) =>
  a.findings.filter((f) => f.code.startsWith(prefix)).map((f) => [f.code, f.cell]);

const MOJIBAKE = "专家?guī)臁泛汀赌贤";
// "中共清丰县市政园林局党组" written as UTF-8 and read as GBK.
const UTF8_AS_GBK = new TextDecoder("gbk").decode(
  new TextEncoder().encode("中共清丰县市政园林局党组"),
);

describe("the cell checks", () => {
  it("half-width punctuation between Chinese characters, with the fixed text", () => {
    expect(halfWidthPunctuation("加强学习,完善制度;明确责任:落实(试行)")).toEqual({
      marks: [",", ";", ":", "(", ")"],
      fixed: "加强学习，完善制度；明确责任：落实（试行）",
    });
    expect(halfWidthPunctuation("(1)加强学习").fixed).toBe("（1）加强学习");
    expect(halfWidthPunctuation("会议10:30开始，网址http://a.cn，邮箱a@b.cn").marks).toEqual([]);
  });

  it("mojibake: the issue's text, U+FFFD, UTF-8 read as GBK; clean seed text passes", () => {
    expect(mojibakeReason(MOJIBAKE)).toBe("中文中夹有问号“?”");
    expect(mojibakeReason("专家库和《南")).toBeUndefined();
    expect(mojibakeReason("整改\ufffd完成")).toBe("含有替换字符“�”");
    expect(UTF8_AS_GBK).not.toBe("中共清丰县市政园林局党组");
    expect(mojibakeReason(UTF8_AS_GBK)).toBe("大量生僻字，像是按错误编码读取的文字");
    expect(mojibakeReason("濮阳市城市管理局对邵阳市园林绿化中心开展巡察")).toBeUndefined();
  });

  it("unbalanced 《》“”（）, broken dates", () => {
    expect(unbalancedPair("制定《财务制度和“三重一大”")).toBe("《》");
    expect(unbalancedPair("“好”）")).toBe("（）");
    expect(unbalancedPair("制定《财务制度》（试行）")).toBeUndefined();
    expect(brokenDates("于2020717日和1016日召开，2023年10月16日完成")).toEqual([
      "2020717日",
      "1016日",
    ]);
  });
});

describe("check on a workbook", () => {
  const a = analyseWorkbook(
    workbook(
      sheet("整改台账", [
        [...HEADER],
        row(1, { 问题: MOJIBAKE }),
        row(2, { 整改措施: "一是加强学习,二是完善制度;三是明确责任" }),
        row(3, { 整改成效: "已制定《财务管理制度，并于2020717日印发" }),
        row(4, { 问题: "12.2017年7月，某项目未经集体研究" }),
        row(5, { 整改成效: UTF8_AS_GBK }),
        row(6),
      ]),
      sheet("基本信息", BASIC_INFO_ROWS),
    ),
    { asOf: AS_OF },
  );

  it("reports each cell with its own code", () => {
    expect(codes(a, "text.")).toEqual([
      ["text.mojibake", "C2"],
      ["text.halfWidthPunctuation", "D3"],
      ["text.unbalanced", "J4"],
      ["text.brokenDate", "J4"],
      ["text.digitInitial", "C5"],
      ["text.mojibake", "J6"],
    ]);
    for (const f of a.findings.filter((x) => x.code.startsWith("text."))) {
      expect(f.severity).toBe("warning");
      expect(f.sheet).toBe("整改台账");
    }
  });

  it("messages say what is wrong and the fix", () => {
    const msg = (code: string) => a.findings.find((f) => f.code === code)?.message;
    expect(msg("text.halfWidthPunctuation")).toBe(
      "「整改台账」D3：整改措施的中文里有2个半角标点“,”“;”，公文应使用全角“，”“；”；请改为全角（可用“规范台账”修正）。",
    );
    expect(msg("text.mojibake")).toContain(
      `「整改台账」C2：问题像是乱码（中文中夹有问号“?”）：“${MOJIBAKE}”`,
    );
    expect(msg("text.brokenDate")).toContain("“2020717日”缺少年或月");
    expect(msg("text.digitInitial")).toContain("问题以数字“12.”开头");
  });

  it("a clean ledger gets none", () => {
    const clean = analyseWorkbook(
      workbook(
        sheet("整改台账", [[...HEADER], row(1), row(2)]),
        sheet("基本信息", BASIC_INFO_ROWS),
      ),
      { asOf: AS_OF },
    );
    expect(clean.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
});

describe("counts inside 报告正文 and 截至", () => {
  const rows48 = Array.from({ length: 48 }, (_, i) =>
    row(i + 1, { 方面: ["甲方面", "乙方面", "丙方面", "丁方面"][i % 4] }),
  );
  const analyse = (narrative: string[][], asOf = AS_OF, info = BASIC_INFO_ROWS) =>
    analyseWorkbook(
      workbook(
        sheet("整改台账", [[...HEADER], ...rows48]),
        sheet("基本信息", info),
        sheet("报告正文", [["部分", "小标题", "内容"], ...narrative]),
      ),
      { asOf },
    );

  it("报告正文 saying 74 while the rows are 48 warns naming the cell and both numbers", () => {
    const a = analyse([
      ["主要做法", "加强组织领导", "对巡察反馈的4个方面74个具体问题进行责任分工。"],
      ["主要做法", "压实整改责任", "对照4个方面48个问题，逐项制定整改措施96条。"],
      ["下一步打算", "", "对巡察反馈的48个具体问题持续跟踪，整改措施57条逐条落实。"],
    ]);
    const found = a.findings.filter((f) => f.code === "narrative.count.mismatch");
    expect(found.map((f) => [f.sheet, f.cell, f.severity])).toEqual([
      ["报告正文", "C2", "warning"],
      ["报告正文", "C4", "warning"],
    ]);
    expect(found[0]?.message).toBe(
      "「报告正文」C2：内容写的是“4个方面74个具体问题”（74个问题），台账是48个问题；请改为48，或核对台账。",
    );
    expect(found[1]?.message).toContain("（57条整改措施），台账是96条整改措施");
    expect(a.stats.measures).toBe(96);
  });

  it("截至 later than 成文日期 warns at the 成文日期 cell; equal or earlier does not", () => {
    const late = analyse([], "2026-12-02");
    const f = late.findings.filter((x) => x.code === "info.asOf.afterDocDate");
    expect(f.map((x) => [x.sheet, x.cell])).toEqual([["基本信息", "B12"]]);
    expect(f[0]?.message).toContain("统计截至日期2026年12月2日晚于成文日期2024年1月10日");
    expect(f[0]?.message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(codes(analyse([], "2024-01-10"), "info.asOf")).toEqual([]);
  });
});
