/**
 * The standalone page (Chromium, zh-CN, the real server) with the keyboard only:
 *  - the as-of field reads 2026年12月2日: typed text in Chinese or ISO sets the as-of date 统计
 *    uses (the numbers are the core's for that day), ↑/↓ move a day, the calendar picks with the
 *    arrow keys and Enter, and text that is no date is refused with a Chinese message;
 *  - from the welcome's 打开示例台账 through 校验, 设置, 生成报告 and its preview to 保存 (a
 *    download) with nothing but Tab, Shift+Tab, arrows, Enter, Space and typing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import PizZip from "pizzip";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPane, PROJECT_ROOT } from "../../scripts/pane-build";
import { formatChineseDate, todayLocal } from "../../src/core/dates";
import { analyseWorkbook } from "../../src/core/index";
import { buildApp } from "../../src/server/app";
import { EXAMPLE_LEDGER } from "../../src/taskpane/first-run";
import { workbookGridFromXlsx } from "../../src/xlsx/grid";
import { tempDir } from "../integration/library/helpers";
import { launchChromium } from "../support/chromium";
import { listenOnLoopback } from "../support/pane-server";

const EXAMPLE_FILE = join(PROJECT_ROOT, "examples", EXAMPLE_LEDGER);

/** What the focused element is, in words a test can match: its label, name or text. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "";
    const name = el.getAttribute("name");
    if (name) return `[name=${name}]`;
    return (el.getAttribute("aria-label") ?? el.innerText ?? "").trim();
  });
}

/** Presses `key` (Tab by default) until `want` has the focus; fails after `max` presses. */
async function pressUntil(page: Page, want: string, key = "Tab", max = 80): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (now === want) return;
    seen.push(now);
  }
  throw new Error(`“${want}” never got the focus with ${key}; focus went: ${seen.join(" → ")}`);
}

