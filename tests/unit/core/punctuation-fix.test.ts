/**
 * 规范台账's punctuation fix list: from analyseWorkbook's findings, only the cells warned about
 * half-width punctuation, only where the text really changes, with the grid's own text as before.
 */
import { describe, expect, it } from "vitest";
import { analyseWorkbook, punctuationFixes } from "../../../src/core/index";
import type { Finding } from "../../../src/core/model";
import { BASIC_INFO_ROWS, HEADER, row, sheet, workbook } from "./helpers";

const grid = workbook(
  sheet("整改台账", [
    [...HEADER],
    row(1, { 整改措施: "加强学习,提高认识;落实(整改)" }),
    row(2, { 问题: "Review the plan, then sign (twice): done?" }),
    row(3, { 整改成效: "投入资金1,000元" }),
    row(4, { 整改成效: "详见http://a.cn/x?id=1,2&b=(3)" }),
    row(5, { 整改成效: "投入1,000元,完成整改" }),
    row(6, { 问题: "专家?guī)臁泛汀赌贤,整改" }),
    row(7, { 整改措施: 1000 }),
  ]),
  sheet("基本信息", BASIC_INFO_ROWS),
  sheet("报告正文", [
    ["部分", "小标题", "内容"],
    ["主要做法", "加强组织领导", "召开会议3次,研究部署整改工作。"],
  ]),
);
const analysis = analyseWorkbook(grid, { asOf: "2024-01-10" });

describe("punctuationFixes", () => {
  it("lists each warned cell with its text before and after, on every sheet", () => {
    expect(punctuationFixes(grid, analysis.findings)).toEqual([
      {
        sheet: "整改台账",
        cell: "D2",
        before: "加强学习,提高认识;落实(整改)",
        after: "加强学习，提高认识；落实（整改）",
      },
      {
        sheet: "整改台账",
        cell: "J6",
        before: "投入1,000元,完成整改",
        after: "投入1,000元，完成整改",
      },
      {
        sheet: "报告正文",
        cell: "C2",
        before: "召开会议3次,研究部署整改工作。",
        after: "召开会议3次，研究部署整改工作。",
      },
    ]);
  });

  it("leaves English, numbers, URLs, mojibake and number cells alone", () => {
    const cells = punctuationFixes(grid, analysis.findings).map((f) => `${f.sheet}!${f.cell}`);
    for (const untouched of ["C3", "J4", "J5", "C7", "D8"]) {
      expect(cells).not.toContain(`整改台账!${untouched}`);
    }
  });

  it("skips findings whose cell no longer needs a change, is not text, or is gone; once per cell", () => {
    const warn = (sheetName: string, cell: string): Finding => ({
      severity: "warning",
      code: "text.halfWidthPunctuation",
      sheet: sheetName,
      cell,
      message: "",
      detail: "",
    });
    const fixes = punctuationFixes(grid, [
      warn("整改台账", "D2"),
      warn("整改台账", "D2"),
      warn("整改台账", "C3"), // English: nothing changes
      warn("整改台账", "D8"), // a number
      warn("整改台账", "Z99"), // outside the grid
      warn("已删除", "A1"),
      { ...warn("整改台账", "J6"), code: "text.unbalanced" },
    ]);
    expect(fixes.map((f) => f.cell)).toEqual(["D2"]);
  });
});
