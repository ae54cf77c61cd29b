/**
 * The whole cycle in (fake) Excel: read → analyse (the real core) → write 整改统计, counting
 * context.sync() calls, then reading 整改统计 back.
 */
import { afterEach, describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../../src/core/analyse";
import { STATUSES } from "../../../src/core/model";
import { createExcelWorkbookPort } from "../../../src/office/excel-port";
import { excelSerial, STATS_TABLES } from "../../../src/office/stats-layout";
import { installFakeOffice, uninstallFakeOffice } from "../../support/fake-excel";
import { AS_OF, ASPECTS, expectedCounts, ledgerWorkbook } from "../../support/office-ledger";

afterEach(() => uninstallFakeOffice());

async function cycle(rows: number, platform: "PC" | "OfficeOnline" = "PC") {
  const host = installFakeOffice(ledgerWorkbook({ rows }, { platform }));
  const port = createExcelWorkbookPort();
  const before = host.snapshot("整改台账");
  const grid = await port.readWorkbook();
  const analysis = analyseWorkbook(grid, { asOf: AS_OF });
  await port.live.writeStatistics(analysis);
  return { host, port, analysis, before, syncs: host.syncCount };
}

/** Finds the row of 整改统计 whose first cell is `label`. */
function statsRow(values: unknown[][], label: string): unknown[] {
  const row = values.find((r) => r[0] === label);
  if (!row) throw new Error(`整改统计 has no row ${label}`);
  return row;
}

describe("validate + statistics + write cycle", () => {
  it("takes at most 3 syncs for 10 rows", async () => {
    const { syncs, analysis } = await cycle(10);
    expect(analysis.ledger?.rows.length).toBe(10);
    expect(syncs).toBe(3);
  });

  it("takes at most 3 syncs for 10,000 rows on Excel for Windows/Mac", async () => {
    const { syncs, analysis, host } = await cycle(10_000);
    expect(analysis.ledger?.rows.length).toBe(10_000);
    expect(analysis.stats.total).toBe(10_000);
    expect(syncs).toBe(3);
    // No response of the 10,000-row read would pass the web's 5 MB limit in one piece:
    expect(host.lastSync.requestBytes).toBeLessThan(5 * 1024 * 1024);
  });

  it("stays under Excel on the web's 5 MB payload limit for 10,000 rows (more syncs there)", async () => {
    const { syncs, analysis } = await cycle(10_000, "OfficeOnline");
    expect(analysis.stats.total).toBe(10_000);
    expect(analysis.stats.done).toBe(expectedCounts(10_000).done);
    // 1 list + 1 window (2,600 rows) + the rest sized from measured bytes + 1 write.
    expect(syncs).toBeGreaterThanOrEqual(4);
    expect(syncs).toBeLessThanOrEqual(6);
  });

  it("writes the right numbers, tables, percentage formats and chart into 整改统计", async () => {
    const { host, analysis } = await cycle(10);
    const counts = expectedCounts(10);
    const { values, formats } = host.read("整改统计", "A1:L60");
    expect(statsRow(values, "问题总数")[1]).toBe(counts.total);
    expect(statsRow(values, "已完成（销号）").slice(1, 3)).toEqual([
      counts.done,
      counts.done / counts.total,
    ]);
    const rateRow = values.findIndex((r) => r[0] === "完成率");
    expect(values[rateRow]![1]).toBe(0.6);
    expect(formats[rateRow]![1]).toBe("0%");
    expect(statsRow(values, "超期问题")[1]).toBe(counts.overdue);
    expect(statsRow(values, "整改措施")[1]).toBe(30); // 一是…二是…三是… in each of 10 rows
    expect(statsRow(values, "建立完善制度")[1]).toBe(1);
    const shares = STATUSES.map((s) => statsRow(values, s)[2] as number);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);

    const tables = host.workbook.tables.filter((t) => t.sheet.name === "整改统计");
    expect(tables.map((t) => t.name)).toEqual([
      STATS_TABLES.byAspect,
      STATS_TABLES.byDepartment,
      STATS_TABLES.overdue,
    ]);
    const byAspect = tables[0]!;
    expect(byAspect.rect.bottom - byAspect.rect.top).toBe(ASPECTS.length);
    const header = values[byAspect.rect.top]!;
    expect(header).toEqual(["方面", "完成率", "问题数", "销号数", ...STATUSES, "未识别"]);
    for (let r = byAspect.rect.top + 1; r <= byAspect.rect.bottom; r++) {
      const [name, rate, total, done] = values[r]!;
      const group = analysis.stats.byAspect.find((g) => g.name === name)!;
      expect([rate, total, done]).toEqual([group.completionRate, group.total, group.done]);
      expect(formats[r]![1]).toBe("0%");
    }
    const overdue = tables[2]!;
    expect(overdue.rect.bottom - overdue.rect.top).toBe(counts.overdue);
    expect(values[overdue.rect.top + 1]![5]).toBe(excelSerial("2024-03-31"));
    expect(formats[overdue.rect.top + 1]![5]).toMatch(/yyyy/);

    const chart = host.workbook.sheet("整改统计")!.charts[0]!;
    expect(chart).toMatchObject({
      type: "ColumnClustered",
      title: "各方面整改完成率",
      legendVisible: false,
    });
    expect(chart.source).toEqual({
      top: byAspect.rect.top,
      left: 0,
      bottom: byAspect.rect.bottom,
      right: 1,
    });
  });

  it("uses the precision's percentage format", async () => {
    const host = installFakeOffice(ledgerWorkbook({ rows: 7 }));
    const port = createExcelWorkbookPort();
    const analysis = analyseWorkbook(await port.readWorkbook(), { asOf: AS_OF, precision: 2 });
    await port.live.writeStatistics(analysis);
    const { values, formats } = host.read("整改统计", "A1:C12");
    const row = values.findIndex((r) => r[0] === "完成率");
    expect(formats[row]![1]).toBe("0.00%");
    expect(values[row]![1]).toBeCloseTo(5 / 7, 12);
  });

  it("replaces 整改统计 on every write, even when the sheet was deleted or added by hand", async () => {
    const { host, port, analysis } = await cycle(10);
    await port.live.writeStatistics(analysis);
    expect(host.workbook.sheets.filter((s) => s.name === "整改统计")).toHaveLength(1);
    expect(host.workbook.tables.filter((t) => t.name === STATS_TABLES.byAspect)).toHaveLength(1);

    // Deleted by hand after the last write: the port retries after checking.
    host.workbook.sheets = host.workbook.sheets.filter((s) => s.name !== "整改统计");
    host.workbook.tables = host.workbook.tables.filter((t) => t.sheet.name !== "整改统计");
    await port.live.writeStatistics(analysis);
    expect(host.read("整改统计", "A6:B6").values).toEqual([["问题总数", 10]]);
  });

  it("writes a 整改统计 too big for one web request in row chunks", async () => {
    const host = installFakeOffice(
      ledgerWorkbook(
        { rows: 400, status: () => "正在推进" },
        { platform: "OfficeOnline", payloadLimitBytes: 60_000 },
      ),
    );
    const port = createExcelWorkbookPort({ writeBudgetBytes: 30_000 });
    const analysis = analyseWorkbook(await port.readWorkbook(), { asOf: AS_OF });
    expect(analysis.stats.overdue).toHaveLength(400);
    const readSyncs = host.syncCount;
    await port.live.writeStatistics(analysis);
    expect(host.syncCount - readSyncs).toBeGreaterThan(1);
    const overdue = host.workbook.tables.find((t) => t.name === STATS_TABLES.overdue)!;
    expect(overdue.rect.bottom - overdue.rect.top).toBe(400);
    const last = host.read("整改统计", `A${overdue.rect.bottom + 1}:H${overdue.rect.bottom + 1}`)
      .values[0]!;
    expect(last[3]).toBe("问题400：制度执行不严格，会议记录不规范");
  });

  it("writes text that looks like a formula as text", async () => {
    const host = installFakeOffice(
      ledgerWorkbook({ rows: 4, status: () => "正在推进" }, { platform: "PC" }),
    );
    const problem = host.workbook.sheet("整改台账")!.cell(2, 2)!;
    problem.value = "-会议记录不规范";
    const port = createExcelWorkbookPort();
    await port.live.writeStatistics(analyseWorkbook(await port.readWorkbook(), { asOf: AS_OF }));
    const { values } = host.read("整改统计", "A1:H60");
    expect(values.some((r) => r[3] === "-会议记录不规范")).toBe(true);
  });

  it("never changes the ledger sheet's values or formats", async () => {
    const { host, before } = await cycle(50);
    expect(host.snapshot("整改台账")).toEqual(before);
  });
});