describe("standalone page with the keyboard (Chromium)", () => {
  const tmp = tempDir("zhenggai-keyboard-");
  let app: FastifyInstance;
  let browser: Browser;
  let url = "";

  beforeAll(async () => {
    const dist = join(tmp.dir, "dist");
    await buildPane({ outDir: dist, quiet: true });
    app = await buildApp({ distDir: dist, library: false });
    url = await listenOnLoopback(app);
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    tmp.remove();
  });

  const newPage = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({
      viewport: { width: 400, height: 900 },
      locale: "zh-CN",
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${url}/standalone.html`);
    await page.getByTestId("welcome").waitFor();
    return { context, page };
  };

  /** 统计 for the example ledger on `asOf`, as the core computes it. */
  async function coreStats(asOf: string) {
    const grid = await workbookGridFromXlsx(new Uint8Array(readFileSync(EXAMPLE_FILE)));
    return analyseWorkbook(grid, { asOf, precision: 0 }).stats;
  }

  async function expectStatsOn(page: Page, asOf: string): Promise<void> {
    await page.getByRole("tab", { name: "统计" }).click();
    await page
      .getByText(`截至 ${formatChineseDate(asOf)}`)
      .first()
      .waitFor();
    const stats = await coreStats(asOf);
    expect(await page.getByTestId("stat-total").innerText()).toBe(String(stats.total));
    expect(await page.getByTestId("stat-rate").innerText()).toBe(stats.completionRateText);
    expect(await page.getByTestId("stat-overdue").innerText()).toBe(`${stats.overdue.length} 个`);
    await page.getByRole("tab", { name: "生成" }).click();
  }

  it("the as-of field shows 2026年12月2日; typing or choosing a date sets the as-of 统计 uses", async () => {
    const { context, page } = await newPage();
    try {
      await page.getByRole("button", { name: "打开示例台账" }).click();
      await page.locator('section[aria-label="校验结果"]').waitFor();
      await page.getByRole("tab", { name: "生成" }).click();
      const field = page.getByTestId("as-of");
      // Today, in Chinese, before anything is chosen.
      expect(await field.inputValue()).toBe(formatChineseDate(todayLocal()));

      // Typed in Chinese.
      await field.focus();
      await page.keyboard.press("Control+A");
      await page.keyboard.type("2026年12月2日");
      await page.keyboard.press("Enter");
      expect(await field.inputValue()).toBe("2026年12月2日");
      expect(await field.getAttribute("data-value")).toBe("2026-12-02");
      await expectStatsOn(page, "2026-12-02");

      // Chosen in the calendar: it opens on the date, → a day, ↓ a week, Enter picks.
      await page.getByTestId("as-of-calendar").focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => focused(page)).toBe("2026年12月2日");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowDown");
      await expect.poll(() => focused(page)).toBe("2026年12月10日");
      await page.keyboard.press("Enter");
      await expect.poll(() => field.inputValue()).toBe("2026年12月10日");
      // The focus is back on the calendar button, which names the new date.
      await expect.poll(() => focused(page)).toBe("选择日期，当前为 2026年12月10日");
      expect(await field.getAttribute("data-value")).toBe("2026-12-10");
      await expectStatsOn(page, "2026-12-10");

      // ISO text works too and reads back in Chinese; ↑ moves a day.
      await field.focus();
      await page.keyboard.press("Control+A");
      await page.keyboard.type("2024-12-31");
      await page.keyboard.press("Tab");
      expect(await field.inputValue()).toBe("2024年12月31日");
      await field.focus();
      await page.keyboard.press("ArrowUp");
      expect(await field.inputValue()).toBe("2025年1月1日");
      await expectStatsOn(page, "2025-01-01");

      // Not a date: refused, said why, the date stays.
      await field.focus();
      await page.keyboard.press("Control+A");
      await page.keyboard.type("2025年13月1日");
      await page.keyboard.press("Tab");
      await page.getByText("“2025年13月1日”不是可识别的日期").waitFor();
      expect(await field.inputValue()).toBe("2025年1月1日");
      expect(await field.getAttribute("data-value")).toBe("2025-01-01");
    } finally {
      await context.close();
    }
  });

  it("open the example → 校验 → 设置 → 生成报告 → preview → 保存, with the keyboard only", async () => {
    const { context, page } = await newPage();
    try {
      // 打开示例台账 from the welcome.
      await pressUntil(page, "打开示例台账");
      await page.keyboard.press("Enter");
      await page.locator('section[aria-label="校验结果"]').waitFor();

      // 校验: the tab is selected and shows the readiness of each document.
      await pressUntil(page, "校验", "Shift+Tab");
      expect(await page.getByRole("tab", { name: "校验" }).getAttribute("aria-selected")).toBe(
        "true",
      );
      const readiness = page.locator('ul[data-readiness="报告"] li[data-need="signer"]');
      expect(await readiness.getAttribute("data-ok")).toBe("false");

      // 设置 (→ along the tabs, Enter selects): what the 报告 needs.
      await pressUntil(page, "设置", "ArrowRight", 8);
      await page.keyboard.press("Enter");
      await page.locator('input[name="signer"]').waitFor();
      const profile: Record<string, string> = {
        signer: "王建国",
        recipient: "中共开封市龙亭区委巡察工作领导小组",
        docNumberPrefix: "龙环卫党",
        nextDocNumber: "8",
      };
      for (const [name, value] of Object.entries(profile)) {
        await pressUntil(page, `[name=${name}]`);
        await page.keyboard.type(value);
      }
      await pressUntil(page, "保存");
      await page.keyboard.press("Space");
      await page.getByText("已保存。").waitFor();

      // 生成: 生成报告 with Enter, then the preview, then 保存.
      await pressUntil(page, "设置", "Shift+Tab");
      await pressUntil(page, "生成", "ArrowLeft", 8);
      await page.keyboard.press("Enter");
      await page.getByRole("button", { name: "生成报告" }).waitFor();
      await pressUntil(page, "生成报告");
      await page.keyboard.press("Enter");
      await page.getByText("已生成，请预览后保存").waitFor();
      await page.getByTestId("docx-preview").locator("section.docx").first().waitFor();
      // Focus stayed where the clerk was (not thrown back to the top of the page).
      expect(await focused(page)).toBe("生成报告");

      // 放大预览 (Enter), read it, 保存 inside it (Enter): the download.
      await pressUntil(page, "放大预览");
      await page.keyboard.press("Enter");
      const overlay = page.getByTestId("enlarged-preview");
      await overlay.locator("section.docx").first().waitFor();
      await expect
        .poll(() => overlay.getByTestId("enlarged-pages").innerText())
        .toMatch(/共 \d+ 页/);
      await pressUntil(page, "保存", "Tab", 10);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.keyboard.press("Enter"),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const saved = join(tmp.dir, "keyboard.docx");
      await download.saveAs(saved);
      const xml = new PizZip(readFileSync(saved)).file("word/document.xml")?.asText() ?? "";
      expect(xml).toContain("王建国");
      expect(xml).toContain("龙环卫党");
      // Esc closes the enlarged preview; focus is back on 放大预览.
      await page.keyboard.press("Escape");
      await overlay.waitFor({ state: "detached" });
      await expect.poll(() => focused(page)).toBe("放大预览");
      await page.getByText("已保存", { exact: true }).waitFor();
    } finally {
      await context.close();
    }
  });
});
