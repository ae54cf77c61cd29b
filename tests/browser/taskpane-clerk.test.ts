/**
 * The pane used as a clerk would (standalone, Chromium, zh-CN), on the real server:
 *  - 校验 shows each document's readiness (the same documentReadiness the renderer's rules make),
 *    a link opens the 设置 field, and after 设置 is saved the list agrees with the core again;
 *    生成 explains a refusal with that list, and offers 仍然生成 only when forcing can work;
 *  - 统计 draws the completion ring and the bars with the ledger's numbers;
 *  - dates are Chinese, and the as-of date survives a reload for the same file;
 *  - the server stopped mid-session: an unvisited tab and 生成 say "服务已停止，请重新运行 npm
 *    start" (no English), and 重试 recovers once the server is back.
 */

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPane, PROJECT_ROOT } from "../../scripts/pane-build";
import { analyseWorkbook, findingsAfterProfile, mergeProfile } from "../../src/core/index";
import type { LedgerAnalysis } from "../../src/core/model";
import type { UnitProfile } from "../../src/core/profile";
import { DOCUMENT_KINDS } from "../../src/documents/api";
import { renderDocument } from "../../src/documents/index";
import { documentReadiness } from "../../src/documents/readiness";
import { createExcelWorkbookPort } from "../../src/office/excel-port";
import { buildApp } from "../../src/server/app";
import { workbookGridFromXlsx } from "../../src/xlsx/grid";
import { tempDir } from "../integration/library/helpers";
import { launchChromium } from "../support/chromium";
import { installFakeOffice, uninstallFakeOffice } from "../support/fake-excel";
import { buildFakeOffice, listenOnLoopback } from "../support/pane-server";
import { fakeLedgerInput } from "./taskpane-fake-ledger";

const SHAOYANG = join(PROJECT_ROOT, "examples/邵阳市园林绿化中心-整改台账.xlsx");
const QINGFENG = join(PROJECT_ROOT, "examples/清丰县市政园林局-整改台账.xlsx");
const AS_OF = "2024-12-31";

async function coreAnalysis(file: string, profile?: UnitProfile): Promise<LedgerAnalysis> {
  const grid = await workbookGridFromXlsx(new Uint8Array(readFileSync(file)));
  const analysis = analyseWorkbook(grid, { asOf: AS_OF, precision: 0 });
  const info = mergeProfile(analysis.info, profile);
  return { ...analysis, info, findings: findingsAfterProfile(analysis.findings, info) };
}

/** What the readiness lists in the page say: kind → need → ok. */
async function shownReadiness(page: Page, scope = page.locator("body")) {
  const shown: Record<string, Record<string, boolean>> = {};
  for (const kind of DOCUMENT_KINDS) {
    const items = scope.locator(`ul[data-readiness="${kind}"] > li`);
    const n = await items.count();
    shown[kind] = {};
    for (let i = 0; i < n; i++) {
      const li = items.nth(i);
      shown[kind][(await li.getAttribute("data-need")) ?? ""] =
        (await li.getAttribute("data-ok")) === "true";
    }
  }
  return shown;
}

function expectedReadiness(analysis: LedgerAnalysis) {
  return Object.fromEntries(
    DOCUMENT_KINDS.map((kind) => [
      kind,
      Object.fromEntries(documentReadiness(analysis.info, kind).map((i) => [i.id, i.ok])),
    ]),
  );
}

/** Words of Latin letters a clerk would read as English (file extensions and npm excepted). */
function englishWords(text: string): string[] {
  const allowed = new Set(["npm", "start", "docx", "xlsx", "Excel", "WPS", "Word", "Office"]);
  return (text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !allowed.has(w));
}

