/**
 * The pane inside the fake Excel host (tests/support/fake-excel.ts, served in place of office.js),
 * Chromium, the real server:
 *  - the as-of date typed in 生成 (and the template source) is kept in the workbook's document
 *    settings (saveAsync), not in the browser: after a reload of the pane it is still there,
 *    read back from the settings;
 *  - 放大预览 opens preview-dialog.html with displayDialogAsync, sends it the rendered .docx with
 *    messageChild (the chunks put together are the document, byte for byte; the page has the add-in
 *    page's Content-Security-Policy), the dialog draws it
 *    through the sanitised renderer and says how many pages; its 保存 downloads the document
 *    from the pane, its 关闭 closes it;
 *  - when Office will not open the dialog, or without DialogApi 1.2, the same control enlarges
 *    the preview over the pane, with 保存.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import PizZip from "pizzip";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPane } from "../../scripts/pane-build";
import { fromBase64 } from "../../src/office/base64";
import { CHOICES_SETTING } from "../../src/office/choices";
import type { ToDialog } from "../../src/office/preview-protocol";
import { buildApp } from "../../src/server/app";
import { tempDir } from "../integration/library/helpers";
import { launchChromium } from "../support/chromium";
import { buildFakeOffice, listenOnLoopback } from "../support/pane-server";

const AS_OF = "2024-12-31";

/** The document's body text, to compare two .docx files by what they say. */
function bodyText(bytes: Uint8Array): string {
  const xml = new PizZip(bytes).file("word/document.xml")?.asText() ?? "";
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

describe("task pane in the fake Excel host: settings and the preview dialog", () => {
  const tmp = tempDir("zhenggai-excel-dialog-");
  let app: FastifyInstance;
  let browser: Browser;
  let url = "";
  let fakeOfficeJs = "";

  beforeAll(async () => {
    const dist = join(tmp.dir, "dist");
    const fakeOffice = join(tmp.dir, "fake-office.js");
    [, fakeOfficeJs] = await Promise.all([
      buildPane({ outDir: dist, quiet: true }),
      buildFakeOffice(fakeOffice),
    ]);
    app = await buildApp({ distDir: dist, library: false });
    url = await listenOnLoopback(app);
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    tmp.remove();
  });

  async function excelPane(init: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport: { width: 420, height: 800 },
      locale: "zh-CN",
      acceptDownloads: true,
    });
    await context.addInitScript(init);
    await context.route("**/office-js/office.js", (route) =>
      route.fulfill({ contentType: "text/javascript; charset=utf-8", body: fakeOfficeJs }),
    );
    const page = await context.newPage();
    await page.goto(`${url}/taskpane.html`);
    await page.locator('[data-host="excel"]').waitFor();
    await page.locator('section[aria-label="校验结果"]').waitFor();
    return { context, page };
  }

  const settingsOf = async (page: Page): Promise<Record<string, unknown>> =>
    JSON.parse(
      await page.evaluate(() => {
        const g = globalThis as unknown as { __fakeHost: { workbook: { savedSettings: string } } };
        return g.__fakeHost.workbook.savedSettings;
      }),
    ) as Record<string, unknown>;

  /** 生成通报 on the ready ledger until the preview is on screen. */
  async function generateNotice(page: Page): Promise<void> {
    await page.getByRole("tab", { name: "生成" }).click();
    await page.getByRole("button", { name: "生成通报" }).click();
    const done = page.getByText("已生成，请预览后保存");
    const refused = page.getByTestId("refusal");
    await done.or(refused).first().waitFor();
    if (await refused.isVisible()) throw new Error(`通报未生成：${await refused.innerText()}`);
    await page.getByTestId("docx-preview").locator("section.docx").first().waitFor();
  }

  it("keeps the as-of date in the workbook's document settings: a reload reads it back", async () => {
    const { context, page } = await excelPane("globalThis.__fakeKeepSettings = true;");
    try {
      await page.getByRole("tab", { name: "生成" }).click();
      const field = page.getByTestId("as-of");
      await field.fill("2024年12月31日");
      await field.press("Tab");
      expect(await field.inputValue()).toBe("2024年12月31日");
      await expect
        .poll(async () => (await settingsOf(page))[CHOICES_SETTING])
        .toEqual({ asOf: AS_OF });
      // The template source is kept with it.
      await page.getByRole("radio", { name: "工作簿内嵌模板" }).check();
      await expect
        .poll(async () => (await settingsOf(page))[CHOICES_SETTING])
        .toEqual({ asOf: AS_OF, templateSource: "embedded" });
      // Nothing of it in the browser's storage: the workbook carries it.
      const local = await page.evaluate(() => JSON.stringify({ ...localStorage }));
      expect(local).not.toContain(AS_OF);

      await page.reload();
      await page.locator('section[aria-label="校验结果"]').waitFor();
      await page.getByRole("tab", { name: "生成" }).click();
      expect(await page.getByTestId("as-of").inputValue()).toBe("2024年12月31日");
      expect(await page.getByTestId("as-of").getAttribute("data-value")).toBe(AS_OF);
      expect(await page.getByRole("radio", { name: "工作簿内嵌模板" }).isChecked()).toBe(true);
      // Read back from the settings the host loaded with the file, not kept by the page.
      expect((await settingsOf(page))[CHOICES_SETTING]).toEqual({
        asOf: AS_OF,
        templateSource: "embedded",
      });
      await page.getByRole("tab", { name: "统计" }).click();
      await page.getByText("截至 2024年12月31日", { exact: false }).first().waitFor();
    } finally {
      await context.close();
    }
  });

  it("放大预览 opens the preview dialog (displayDialogAsync + messageChild): pages, 保存, 关闭", async () => {
    const { context, page } = await excelPane("globalThis.__fakeReadyLedger = true;");
    try {
      await generateNotice(page);
      const fileName = await page.getByTestId("generated-file").innerText();
      await page.getByRole("button", { name: "放大预览" }).click();

      const frame = page.frameLocator('iframe[data-testid="office-dialog"]');
      await frame.locator("section.docx").first().waitFor();
      const pages = await frame.locator("section.docx").count();
      expect(pages).toBeGreaterThan(0);
      expect(await frame.getByTestId("dialog-pages").innerText()).toBe(`共 ${pages} 页`);
      expect(await frame.locator("#title").innerText()).toBe(fileName);
      // The pane says so too, with the same count.
      expect(await page.getByTestId("preview-window").innerText()).toContain(`共 ${pages} 页`);
      // Nothing in the dialog's preview can run or load (the sanitised renderer).
      expect(await frame.locator("#preview script, #preview iframe, #preview object").count()).toBe(
        0,
      );

      const dialogs = await page.evaluate(() => {
        const g = globalThis as unknown as {
          __fakeHost: { dialogs: { url: string; toChild: string[]; closed: boolean }[] };
        };
        return g.__fakeHost.dialogs;
      });
      expect(dialogs).toHaveLength(1);
      expect(new URL(dialogs[0]!.url).pathname).toBe("/preview-dialog.html");
      // Served with the add-in page's policy (office.js may load from Microsoft inside Office;
      // nothing inline runs).
      const policy = (await fetch(dialogs[0]!.url)).headers.get("content-security-policy") ?? "";
      expect(policy).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
      expect(policy).toContain("object-src 'none'");
      // The chunks sent with messageChild are the document the pane rendered.
      const messages = dialogs[0]!.toChild.map((m) => JSON.parse(m) as ToDialog);
      expect(messages[0]).toMatchObject({ type: "start", fileName });
      const sent = fromBase64(
        messages.flatMap((m) => (m.type === "chunk" ? [m.data] : [])).join(""),
      );

      // 保存 in the dialog saves from the pane.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        frame.getByRole("button", { name: "保存" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(fileName);
      const saved = join(tmp.dir, "dialog.docx");
      await download.saveAs(saved);
      const bytes = new Uint8Array(readFileSync(saved));
      expect(Buffer.from(bytes).equals(Buffer.from(sent))).toBe(true);
      expect(bodyText(bytes)).toContain("整改");
      await page.getByText("已保存", { exact: true }).waitFor();

      await frame.getByRole("button", { name: "关闭" }).click();
      await page.locator('iframe[data-testid="office-dialog"]').waitFor({ state: "detached" });
      await page.getByTestId("preview-window").waitFor({ state: "detached" });

      // A dialog Office refuses to open: the preview is enlarged in the pane, and the pane says why.
      await page.evaluate(() => {
        (
          globalThis as unknown as { __fakeHost: { failNextDialog: boolean } }
        ).__fakeHost.failNextDialog = true;
      });
      await page.getByRole("button", { name: "放大预览" }).click();
      await page.getByText("无法打开预览窗口：A dialog box is already opened").waitFor();
      await page.getByTestId("enlarged-preview").locator("section.docx").first().waitFor();
      await page.keyboard.press("Escape");
      await page.getByTestId("enlarged-preview").waitFor({ state: "detached" });
    } finally {
      await context.close();
    }
  });

  it("without DialogApi 1.2, 放大预览 enlarges the preview over the pane, with its pages and 保存", async () => {
    const { context, page } = await excelPane(
      'globalThis.__fakeReadyLedger = true; globalThis.__fakeDialogApi = "1.1";',
    );
    try {
      await generateNotice(page);
      const fileName = await page.getByTestId("generated-file").innerText();
      await page.getByRole("button", { name: "放大预览" }).click();
      const overlay = page.getByTestId("enlarged-preview");
      await overlay.locator("section.docx").first().waitFor();
      const pages = await overlay.locator("section.docx").count();
      await expect
        .poll(() => overlay.getByTestId("enlarged-pages").innerText())
        .toBe(` · 共 ${pages} 页`);
      expect(await page.locator('iframe[data-testid="office-dialog"]').count()).toBe(0);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        overlay.getByRole("button", { name: "保存" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(fileName);
      await overlay.getByRole("button", { name: "再次保存" }).waitFor();
      await page.keyboard.press("Escape");
      await overlay.waitFor({ state: "detached" });
      // Focus returns to the control that opened it.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
        .toBe("放大预览");
    } finally {
      await context.close();
    }
  });
});
