/**
 * live.fixPunctuation (规范台账's punctuation fix) against the fake Excel host: only the listed
 * cells change, a cell edited since the check is skipped, two syncs.
 */
import { afterEach, describe, expect, it } from "vitest";
import { analyseWorkbook, punctuationFixes } from "../../../src/core/index";
import { createExcelWorkbookPort } from "../../../src/office/excel-port";
import { installFakeOffice, uninstallFakeOffice } from "../../support/fake-excel";
import { LEDGER_HEADER, ledgerWorkbook } from "../../support/office-ledger";

afterEach(() => uninstallFakeOffice());

const LEDGER = "整改台账";
const colOf = (label: string) => LEDGER_HEADER.indexOf(label);
const letter = (label: string) => String.fromCharCode(65 + colOf(label));

describe("fixPunctuation", () => {
  it("writes only the listed cells, skips one edited in between, in two syncs", async () => {
    const host = installFakeOffice(ledgerWorkbook({ rows: 6 }));
    const sheet = host.workbook.sheet(LEDGER)!;
    sheet.touch(2, colOf("整改措施")).value = "加强学习,提高认识;落实(整改)";
    sheet.touch(3, colOf("问题")).value = "-会议记录不全,制度未落实";
    sheet.touch(4, colOf("整改成效")).value = "投入1,000元,完成整改";
    sheet.touch(5, colOf("整改成效")).value = "Budget 1,000 (approved), see http://a.cn/x?id=1,2";
    const port = createExcelWorkbookPort();
    const grid = await port.readWorkbook();
    const fixes = punctuationFixes(grid, analyseWorkbook(grid, { asOf: "2024-01-10" }).findings);
    const measures = `${letter("整改措施")}3`;
    const problem = `${letter("问题")}4`;
    const result = `${letter("整改成效")}5`;
    expect(fixes.map((f) => f.cell)).toEqual([measures, problem, result]);

    // The user edits one listed cell after the check.
    sheet.touch(4, colOf("整改成效")).value = "投入1,000元,已完成整改";
    const before = host.snapshot(LEDGER);
    const others = host.snapshot("报告正文");
    host.syncCount = 0;

    expect(await port.live.fixPunctuation(fixes)).toBe(2);
    expect(host.syncCount).toBe(2);
    const after = host.snapshot(LEDGER);
    const changed = Object.keys({ ...before.values, ...after.values }).filter(
      (a) => before.values[a] !== after.values[a],
    );
    expect(changed.sort()).toEqual([measures, problem].sort());
    expect(after.values[measures]).toBe("加强学习，提高认识；落实（整改）");
    expect(after.values[problem]).toBe("-会议记录不全，制度未落实");
    expect(after.values[result]).toBe("投入1,000元,已完成整改");
    expect(after.values[`${letter("整改成效")}6`]).toBe(
      "Budget 1,000 (approved), see http://a.cn/x?id=1,2",
    );
    expect(after.formats).toEqual(before.formats);
    expect(after.validation).toEqual(before.validation);
    expect(host.snapshot("报告正文")).toEqual(others);

    // Run again: every cell now differs from its before, so nothing is written.
    host.syncCount = 0;
    expect(await port.live.fixPunctuation(fixes)).toBe(0);
    expect(host.syncCount).toBe(1);
    expect(host.snapshot(LEDGER)).toEqual(after);
  });

  it("an empty list makes no request", async () => {
    const host = installFakeOffice(ledgerWorkbook({ rows: 2 }));
    expect(await createExcelWorkbookPort().live.fixPunctuation([])).toBe(0);
    expect(host.syncCount).toBe(0);
  });
});
