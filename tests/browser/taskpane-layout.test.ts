/**
 * The pane's layout and access in Chromium, on the real server:
 *  - no sideways scrolling on any tab at 320 px, and at 400 px with 200 % zoom — simulated as the
 *    browser does it: a 200 CSS px viewport at deviceScaleFactor 2 (window.innerWidth is 200);
 *    checked on the page (documentElement) and on the pane's own scroll box (main);
 *  - at 1280 px the content is at most 720 px wide and centred, 统计's numbers beside their labels;
 *  - the library list is one card per template when narrow: the name on one line, 下载 visible;
 *  - 校验 groups findings by code with counts; a 600-error ledger (fake Excel host) shows one
 *    group of 600 with 50 cells at a time, each with 定位 (which selects the cell in Excel);
 *    standalone, 定位 shows the address;
 *  - 生成 keeps the keyboard focus on 生成报告; 写入统计表's success note is scrolled into view.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPane, PROJECT_ROOT } from "../../scripts/pane-build";
import { analyseWorkbook } from "../../src/core/index";
import { LibraryClient } from "../../src/library/client";
import { createExcelWorkbookPort } from "../../src/office/excel-port";
import { buildApp } from "../../src/server/app";
import { todayLocal } from "../../src/taskpane/state/session";
import { workbookGridFromXlsx } from "../../src/xlsx/grid";
import { ADMIN_TOKEN, tempDir } from "../integration/library/helpers";
import { launchChromium } from "../support/chromium";
import { type FakeOfficeHost, installFakeOffice, uninstallFakeOffice } from "../support/fake-excel";
import { buildFakeOffice, listenOnLoopback } from "../support/pane-server";
import { brokenLedgerInput } from "./taskpane-fake-ledger";

const SHAOYANG = join(PROJECT_ROOT, "examples/邵阳市园林绿化中心-整改台账.xlsx");
const QINGFENG = join(PROJECT_ROOT, "examples/清丰县市政园林局-整改台账.xlsx");
const LONG_NAME = "邵阳市园林绿化中心巡察整改情况报告模板";
const BROKEN_ROWS = 600;
/** Screenshots for a person to look at (not compared). */
const ARTIFACTS = join(PROJECT_ROOT, "test-artifacts");

const TABS: readonly { name: string; ready: (page: Page) => Promise<void> }[] = [
  { name: "校验", ready: (p) => p.locator('section[aria-label="校验结果"]').waitFor() },
  { name: "统计", ready: (p) => p.getByTestId("stat-total").waitFor() },
  { name: "生成", ready: (p) => p.getByRole("button", { name: "生成报告" }).waitFor() },
  { name: "模板", ready: (p) => p.locator('section[aria-label="内置模板"]').waitFor() },
  { name: "设置", ready: (p) => p.locator('input[name="signer"]').waitFor() },
];

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name }).click();
  await TABS.find((t) => t.name === name)!.ready(page);
}

/** Neither the page nor the pane's scroll box is wider than what is on screen. */
async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const widths = await page.evaluate(() => {
    const d = document.documentElement;
    const main = document.querySelector("main");
    // For the message: the innermost elements that stick out on the right.
    const edge = main ? main.getBoundingClientRect().left + main.clientWidth : d.clientWidth;
    const sticksOut = (el: Element) =>
      el.getBoundingClientRect().right > Math.min(edge, d.clientWidth) + 0.5;
    const out = [...document.querySelectorAll("body *")]
      .filter(sticksOut)
      .filter(
        (el) =>
          ![...el.children].some((c) => c.getBoundingClientRect().right > d.clientWidth + 0.5),
      )
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? "").slice(0, 20)}"`,
      );
    return {
      out,
      page: [d.scrollWidth, d.clientWidth],
      main: main ? [main.scrollWidth, main.clientWidth] : [0, 0],
    };
  });
  expect(
    widths.page[0],
    `${where}: page ${widths.page} ${widths.out.join("; ")}`,
  ).toBeLessThanOrEqual(widths.page[1]!);
  expect(
    widths.main[0],
    `${where}: main ${widths.main} ${widths.out.join("; ")}`,
  ).toBeLessThanOrEqual(widths.main[1]!);
}

