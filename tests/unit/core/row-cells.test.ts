/**
 * row.cells makes each address when asked (so big ledgers keep no address strings), and must
 * still read, serialise and parse as the plain object it stands for.
 */
import { describe, expect, it } from "vitest";
import { makeSheetGrid } from "../../../src/core/grid";
import { analyseWorkbook } from "../../../src/core/index";
import { ledgerRowSchema } from "../../../src/core/schemas";
import { HEADER, row, sheet, workbook } from "./helpers";

describe("row.cells", () => {
  const a = analyseWorkbook(
    workbook(
      sheet("整改台账", [[...HEADER], row(1), row(2, { 完成情况: "长期整改", 完成日期: "" })]),
    ),
    { asOf: "2024-01-10" },
  );
  const rows = a.ledger!.rows;

  it("gives every mapped column's address, as a plain object in JSON and through the schema", () => {
    const columns = a.ledger!.columns;
    const expected = Object.fromEntries(
      Object.entries(columns).map(([field, letters]) => [field, `${letters}3`]),
    );
    expect(JSON.parse(JSON.stringify(rows[1]!.cells))).toEqual(expected);
    expect(ledgerRowSchema.parse(rows[1]).cells).toEqual(expected);
    expect(rows[1]!.cells.status).toBe(`${columns.status}3`);
    // Nothing is stored per cell: the addresses are not own properties.
    expect(Object.getOwnPropertyNames(rows[1]!.cells)).toEqual([]);
  });

  it("points a cell inside a merge at the merge's top-left cell", () => {
    const cells = [[...HEADER], row(1), row(2)].map((r) =>
      r.map((v) => (v === "" ? { t: "empty" as const } : { t: "s" as const, v: String(v) })),
    );
    // 方面 (column B) merged over the two problem rows.
    cells[2]![1] = { t: "empty" };
    const grid = makeSheetGrid("整改台账", cells, {
      merges: [{ top: 1, left: 1, bottom: 2, right: 1 }],
    });
    const merged = analyseWorkbook({ sheets: [grid] }, { asOf: "2024-01-10" }).ledger!.rows;
    expect(merged.map((r) => r.cells.aspect)).toEqual(["B2", "B2"]);
    expect(merged.map((r) => r.cells.problem)).toEqual(["C2", "C3"]);
  });
});
