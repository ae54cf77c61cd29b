/**
 * The task pane in Chromium, built once with Vite and served by the real server (buildApp):
 *  - standalone (office.js finds no host): open an example ledger, check 校验 and 统计 against the
 *    core, fill 设置, generate 报告 and 通报 (each download opened as a .docx and compared with
 *    the same render done here), and see the seed 000 ledger (74 declared, 48 listed) refused;
 *  - inside a fake Excel host (tests/support/fake-excel.ts, bundled and served in place of
 *    office.js): findings select their cells, 写入统计表 writes 整改统计, the ledger sheet never
 *    changes, and reading + writing takes at most 3 syncs;
 *  - screenshots of every tab at a task-pane size in test-artifacts/ (UPDATE_SCREENSHOTS=1 also
 *    copies them to docs/images/ for the README).
 */
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import PizZip from "pizzip";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPane, PROJECT_ROOT } from "../../scripts/pane-build";
import { analyseWorkbook, mergeProfile } from "../../src/core/index";
import type { Finding, LedgerAnalysis, Severity } from "../../src/core/model";
import type { UnitProfile } from "../../src/core/profile";
import type { DocumentKind } from "../../src/documents/api";
import { renderDocument } from "../../src/documents/index";
import { createExcelWorkbookPort } from "../../src/office/excel-port";
import { buildApp } from "../../src/server/app";
import { todayLocal } from "../../src/taskpane/state/session";
import { workbookGridFromXlsx } from "../../src/xlsx/grid";
import { tempDir } from "../integration/library/helpers";
import { launchChromium } from "../support/chromium";
import { type FakeOfficeHost, installFakeOffice, uninstallFakeOffice } from "../support/fake-excel";
import { defaultStatus, LEDGER_HEADER } from "../support/office-ledger";
import { buildFakeOffice, listenOnLoopback } from "../support/pane-server";
import { BROKEN_PROBLEM, BROKEN_STATUS, fakeLedgerInput } from "./taskpane-fake-ledger";

const SHAOYANG = join(PROJECT_ROOT, "examples/邵阳市园林绿化中心-整改台账.xlsx");
const QINGFENG = join(PROJECT_ROOT, "examples/清丰县市政园林局-整改台账.xlsx");
const ARTIFACTS = join(PROJECT_ROOT, "test-artifacts");
const DOC_IMAGES = join(PROJECT_ROOT, "docs/images");
const AS_OF = "2024-12-31";
/** What a clerk fills in 设置 so that the report (上行文) has its 签发人 and 主送机关. */
const PROFILE: UnitProfile = {
  signer: "刘建军",
  recipient: "中共邵阳市委巡察工作领导小组",
  docNumberPrefix: "邵园党",
};
const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
const SEVERITY_TEXT: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

/** The analysis the pane should show: the core on the same file, 基本信息 completed by 设置. */
async function coreAnalysis(
  file: string,
  asOf: string,
  profile?: UnitProfile,
): Promise<LedgerAnalysis> {
  const grid = await workbookGridFromXlsx(new Uint8Array(readFileSync(file)));
  // The profile merges before validation, as the pane does.
  return analyseWorkbook(grid, { asOf, precision: 0, ...(profile ? { profile } : {}) });
}

/** Opens a .docx as a zip and returns its body text, one string per paragraph. */
function docxParagraphs(bytes: Uint8Array): string[] {
  const zip = new PizZip(bytes);
  expect(zip.file("[Content_Types].xml")?.asText()).toContain("wordprocessingml.document.main");
  const xml = zip.file("word/document.xml")?.asText() ?? "";
  expect(xml).toMatch(/^<\?xml[^>]*\?>\s*<w:document\b/);
  // A line break inside a paragraph (the title's lines) reads as "\n".
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((t) => (t[0] === "<w:br/>" ? "\n" : t[1]))
      .join(""),
  );
}

const count = (findings: readonly Finding[], s: Severity) =>
  findings.filter((f) => f.severity === s).length;