describe("task pane layout and access in Chromium", () => {
  const tmp = tempDir("zhenggai-taskpane-layout-");
  let app: FastifyInstance;
  let browser: Browser;
  let url = "";
  let fakeOfficeJs = "";

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const dist = join(tmp.dir, "dist");
    const fakeOffice = join(tmp.dir, "fake-office.js");
    [, fakeOfficeJs] = await Promise.all([
      buildPane({ outDir: dist, quiet: true }),
      buildFakeOffice(fakeOffice),
    ]);
    app = await buildApp({
      distDir: dist,
      library: { dataDir: join(tmp.dir, "library"), adminToken: ADMIN_TOKEN },
    });
    url = await listenOnLoopback(app);
    // One template in the library with a long Chinese name (the list used to wrap it per character).
    const client = new LibraryClient(url);
    const { token } = await client.createDepartment("邵阳市园林绿化中心", ADMIN_TOKEN);
    await client.publish(
      LONG_NAME,
      new Uint8Array(readFileSync(join(PROJECT_ROOT, "templates/报告.docx"))),
      { kind: "报告", token },
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    tmp.remove();
  });

  async function standalone(
    viewport: { width: number; height: number },
    deviceScaleFactor = 1,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport,
      deviceScaleFactor,
      locale: "zh-CN",
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${url}/taskpane.html`);
    await page.locator('[data-host="standalone"]').waitFor();
    await page.getByTestId("open-xlsx").setInputFiles(SHAOYANG);
    await page.locator('section[aria-label="校验结果"]').waitFor();
    return { context, page };
  }

  async function showLibrary(page: Page): Promise<void> {
    await openTab(page, "模板");
    const library = page.locator('section[aria-label="模板库"]');
    await library.getByRole("button", { name: "刷新" }).click();
    await library.getByText(LONG_NAME, { exact: true }).waitFor();
  }

  for (const [label, viewport, scale] of [
    ["320 px", { width: 320, height: 700 }, 1],
    ["400 px at 200 % zoom (200 CSS px, deviceScaleFactor 2)", { width: 200, height: 400 }, 2],
  ] as const) {
    it(`has no sideways scrolling on any tab at ${label}; the library is a list of cards`, async () => {
      const { context, page } = await standalone(viewport, scale);
      try {
        expect(await page.evaluate(() => window.innerWidth)).toBe(viewport.width);
        for (const tab of TABS) {
          await openTab(page, tab.name);
          await expectNoSidewaysScroll(page, `${label} ${tab.name}`);
        }
        // Every finding group open, every cell listed: still no sideways scroll.
        await openTab(page, "校验");
        for (const header of await page
          .locator("li[data-code] > button[aria-expanded=false]")
          .all())
          await header.click();
        await expectNoSidewaysScroll(page, `${label} 校验 (all open)`);
        await page.screenshot({ path: join(ARTIFACTS, `layout-${viewport.width}-findings.png`) });

        await showLibrary(page);
        await expectNoSidewaysScroll(page, `${label} 模板库`);
        await page
          .locator('section[aria-label="模板库"]')
          .screenshot({ path: join(ARTIFACTS, `layout-${viewport.width}-library.png`) });
        const row = page.locator('table[aria-label="模板库中的模板"] tbody tr').first();
        const name = row.locator("td").first();
        const box = (await name.boundingBox())!;
        const lineHeight = await name.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
        // The name wraps at most to two lines in the card (it used to take one line per character).
        expect(box.height).toBeLessThanOrEqual(lineHeight * 2 + 1);
        // 下载 is inside the card and on screen.
        const download = row.getByRole("button", { name: "下载" });
        const b = (await download.boundingBox())!;
        const card = (await row.boundingBox())!;
        expect(b.x).toBeGreaterThanOrEqual(card.x);
        expect(b.x + b.width).toBeLessThanOrEqual(Math.min(card.x + card.width, viewport.width));
        // Each value under its label (the label is the cell's ::before, not in innerText).
        const version = row.locator('td[data-label="版本"]');
        expect(await version.innerText()).toBe("v1");
        expect(await version.evaluate((el) => getComputedStyle(el, "::before").content)).toContain(
          "版本",
        );
      } finally {
        await context.close();
      }
    });
  }

  it("at 1280 px caps the content at 720 px, centred, with 统计's numbers beside their labels", async () => {
    const { context, page } = await standalone({ width: 1280, height: 800 });
    try {
      for (const tab of TABS) {
        await openTab(page, tab.name);
        await expectNoSidewaysScroll(page, `1280 ${tab.name}`);
      }
      await openTab(page, "统计");
      const section = (await page.locator('section[aria-label="统计"]').boundingBox())!;
      expect(section.width).toBeLessThanOrEqual(720);
      expect(Math.abs(section.x + section.width / 2 - 640)).toBeLessThan(24);
      const status = page.locator('[data-status="长期整改"] > *');
      const label = (await status.nth(0).boundingBox())!;
      const number = (await status.nth(1).boundingBox())!;
      expect(await status.nth(1).innerText()).toMatch(/^\d+ 个$/);
      // Label and number read together (they were 1,100 px apart).
      expect(number.x + number.width - label.x).toBeLessThan(480);
      // The library table keeps its columns on a wide pane.
      await showLibrary(page);
      expect(
        await page
          .locator('table[aria-label="模板库中的模板"] thead')
          .evaluate((el) => getComputedStyle(el).display),
      ).not.toBe("none");
    } finally {
      await context.close();
    }
  });

  it("groups the standalone findings by code with counts; 定位 shows the address", async () => {
    const { context, page } = await standalone({ width: 400, height: 800 });
    try {
      await page.getByTestId("open-xlsx").setInputFiles(QINGFENG);
      await page.getByText("清丰县市政园林局-整改台账.xlsx").first().waitFor();
      const grid = await workbookGridFromXlsx(new Uint8Array(readFileSync(QINGFENG)));
      const expected = analyseWorkbook(grid, { asOf: todayLocal(), precision: 0 }).findings;
      const section = page.locator('section[aria-label="校验结果"]');
      for (const severity of ["error", "warning"] as const) {
        const codes = new Map<string, number>();
        for (const f of expected.filter((x) => x.severity === severity))
          codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
        const groups = section.locator(`ul[data-severity="${severity}"] > li`);
        const shown = new Map<string, number>();
        for (const g of await groups.all())
          shown.set(
            (await g.getAttribute("data-code"))!,
            Number(await g.getByTestId("group-count").innerText()),
          );
        expect(shown).toEqual(codes);
      }
      const located = expected.find((f) => f.cell);
      expect(located).toBeDefined();
      const group = section.locator(`li[data-code="${located!.code}"]`);
      const header = group.locator("button[aria-expanded]").first();
      if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
      await group.locator(`button[data-cell="${located!.cell}"]`).first().click();
      await group.getByText(`请在表格软件中转到 ${located!.sheet}!${located!.cell}`).waitFor();
    } finally {
      await context.close();
    }
  });

  it("keeps the focus on 生成报告 after generating (keyboard only)", async () => {
    const { context, page } = await standalone({ width: 400, height: 800 });
    try {
      await openTab(page, "生成");
      const button = page.getByRole("button", { name: "生成报告" });
      await button.focus();
      await page.keyboard.press("Enter");
      await page
        .getByText(/已生成，请预览后保存|未生成/)
        .first()
        .waitFor();
      await page.waitForTimeout(100);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("生成报告");
    } finally {
      await context.close();
    }
  });

  describe(`inside Excel: a ${BROKEN_ROWS}-error ledger (fake host)`, () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await browser.newContext({
        viewport: { width: 350, height: 800 },
        deviceScaleFactor: 1,
        locale: "zh-CN",
      });
      await context.addInitScript(`globalThis.__fakeBrokenRows = ${BROKEN_ROWS};`);
      await context.route("**/office-js/office.js", (route) =>
        route.fulfill({ contentType: "text/javascript; charset=utf-8", body: fakeOfficeJs }),
      );
      page = await context.newPage();
      await page.goto(`${url}/taskpane.html`);
    });
    afterAll(() => context?.close());

    it("shows one group with its count, 50 cells at a time, each with 定位 selecting its cell", async () => {
      installFakeOffice(brokenLedgerInput(BROKEN_ROWS));
      let broken: { sheet: string; cell?: string; message: string; detail: string }[];
      try {
        const grid = await createExcelWorkbookPort().readWorkbook();
        broken = analyseWorkbook(grid, { asOf: todayLocal(), precision: 0 }).findings.filter(
          (f) => f.code === "ledger.status.unknown",
        );
      } finally {
        uninstallFakeOffice();
      }
      expect(broken).toHaveLength(BROKEN_ROWS);

      await page.locator('[data-host="excel"]').waitFor();
      const group = page.locator('li[data-code="ledger.status.unknown"]');
      await group.waitFor();
      expect(await group.getByTestId("group-count").innerText()).toBe(String(BROKEN_ROWS));
      // Closed at first: 600 lines are not listed at once.
      expect(await group.locator("ul > li").count()).toBe(0);
      await group.locator("button[aria-expanded]").first().click();
      const items = group.locator(
        'ul[data-code="ledger.status.unknown"] > li:has(button[data-cell])',
      );
      expect(await items.count()).toBe(50);
      await group.getByRole("button", { name: "再显示 50 条（还有 550 条）" }).click();
      expect(await items.count()).toBe(100);
      const texts = await items.allInnerTexts();
      texts.forEach((text, i) => {
        expect(text).toContain(`${broken[i]!.sheet}!${broken[i]!.cell}`);
        expect(text).toContain(broken[i]!.detail);
        expect(text).toContain("定位");
      });
      await expectNoSidewaysScroll(page, "350 px, 100 cells open");

      const target = broken[73]!;
      await group.locator(`button[data-cell="${target.cell}"]`).click();
      await page.waitForFunction("globalThis.__fakeHost.selections.length > 0");
      const selections = (await page.evaluate(
        "globalThis.__fakeHost.selections",
      )) as FakeOfficeHost["selections"];
      expect(selections.at(-1)).toEqual({ sheet: target.sheet, address: target.cell });
    });

    it("scrolls the 写入统计表 success note into view", async () => {
      await page.getByRole("tab", { name: "统计" }).click();
      await page.getByTestId("stat-total").waitFor();
      await page.getByRole("button", { name: "写入统计表" }).click();
      const note = page.getByTestId("stats-written");
      await note.waitFor();
      await page.waitForTimeout(200);
      const box = (await note.boundingBox())!;
      const main = (await page.locator("main").boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(main.y);
      expect(box.y + box.height).toBeLessThanOrEqual(main.y + main.height + 0.5);
      expect(await note.innerText()).toContain("已写入“整改统计”工作表。");
    });
  });
});
