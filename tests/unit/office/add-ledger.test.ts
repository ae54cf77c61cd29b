/**
 * live.addLedgerSheets (从反馈意见导入 in Excel) on the fake Excel host: the imported 整改台账 /
 * 基本信息 / 报告正文 are added as new sheets that read back like the workbook `zhenggai import`
 * writes, and the clerk's own sheets keep every cell.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../../src/core";
import type { WorkbookGrid } from "../../../src/core/grid";
import { paragraphsFromText, parseFeedbackDocument } from "../../../src/core/import";
import { createExcelWorkbookPort } from "../../../src/office/excel-port";
import { gridFromXlsxBytes } from "../../../src/xlsx/bytes";
import { buildImportedLedger } from "../../../src/xlsx/imported-ledger";
import { writeXlsxDeterministic } from "../../../src/xlsx/write";
import {
  type FakeWorkbookInput,
  installFakeOffice,
  uninstallFakeOffice,
} from "../../support/fake-excel";
import { ledgerWorkbook } from "../../support/office-ledger";

afterEach(() => uninstallFakeOffice());

const seedsDir = fileURLToPath(new URL("../../../examples/seeds/", import.meta.url));
const SEED_001 = readFileSync(`${seedsDir}001_f84cbc671bac7b6c.txt`, "utf8");
const imported = () => parseFeedbackDocument(paragraphsFromText(SEED_001), { source: "001.txt" });
const AS_OF = "2024-12-31";

/** The analysis of one sheet of the grid as if it were the workbook's ledger. */
function analyseSheet(grid: WorkbookGrid, ledger: string, info?: string) {
  const pick = (name: string, as: string) => {
    const s = grid.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return { ...s, name: as };
  };
  const sheets = [pick(ledger, "整改台账"), ...(info ? [pick(info, "基本信息")] : [])];
  return analyseWorkbook({ ...grid, sheets }, { asOf: AS_OF });
}

/** What the CLI's workbook says: the same builder, written and read back as .xlsx. */
async function cliAnalysis() {
  const bytes = await writeXlsxDeterministic(buildImportedLedger(imported()));
  return analyseWorkbook(await gridFromXlsxBytes(bytes, "台账.xlsx"), { asOf: AS_OF });
}

const problems = (a: ReturnType<typeof analyseWorkbook>) =>
  a.ledger?.rows.map((r) => [r.aspect, r.problem, r.status]);

