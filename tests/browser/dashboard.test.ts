/**
 * In Chromium: the office dashboard (office.html) served by the full server with submissions.
 * Three units submit two rounds each; the office token shows one row per unit with its latest
 * 完成率, 超期 and round count, sorts and filters them, draws completion over the rounds, and
 * opens a unit's submissions; a unit token is refused.
 */
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BENCH_AS_OF, generateLedgerGrid, gridToXlsx } from "../../bench/data";
import { buildPane } from "../../scripts/pane-build";
import { buildApp } from "../../src/server/app";
import { SubmissionsClient } from "../../src/submissions/client";
import type { Submission } from "../../src/submissions/types";
import { tempDir } from "../integration/library/helpers";
import { launchChromium } from "../support/chromium";

const ADMIN = "admin-token-for-the-dashboard-test";
const UNITS = ["县市政园林局", "县教育局", "县卫健委"];

describe("office dashboard in Chromium", () => {
  const tmp = tempDir("zhenggai-dashboard-");
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let url = "";
  let officeToken = "";
  let unitToken = "";
  const latest = new Map<string, Submission>();

  beforeAll(async () => {
    const dist = join(tmp.dir, "dist");
    await buildPane({ outDir: dist, extraInputs: { office: "office.html" }, quiet: true });
    app = await buildApp({
      distDir: dist,
      library: { dataDir: join(tmp.dir, "data"), adminToken: ADMIN },
      submissions: true,
    });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    const admin = new SubmissionsClient(url, ADMIN);
    officeToken = (await admin.createAccount("office", "县委巡察办")).token;
    for (const [i, unit] of UNITS.entries()) {
      const token = (await admin.createAccount("unit", unit)).token;
      if (i === 0) unitToken = token;
      const client = new SubmissionsClient(url, token);
      for (const round of [1, 2]) {
        const grid = generateLedgerGrid(12 + i * 6, { seed: 70 + i * 3 + round });
        const r = await client.submit(`${unit}.xlsx`, await gridToXlsx(grid), BENCH_AS_OF);
        latest.set(unit, r.submission);
      }
    }
    browser = await launchChromium();
    page = await browser.newPage();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    tmp.remove();
  });

  const names = async (p: Page) =>
    p
      .locator("[data-testid=units] tbody tr")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-unit")));

  it("lists every unit with its latest figures, sorted by 完成率", async () => {
    await page.goto(`${url}/office.html`);
    await page.getByTestId("token").fill(officeToken);
    await page.getByTestId("load").click();
    await page.locator("[data-testid=units] tbody tr").first().waitFor();
    const byRate = [...latest.entries()]
      .sort((a, b) => a[1].figures.completionRate - b[1].figures.completionRate)
      .map(([u]) => u);
    expect(await names(page)).toEqual(byRate);
    for (const [unit, s] of latest) {
      const cells = await page
        .locator(`[data-testid=units] tbody tr[data-unit="${unit}"] td`)
        .allInnerTexts();
      expect(cells.slice(0, 5)).toEqual([
        unit,
        String(s.figures.total),
        `${(s.figures.completionRate * 100).toFixed(2)}%`,
        String(s.figures.overdue),
        "2",
      ]);
    }
    // Clicking 完成率 again sorts descending.
    await page.locator("[data-sort=rate]").click();
    expect(await names(page)).toEqual([...byRate].reverse());
  }, 60_000);

  it("filters, draws the rounds and opens a unit's submissions", async () => {
    await page.getByTestId("filter").fill("教育");
    expect(await names(page)).toEqual(["县教育局"]);
    await page.getByTestId("filter").fill("");
    const lines = page.locator("[data-testid=chart] polyline");
    expect(await lines.count()).toBe(3);
    const points = await lines.first().getAttribute("points");
    expect(points?.trim().split(" ")).toHaveLength(2);
    await page.locator('[data-testid=units] tbody tr[data-unit="县卫健委"]').click();
    const detail = page.getByTestId("detail");
    await detail.waitFor();
    const text = await detail.innerText();
    const s = latest.get("县卫健委")!;
    expect(text).toContain("县卫健委");
    expect(text).toContain(`第2次报送`);
    expect(text).toContain(`问题${s.figures.total}个，已完成${s.figures.done}个`);
    expect(text).toContain("第1次报送");
  }, 60_000);

  it("refuses a unit token (the dashboard is the office's)", async () => {
    const other = await browser.newPage();
    await other.goto(`${url}/office.html`);
    await other.getByTestId("token").fill(unitToken);
    await other.getByTestId("load").click();
    await other.getByTestId("error").waitFor();
    expect(await other.getByTestId("error").innerText()).toContain("只对巡察办开放");
    expect(await other.locator("[data-testid=units]").count()).toBe(0);
    await other.close();
  }, 60_000);
});