/** Findings by code, in order of first appearance (how 校验 groups them). */
function byCode(findings: readonly Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.code, [...(groups.get(f.code) ?? []), f]);
  return [...groups];
}

/**
 * The 校验 tab shows the analysis' findings: counts per severity, one group per code with its
 * count, and, once a group is opened (and 再显示 clicked until none is left), every finding.
 */
async function expectFindingsTab(page: Page, findings: readonly Finding[]): Promise<void> {
  const section = page.locator('section[aria-label="校验结果"]');
  await section.waitFor();
  for (const s of SEVERITIES) {
    await section.getByText(`${SEVERITY_TEXT[s]} ${count(findings, s)}`, { exact: true }).waitFor();
  }
  expect(await section.getByText("没有错误").count()).toBe(count(findings, "error") === 0 ? 1 : 0);
  // Errors and warnings are open by default; each item names its sheet and cell and says what.
  for (const s of ["error", "warning"] as const) {
    const groups = byCode(findings.filter((f) => f.severity === s));
    const shown = section.locator(`ul[data-severity="${s}"] > li`);
    expect(await shown.count()).toBe(groups.length);
    for (const [i, [code, expected]] of groups.entries()) {
      const group = shown.nth(i);
      expect(await group.getAttribute("data-code")).toBe(code);
      expect(await group.getByTestId("group-count").innerText()).toBe(String(expected.length));
      const header = group.locator("button[aria-expanded]").first();
      if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
      const more = group.getByRole("button", { name: /^再显示/ });
      while ((await more.count()) > 0) await more.click();
      const items = await group.locator(`ul[data-code="${code}"] > li`).allInnerTexts();
      expect(items).toHaveLength(expected.length);
      expected.forEach((f, j) => {
        // The place stands on its own line, then what is wrong (the message without the place).
        expect(items[j]).toContain(f.detail);
        expect(items[j]).toContain(f.cell ? `${f.sheet}!${f.cell}` : f.sheet);
        if (f.cell || f.row) expect(items[j]).toContain("定位");
      });
    }
  }
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name }).click();
}

async function screenshot(page: Page, tab: string): Promise<void> {
  const file = join(ARTIFACTS, `taskpane-${tab}.png`);
  await page.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS === "1") {
    copyFileSync(file, join(DOC_IMAGES, `taskpane-${tab}.png`));
  }
}

