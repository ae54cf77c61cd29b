import { describe, expect, it } from "vitest";
import {
  analyseWorkbook,
  computeStats,
  countMeasures,
  extractRuleTitles,
  formatPercent,
  type LedgerRow,
  largestRemainder,
  type Status,
} from "../../../src/core/index";
import { HEADER, row, sheet, workbook } from "./helpers";

function ledgerRow(n: number, over: Partial<LedgerRow> = {}): LedgerRow {
  return {
    row: n + 1,
    seq: String(n),
    aspect: "甲",
    category: "",
    problem: `问题${n}`,
    measures: "措施",
    leader: "张",
    department: "办公室",
    owner: "李",
    deadline: { kind: "date", date: "2023-12-31" },
    type: null,
    status: "已完成",
    result: "好",
    doneDate: "2023-12-01",
    evidence: "",
    source: "巡察反馈",
    isPublic: true,
    note: "",
    cells: {},
    ...over,
  };
}

const many = (n: number, status: Status, over: Partial<LedgerRow> = {}) =>
  Array.from({ length: n }, (_, i) => ledgerRow(i + 1, { status, ...over }));

describe("formatPercent", () => {
  it("formats at precision 0, 1, 2 with half-up rounding", () => {
    expect(formatPercent(0.95)).toBe("95%");
    expect(formatPercent(0.987088, 2)).toBe("98.71%");
    expect(formatPercent(688 / 697, 2)).toBe("98.71%");
    expect(formatPercent(37 / 39)).toBe("95%");
    expect(formatPercent(37 / 39, 1)).toBe("94.9%");
    expect(formatPercent(0.125, 1)).toBe("12.5%");
    expect(formatPercent(0.00125, 1)).toBe("0.1%");
    expect(formatPercent(1, 0)).toBe("100%");
    expect(formatPercent(0, 2)).toBe("0.00%");
    expect(formatPercent(Number.NaN)).toBe("0%");
  });
});

describe("largestRemainder", () => {
  it("apportions shares that add up to exactly 100", () => {
    expect(largestRemainder([37, 2])).toEqual([95, 5]);
    expect(largestRemainder([1, 1, 1])).toEqual([34, 33, 33]);
    expect(largestRemainder([1, 1, 1], 2)).toEqual([33.34, 33.33, 33.33]);
    expect(largestRemainder([688, 9], 2)).toEqual([98.71, 1.29]);
    expect(largestRemainder([0, 0])).toEqual([0, 0]);
    expect(largestRemainder([18, 7, 0])).toEqual([72, 28, 0]);
  });
});

describe("countMeasures", () => {
  it("counts numbered measures inside a cell, one each", () => {
    expect(countMeasures("一是加强学习；二是完善制度；三是强化监督。")).toBe(3);
    expect(countMeasures("①提高认识；②完善制度。")).toBe(2);
    expect(countMeasures("1.加强学习\n2.完善制度\n3.强化监督")).toBe(3);
    expect(countMeasures("1、学习 2、制度")).toBe(2);
    expect(countMeasures("（1）学习；（2）制度；（3）监督；（4）问责")).toBe(4);
    expect(countMeasures("(1)学习(2)制度")).toBe(2);
    expect(countMeasures("十一是不算，一是学习，二是整改")).toBe(2);
    expect(countMeasures("关于甲：①学习；②整改。关于乙：①巡查；②管理。")).toBe(4);
  });

  it("an un-numbered cell counts one, an empty cell none; stray numbers are not lists", () => {
    expect(countMeasures("加强学习，2023年10月开始")).toBe(1);
    expect(countMeasures("修订3.5版制度")).toBe(1);
    expect(countMeasures("")).toBe(0);
    expect(countMeasures("　")).toBe(0);
  });
});

describe("extractRuleTitles", () => {
  it("collects distinct 《…》 titles, whitespace normalised", () => {
    expect(
      extractRuleTitles([
        "制定《财务 管理制度》和《党组会议事规则》",
        "修订《财务管理制度》",
        "《　》",
      ]),
    ).toEqual(["财务管理制度", "党组会议事规则"]);
  });
});

