/**
 * The standalone page on first run (Chromium, zh-CN, the real server):
 *  - standalone.html (where / leads) asks nothing of office.js nor of any host but this server;
 *  - the welcome's 下载空白台账 gives the workbook `zhenggai init` writes, byte for byte;
 *  - 打开示例台账 opens the served example and checks it;
 *  - 统计's 下载含统计表的副本 gives the opened file with 整改统计 added, in Excel's layout
 *    (buildStatsLayout), every original cell unchanged.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPane, PROJECT_ROOT } from "../../scripts/pane-build";
import { analyseWorkbook } from "../../src/core/index";
import { SHEET } from "../../src/core/model";
import { buildStatsLayout } from "../../src/office/stats-layout";
import { buildApp } from "../../src/server/app";
import { workbookGridFromXlsx } from "../../src/xlsx/grid";
import { buildBlankLedger } from "../../src/xlsx/ledger-workbook";
import { writeXlsxDeterministic } from "../../src/xlsx/write";
import { tempDir } from "../integration/library/helpers";
import { launchChromium } from "../support/chromium";
import { buildFakeOffice, listenOnLoopback } from "../support/pane-server";

const EXAMPLE = "龙亭区市容环境卫生服务中心-整改台账.xlsx";
const AS_OF = "2024-12-31";

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Every non-empty cell of a sheet: address → value as JSON. */
function cellsOf(ws: ExcelJS.Worksheet): Map<string, string> {
  const cells = new Map<string, string>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      cells.set(cell.address, JSON.stringify(cell.value));
    });
  });
  return cells;
}