describe("task pane in Chromium", () => {
  const tmp = tempDir("zhenggai-taskpane-");
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
      library: { dataDir: join(tmp.dir, "library"), adminToken: "taskpane-test-admin-0123456789" },
    });
    url = await listenOnLoopback(app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    tmp.remove();
  });

  const paneContext = () =>
    browser.newContext({
      viewport: { width: 420, height: 800 },
      deviceScaleFactor: 1,
      locale: "zh-CN",
      acceptDownloads: true,
    });

  describe("standalone (a browser or WPS user opens an .xlsx)", () => {
    let context: BrowserContext;
    let page: Page;
    let downloads = 0;

    beforeAll(async () => {
      context = await paneContext();
      page = await context.newPage();
      page.on("download", () => downloads++);
      await page.goto(`${url}/taskpane.html`);
    });
    afterAll(() => context?.close());

    /**
     * Clicks 生成报告 / 生成通报, sees the preview (nothing saved yet), then 保存; returns the
     * downloaded file.
     */
    async function generate(kind: DocumentKind): Promise<{ name: string; bytes: Uint8Array }> {
      const before = downloads;
      await page.getByRole("button", { name: `生成${kind}` }).click();
      await page.getByText("已生成，请预览后保存").waitFor();
      await page.getByTestId("docx-preview").locator("section.docx").first().waitFor();
      expect(downloads).toBe(before);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "保存", exact: true }).click(),
      ]);
      await page.getByText("已保存", { exact: true }).waitFor();
      const saved = join(tmp.dir, `${kind}.docx`);
      await download.saveAs(saved);
      return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(saved)) };
    }

    it("opens 邵阳 with no host: 校验 and 统计 show what the core finds (25 / 18 / 72%)", async () => {
      await page.locator('[data-host="standalone"]').waitFor();
      await page.getByText("打开整改台账").waitFor();
      await page.getByTestId("open-xlsx").setInputFiles(SHAOYANG);
      await page.locator('section[aria-label="校验结果"]').waitFor();

      // The as-of date first, so that every number below is for a fixed day.
      await openTab(page, "生成");
      await page.getByTestId("as-of").fill(AS_OF);
      await openTab(page, "设置");
      for (const [key, value] of Object.entries(PROFILE)) {
        await page.locator(`input[name="${key}"]`).fill(value);
      }
      await page.getByRole("button", { name: "保存" }).click();
      await page.getByText("已保存。").waitFor();
      await screenshot(page, "settings");

      const expected = await coreAnalysis(SHAOYANG, AS_OF, PROFILE);
      await openTab(page, "校验");
      await expectFindingsTab(page, expected.findings);

      await openTab(page, "统计");
      const s = expected.stats;
      expect([s.total, s.done, s.completionRateText]).toEqual([25, 18, "72%"]);
      await page.getByText("截至 2024年12月31日").first().waitFor();
      expect(await page.getByTestId("stat-total").textContent()).toBe(String(s.total));
      expect(await page.getByTestId("stat-done").textContent()).toBe(String(s.done));
      expect(await page.getByTestId("stat-rate").textContent()).toBe(s.completionRateText);
      expect(await page.locator('[data-status="长期整改"]').innerText()).toContain(
        `${s.byStatus.长期整改} 个`,
      );
      // Standalone has no workbook to write into.
      expect(await page.getByRole("button", { name: "写入统计表" }).count()).toBe(0);
      await screenshot(page, "stats");
    });

    it("generates 报告 then 通报: valid .docx downloads with the ledger's numbers, previewed in the pane", async () => {
      const analysis = await coreAnalysis(SHAOYANG, AS_OF, PROFILE);
      await openTab(page, "生成");
      // The field shows the date in Chinese; the date it holds is the one filled in.
      expect(await page.getByTestId("as-of").getAttribute("data-value")).toBe(AS_OF);
      expect(await page.getByTestId("as-of").inputValue()).toBe("2024年12月31日");

      for (const kind of ["报告", "通报"] as const) {
        const file = await generate(kind);
        const reference = await renderDocument({
          template: new Uint8Array(readFileSync(join(PROJECT_ROOT, `templates/${kind}.docx`))),
          kind,
          analysis,
        });
        if (!reference.ok)
          throw new Error(`reference render failed: ${reference.findings[0]?.message}`);
        expect(file.name).toBe(reference.fileName);
        const paragraphs = docxParagraphs(file.bytes);
        // The pane's document is the one the core and the renderer make from the same ledger.
        expect(paragraphs).toEqual(docxParagraphs(reference.docx));
        const text = paragraphs.join("\n");
        if (kind === "通报") {
          expect(text).toContain("中共邵阳市园林绿化中心委员会\n关于巡察整改进展情况的通报");
          expect(text).toMatch(/截至2024年12月31日[^。]*25个[^。]*已完成整改18个[^。]*长期整改7个/);
        } else {
          expect(text).toContain(
            "中共邵阳市园林绿化中心委员会\n关于落实市委第四巡察组\n反馈意见整改情况的报告",
          );
          expect(text).toContain(`签发人：${PROFILE.signer}`);
          expect(text).toContain(`${PROFILE.recipient}：`);
          expect(text).toMatch(/12个方面25个问题/);
          expect(text).toMatch(/截至2024年12月31日，已完成整改18个，整改完成率72%，长期整改7个/);
        }
        expect(await page.getByTestId("generated-file").textContent()).toBe(reference.fileName);
        // docx-preview drew the pages of this document in the pane.
        const preview = page.getByTestId("docx-preview");
        await preview.locator("section.docx").first().waitFor();
        await preview
          .getByText(kind === "通报" ? "巡察整改进展情况的通报" : "整改情况的报告")
          .first()
          .waitFor();
      }
      expect(downloads).toBe(2);

      // The generate buttons at the top, the outcome and the preview below them.
      await page
        .getByRole("button", { name: "生成报告" })
        .evaluate((button) => button.scrollIntoView({ block: "start" }));
      await page.getByText("正在生成预览……").waitFor({ state: "detached" });
      await screenshot(page, "generate");

      await openTab(page, "模板");
      await page.locator('section[aria-label="内置模板"]').waitFor();
      await screenshot(page, "templates");
    });

    it("opens the seed 000 ledger: 74 declared vs 48 listed is an error, and generating refuses", async () => {
      await page.getByTestId("open-xlsx").setInputFiles(QINGFENG);
      await page.getByRole("tab", { name: "校验", selected: true }).waitFor();
      await page.getByText("清丰县市政园林局-整改台账.xlsx").first().waitFor();

      const expected = await coreAnalysis(QINGFENG, AS_OF, PROFILE);
      const declared = expected.findings.find((f) => f.code === "info.declared.problems");
      expect(declared?.severity).toBe("error");
      expect(declared?.message).toMatch(/74[^0-9]+48/);
      await expectFindingsTab(page, expected.findings);
      const errorItems = page.locator('ul[data-severity="error"] ul[data-code] > li');
      expect(await errorItems.filter({ hasText: "74" }).filter({ hasText: "48" }).count()).toBe(1);
      await screenshot(page, "findings");

      await openTab(page, "生成");
      const before = downloads;
      await page.getByRole("button", { name: "生成通报" }).click();
      // The ledger's error and, for the public notice, the missing contact (a 设置 field): forcing
      // past the ledger would still be refused, so no 仍然生成 (taskpane-clerk.test.ts shows it
      // offered once the contact is filled).
      await page.getByText("台账、设置有错误，通报未生成").waitFor();
      const refusal = page.getByTestId("refusal");
      expect(await refusal.innerText()).toContain(
        `基本信息!${declared!.cell}：${declared!.detail}`,
      );
      expect(await refusal.locator('li[data-need="contacts"]').count()).toBe(1);
      expect(await page.getByRole("button", { name: "仍然生成" }).count()).toBe(0);
      expect(await page.getByTestId("docx-preview").count()).toBe(0);
      expect(downloads).toBe(before);
    });
  });

  describe("inside Excel (fake host served as office.js)", () => {
    let context: BrowserContext;
    let page: Page;
    let expected: LedgerAnalysis;

    const host = <T>(fn: string): Promise<T> => page.evaluate(fn) as Promise<T>;
    const ledgerUnchanged = async () =>
      expect(await host('globalThis.__fakeHost.snapshot("整改台账")')).toEqual(
        await host("globalThis.__ledgerBefore"),
      );

    beforeAll(async () => {
      // What the pane should find: the Office adapter and the core, here in Node, on the same input.
      installFakeOffice(fakeLedgerInput());
      try {
        const grid = await createExcelWorkbookPort().readWorkbook();
        const analysis = analyseWorkbook(grid, { asOf: todayLocal(), precision: 0 });
        expected = { ...analysis, info: mergeProfile(analysis.info, undefined) };
      } finally {
        uninstallFakeOffice();
      }
      context = await paneContext();
      await context.route("**/office-js/office.js", (route) =>
        route.fulfill({ contentType: "text/javascript; charset=utf-8", body: fakeOfficeJs }),
      );
      page = await context.newPage();
      await page.goto(`${url}/taskpane.html`);
    });
    afterAll(() => context?.close());

    it("detects Excel, validates in at most 3 syncs with 写入统计表, selects a finding's cell, never changes the ledger", async () => {
      await page.locator('[data-host="excel"]').waitFor();
      await expectFindingsTab(page, expected.findings);
      const broken = expected.findings.find((f) => f.code === "ledger.status.unknown");
      expect(broken?.message).toContain(BROKEN_STATUS);
      expect(broken).toMatchObject({ sheet: "整改台账", cell: `J${3 + BROKEN_PROBLEM}` });
      await ledgerUnchanged();
      const readSyncs =
        (await host<number>("globalThis.__fakeHost.syncCount")) -
        (await host<number>("globalThis.__fakeHost.eventSyncCount"));

      await openTab(page, "统计");
      expect(await page.getByTestId("stat-total").textContent()).toBe(String(expected.stats.total));
      await page.getByRole("button", { name: "写入统计表" }).click();
      await page.getByText("已写入“整改统计”工作表。").waitFor();
      // Registering worksheets.onChanged (once, for the automatic re-check) is its own sync and
      // neither reads nor writes cells: counted apart.
      expect(await host<number>("globalThis.__fakeHost.eventSyncCount")).toBe(1);
      const syncs =
        (await host<number>("globalThis.__fakeHost.syncCount")) -
        (await host<number>("globalThis.__fakeHost.eventSyncCount"));
      expect(readSyncs).toBeGreaterThan(0);
      expect(syncs).toBeGreaterThan(readSyncs);
      expect(syncs).toBeLessThanOrEqual(3);
      const stats = await host<{ values: unknown[][] }>(
        'globalThis.__fakeHost.read("整改统计", "A1:J40")',
      );
      expect(stats.values.find((r) => r[0] === "问题总数")?.[1]).toBe(expected.stats.total);
      await ledgerUnchanged();

      await openTab(page, "校验");
      await page.locator(`button[data-cell="${broken!.cell}"]`).click();
      await page.waitForFunction("globalThis.__fakeHost.selections.length > 0");
      const selections = await host<FakeOfficeHost["selections"]>(
        "globalThis.__fakeHost.selections",
      );
      expect(selections.at(-1)).toEqual({ sheet: broken!.sheet, address: broken!.cell });
      await ledgerUnchanged();
    });

    it("规范台账 offers 修正半角标点 with the list; after 修改 only those cells change, and 校验 re-checks", async () => {
      // The clerk types two cells with half-width punctuation in Excel.
      const measures = LEDGER_HEADER.indexOf("整改措施");
      const result = LEDGER_HEADER.indexOf("整改成效");
      const letter = (c: number) => String.fromCharCode(65 + c);
      await host(`(() => {
        const s = globalThis.__fakeHost.workbook.sheet("整改台账");
        s.touch(2, ${measures}).value = "加强学习,提高认识;落实(整改)";
        s.touch(3, ${result}).value = "投入1,000元,完成整改";
      })()`);
      // Findings are grouped by code; the group carries its count.
      const halfWidth = async () => {
        const group = page.locator(
          'section[aria-label="校验结果"] li[data-code="text.halfWidthPunctuation"]',
        );
        return (await group.count()) === 0 ? 0 : Number(await group.getAttribute("data-count"));
      };
      await page.getByRole("button", { name: "重新检查" }).click();
      await openTab(page, "校验");
      await expect.poll(halfWidth, { timeout: 10_000 }).toBe(2);
      await openTab(page, "设置");
      await page.getByRole("button", { name: "规范台账", exact: true }).click();
      const offer = page.getByRole("button", { name: "修正半角标点（2 处）" });
      await offer.waitFor();
      const list = await page.getByRole("table", { name: "半角标点修正清单" }).innerText();
      expect(list).toContain(
        `整改台账!${letter(measures)}3\t加强学习,提高认识;落实(整改) → 加强学习，提高认识；落实（整改）`,
      );
      expect(list).toContain(
        `整改台账!${letter(result)}4\t投入1,000元,完成整改 → 投入1,000元，完成整改`,
      );
      const before = await host<
        FakeOfficeHost extends { snapshot(s: string): infer R } ? R : never
      >('globalThis.__fakeHost.snapshot("整改台账")');

      await offer.click();
      const dialog = page.getByRole("dialog");
      await dialog.getByText("Excel 的“撤消”不能撤回这次修改", { exact: false }).waitFor();
      // Nothing is written before the user confirms.
      expect(await host('globalThis.__fakeHost.snapshot("整改台账")')).toEqual(before);
      await dialog.getByRole("button", { name: "修改", exact: true }).click();
      await page.getByText("已修改 2 个单元格，原值见上表。", { exact: false }).waitFor();

      const after = await host<typeof before>('globalThis.__fakeHost.snapshot("整改台账")');
      const changed = Object.keys({ ...before.values, ...after.values }).filter(
        (a) => before.values[a] !== after.values[a],
      );
      expect(changed.sort()).toEqual([`${letter(measures)}3`, `${letter(result)}4`].sort());
      expect(after.values[`${letter(measures)}3`]).toBe("加强学习，提高认识；落实（整改）");
      expect(after.values[`${letter(result)}4`]).toBe("投入1,000元，完成整改");
      expect(after.formats).toEqual(before.formats);
      expect(after.validation).toEqual(before.validation);

      // The re-check read the fixed cells: 校验 no longer shows the two warnings.
      await openTab(page, "校验");
      await expect.poll(halfWidth, { timeout: 10_000 }).toBe(0);
    });

    it("re-checks by itself about a second after cells are edited (worksheets.onChanged), once per pause", async () => {
      await openTab(page, "校验");
      const section = page.locator('section[aria-label="校验结果"]');
      const errors = count(expected.findings, "error");
      await section.getByText(`错误 ${errors}`, { exact: true }).waitFor();
      expect(await section.getAttribute("data-auto-checks")).toBe("0");
      const cell = `J${3 + BROKEN_PROBLEM}`;
      expect(await section.locator(`button[data-cell="${cell}"]`).count()).toBe(1);
      // The clerk types three times in quick succession; the last value is a valid 完成情况.
      await page.evaluate(
        ([address, fixed]) => {
          const h = (globalThis as unknown as { __fakeHost: FakeOfficeHost }).__fakeHost;
          h.edit("整改台账", address!, "完成一半");
          h.edit("整改台账", address!, "完成");
          h.edit("整改台账", address!, fixed!);
        },
        [cell, defaultStatus(BROKEN_PROBLEM)],
      );
      // Nothing happens before the pause is over; then one re-read, and the error is gone.
      await page.waitForTimeout(400);
      expect(await section.getAttribute("data-auto-checks")).toBe("0");
      await section.getByText(`错误 ${errors - 1}`, { exact: true }).waitFor({ timeout: 5000 });
      expect(await section.getAttribute("data-auto-checks")).toBe("1");
      expect(await section.locator(`button[data-cell="${cell}"]`).count()).toBe(0);
      expect(await section.locator('[data-code="ledger.status.unknown"]').count()).toBe(0);
      const handlers = await host<number>("globalThis.__fakeHost.changeHandlers.length");
      expect(handlers).toBe(1);
    });
  });

  it("answers every URL in manifest.xml, and /help.html leads to the help page", async () => {
    const manifest = readFileSync(join(PROJECT_ROOT, "manifest.xml"), "utf8");
    const paths = [
      ...new Set([...manifest.matchAll(/"https:\/\/localhost:3000(\/[^"]*)"/g)].map((m) => m[1]!)),
    ];
    expect(paths).toEqual(expect.arrayContaining(["/taskpane.html", "/assets/help.html"]));
    for (const path of paths) {
      const response = await fetch(`${url}${path}`);
      expect(response.status, path).toBe(200);
    }
    const help = await fetch(`${url}/help.html`);
    expect(help.status).toBe(200);
    expect(new URL(help.url).pathname).toBe("/assets/help.html");
    expect(await help.text()).toContain("整改台账助手");
  });
});