describe("task pane for a clerk (Chromium, standalone)", () => {
  const tmp = tempDir("zhenggai-clerk-");
  const dist = join(tmp.dir, "dist");
  let app: FastifyInstance | undefined;
  let browser: Browser;
  let port = 0;
  let url = "";
  let context: BrowserContext;
  let page: Page;

  const startServer = async () => {
    app = await buildApp({
      distDir: dist,
      library: { dataDir: join(tmp.dir, "library"), adminToken: "taskpane-clerk-admin-0123456789" },
    });
    // The same port again after a restart: the page keeps talking to one address.
    url = await listenOnLoopback(app, port);
    port = Number(new URL(url).port);
  };

  beforeAll(async () => {
    mkdirSync(dist, { recursive: true });
    await Promise.all([
      buildPane({ outDir: dist, quiet: true }),
      buildFakeOffice(join(tmp.dir, "fake-office.js")),
    ]);
    await startServer();
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 400, height: 900 },
      locale: "zh-CN",
      acceptDownloads: true,
    });
    page = await context.newPage();
    await page.goto(`${url}/taskpane.html`);
  }, 180_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    tmp.remove();
  });

  it("校验 lists each document's readiness; the link opens 设置, and saving it updates the list", async () => {
    await page.getByTestId("open-xlsx").setInputFiles(SHAOYANG);
    await page.locator('section[aria-label="校验结果"]').waitFor();
    await page.getByRole("tab", { name: "生成" }).click();
    await page.getByTestId("as-of").fill(AS_OF);
    await page.getByRole("tab", { name: "校验" }).click();

    const before = await coreAnalysis(SHAOYANG);
    const expectedBefore = expectedReadiness(before);
    // 邵阳's 基本信息 has no 签发人 and no 发文字号: the 报告 is not ready.
    expect(expectedBefore.报告).toMatchObject({ signer: false, docNumber: false });
    await page.locator('ul[data-readiness="报告"] > li').first().waitFor();
    expect(await shownReadiness(page)).toEqual(expectedBefore);
    // The result is announced to screen readers, and re-checking is a labelled button.
    const errors = before.findings.filter((f) => f.severity === "error").length;
    const warnings = before.findings.filter((f) => f.severity === "warning").length;
    expect(await page.getByTestId("announce").getAttribute("aria-live")).toBe("polite");
    expect(await page.getByTestId("announce").textContent()).toBe(
      `校验完成：错误 ${errors} 条，警告 ${warnings} 条。`,
    );
    await page.getByRole("button", { name: "重新检查" }).click();
    await page.locator('ul[data-readiness="报告"] > li').first().waitFor();
    expect(await page.getByText("台账检查通过，可以生成文档。").count()).toBe(0);

    // 生成 refuses the 报告 for the same reason, says where (设置), and offers no useless override.
    await page.getByRole("tab", { name: "生成" }).click();
    await page.getByRole("button", { name: "生成报告" }).click();
    const refusal = page.getByTestId("refusal");
    await refusal.waitFor();
    expect(await refusal.locator(".fui-MessageBarTitle").innerText()).toBe(
      "设置有错误，报告未生成",
    );
    expect(await refusal.locator('li[data-need="signer"]').innerText()).toContain("签发人");
    expect(await page.getByRole("button", { name: "仍然生成" }).count()).toBe(0);

    // The link opens 设置 with 签发人 focused.
    await refusal.getByRole("button", { name: "在“设置”中填写" }).click();
    await page.locator('input[name="signer"]:focus').waitFor();
    const profile: UnitProfile = {
      signer: "刘建军",
      recipient: "中共邵阳市委巡察工作领导小组",
      docNumberPrefix: "邵园党",
    };
    for (const [key, value] of Object.entries(profile)) {
      await page.locator(`input[name="${key}"]`).fill(value);
    }
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("已保存。").waitFor();

    await page.getByRole("tab", { name: "校验" }).click();
    const after = expectedReadiness(await coreAnalysis(SHAOYANG, profile));
    expect(after.报告).toMatchObject({ signer: true, recipient: true, docNumber: false });
    await page.locator('li[data-need="signer"][data-ok="true"]').waitFor();
    expect(await shownReadiness(page)).toEqual(after);
    // 发文字号 is missing but does not block: it is offered as a suggestion.
    expect(
      await page.locator('ul[data-readiness="报告"] li[data-need="docNumber"]').innerText(),
    ).toContain("建议填写");
    // …and the saved 发文字号代字 shows how to write it.
    expect(
      await page.locator('ul[data-readiness="报告"] li[data-need="docNumber"]').innerText(),
    ).toContain(`邵园党〔${new Date().getFullYear()}〕1号`);
  });

  it("a ledger refusal offers 仍然生成 only once nothing else blocks the document", async () => {
    await page.getByTestId("open-xlsx").setInputFiles(QINGFENG);
    await page.getByText("清丰县市政园林局-整改台账.xlsx").first().waitFor();
    await page.locator('section[aria-label="校验结果"]').waitFor();
    await page.getByRole("tab", { name: "生成" }).click();
    await page.getByRole("button", { name: "生成通报" }).click();
    const refusal = page.getByTestId("refusal");
    await refusal.waitFor();
    // 74 declared vs 48 listed (台账) and no contact for the public notice (设置).
    expect(await refusal.locator(".fui-MessageBarTitle").innerText()).toBe(
      "台账、设置有错误，通报未生成",
    );
    expect(await refusal.locator('[data-place="台账"]').innerText()).toMatch(/74[^0-9]+48/);
    expect(await refusal.locator('li[data-need="contacts"]').count()).toBe(1);
    expect(await page.getByRole("button", { name: "仍然生成" }).count()).toBe(0);

    await refusal.getByRole("button", { name: "在“设置”中填写" }).click();
    await page.locator('input[name="phone"]:focus').waitFor();
    // A bad number is not saved (生成 would reject it): the field says why.
    expect(await page.locator('input[name="phone"]').getAttribute("placeholder")).toMatch(/^例：/);
    await page.locator('input[name="phone"]').fill("0393");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("有字段未通过检查，请按提示修改后再保存。").waitFor();
    await page.getByText(/格式不对：应为带区号的固定电话/).waitFor();
    expect(await page.getByText("已保存。").count()).toBe(0);
    await page.locator('input[name="phone"]').fill("0393-7221234");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("已保存。").waitFor();

    await page.getByRole("tab", { name: "生成" }).click();
    await page.getByRole("button", { name: "生成通报" }).click();
    await page.getByTestId("refusal").waitFor();
    expect(await page.getByTestId("refusal").locator(".fui-MessageBarTitle").innerText()).toBe(
      "台账有错误，通报未生成",
    );
    await page.getByRole("button", { name: "仍然生成" }).click();
    // Shown first, with its page count, and saved only on 保存.
    await page.locator("[data-pages]:not([data-pages='0'])").waitFor();
    const pages = Number(await page.locator("[data-pages]").getAttribute("data-pages"));
    expect(pages).toBeGreaterThan(0);
    expect(await page.getByText(`共 ${pages} 页`).count()).toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "保存", exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/通报\.docx$/);
  });

  it("统计 draws the completion ring and the bars with the ledger's numbers, dates in Chinese", async () => {
    await page.getByTestId("open-xlsx").setInputFiles(SHAOYANG);
    await page.getByText("邵阳市园林绿化中心-整改台账.xlsx").first().waitFor();
    await page.locator('section[aria-label="校验结果"]').waitFor();
    const { stats } = await coreAnalysis(SHAOYANG);
    await page.getByRole("tab", { name: "统计" }).click();

    const ring = page.locator('figure[data-chart="completion"]');
    await ring.waitFor();
    expect(await ring.getAttribute("data-total")).toBe(String(stats.total));
    expect(await ring.getAttribute("data-done")).toBe(String(stats.done));
    expect(await ring.getAttribute("aria-label")).toBe(
      `完成情况：问题${stats.total}个，已完成${stats.done}个，完成率${stats.completionRateText}`,
    );
    // The library drew it: two arcs and the rate inside the ring.
    await ring.locator("svg path").first().waitFor();
    expect(await ring.locator("svg path").count()).toBeGreaterThanOrEqual(2);
    expect(await ring.innerText()).toContain(stats.completionRateText);

    for (const [chart, groups] of [
      ["aspects", stats.byAspect],
      ["departments", stats.byDepartment],
    ] as const) {
      const figure = page.locator(`figure[data-chart="${chart}"]`);
      const bars = figure.locator(`ul[data-bars="${chart}"] > li`);
      expect(await bars.count()).toBe(groups.length);
      for (let i = 0; i < groups.length; i++) {
        const g = groups[i]!;
        const li = bars.nth(i);
        expect(await li.getAttribute("data-name")).toBe(g.name);
        expect(await li.getAttribute("data-total")).toBe(String(g.total));
        expect(await li.getAttribute("data-done")).toBe(String(g.done));
      }
      // One drawn bar per group, labelled with the group's name.
      expect(await figure.locator("svg").count()).toBeGreaterThanOrEqual(groups.length);
      for (const g of groups) expect(await figure.innerText()).toContain(g.name);
    }

    // The as-of date was kept for this file through the reopen, and every date reads in Chinese.
    await page.getByText("截至 2024年12月31日").first().waitFor();
    const text = await page.locator("main").innerText();
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("remembers the as-of date per workbook across a reload", async () => {
    await page.reload();
    await page.getByTestId("open-xlsx").setInputFiles(SHAOYANG);
    await page.locator('section[aria-label="校验结果"]').waitFor();
    await page.getByRole("tab", { name: "生成" }).click();
    // The field shows the date in Chinese; the date it holds is the one filled in.
    expect(await page.getByTestId("as-of").getAttribute("data-value")).toBe(AS_OF);
    expect(await page.getByTestId("as-of").inputValue()).toBe("2024年12月31日");
    await page.getByText("截至 2024年12月31日").first().waitFor();
  });

  it("a finished document chosen as the template is refused under 模板, in Chinese, with no override", async () => {
    // A real 报告 made from 邵阳: it has no tags left, so it is a document, not a template.
    const profile: UnitProfile = { signer: "刘建军", recipient: "中共邵阳市委巡察工作领导小组" };
    const made = renderDocument({
      template: new Uint8Array(readFileSync(join(PROJECT_ROOT, "templates/报告.docx"))),
      kind: "报告",
      analysis: await coreAnalysis(SHAOYANG, profile),
    });
    if (!made.ok) throw new Error(made.findings[0]?.message);
    const finished = join(tmp.dir, "邵阳-已写好的报告.docx");
    writeFileSync(finished, made.docx);

    await page.getByRole("tab", { name: "生成" }).click();
    await page.getByRole("radio", { name: "本机模板文件" }).check();
    await page.getByTestId("template-file").setInputFiles(finished);
    await page.getByText("邵阳-已写好的报告.docx").waitFor();
    await page.getByRole("button", { name: "生成报告" }).click();
    const refusal = page.getByTestId("refusal");
    await refusal.waitFor();
    expect(await refusal.locator(".fui-MessageBarTitle").innerText()).toBe(
      "模板有错误，报告未生成",
    );
    const text = await refusal.innerText();
    expect(text).toContain("不是模板");
    expect(text).not.toContain("word/document.xml");
    expect(await page.getByRole("button", { name: "仍然生成" }).count()).toBe(0);
    expect(await page.getByTestId("docx-preview").count()).toBe(0);
    await page.getByRole("radio", { name: "内置模板" }).check();
  });

  it("server stopped: an unvisited tab and 生成 say so in Chinese with 重试, and recover", async () => {
    await app?.close();
    app = undefined;

    // 模板 has not been visited: its chunk cannot load.
    await page.getByRole("tab", { name: "模板" }).click();
    const tabError = page.getByTestId("tab-error");
    await tabError.waitFor();
    expect(await tabError.innerText()).toContain("服务已停止，请重新运行 npm start");
    expect(englishWords(await page.locator("main").innerText())).toEqual([]);

    // 生成 with the built-in template needs the server too.
    await page.getByRole("tab", { name: "生成" }).click();
    await page.getByRole("button", { name: "生成报告" }).click();
    await page.getByText("服务已停止，请重新运行 npm start").first().waitFor();
    const generateText = await page.locator("main").innerText();
    expect(generateText).not.toContain("Failed to fetch");
    expect(englishWords(generateText)).toEqual([]);

    await startServer();
    await page.getByRole("tab", { name: "模板" }).click();
    await page.getByTestId("tab-error").waitFor();
    await page.getByRole("button", { name: "重试" }).click();
    await page.locator('section[aria-label="内置模板"]').waitFor();
    expect(await page.getByTestId("tab-error").count()).toBe(0);
  });

  describe("inside Excel (fake host) with two embedded 报告 templates", () => {
    let excel: BrowserContext;
    let pane: Page;
    const NAMES = ["县委巡察办报告模板", "本单位报告模板"] as const;

    beforeAll(async () => {
      // The templates are embedded here through the real Office adapter, then handed to the page.
      const host = installFakeOffice(fakeLedgerInput());
      try {
        const docx = new Uint8Array(readFileSync(join(PROJECT_ROOT, "templates/报告.docx")));
        const sha256 = createHash("sha256").update(docx).digest("hex");
        const port = createExcelWorkbookPort();
        for (const [i, name] of NAMES.entries()) {
          await port.embedded.embed({
            name,
            kind: "报告",
            version: String(i + 1),
            sha256,
            origin: "本机文件",
            docx,
          });
        }
        const parts = (host as unknown as { workbook: { parts: { xml: string }[] } }).workbook
          .parts;
        const xml = parts.map((p) => p.xml);
        expect(xml).toHaveLength(2);
        excel = await browser.newContext({
          viewport: { width: 350, height: 900 },
          locale: "zh-CN",
          acceptDownloads: true,
        });
        // The workbook keeps its document settings across a reload of the pane, as the file does
        // (the template picked is remembered there).
        await excel.addInitScript(
          `globalThis.__fakeCustomXmlParts = ${JSON.stringify(xml)}; globalThis.__fakeKeepSettings = true;`,
        );
      } finally {
        uninstallFakeOffice();
      }
      const fakeOfficeJs = readFileSync(join(tmp.dir, "fake-office.js"), "utf8");
      await excel.route("**/office-js/office.js", (route) =>
        route.fulfill({ contentType: "text/javascript; charset=utf-8", body: fakeOfficeJs }),
      );
      pane = await excel.newPage();
      await pane.goto(`${url}/taskpane.html`);
    });
    afterAll(() => excel?.close());

    it("a readiness link selects the 基本信息 cell; the picked template is used, named and remembered", async () => {
      await pane.locator('[data-host="excel"]').waitFor();
      const signer = pane.locator('ul[data-readiness="报告"] li[data-need="signer"]');
      await signer.waitFor();
      expect(await signer.getAttribute("data-ok")).toBe("false");
      await signer.getByRole("button", { name: /在「基本信息」[A-Z]+\d+ 填写/ }).click();
      await pane.waitForFunction("globalThis.__fakeHost.selections.length > 0");
      const selection = (await pane.evaluate("globalThis.__fakeHost.selections.at(-1)")) as {
        sheet: string;
        address: string;
      };
      expect(selection.sheet).toBe("基本信息");
      const linkText = await signer.getByRole("button", { name: /基本信息/ }).innerText();
      expect(linkText).toContain(selection.address);

      await pane.getByRole("button", { name: "在“设置”中填写" }).first().click();
      await pane.locator('input[name="signer"]:focus').waitFor();
      await pane.locator('input[name="signer"]').fill("刘建军");
      await pane.getByRole("button", { name: "保存" }).click();
      await pane.getByText("已保存。").waitFor();

      await pane.getByRole("tab", { name: "生成" }).click();
      await pane.getByRole("radio", { name: "工作簿内嵌模板" }).check();
      const pick = pane.getByTestId("template-pick-报告");
      await pick.waitFor();
      expect(await pick.locator("option").allInnerTexts()).toEqual([
        `${NAMES[0]} v1（本机文件）`,
        `${NAMES[1]} v2（本机文件）`,
      ]);
      await pick.selectOption(NAMES[1]);

      // The fake ledger has one error: the refusal names the ledger only, so 仍然生成 works.
      await pane.getByRole("button", { name: "生成报告" }).click();
      await pane.getByText("台账有错误，报告未生成").waitFor();
      await pane.getByRole("button", { name: "仍然生成" }).click();
      await pane.getByText("已生成，请预览后保存").waitFor();
      const [download] = await Promise.all([
        pane.waitForEvent("download"),
        pane.getByRole("button", { name: "保存", exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/报告\.docx$/);
      expect(await pane.getByTestId("template-used").innerText()).toBe(
        `${NAMES[1]} v2（本机文件）`,
      );

      // Remembered for this workbook.
      await pane.reload();
      await pane.locator('[data-host="excel"]').waitFor();
      await pane.getByRole("tab", { name: "生成" }).click();
      await pane.getByRole("radio", { name: "工作簿内嵌模板" }).check();
      expect(await pane.getByTestId("template-pick-报告").inputValue()).toBe(NAMES[1]);
    });
  });
});
