import { describe, expect, it } from "vitest";
import { analyseWorkbook, type Cell, makeSheetGrid } from "../../../src/core/index";
import { HEADER } from "./helpers";

/** Correctness at size (no timing assertion: performance lives in the benchmarks). */
describe("a 50,000-row ledger", () => {
  it("validates without error and counts every row", () => {
    const n = 50_000;
    const s = (v: string): Cell => ({ t: "s", v });
    const rows: Cell[][] = [HEADER.map(s)];
    const merges = [];
    const statuses = ["已完成", "已完成", "已完成", "长期整改", "正在推进"];
    for (let i = 1; i <= n; i++) {
      const aspectStart = (i - 1) % 1000 === 0;
      if (aspectStart) merges.push({ top: i, left: 1, bottom: Math.min(i + 999, n), right: 1 });
      const status = statuses[i % statuses.length]!;
      const done = status === "已完成";
      rows.push([
        { t: "n", v: i },
        aspectStart ? s(`方面${Math.ceil(i / 1000)}`) : { t: "empty" },
        s(`问题${i}：学习不深入，制度执行不到位`),
        s("一是加强学习；二是制定《学习制度》；三是强化监督"),
        s("张三"),
        s(i % 2 ? "办公室" : "财务股"),
        s("李四"),
        { t: "n", v: 45291, fmt: "yyyy-mm-dd" },
        s(status),
        done ? s("已整改到位") : { t: "empty" },
        done ? { t: "d", v: new Date(Date.UTC(2023, 11, 1)) } : { t: "empty" },
        done ? s("会议记录") : { t: "empty" },
      ]);
    }
    const a = analyseWorkbook(
      { sheets: [makeSheetGrid("整改台账", rows, { merges })] },
      { asOf: "2023-12-20" },
    );
    expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(a.ledger?.rows).toHaveLength(n);
    expect(a.ledger?.rows[n - 1]).toMatchObject({ row: n + 1, aspect: "方面50", seq: String(n) });
    expect(a.stats.total).toBe(n);
    expect(a.stats.done).toBe(30_000);
    expect(a.stats.completionRateText).toBe("60%");
    expect(a.stats.aspectCount).toBe(50);
    expect(a.stats.measures).toBe(3 * n);
    expect(a.stats.rules).toEqual(["学习制度"]);
    expect(a.stats.byDepartment.map((d) => d.total)).toEqual([25_000, 25_000]);
  });
});
