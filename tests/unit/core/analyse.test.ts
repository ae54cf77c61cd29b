import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../../src/core/index";
import { BASIC_INFO_ROWS, HEADER, row, sheet, workbook } from "./helpers";

const AS_OF = "2024-01-10";

describe("analyseWorkbook: a clean ledger", () => {
  const wb = workbook(
    sheet("整改台账", [
      [...HEADER],
      row(1),
      row(2, { 完成情况: "长期整改", 完成日期: "" }),
      row(3),
    ]),
    sheet("基本信息", BASIC_INFO_ROWS),
  );
  const a = analyseWorkbook(wb, { asOf: AS_OF });

  it("maps the header and reads every row", () => {
    expect(a.ledger?.sheet).toBe("整改台账");
    expect(a.ledger?.headerRows).toEqual([1]);
    expect(a.ledger?.columns.status).toBe("I");
    expect(a.ledger?.rows.map((r) => [r.row, r.seq, r.status])).toEqual([
      [2, "1", "已完成"],
      [3, "2", "长期整改"],
      [4, "3", "已完成"],
    ]);
    expect(a.ledger?.rows[0]?.doneDate).toBe("2023-12-01");
    expect(a.ledger?.rows[0]?.cells.status).toBe("I2");
  });

  it("has no errors or warnings", () => {
    expect(a.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("computes the statistics", () => {
    expect(a.stats.total).toBe(3);
    expect(a.stats.done).toBe(2);
    expect(a.stats.completionRateText).toBe("67%");
    expect(a.info.signer).toBe("常良涛");
    expect(a.info.feedbackDate).toBe("2023-10-23");
  });
});

describe("analyseWorkbook: no ledger", () => {
  it("reports an error and returns ledger undefined", () => {
    const a = analyseWorkbook(workbook(sheet("Sheet1", [["hello"]])), { asOf: AS_OF });
    expect(a.ledger).toBeUndefined();
    expect(a.findings.map((f) => f.code)).toContain("workbook.ledger.missing");
    expect(a.stats.total).toBe(0);
  });
});
