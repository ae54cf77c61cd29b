import { afterEach, describe, expect, it } from "vitest";
import { parseAreasAddress, parseRangeAddress } from "../../../src/office/address";
import { createExcelWorkbookPort } from "../../../src/office/excel-port";
import {
  DESKTOP_BUDGET,
  planSyncs,
  readWorkbookIn,
  remainder,
  toCell,
  WEB_BUDGET,
} from "../../../src/office/read";
import { installFakeOffice, uninstallFakeOffice } from "../../support/fake-excel";
import { LEDGER_HEADER, ledgerWorkbook, SERIAL } from "../../support/office-ledger";

afterEach(() => uninstallFakeOffice());

describe("cell and address conversion", () => {
  it("converts Excel values with their types and formats", () => {
    expect(toCell("", "Empty", "General")).toEqual({ t: "empty" });
    expect(toCell("#N/A", "Error", "General")).toEqual({ t: "e", v: "#N/A" });
    expect(toCell("#N/A", "String", "@")).toEqual({ t: "s", v: "#N/A" });
    expect(toCell(45382, "Double", "yyyy/m/d")).toEqual({ t: "n", v: 45382, fmt: "yyyy/m/d" });
    expect(toCell(12, "Double", "General")).toEqual({ t: "n", v: 12 });
    expect(toCell(true, "Boolean", "General")).toEqual({ t: "b", v: true });
  });

  it("parses range and RangeAreas addresses, quoted sheet names included", () => {
    expect(parseRangeAddress("整改台账!B3:D10")).toEqual({ top: 2, left: 1, bottom: 9, right: 3 });
    expect(parseRangeAddress("'a!b'!$C$4")).toEqual({ top: 3, left: 2, bottom: 3, right: 2 });
    expect(parseAreasAddress("'x, y'!A1:A3, 'x, y'!C2:D2")).toEqual([
      { top: 0, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 2, bottom: 1, right: 3 },
    ]);
  });

  it("plans the rest of a sheet in row blocks that respect the cell budget", () => {
    const used = { top: 0, left: 0, bottom: 9_999, right: 16 };
    const rest = remainder(used, 2_000, 32);
    expect(rest).toEqual([{ top: 2_000, left: 0, bottom: 9_999, right: 16 }]);
    const syncs = planSyncs(
      rest.map((r) => ({ ...r, sheet: 0 })),
      50_000,
    );
    for (const sync of syncs) {
      const cells = sync.reduce((n, b) => n + (b.bottom - b.top + 1) * (b.right - b.left + 1), 0);
      expect(cells).toBeLessThanOrEqual(50_000);
    }
    const covered = syncs.flat().reduce((n, b) => n + (b.bottom - b.top + 1), 0);
    expect(covered).toBe(8_000);
    // Wider than the window: the columns beyond it come as a second rectangle.
    expect(remainder({ top: 0, left: 0, bottom: 99, right: 40 }, 2_000, 32)).toEqual([
      { top: 0, left: 32, bottom: 99, right: 40 },
    ]);
  });
});

describe("readWorkbook", () => {
  it("reads every sheet but 整改统计 in 2 syncs, with origin, types, formats and hidden flags", async () => {
    const host = installFakeOffice({
      sheets: [
        {
          name: "整改台账",
          origin: "C4",
          rows: [
            ["序号", "问题", "完成日期"],
            [1, "问题一", { v: SERIAL.done, fmt: "yyyy/m/d" }],
            [2, { error: "#N/A" }, true],
          ],
        },
        { name: "备用", visibility: "Hidden", rows: [["x"]] },
        { name: "整改统计", rows: [["旧统计"]] },
        { name: "空表" },
      ],
    });
    const port = createExcelWorkbookPort();
    const grid = await port.readWorkbook();
    expect(host.syncCount).toBe(2);
    expect(port.label).toBe("台账.xlsx");
    expect(grid.sheets.map((s) => s.name)).toEqual(["整改台账", "备用", "空表"]);
    const ledger = grid.sheets[0]!;
    expect(ledger.origin).toEqual({ row: 3, col: 2 });
    expect(ledger.cells[1]).toEqual([
      { t: "n", v: 1 },
      { t: "s", v: "问题一" },
      { t: "n", v: SERIAL.done, fmt: "yyyy/m/d" },
    ]);
    expect(ledger.cells[2]![1]).toEqual({ t: "e", v: "#N/A" });
    expect(ledger.cells[2]![2]).toEqual({ t: "b", v: true });
    expect(grid.sheets[1]!.hidden).toBe(true);
    expect(grid.sheets[2]!.cells).toEqual([[{ t: "empty" }]]);
  });

  it("reads merged areas only where ExcelApi 1.13 is supported", async () => {
    const input = ledgerWorkbook({ rows: 8 });
    installFakeOffice({ ...input, apiVersion: "1.13" });
    const withMerges = await createExcelWorkbookPort().readWorkbook();
    expect(withMerges.sheets[0]!.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 15 });
    expect(withMerges.sheets[0]!.merges).toContainEqual({ top: 2, left: 1, bottom: 3, right: 1 });

    const old = installFakeOffice({ ...input, apiVersion: "1.7" });
    const without = await createExcelWorkbookPort().readWorkbook();
    expect(without.sheets[0]!.merges).toEqual([]);
    expect(without.sheets[0]!.cells[1]!.map((c) => (c.t === "s" ? c.v : ""))).toEqual([
      ...LEDGER_HEADER,
    ]);
    expect(old.syncCount).toBe(2);
  });

  it("completes a sheet larger than its window in further budgeted syncs", async () => {
    const host = installFakeOffice(ledgerWorkbook({ rows: 3_000 }));
    const budget = { ...DESKTOP_BUDGET, firstSyncCells: 20_000, blockCells: 20_000 };
    const read = await (globalThis as unknown as { Excel: typeof Excel }).Excel.run((ctx) =>
      readWorkbookIn(ctx, budget),
    );
    const ledger = read.grid.sheets[0]!;
    expect(ledger.cells.length).toBe(3_002);
    expect(ledger.cells[3_001]![0]).toEqual({ t: "n", v: 3_000 });
    // window: (20000 − 2·200·32) / 32 = 225 rows; the other 2,777 rows × 16 columns in 20k-cell syncs
    expect(read.syncs).toBe(2 + Math.ceil((2_777 * 16) / (Math.floor(20_000 / 16) * 16)));
    expect(host.syncCount).toBe(read.syncs);
  });

  it("halves blocks and retries when Excel on the web refuses a response as too large", async () => {
    const host = installFakeOffice(
      ledgerWorkbook({ rows: 600 }, { platform: "OfficeOnline", payloadLimitBytes: 60_000 }),
    );
    const grid = await createExcelWorkbookPort().readWorkbook();
    const ledger = grid.sheets[0]!;
    expect(ledger.cells.length).toBe(602);
    expect(ledger.cells[601]![2]).toEqual({ t: "s", v: "问题600：制度执行不严格，会议记录不规范" });
    expect(host.syncCount).toBeGreaterThan(3);
    expect(host.lastSync.responseBytes).toBeLessThanOrEqual(60_000);
  });

  it("uses the web budget on Excel on the web", async () => {
    expect(WEB_BUDGET.firstSyncCells).toBeLessThan(DESKTOP_BUDGET.firstSyncCells);
    installFakeOffice(ledgerWorkbook({ rows: 10 }, { platform: "OfficeOnline" }));
    const grid = await createExcelWorkbookPort().readWorkbook();
    expect(grid.sheets[0]!.cells.length).toBe(12);
  });
});
