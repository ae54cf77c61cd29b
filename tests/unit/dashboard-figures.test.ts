import { describe, expect, it } from "vitest";
import {
  applyView,
  completionOverTime,
  DEFAULT_VIEW,
  totals,
  unitRows,
} from "../../src/dashboard/figures";
import type { Submission, UnitOverview } from "../../src/submissions/types";
import { figuresFor } from "../integration/submissions/repository-contract";

let id = 0;
const sub = (
  unitId: number,
  unit: string,
  at: string,
  total: number,
  done: number,
  errors = 0,
): Submission => ({
  id: ++id,
  unitId,
  unit,
  round: 1,
  fileName: `${unit}.xlsx`,
  size: 1,
  sha256: "0".repeat(64),
  submittedAt: at,
  asOf: "2026-12-01",
  figures: { ...figuresFor(unit, total, done), errors },
  findings: [],
});
const overview = (s: Submission | undefined, unitId: number, name: string): UnitOverview => ({
  unit: { id: unitId, role: "unit", name, createdAt: "", activeTokens: 1 },
  ...(s ? { latest: s } : {}),
  submissions: s ? 1 : 0,
});

describe("dashboard figures", () => {
  const a = sub(1, "甲局", "2026-11-30T02:00:00Z", 10, 9);
  const b = sub(2, "乙局", "2026-12-01T02:00:00Z", 90, 45);
  const c = sub(3, "丙局", "2026-12-01T03:00:00Z", 5, 5, 2);
  const rows = unitRows([
    overview(a, 1, "甲局"),
    overview(b, 2, "乙局"),
    overview(c, 3, "丙局"),
    overview(undefined, 4, "丁局"),
  ]);

  it("totals come from sums of counted units, never an average of rates", () => {
    const t = totals(rows);
    expect(t).toMatchObject({ units: 4, submitted: 3, flagged: 1, total: 100, done: 54 });
    expect(t.rate).toBeCloseTo(0.54); // the average of 90% and 50% would be 70%
  });

  it("sorts with units that never submitted last, and filters", () => {
    expect(applyView(rows, DEFAULT_VIEW).map((r) => r.name)).toEqual([
      "乙局",
      "甲局",
      "丙局",
      "丁局",
    ]);
    expect(applyView(rows, { ...DEFAULT_VIEW, descending: true }).map((r) => r.name)).toEqual([
      "丙局",
      "甲局",
      "乙局",
      "丁局",
    ]);
    expect(applyView(rows, { ...DEFAULT_VIEW, onlyErrors: true }).map((r) => r.name)).toEqual([
      "丙局",
    ]);
    expect(applyView(rows, { ...DEFAULT_VIEW, filter: "乙" }).map((r) => r.name)).toEqual(["乙局"]);
  });

  it("completion over time: each day, every unit's newest submission so far, errors left out", () => {
    const later = sub(1, "甲局", "2026-12-02T01:00:00Z", 10, 10);
    const points = completionOverTime([c, later, b, a]);
    expect(points.map((p) => [p.units, p.total, p.done])).toEqual([
      [1, 10, 9],
      [2, 100, 54],
      [2, 100, 55],
    ]);
  });
});
