/**
 * 从反馈意见导入 in Chromium, standalone (no Office host): the clerk picks seed 000's feedback as
 * a .txt; the pane downloads the ledger workbook (built in the browser by the CLI's builder) and
 * opens it, and 校验 shows the check of that workbook — 48 problems listed, 74 declared.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPane, PROJECT_ROOT } from "../../scripts/pane-build";
import { paragraphsFromText, parseFeedbackDocument } from "../../src/core/import";
import { analyseWorkbook } from "../../src/core/index";
import { buildApp } from "../../src/server/app";
import { gridFromXlsxBytes } from "../../src/xlsx/bytes";
import { buildImportedLedger } from "../../src/xlsx/imported-ledger";
import { writeXlsxDeterministic } from "../../src/xlsx/write";
import { tempDir } from "../integration/library/helpers";
import { launchChromium } from "../support/chromium";
import { wordListDocx } from "../support/docx-fixture";
import type { SheetSnapshot } from "../support/fake-excel";
import { buildFakeOffice, listenOnLoopback } from "../support/pane-server";
import { FAKE_LEDGER_ROWS } from "./taskpane-fake-ledger";

const SEED_000 = join(PROJECT_ROOT, "examples/seeds/000_c7b0a0624ccb5840.txt");
const SEED_001 = join(PROJECT_ROOT, "examples/seeds/001_f84cbc671bac7b6c.txt");
const seedLines = (file: string) =>
  paragraphsFromText(readFileSync(file, "utf8")).map((p) => p.text);

describe("task pane: 从反馈意见导入", () => {
  const tmp = tempDir("zhenggai-taskpane-import-");
  let app: FastifyInstance;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let url = "";
  let fakeOfficeJs = "";

  beforeAll(async () => {
    const dist = join(tmp.dir, "dist");
    const fakeOffice = join(tmp.dir, "fake-office.js");
    [, fakeOfficeJs] = await Promise.all([
      buildPane({ outDir: dist, quiet: true }),
      buildFakeOffice(fakeOffice),
    ]);
    app = await buildApp({
      distDir: dist,
      library: {
        dataDir: join(tmp.dir, "library"),
        adminToken: "taskpane-import-admin-0123456789",
      },
    });
    url = await listenOnLoopback(app);
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 420, height: 800 },
      locale: "zh-CN",
      acceptDownloads: true,
    });
    page = await context.newPage();
    await page.goto(`${url}/taskpane.html`);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    tmp.remove();
  });

  it("imports seed 000 as .txt: the downloaded workbook has its 48 problems in 4 aspects and opens in 校验", async () => {
    await page.locator('[data-host="standalone"]').waitFor();
    await page.getByRole("button", { name: "从反馈意见导入" }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("import-feedback").setInputFiles(SEED_000),
    ]);
    expect(download.suggestedFilename()).toBe("000_c7b0a0624ccb5840-整改台账.xlsx");
    const saved = join(tmp.dir, "imported.xlsx");
    await download.saveAs(saved);
    const bytes = new Uint8Array(readFileSync(saved));

    // The workbook reads back as a ledger with seed 000's problems and 基本信息.
    const analysis = analyseWorkbook(await gridFromXlsxBytes(bytes, "imported.xlsx"), {
      asOf: "2024-12-31",
    });
    expect(analysis.stats.total).toBe(48);
    expect(new Set(analysis.ledger?.rows.map((r) => r.aspect)).size).toBe(4);
    expect(analysis.info.inspectionGroup).toBe("县委第一巡察组");
    expect(analysis.info.declaredProblems).toBe(74);
    const declared = analysis.findings.find((f) => f.code === "info.declared.problems");
    expect(declared?.severity).toBe("error");

    // The same rows as the workbook the CLI writes from the same text, in Node.
    const text = readFileSync(SEED_000, "utf8");
    const result = parseFeedbackDocument(paragraphsFromText(text), {
      source: "000_c7b0a0624ccb5840.txt",
    });
    const cli = analyseWorkbook(
      await gridFromXlsxBytes(
        await writeXlsxDeterministic(buildImportedLedger(result)),
        "cli.xlsx",
      ),
      { asOf: "2024-12-31" },
    );
    expect(analysis.ledger?.rows.map((r) => [r.aspect, r.category, r.problem])).toEqual(
      cli.ledger?.rows.map((r) => [r.aspect, r.category, r.problem]),
    );
    expect(analysis.info).toEqual(cli.info);

    // The pane says what it imported and opened the workbook: 校验 shows its 74 vs 48 error.
    const outcome = page.getByTestId("import-outcome");
    await outcome.waitFor();
    expect(await outcome.innerText()).toContain("48 个问题，4 个方面（三级）");
    await page.getByText("000_c7b0a0624ccb5840-整改台账.xlsx", { exact: true }).first().waitFor();
    const section = page.locator('section[aria-label="校验结果"]');
    await section.waitFor();
    const errors = await section.locator('ul[data-severity="error"] > li').allInnerTexts();
    expect(
      errors.some((e) => e.includes(`基本信息!${declared!.cell}`) && e.includes(declared!.detail)),
    ).toBe(true);
  });

  it("refuses a .pdf with a reason, downloading nothing", async () => {
    const pdf = join(tmp.dir, "反馈意见.pdf");
    writeFileSync(pdf, "%PDF-1.4\n");
    let downloads = 0;
    page.on("download", () => downloads++);
    await page.getByTestId("import-feedback").setInputFiles(pdf);
    await page.getByText("任务窗格暂不读取 PDF（“反馈意见.pdf”）", { exact: false }).waitFor();
    expect(downloads).toBe(0);
  });

  it("imports seed 001 as a .docx with Word list numbering: 25 problems, 18 完成 and 7 长期整改", async () => {
    const docx = join(tmp.dir, "反馈意见整改报告.docx");
    writeFileSync(docx, wordListDocx(seedLines(SEED_001)));
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("import-feedback").setInputFiles(docx),
    ]);
    expect(download.suggestedFilename()).toBe("反馈意见整改报告-整改台账.xlsx");
    const saved = join(tmp.dir, "imported-001.xlsx");
    await download.saveAs(saved);
    const analysis = analyseWorkbook(
      await gridFromXlsxBytes(new Uint8Array(readFileSync(saved)), "imported-001.xlsx"),
      { asOf: "2024-12-31" },
    );
    expect(analysis.stats.total).toBe(25);
    expect(analysis.stats.done).toBe(18);
    expect(analysis.stats.byStatus.长期整改).toBe(7);
    expect(new Set(analysis.ledger?.rows.map((r) => r.aspect)).size).toBe(12);
  });

  describe("inside Excel (fake host)", () => {
    let excel: BrowserContext;
    let pane: Page;
    const host = <T>(fn: string): Promise<T> => pane.evaluate(fn) as Promise<T>;

    beforeAll(async () => {
      excel = await browser.newContext({ viewport: { width: 420, height: 800 }, locale: "zh-CN" });
      await excel.route("**/office-js/office.js", (route) =>
        route.fulfill({ contentType: "text/javascript; charset=utf-8", body: fakeOfficeJs }),
      );
      pane = await excel.newPage();
      await pane.goto(`${url}/taskpane.html`);
    });
    afterAll(() => excel?.close());

    it("adds 整改台账（导入） and 基本信息（导入） next to the clerk's ledger, which stays as it was and stays the pane's ledger", async () => {
      await pane.locator('[data-host="excel"]').waitFor();
      await pane.locator('section[aria-label="校验结果"]').waitFor();
      const infoBefore = await host<SheetSnapshot>('globalThis.__fakeHost.snapshot("基本信息")');
      await pane.getByTestId("import-feedback").setInputFiles(SEED_001);
      const outcome = pane.getByTestId("import-outcome");
      await outcome.waitFor();
      expect(await outcome.innerText()).toContain(
        "已添加工作表“整改台账（导入）”“基本信息（导入）”",
      );
      expect(await outcome.innerText()).toContain("25 个问题，12 个方面");

      expect(await host('globalThis.__fakeHost.snapshot("整改台账")')).toEqual(
        await host("globalThis.__ledgerBefore"),
      );
      expect(await host('globalThis.__fakeHost.snapshot("基本信息")')).toEqual(infoBefore);
      const names = await host<string[]>(
        "globalThis.__fakeHost.workbook.sheets.map((s) => s.name)",
      );
      expect(names).toEqual(expect.arrayContaining(["整改台账（导入）", "基本信息（导入）"]));
      // 25 problems under the header (row 2) of the new sheet, column D (问题).
      const problems = await host<{ values: unknown[][] }>(
        'globalThis.__fakeHost.read("整改台账（导入）", "D3:D200")',
      );
      expect(problems.values.filter((r) => r[0] !== "").length).toBe(25);

      // The pane re-read the workbook and still checks the clerk's 12-problem ledger.
      await pane.getByRole("tab", { name: "统计" }).click();
      await pane.getByTestId("stat-total").waitFor();
      expect(await pane.getByTestId("stat-total").textContent()).toBe(String(FAKE_LEDGER_ROWS));
    });
  });
});
