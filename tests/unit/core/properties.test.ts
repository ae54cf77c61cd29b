import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cell, CellRange, SheetGrid } from "../../../src/core/grid";
import { analyseWorkbook, largestRemainder, type Precision } from "../../../src/core/index";
import { ledgerRowSchema } from "../../../src/core/schemas";
import { HEADER } from "./helpers";

const weirdString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom(
    ...HEADER,
    "整改台账",
    "基本信息",
    "报告正文",
    "项目",
    "内容",
    "部分",
    "主要做法",
    "已完成",
    "长期整改Ⅰ类",
    "2020717日",
    "２０２３年１０月２３日",
    "2023.02.30",
    "\u000B\u0000\uFFFE\uD800",
    "《制度》一是①1.(1)",
    "清市政党组[2024]01号",
    "反馈问题数",
    "74个",
    "　　",
  ),
);

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant<Cell>({ t: "empty" }),
  weirdString.map((v): Cell => ({ t: "s", v })),
  fc
    .oneof(fc.double(), fc.integer(), fc.constantFrom(45222, 60, 0, -1, 2958466, 20231023))
    .chain((v) =>
      fc
        .option(fc.constantFrom("yyyy-mm-dd", "General", "0.00%", '"年"', "[Red]0"), {
          nil: undefined,
        })
        .map((fmt): Cell => (fmt === undefined ? { t: "n", v } : { t: "n", v, fmt })),
    ),
  fc.boolean().map((v): Cell => ({ t: "b", v })),
  fc.date({ noInvalidDate: false }).map((v): Cell => ({ t: "d", v })),
  fc.constantFrom("#N/A", "#REF!", "#DIV/0!", "#VALUE!").map((v): Cell => ({ t: "e", v })),
);

const merge: fc.Arbitrary<CellRange> = fc
  .tuple(fc.integer({ min: -3, max: 20 }), fc.integer({ min: -3, max: 20 }), fc.nat(30), fc.nat(30))
  .map(([top, left, h, w]) => ({ top, left, bottom: top + h - 5, right: left + w - 5 }));

const grid: fc.Arbitrary<SheetGrid> = fc
  .record({
    name: fc.oneof(
      weirdString,
      fc.constantFrom("整改台账", "台账", "基本信息", "报告正文", "整改统计"),
    ),
    hidden: fc.boolean(),
    origin: fc.record({ row: fc.nat(50), col: fc.nat(30) }),
    width: fc.integer({ min: 0, max: 14 }),
    rows: fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 25 }),
    merges: fc.array(merge, { maxLength: 6 }),
  })
  .map(({ name, hidden, origin, width, rows, merges }) => ({
    name,
    hidden,
    origin,
    cells: rows.map((r) => [
      ...r,
      ...Array<Cell>(Math.max(0, width - r.length)).fill({ t: "empty" }),
    ]),
    merges,
  }));

/** Grids that start with a real header so the row reader is exercised, not just the finder. */
const ledgerish: fc.Arbitrary<SheetGrid> = grid.map((g) => ({
  ...g,
  name: "整改台账",
  cells: [
    HEADER.map((v): Cell => ({ t: "s", v })),
    ...g.cells.map((r) =>
      [...r, ...Array<Cell>(HEADER.length).fill({ t: "empty" })].slice(0, HEADER.length),
    ),
  ],
}));

describe("properties", () => {
  it("analyseWorkbook never throws and always returns a well-formed analysis", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(grid, ledgerish), { maxLength: 4 }),
        fc.constantFrom<Precision>(0, 1, 2),
        (sheets, precision) => {
          const a = analyseWorkbook({ sheets }, { asOf: "2024-01-10", precision });
          expect(Array.isArray(a.findings)).toBe(true);
          for (const f of a.findings) {
            expect(["error", "warning", "info"]).toContain(f.severity);
            expect(f.message.length).toBeGreaterThan(0);
            if (f.cell !== undefined) expect(f.cell).toMatch(/^[A-Z]{1,3}\d+$/);
          }
          // Statistics stay consistent with the rows.
          const s = a.stats;
          const known = Object.values(s.byStatus).reduce((x, y) => x + y, 0);
          expect(known + s.unread).toBe(s.total);
          expect(s.done).toBeLessThanOrEqual(s.total);
          expect(s.byAspect.reduce((x, g) => x + g.total, 0)).toBe(s.total);
          expect(s.total + s.selfFound.total).toBe(a.ledger?.rows.length ?? 0);
          if (s.total > 0) {
            // Shares and 完成率 have one base: an unreadable status is its own share (未识别).
            const units = [...Object.values(s.statusShares), s.unreadShare].reduce(
              (x, v) => x + Math.round(v * 10 ** precision),
              0,
            );
            expect(units).toBe(100 * 10 ** precision);
          }
          // Internal failures would be bugs.
          expect(a.findings.filter((f) => f.code === "workbook.internal")).toEqual([]);
          // Every row the reader built has the boundary schema's shape.
          for (const r of a.ledger?.rows ?? [])
            expect(ledgerRowSchema.safeParse(r).error).toBeUndefined();
          // No XML-illegal character ever reaches a row.
          for (const r of a.ledger?.rows ?? []) {
            for (const v of Object.values(r)) {
              if (typeof v === "string") {
                expect(v).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
              }
            }
          }
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 400) },
    );
  });

  it("status shares sum to exactly 100 at every precision when the total is positive", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(100_000), { minLength: 1, maxLength: 8 }),
        fc.constantFrom<Precision>(0, 1, 2),
        (counts, precision) => {
          const shares = largestRemainder(counts, precision);
          const total = counts.reduce((a, b) => a + b, 0);
          const units = shares.reduce((a, s) => a + Math.round(s * 10 ** precision), 0);
          if (total === 0) expect(units).toBe(0);
          else expect(units).toBe(100 * 10 ** precision);
          // Each share is within one unit of its exact value, and zero counts get zero.
          counts.forEach((c, i) => {
            const exact = total === 0 ? 0 : (c * 100) / total;
            expect(Math.abs(shares[i]! - exact)).toBeLessThan(10 ** -precision + 1e-9);
            if (c === 0) expect(shares[i]).toBe(0);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
