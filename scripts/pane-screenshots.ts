/**
 * Screenshots of every tab of the pane at a task-pane width (400 px) and a desktop width
 * (1280 px), for the README: docs/images/taskpane-<tab>-<width>.png, plus the enlarged preview
 * at 1280 px. The standalone page on the real server (a fresh build in a temporary folder, the
 * template library in a temporary folder), Debian's Chromium through playwright-core, the
 * example ledger opened with the welcome's 打开示例台账, a fixed as-of date and a filled-in 设置,
 * so that the pictures change only when the pane does.
 *
 *   npm run docs:screenshots            (tsx scripts/pane-screenshots.ts [--out docs/images])
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { buildApp } from "../src/server/app";
import { launchChromium } from "../tests/support/chromium";
import { buildPane, PROJECT_ROOT } from "./pane-build";

export const SCREENSHOT_WIDTHS = [400, 1280] as const;
const HEIGHT = 900;
const FIXED_PORT = 38_217;
const AS_OF = "2024年12月31日";
const PROFILE: Record<string, string> = {
  signer: "王建国",
  recipient: "中共开封市龙亭区委巡察工作领导小组",
  docNumberPrefix: "龙环卫党",
  nextDocNumber: "8",
  phone: "0371-5321234",
};

/** The tabs in the order the pane shows them, with the file name each picture gets. */
const TABS = [
  { label: "校验", file: "findings" },
  { label: "统计", file: "stats" },
  { label: "生成", file: "generate" },
  { label: "模板", file: "templates" },
  { label: "设置", file: "settings" },
] as const;

async function openTab(page: Page, label: string): Promise<void> {
  await page.getByRole("tab", { name: label }).click();
}

/** The example opened, 设置 filled in and the as-of date set. */
async function prepare(page: Page): Promise<void> {
  await page.getByRole("button", { name: "打开示例台账" }).click();
  await page.locator('section[aria-label="校验结果"]').waitFor();
  await openTab(page, "设置");
  for (const [name, value] of Object.entries(PROFILE)) {
    await page.locator(`input[name="${name}"]`).fill(value);
  }
  await page.getByRole("button", { name: "保存" }).click();
  await page.getByText("已保存。").waitFor();
  await openTab(page, "生成");
  const asOf = page.getByTestId("as-of");
  await asOf.fill(AS_OF);
  await asOf.press("Enter");
}

/** 生成报告 on the 生成 tab (a tab shows afresh each time it is opened). */
async function generateReport(page: Page): Promise<void> {
  await page.getByRole("button", { name: "生成报告" }).click();
  await page.getByText("已生成，请预览后保存").waitFor();
  await page.getByTestId("docx-preview").locator("section.docx").first().waitFor();
}

/** Waits until what a tab loads lazily is drawn (charts, the library list, fonts). */
async function settle(page: Page, tab: (typeof TABS)[number]["file"]): Promise<void> {
  if (tab === "findings") await page.locator('section[aria-label="校验结果"]').waitFor();
  if (tab === "stats") {
    await page.getByTestId("stat-total").waitFor();
    await page.locator("svg").first().waitFor();
  }
  if (tab === "generate")
    await page.getByTestId("docx-preview").locator("section.docx").first().waitFor();
  if (tab === "settings") await page.locator('input[name="signer"]').waitFor();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForLoadState("networkidle");
  // Spinners gone and the last layout done.
  await page.waitForFunction(() => document.querySelectorAll('[role="progressbar"]').length === 0);
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
}

export async function takePaneScreenshots(
  outDir = join(PROJECT_ROOT, "docs/images"),
): Promise<string[]> {
  const tmp = mkdtempSync(join(tmpdir(), "zhenggai-screens-"));
  const dist = join(tmp, "dist");
  await buildPane({ outDir: dist, quiet: true });
  const app = await buildApp({
    distDir: dist,
    library: { dataDir: join(tmp, "library"), adminToken: "screenshots-admin-0123456789abcdef" },
  });
  // A fixed port when free: 模板 shows the library's address, and it should not change per run.
  await app
    .listen({ host: "127.0.0.1", port: FIXED_PORT })
    .catch(() => app.listen({ host: "127.0.0.1", port: 0 }));
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const browser = await launchChromium();
  const written: string[] = [];
  mkdirSync(outDir, { recursive: true });
  try {
    for (const width of SCREENSHOT_WIDTHS) {
      const context = await browser.newContext({
        viewport: { width, height: HEIGHT },
        deviceScaleFactor: 1,
        locale: "zh-CN",
        timezoneId: "Asia/Shanghai",
        // No transitions half way (the selected tab's underline slides): the same picture each run.
        reducedMotion: "reduce",
      });
      const page = await context.newPage();
      await page.goto(`${url}/standalone.html`);
      await page.getByTestId("welcome").waitFor();
      await prepare(page);
      for (const tab of TABS) {
        await openTab(page, tab.label);
        if (tab.file === "generate") await generateReport(page);
        await settle(page, tab.file);
        // Each tab from its top, as it first shows.
        await page.locator("main").evaluate((m) => m.scrollTo(0, 0));
        const file = join(outDir, `taskpane-${tab.file}-${width}.png`);
        await page.screenshot({ path: file, animations: "disabled" });
        written.push(file);
      }
      if (width === 1280) {
        await openTab(page, "生成");
        await generateReport(page);
        await page.getByRole("button", { name: "放大预览" }).click();
        const overlay = page.getByTestId("enlarged-preview");
        await overlay.locator("section.docx").first().waitFor();
        await overlay.getByText(/共 \d+ 页/).waitFor();
        await settle(page, "generate");
        const file = join(outDir, `taskpane-preview-${width}.png`);
        await page.screenshot({ path: file, animations: "disabled" });
        written.push(file);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf("--out");
  const out = i > 0 ? process.argv[i + 1] : undefined;
  const files = await takePaneScreenshots(out ? join(process.cwd(), out) : undefined);
  for (const f of files) console.log(f);
}
