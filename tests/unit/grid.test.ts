import { describe, expect, it } from "vitest";
import { a1, columnLetters, makeSheetGrid, parseA1 } from "../../src/core/grid";

describe("grid addresses", () => {
  it("converts columns both ways", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "AB",
      "ZZ",
      "AAA",
    ]);
    for (const col of [0, 25, 26, 701, 702, 16383]) {
      expect(parseA1(a1(41, col))).toEqual({ row: 41, col });
    }
    expect(parseA1("not a cell")).toBeUndefined();
  });

  it("pads short rows so grids are rectangular", () => {
    const g = makeSheetGrid("s", [[{ t: "s", v: "a" }], []]);
    expect(g.cells.map((r) => r.length)).toEqual([1, 1]);
  });
});