describe("addLedgerSheets", () => {
  it("into a workbook without a ledger: adds 整改台账, 基本信息, 报告正文 that read back as the CLI's workbook", async () => {
    const input: FakeWorkbookInput = {
      name: "新建工作簿.xlsx",
      sheets: [{ name: "Sheet1", rows: [["备忘", "本表由办公室维护"]] }],
    };
    const host = installFakeOffice(input);
    const before = host.snapshot("Sheet1");
    const port = createExcelWorkbookPort();
    const added = await port.live.addLedgerSheets(imported());
    expect(added.ledger).toBe("整改台账");
    expect(added.info).toBe("基本信息");
    expect(added.narrative).toBe(imported().narrative.length > 0 ? "报告正文" : null);
    expect(host.snapshot("Sheet1")).toEqual(before);
    expect(host.workbook.activeSheet?.name).toBe("整改台账");

    // The pane reads the new ledger exactly as `zhenggai import`'s workbook reads.
    const analysis = analyseWorkbook(await port.readWorkbook(), { asOf: AS_OF });
    const reference = await cliAnalysis();
    expect(analysis.ledger?.sheet).toBe("整改台账");
    expect(analysis.stats.total).toBe(25);
    expect(analysis.stats.byStatus.长期整改).toBe(7);
    expect(analysis.stats.done).toBe(18);
    expect(problems(analysis)).toEqual(problems(reference));
    expect(analysis.info).toEqual(reference.info);
    expect(analysis.narrative).toEqual(reference.narrative);

    // Layout of the ledger: title merged over the columns, 方面 runs merged, drop-down on 完成情况.
    const ledger = host.workbook.sheet("整改台账")!;
    const merges = ledger.merges.map((m) => `${m.top},${m.left},${m.bottom},${m.right}`);
    expect(merges).toContain(
      `0,0,0,${reference.ledger ? Object.keys(reference.ledger.columns).length - 1 : 0}`,
    );
    expect(ledger.merges.filter((m) => m.left === 1 && m.bottom > m.top).length).toBeGreaterThan(0);
    const statusCol = reference.ledger!.columns.status!;
    const validation = host.snapshot("整改台账").validation[`${statusCol}3`];
    expect(validation).toContain("已完成");
    expect(validation).toContain("inCellDropDown");
  });

  it("into a workbook with a ledger: new sheets 整改台账（导入） etc., every existing cell unchanged, the pane keeps the clerk's ledger", async () => {
    const host = installFakeOffice(ledgerWorkbook({ rows: 5 }));
    const names = host.workbook.sheets.map((s) => s.name);
    const before = Object.fromEntries(names.map((n) => [n, host.snapshot(n)]));
    const port = createExcelWorkbookPort();
    const added = await port.live.addLedgerSheets(imported());
    expect(added).toEqual({
      ledger: "整改台账（导入）",
      info: "基本信息（导入）",
      narrative: imported().narrative.length > 0 ? "报告正文（导入）" : null,
    });
    for (const n of names) expect(host.snapshot(n), n).toEqual(before[n]);

    const grid = await port.readWorkbook();
    const analysis = analyseWorkbook(grid, { asOf: AS_OF });
    expect(analysis.ledger?.sheet).toBe("整改台账");
    expect(analysis.stats.total).toBe(5);
    // The imported sheet on its own is the 25-problem ledger.
    const own = analyseSheet(grid, "整改台账（导入）", "基本信息（导入）");
    expect(own.stats.total).toBe(25);
    expect(problems(own)).toEqual(problems(await cliAnalysis()));

    // A second import takes the next free name.
    const again = await port.live.addLedgerSheets(imported());
    expect(again.ledger).toBe("整改台账（导入2）");
    expect(again.info).toBe("基本信息（导入2）");
    for (const n of names) expect(host.snapshot(n), n).toEqual(before[n]);
  });

  it("a ledger found only by its header (Sheet1): the new sheet is 反馈问题（导入） so the pane still reads Sheet1", async () => {
    const ledger = ledgerWorkbook({ rows: 3 }).sheets[0]!;
    const host = installFakeOffice({ sheets: [{ ...ledger, name: "Sheet1" }] });
    const before = host.snapshot("Sheet1");
    const port = createExcelWorkbookPort();
    expect(analyseWorkbook(await port.readWorkbook()).ledger?.sheet).toBe("Sheet1");
    const added = await port.live.addLedgerSheets(imported());
    expect(added.ledger).toBe("反馈问题（导入）");
    expect(added.info).toBe("基本信息");
    expect(host.snapshot("Sheet1")).toEqual(before);
    const analysis = analyseWorkbook(await port.readWorkbook(), { asOf: AS_OF });
    expect(analysis.ledger?.sheet).toBe("Sheet1");
    expect(analysis.stats.total).toBe(3);
  });

  it("without ExcelApi 1.8 the sheets are still added, without drop-downs", async () => {
    const host = installFakeOffice({ apiVersion: "1.7", sheets: [{ name: "Sheet1" }] });
    const port = createExcelWorkbookPort();
    const added = await port.live.addLedgerSheets(imported());
    expect(added.ledger).toBe("整改台账");
    expect(Object.keys(host.snapshot("整改台账").validation)).toEqual([]);
    expect(analyseWorkbook(await port.readWorkbook()).stats.total).toBe(25);
  });

  it("on Excel on the web a large import is written in chunks under the request budget", async () => {
    const host = installFakeOffice({
      platform: "OfficeOnline",
      payloadLimitBytes: 40_000,
      sheets: [{ name: "Sheet1" }],
    });
    const port = createExcelWorkbookPort({ writeBudgetBytes: 4_000 });
    const before = host.syncCount;
    await port.live.addLedgerSheets(imported());
    // 1 sync for the names, several for the cells, 1 for merges/formats/validation.
    expect(host.syncCount - before).toBeGreaterThan(5);
    const analysis = analyseWorkbook(await port.readWorkbook(), { asOf: AS_OF });
    expect(problems(analysis)).toEqual(problems(await cliAnalysis()));
  });
});