describe("computeStats", () => {
  it("matches seed 001: 25 problems, 18 完成, 7 长期整改 → 72%", () => {
    const rows = [...many(18, "已完成"), ...many(7, "长期整改", { doneDate: null })];
    const s = computeStats(rows, { asOf: "2023-11-28" });
    expect(s.total).toBe(25);
    expect(s.done).toBe(18);
    expect(s.completionRateText).toBe("72%");
    expect(s.byStatus).toEqual({
      已完成: 18,
      已完成并长期坚持: 0,
      基本完成: 0,
      长期整改: 7,
      正在推进: 0,
      延期整改: 0,
      未完成: 0,
    });
    expect(s.statusShares.已完成 + s.statusShares.长期整改).toBe(100);
  });

  it("matches the seeds' rates: 37 of 39 → 95% (shares 95 and 5), 688 of 697 → 98.71%", () => {
    const a = computeStats([...many(37, "已完成"), ...many(2, "正在推进")], { asOf: "2024-01-10" });
    expect(a.completionRateText).toBe("95%");
    expect([a.statusShares.已完成, a.statusShares.正在推进]).toEqual([95, 5]);
    const b = computeStats([...many(688, "已完成"), ...many(9, "基本完成")], {
      asOf: "2024-01-10",
      precision: 2,
    });
    expect(b.completionRateText).toBe("98.71%");
    expect(b.statusShares.已完成).toBe(98.71);
    expect(b.statusShares.基本完成).toBe(1.29);
  });

  it("counts 自查 problems apart (seed 004: 39 feedback plus 7 self-found)", () => {
    const rows = [
      ...many(39, "已完成"),
      ...many(7, "已完成", { source: "自查" }).map((r, i) => ({
        ...r,
        status: (i < 5 ? "已完成" : "正在推进") as Status,
      })),
    ];
    const s = computeStats(rows, { asOf: "2024-01-10" });
    expect(s.total).toBe(39);
    expect(s.selfFound).toEqual({
      total: 7,
      done: 5,
      measures: 7, // one unnumbered measure per row, counted apart
    });
    expect(s.measures).toBe(39);
    expect(s.completionRateText).toBe("100%");
  });

  it("groups by 方面 and by 责任部门 in order of first appearance (a row with two departments counts for both)", () => {
    const rows = [
      ledgerRow(1, { aspect: "乙", department: "财务股" }),
      ledgerRow(2, { aspect: "甲", department: "办公室、财务股", status: "正在推进" }),
      ledgerRow(3, { aspect: "乙", department: "办公室" }),
    ];
    const s = computeStats(rows, { asOf: "2024-01-10" });
    expect(s.byAspect.map((g) => [g.name, g.total, g.done, g.completionRateText])).toEqual([
      ["乙", 2, 2, "100%"],
      ["甲", 1, 0, "0%"],
    ]);
    expect(s.byDepartment.map((g) => [g.name, g.total, g.done])).toEqual([
      ["财务股", 2, 1],
      ["办公室", 2, 1],
    ]);
    expect(s.aspectCount).toBe(2);
  });

  it("lists overdue problems as of a date with days overdue; open-ended deadlines never overdue", () => {
    const rows = [
      ledgerRow(1, { status: "正在推进", deadline: { kind: "date", date: "2023-12-31" } }),
      ledgerRow(2, { status: "已完成", deadline: { kind: "date", date: "2023-12-31" } }),
      ledgerRow(3, { status: "未完成", deadline: { kind: "date", date: "2024-01-10" } }),
      ledgerRow(4, { status: "长期整改", deadline: { kind: "长期坚持" } }),
      ledgerRow(5, { status: null, deadline: { kind: "date", date: "2024-01-01" } }),
    ];
    const s = computeStats(rows, { asOf: "2024-01-10" });
    expect(s.overdue.map((o) => [o.seq, o.deadline, o.daysOverdue, o.status])).toEqual([
      ["1", "2023-12-31", 10, "正在推进"],
      ["5", "2024-01-01", 9, null],
    ]);
  });

  it("counts measures, rules and non-public rows, and compares declared counts", () => {
    const rows = [
      ledgerRow(1, { measures: "一是制定《学习制度》；二是落实", result: "修订《财务制度》" }),
      ledgerRow(2, { measures: "①学习②《学习 制度》", isPublic: false }),
    ];
    const s = computeStats(rows, { asOf: "2024-01-10", declared: { problems: 2, aspects: 1 } });
    expect(s.measures).toBe(4);
    expect(s.rules).toEqual(["学习制度", "财务制度"]);
    expect(s.nonPublic).toBe(1);
    expect(s.declared).toEqual({ aspects: 1, problems: 2, mismatch: false });
    expect(computeStats(rows, { declared: { problems: 74 } }).declared.mismatch).toBe(true);
  });

  it("is all zeros for an empty ledger, shares included", () => {
    const s = computeStats([], { asOf: "2024-01-10", precision: 2 });
    expect(s.total).toBe(0);
    expect(s.completionRateText).toBe("0.00%");
    expect(Object.values(s.statusShares).every((v) => v === 0)).toBe(true);
  });

  it("flows through analyseWorkbook with the chosen precision", () => {
    const rows = [
      ...Array.from({ length: 37 }, (_, i) => row(i + 1)),
      row(38, { 完成情况: "正在推进", 完成日期: "" }),
      row(39, { 完成情况: "正在推进", 完成日期: "" }),
    ];
    const a = analyseWorkbook(workbook(sheet("整改台账", [[...HEADER], ...rows])), {
      asOf: "2024-01-10",
      precision: 2,
    });
    expect(a.stats.completionRateText).toBe("94.87%");
    expect(a.stats.precision).toBe(2);
    expect(a.stats.statusShares.已完成 + a.stats.statusShares.正在推进).toBeCloseTo(100, 10);
  });
});
