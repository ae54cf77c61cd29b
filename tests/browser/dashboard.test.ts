/**
 * The inspection office's dashboard (dashboard.html) in Chromium, on `npm start`'s server:
 * three units submit two rounds each (one unit's second ledger has an error); the office signs
 * in with its token and sees one row per unit with the API's own figures, sorts and filters
 * them, the completion chart across units over time, and a unit's history and findings. A unit
 * token is refused, and the page's numbers equal what the API says.
 */
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BENCH_AS_OF, generateLedgerGrid, gridToXlsx } from "../../bench/data";
import { buildPane } from "../../scripts/pane-build";
import { completionOverTime } from "../../src/dashboard/figures";
import { buildApp } from "../../src/server/app";
import { SubmissionsClient } from "../../src/submissions/client";
import type { UnitOverview } from "../../src/submissions/types";
import { tempDir } from "../integration/library/helpers";
import { launchChromium } from "../support/chromium";
import { listenOnLoopback } from "../support/pane-server";

const ADMIN = "dashboard-test-admin-0123456789";
const UNITS = ["县市政园林局", "县教育局", "县卫健委"];

describe("the office's dashboard", () => {
  const tmp = tempDir("zhenggai-dashboard-");
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let url = "";
  let officeToken = "";
  let unitToken = "";
  let units: UnitOverview[] = [];
  let admin: SubmissionsClient;

  beforeAll(async () => {
    const dist = join(tmp.dir, "dist");
    await buildPane({ outDir: dist, quiet: true });
    app = await buildApp({
      distDir: dist,
      library: { dataDir: join(tmp.dir, "library"), adminToken: ADMIN },
    });
    url = await listenOnLoopback(app);
    admin = new SubmissionsClient(url, ADMIN);
    for (const [i, name] of UNITS.entries()) {
      const { token } = await admin.createAccount("unit", name);
      if (i === 0) unitToken = token;
      const unit = new SubmissionsClient(url, token);
      for (const round of [1, 2]) {
        const grid = generateLedgerGrid(12 + i * 6 + round * 2, { seed: 500 + i * 10 + round });
        if (name === "县卫健委" && round === 2) {
          // 已完成 with a 完成时间 in 2030: an error, so this round is listed but not counted.
          const row = grid.sheets[0]!.cells[4]! as unknown as { t: string; v: unknown }[];
          row[9] = { t: "s", v: "已完成" };
          row[11] = { t: "d", v: new Date(Date.UTC(2030, 0, 1)) };
        }
        await unit.submit(`${name}台账.xlsx`, await gridToXlsx(grid), BENCH_AS_OF);
      }
    }
    officeToken = (await admin.createAccount("office", "县委巡察办")).token;
    units = await new SubmissionsClient(url, officeToken).units();
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: "zh-CN",
      acceptDownloads: true,
    });
    page = await context.newPage();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    tmp.remove();
  });

  const signIn = async (token: string) => {
    await page.goto(`${url}/dashboard.html`);
    await page.getByLabel("巡察办令牌").fill(token);
    await page.getByRole("button", { name: "进入" }).click();
  };
  const shownUnits = () =>
    page
      .locator("tr[data-unit]")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-unit")));

  it("refuses a unit's token in Chinese and keeps asking", async () => {
    await signIn(unitToken);
    await expect
      .poll(() => page.getByText("这个令牌不是巡察办账户的令牌").count())
      .toBeGreaterThan(0);
    expect(await page.getByLabel("巡察办令牌").count()).toBe(1);
  });

  it("lists every unit with the API's figures, the flagged one not counted", async () => {
    await signIn(officeToken);
    await page.locator("tr[data-unit]").first().waitFor();
    expect((await shownUnits()).sort()).toEqual([...UNITS].sort());
    for (const u of units) {
      const row = page.locator(`tr[data-unit="${u.unit.name}"]`);
      const f = u.latest!.figures;
      const text = await row.innerText();
      expect(text).toContain(`${(f.completionRate * 100).toFixed(2)}%`);
      expect(text).toContain(`${f.done}/${f.total}`);
      expect(text).toContain(String(u.submissions));
      if (u.unit.name === "县卫健委") expect(text).toContain("个错误，未计入");
      else expect(text).toContain("无");
    }
    const counted = units.filter((u) => u.latest!.figures.errors === 0);
    const total = counted.reduce((n, u) => n + u.latest!.figures.total, 0);
    const done = counted.reduce((n, u) => n + u.latest!.figures.done, 0);
    const totals = await page.getByTestId("totals").innerText();
    expect(totals).toContain(`共 3 家单位，已报送 3 家`);
    expect(totals).toContain(
      `反馈问题 ${total} 个，已完成整改 ${done} 个，完成率 ${((done / total) * 100).toFixed(2)}%`,
    );
    expect(totals).toContain("1 家单位的台账有错误，未计入统计");
  });

  it("sorts by completion rate both ways and filters by name and by errors", async () => {
    const byRate = [...units].sort(
      (a, b) => a.latest!.figures.completionRate - b.latest!.figures.completionRate,
    );
    expect(await shownUnits()).toEqual(byRate.map((u) => u.unit.name)); // default: rate ascending
    await page.getByRole("button", { name: "按完成率排序" }).click();
    expect(await shownUnits()).toEqual(byRate.map((u) => u.unit.name).reverse());
    await page.getByLabel("筛选单位").fill("教育");
    expect(await shownUnits()).toEqual(["县教育局"]);
    await page.getByLabel("筛选单位").fill("");
    await page.getByLabel("只看台账有错误的").check();
    expect(await shownUnits()).toEqual(["县卫健委"]);
    await page.getByLabel("只看台账有错误的").uncheck();
    expect((await shownUnits()).length).toBe(3);
  });

  it("draws completion over time across units from every submission", async () => {
    const chart = page.getByTestId("overall-chart");
    await chart.waitFor();
    const points = JSON.parse((await chart.getAttribute("data-points"))!) as {
      day: string;
      percent: number;
    }[];
    const all = await admin.submissions();
    const expected = completionOverTime(all).map((p) => ({
      day: p.day,
      percent: Math.round(p.rate * 10000) / 100,
    }));
    expect(points).toEqual(expected);
    expect(points.length).toBeGreaterThan(0);
    expect(await chart.locator("svg").count()).toBeGreaterThan(0);
  });

  it("drills down to a unit: both rounds and the latest findings", async () => {
    await page.getByRole("button", { name: "查看县卫健委的报送" }).click();
    const detail = page.getByTestId("unit-detail");
    await detail.locator("tr[data-round]").nth(1).waitFor();
    expect(await detail.locator("tr[data-round]").count()).toBe(2);
    const u = units.find((x) => x.unit.name === "县卫健委")!;
    const errors = u.latest!.findings.filter((f) => f.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    const listed = await detail
      .locator('[data-testid="unit-findings"] li[data-severity="error"]')
      .allInnerTexts();
    expect(listed).toEqual(errors.map((f) => `错误：${f.message}`));
    const chart = detail.getByTestId("unit-chart");
    const points = JSON.parse((await chart.getAttribute("data-points"))!) as unknown[];
    expect(points.length).toBeGreaterThan(0);
    // Nothing English reached the page.
    expect(await page.locator("body").innerText()).not.toMatch(/\b(undefined|NaN|Error|Failed)\b/);
  });
});
