/** The summary's arithmetic: 方面 names matched after normalisation, rate from sums, errors out. */
import { describe, expect, it } from "vitest";
import { STATUSES, type Status } from "../../../src/core/model";
import { aspectKey, type SummaryUnitFigures, summarise } from "../../../src/core/summary";

function unit(
  name: string,
  total: number,
  done: number,
  errors = 0,
  aspect = "党的领导",
): SummaryUnitFigures {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  byStatus.已完成 = done;
  byStatus.延期整改 = total - done;
  return {
    unit: name,
    file: `${name}.xlsx`,
    asOf: "2024-01-05",
    total,
    done,
    completionRate: total ? done / total : 0,
    byStatus,
    overdue: 1,
    selfFound: { total: 1, done: 1 },
    measures: total * 2,
    rules: 3,
    errors,
    warnings: 0,
    aspects: [{ key: aspectKey(aspect), name: aspect, total, done, byStatus }],
    overdueItems: [
      {
        seq: "1",
        aspect,
        problem: `${name}的问题`,
        department: "办公室",
        deadline: "2023-12-01",
        status: "延期整改",
        daysOverdue: total,
      },
    ],
  };
}

describe("summarise", () => {
  it("matches 方面 spelled differently across units", () => {
    expect(aspectKey("一、关于党的领导方面")).toBe(aspectKey("（一）党的领导"));
    expect(aspectKey("2. 党的 领导方面存在的问题")).toBe(aspectKey("党的领导"));
    expect(aspectKey("党的领导")).not.toBe(aspectKey("党的建设"));
  });

  it("computes the rate from sums and leaves a unit with errors out of every total", () => {
    const s = summarise(
      [
        unit("甲", 10, 9, 0, "一、关于党的领导方面"),
        unit("乙", 90, 45, 0, "（一）党的领导"),
        unit("丙", 50, 0, 2),
      ],
      [{ file: "丁.xlsx", message: "不是工作簿" }],
      { asOf: "2024-01-05", precision: 2 },
    );
    expect(s.units.map((u) => u.counted)).toEqual([true, true, false]);
    expect(s.countedUnits).toBe(2);
    expect(s.totals).toMatchObject({ total: 100, done: 54, completionRateText: "54.00%" });
    expect(s.totals.completionRate).toBe(0.54); // the mean of 90% and 50% would be 70%
    expect(s.totals.byStatus.延期整改).toBe(46);
    expect(s.totals.statusShares.已完成 + s.totals.statusShares.延期整改).toBe(100);
    expect([s.totals.overdue, s.totals.measures, s.totals.rules]).toEqual([2, 200, 6]);
    expect(s.aspects).toHaveLength(1);
    expect(s.aspects[0]).toMatchObject({
      name: "关于党的领导方面",
      units: 2,
      total: 100,
      done: 54,
    });
    expect(s.overdue.map((o) => o.unit)).toEqual(["乙", "甲"]);
    expect(s.unusable).toHaveLength(1);
    expect(s.duplicateUnits).toEqual([]);
  });

  it("names units that several ledgers carry", () => {
    const s = summarise([unit("甲", 1, 1), unit("乙", 1, 1), unit("甲", 2, 1)], [], {
      asOf: "2024-01-05",
    });
    expect(s.duplicateUnits).toEqual(["甲"]);
    expect(s.countedUnits).toBe(3);
  });
});