describe("standalone page, first run (Chromium)", () => {
  const tmp = tempDir("zhenggai-first-run-");
  const dist = join(tmp.dir, "dist");
  let app: FastifyInstance;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let url = "";
  const requests: string[] = [];

  beforeAll(async () => {
    await Promise.all([
      buildPane({ outDir: dist, quiet: true }),
      buildFakeOffice(join(tmp.dir, "fake-office.js"), "taskpane-fake-empty.entry.ts"),
    ]);
    app = await buildApp({ distDir: dist, library: false });
    url = await listenOnLoopback(app);
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 400, height: 900 },
      locale: "zh-CN",
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(`${url}/`);
  }, 180_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    tmp.remove();
  });

  it("/ opens standalone.html, which fetches nothing from office.js or another host", async () => {
    await page.getByTestId("welcome").waitFor();
    expect(new URL(page.url()).pathname).toBe("/standalone.html");
    expect(await page.locator("[data-host]").getAttribute("data-host")).toBe("standalone");
    // Three steps, and both first-run actions.
    expect(await page.getByTestId("welcome").locator("ol > li").count()).toBe(3);
    await page.getByRole("button", { name: "下载空白台账" }).waitFor();
    await page.getByRole("button", { name: "打开示例台账" }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((r) => r.includes("/office-js/"))).toEqual([]);
    expect(requests.filter((r) => new URL(r).origin !== url)).toEqual([]);
  });

  it("下载空白台账 gives the workbook of zhenggai init, byte for byte", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载空白台账" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("整改台账.xlsx");
    const path = join(tmp.dir, "blank.xlsx");
    await download.saveAs(path);
    const got = new Uint8Array(readFileSync(path));
    const init = await writeXlsxDeterministic(buildBlankLedger(200));
    expect(Buffer.from(got).equals(Buffer.from(init))).toBe(true);
    // It reads back with the init layout: the three sheets, a ledger with no rows yet.
    const wb = await loadWorkbook(got);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET.ledger, SHEET.info, SHEET.narrative]);
    const analysis = analyseWorkbook(await workbookGridFromXlsx(got), { asOf: AS_OF });
    expect(analysis.stats.total).toBe(0);
    expect(requests.filter((r) => new URL(r).origin !== url)).toEqual([]);
  });

  it("设置 can be saved before a ledger is open, and the opened ledger uses it", async () => {
    await page.getByRole("tab", { name: "设置" }).click();
    const signer = page.locator('input[name="signer"]');
    await signer.fill("王建国");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("已保存。").waitFor();
    expect(await page.getByText("打开台账后才能保存。").count()).toBe(0);
    await page.reload();
    await page.getByRole("tab", { name: "设置" }).click();
    await page.locator('input[name="signer"][value="王建国"]').waitFor();
    await page.getByRole("tab", { name: "校验" }).click();
  });

  it("打开示例台账 opens the served example and checks it", async () => {
    await page.getByRole("button", { name: "打开示例台账" }).click();
    await page.getByText(EXAMPLE).first().waitFor();
    await page.locator('section[aria-label="校验结果"]').waitFor();
    expect(await page.getByTestId("welcome").count()).toBe(0);
    expect(requests.some((r) => decodeURIComponent(r).endsWith(`/examples/${EXAMPLE}`))).toBe(true);
    // The 签发人 saved before any ledger was open counts for it.
    expect(
      await page
        .locator('ul[data-readiness="报告"] li[data-need="signer"]')
        .getAttribute("data-ok"),
    ).toBe("true");
  });

  it("统计's copy has 整改统计 in Excel's layout and every original cell unchanged", async () => {
    await page.getByRole("tab", { name: "生成" }).click();
    await page.getByTestId("as-of").fill(AS_OF);
    await page.getByRole("tab", { name: "统计" }).click();
    await page.getByText("截至 2024年12月31日").first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载含统计表的副本" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${EXAMPLE.replace(/\.xlsx$/, "")}-含整改统计.xlsx`);
    await page.getByText(/^已下载“.+-含整改统计\.xlsx”。$/).waitFor();
    const path = join(tmp.dir, "copy.xlsx");
    await download.saveAs(path);
    const original = new Uint8Array(readFileSync(join(PROJECT_ROOT, "examples", EXAMPLE)));
    const copy = await loadWorkbook(new Uint8Array(readFileSync(path)));
    const before = await loadWorkbook(original);

    // The original sheets, in order, then 整改统计; each original cell as it was.
    expect(copy.worksheets.map((w) => w.name)).toEqual([
      ...before.worksheets.filter((w) => w.name !== SHEET.stats).map((w) => w.name),
      SHEET.stats,
    ]);
    for (const ws of before.worksheets) {
      if (ws.name === SHEET.stats) continue;
      const was = cellsOf(ws);
      expect(was.size).toBeGreaterThan(0);
      expect(cellsOf(copy.getWorksheet(ws.name)!)).toEqual(was);
    }

    // 整改统计 holds the layout Excel writes, for the same analysis.
    const analysis = analyseWorkbook(await workbookGridFromXlsx(original), {
      asOf: AS_OF,
      precision: 0,
    });
    const layout = buildStatsLayout(analysis);
    const stats = copy.getWorksheet(SHEET.stats)!;
    layout.values.forEach((row, r) => {
      row.forEach((value, c) => {
        const cell = stats.getRow(r + 1).getCell(c + 1);
        // A serial under a date format reads back from exceljs as a Date: the same number.
        const read =
          cell.value instanceof Date
            ? (cell.value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000
            : (cell.value ?? "");
        expect(read, cell.address).toEqual(value);
        const format = layout.formats[r]?.[c];
        if (value !== "" && format !== "General") expect(cell.numFmt, cell.address).toBe(format);
      });
    });
    const labelled = (label: string) => {
      let found: unknown;
      stats.eachRow((row) => {
        if (row.getCell(1).value === label && found === undefined) found = row.getCell(2).value;
      });
      return found;
    };
    expect(labelled("问题总数")).toBe(analysis.stats.total);
    expect(labelled("已完成（销号）")).toBe(analysis.stats.done);
    expect(analysis.stats.total).toBeGreaterThan(0);
    expect(stats.getCell("A1").font?.bold).toBe(true);
    // The chart, as a picture where Excel puts its chart.
    const images = stats.getImages();
    expect(images).toHaveLength(1);
    const media = copy.getImage(Number(images[0]!.imageId));
    expect(media.extension).toBe("png");
    expect(
      Buffer.from(media.buffer as unknown as Uint8Array)
        .subarray(1, 4)
        .toString("latin1"),
    ).toBe("PNG");
    // Drawn at the chart's size, one bar per 方面 (640 px wide).
    expect(Buffer.from(media.buffer as unknown as Uint8Array).readUInt32BE(16)).toBe(640);
    expect(analysis.stats.byAspect.length).toBeGreaterThan(0);
    expect(layout.chart).toBeDefined();
    // The user's file is never changed.
    expect(
      Buffer.from(readFileSync(join(PROJECT_ROOT, "examples", EXAMPLE))).equals(
        Buffer.from(original),
      ),
    ).toBe(true);
  });

  it("in Excel, an empty workbook offers 新建台账表, which adds init's sheets; then 校验 runs", async () => {
    const excel = await browser.newContext({
      viewport: { width: 350, height: 900 },
      locale: "zh-CN",
    });
    try {
      const fakeOfficeJs = readFileSync(join(tmp.dir, "fake-office.js"), "utf8");
      await excel.route("**/office-js/office.js", (route) =>
        route.fulfill({ contentType: "text/javascript; charset=utf-8", body: fakeOfficeJs }),
      );
      const pane = await excel.newPage();
      await pane.goto(`${url}/taskpane.html`);
      await pane.locator('[data-host="excel"]').waitFor();
      await pane.getByTestId("new-ledger").waitFor();
      // No red error for the missing ledger: the offer stands in its place.
      expect(await pane.locator('section[aria-label="校验结果"]').count()).toBe(0);
      await pane.getByRole("button", { name: "新建台账表" }).click();
      await pane.locator('section[aria-label="校验结果"]').waitFor();
      expect(await pane.getByTestId("new-ledger").count()).toBe(0);

      const names = (await pane.evaluate(
        "globalThis.__fakeHost.workbook.sheets.map((s) => s.name)",
      )) as string[];
      expect(names).toEqual(["Sheet1", SHEET.ledger, SHEET.info, SHEET.narrative]);
      // The same header rows as the init workbook.
      const init = await loadWorkbook(await writeXlsxDeterministic(buildBlankLedger(200)));
      for (const sheet of [SHEET.ledger, SHEET.info, SHEET.narrative]) {
        const snap = (await pane.evaluate(
          `globalThis.__fakeHost.snapshot(${JSON.stringify(sheet)}).values`,
        )) as Record<string, unknown>;
        const header = init.getWorksheet(sheet)!.getRow(1);
        const expected: Record<string, unknown> = {};
        header.eachCell((cell) => {
          expected[cell.address] = cell.value;
        });
        const got = Object.fromEntries(Object.entries(snap).filter(([a]) => /^[A-Z]+1$/.test(a)));
        expect(Object.keys(expected).length, sheet).toBeGreaterThanOrEqual(3);
        expect(got, sheet).toEqual(expected);
      }
    } finally {
      await excel.close();
    }
  });
});
