/**
 * The pane's 报送 (设置 tab) in Chromium against the real server (buildApp mounts
 * /api/submissions beside the library): the admin creates a unit through the API, the pane
 * submits the example ledger twice with the unit's token and shows 第1次 then 第2次报送 and a
 * history of 2 rounds equal to what the API lists (the bytes' sha256 included); a wrong token
 * gets the server's Chinese refusal, and a stopped server the pane's 服务已停止 message.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPane, PROJECT_ROOT } from "../../scripts/pane-build";
import { chineseLocalDate } from "../../src/core/dates";
import { buildApp } from "../../src/server/app";
import { SubmissionsClient } from "../../src/submissions/client";
import { SERVER_STOPPED } from "../../src/taskpane/errors";
import { tempDir } from "../integration/library/helpers";
import { launchChromium } from "../support/chromium";
import { listenOnLoopback } from "../support/pane-server";

const SHAOYANG = join(PROJECT_ROOT, "examples/邵阳市园林绿化中心-整改台账.xlsx");
const ADMIN = "taskpane-submit-admin-0123456789";

describe("报送 in the pane", () => {
  const tmp = tempDir("zhenggai-pane-submit-");
  let app: FastifyInstance;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let url = "";
  let unitToken = "";
  let unitId = 0;
  let closed = false;

  beforeAll(async () => {
    const dist = join(tmp.dir, "dist");
    await buildPane({ outDir: dist, quiet: true });
    app = await buildApp({
      distDir: dist,
      library: { dataDir: join(tmp.dir, "library"), adminToken: ADMIN },
    });
    url = await listenOnLoopback(app);
    const created = await new SubmissionsClient(url, ADMIN).createAccount(
      "unit",
      "邵阳市园林绿化中心",
    );
    unitToken = created.token;
    unitId = created.account.id;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 420, height: 900 }, locale: "zh-CN" });
    page = await context.newPage();
    await page.goto(`${url}/taskpane.html`);
    await page.getByTestId("open-xlsx").setInputFiles(SHAOYANG);
    await page.locator('section[aria-label="校验结果"]').waitFor();
    await page.getByRole("tab", { name: "设置" }).click();
  }, 240_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    if (!closed) await app?.close();
    tmp.remove();
  });

  const panel = () => page.locator('section[aria-label="报送"]');
  const submit = async (token: string) => {
    await panel().getByLabel("单位报送令牌").fill(token);
    await panel().getByRole("button", { name: "报送台账" }).click();
    await expect
      .poll(() => panel().getByRole("button", { name: "报送台账" }).isEnabled())
      .toBe(true);
  };

  it("defaults the server to the page's origin", async () => {
    expect(await panel().getByLabel("报送服务器").inputValue()).toBe(url);
  });

  it("refuses a wrong token with the server's Chinese message and stores nothing", async () => {
    await submit("not-a-real-token-0123456789");
    await panel().getByText("报送未成功：令牌无效或已被吊销；请向管理员申请新的令牌。").waitFor();
    expect(await new SubmissionsClient(url, ADMIN).submissions(unitId)).toEqual([]);
  });

  it("submits the opened ledger twice: 第1次, 第2次, a history of 2 rounds equal to the API's", async () => {
    const bytes = readFileSync(SHAOYANG);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    for (const round of [1, 2]) {
      await submit(unitToken);
      const answer = page.getByTestId("submit-answer");
      await expect.poll(() => answer.textContent()).toMatch(new RegExp(`^第${round}次报送`));
      const listed = await new SubmissionsClient(url, ADMIN).submissions(unitId);
      expect(listed).toHaveLength(round);
      const newest = listed[0]!;
      expect(newest.round).toBe(round);
      expect(newest.sha256).toBe(sha256);
      expect(newest.size).toBe(bytes.byteLength);
      expect(newest.fileName).toBe("邵阳市园林绿化中心-整改台账.xlsx");
      const text = (await answer.textContent()) ?? "";
      const counted = newest.figures.errors === 0;
      expect(text).toContain(counted ? "已计入汇总" : "未计入汇总");
      expect(text).toContain(
        counted
          ? `已报送（第${round}次）：问题${newest.figures.total}个，已完成${newest.figures.done}个。`
          : `但台账有${newest.figures.errors}处错误，汇总时不计入`,
      );
      if (!counted) {
        const first = newest.findings.find((f) => f.severity === "error")!;
        expect(await answer.locator("li").first().textContent()).toBe(first.message);
      }
    }
    // The history the pane shows is the unit's own list, newest first.
    const history = page.locator('section[aria-label="报送记录"]');
    await history.getByText("本单位报送记录（共2次）").waitFor();
    const rounds = await history
      .locator("li[data-round]")
      .evaluateAll((items) => items.map((i) => i.getAttribute("data-round")));
    expect(rounds).toEqual(["2", "1"]);
    const own = await new SubmissionsClient(url, unitToken).submissions();
    expect(own.map((s) => s.round)).toEqual([2, 1]);
    const lines = await history.locator("li[data-round]").allTextContents();
    for (const [i, s] of own.entries()) {
      expect(lines[i]).toContain(`第${s.round}次报送 · ${chineseLocalDate(s.submittedAt)}`);
      expect(lines[i]).toContain(`问题${s.figures.total}个，已完成${s.figures.done}个`);
    }
  });

  it("says 服务已停止 when the server has stopped", async () => {
    await app.close();
    closed = true;
    await submit(unitToken);
    await panel().getByText(SERVER_STOPPED).waitFor();
  });
});
