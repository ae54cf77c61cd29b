/**
 * In Chromium: the real 模板 tab imports a template pack into the workbook, the pane generates a
 * document with the imported template from an example ledger, and the tab publishes the template
 * to a library served by the test (the full server: pane files + /api/library on loopback).
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPane, PROJECT_ROOT } from "../../scripts/pane-build";
import { LibraryClient } from "../../src/library/client";
import { exportPack } from "../../src/library/pack";
import { buildApp } from "../../src/server/app";
import { ADMIN_TOKEN, makeDocx, tempDir } from "../integration/library/helpers";
import { launchChromium } from "../support/chromium";
import { listenOnLoopback } from "../support/pane-server";

const HARNESS = "tests/browser/library-harness.html";
const EXAMPLE = join(PROJECT_ROOT, "examples/邵阳市园林绿化中心-整改台账.xlsx");
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

interface Harness {
  embedded(): Array<{
    name: string;
    kind: string;
    version: string;
    sha256: string;
    origin: string;
  }>;
  profile(): Record<string, string> | undefined;
  ledgerOpened(): boolean;
  generate(
    kind: string,
    asOf: string,
  ): Promise<{ ok: boolean; text?: string; templateLabel?: string; findings?: string[] }>;
}

describe("模板 tab in Chromium: pack → generate → publish", () => {
  const tmp = tempDir("zhenggai-lib-browser-");
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let url = "";
  let token = "";
  const notice = new Uint8Array(readFileSync(join(PROJECT_ROOT, "templates/通报.docx")));

  beforeAll(async () => {
    const dist = join(tmp.dir, "dist");
    await buildPane({ outDir: dist, extraInputs: { "library-harness": HARNESS }, quiet: true });
    app = await buildApp({
      distDir: dist,
      library: { dataDir: join(tmp.dir, "library"), adminToken: ADMIN_TOKEN },
    });
    url = await listenOnLoopback(app);
    token = (await new LibraryClient(url).createDepartment("县委巡察办", ADMIN_TOKEN)).token;
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`${url}/${HARNESS}`);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    tmp.remove();
  });

  const harness = <T>(fn: (h: Harness) => T | Promise<T>): Promise<T> =>
    page.evaluate(`(${fn.toString()})(globalThis.harness)`) as Promise<T>;

  it("imports a pack with its profile, generates with the imported template, publishes it", async () => {
    // A pack another unit sent: their 通报 template and their unit profile.
    const pack = await exportPack({
      templates: [
        { name: "园林中心通报", kind: "通报", version: "4", department: "市园林局", docx: notice },
      ],
      profile: { unitName: "邵阳市园林绿化中心", email: "ylzx@example.cn" },
    });
    const packFile = join(tmp.dir, "模板包.zip");
    writeFileSync(packFile, pack);

    await page.setInputFiles("#ledger", EXAMPLE);
    await page.waitForFunction("globalThis.harness.ledgerOpened()");
    await page.getByLabel("同时导入单位设置").check();
    await page.setInputFiles('input[type=file][accept=".zip"]', packFile);
    await page.getByText("已导入 1 个模板，并更新了单位设置。").waitFor();

    const embedded = await harness((h) => h.embedded());
    expect(embedded).toEqual([
      {
        name: "园林中心通报",
        kind: "通报",
        version: "4",
        sha256: sha(notice),
        origin: "模板包：市园林局 v4",
        size: notice.byteLength,
      },
    ]);
    expect(await harness((h) => h.profile())).toEqual({
      unitName: "邵阳市园林绿化中心",
      email: "ylzx@example.cn",
    });
    await page.getByRole("table", { name: "工作簿内嵌模板" }).getByText("园林中心通报").waitFor();

    // The pane's generate path with the workbook's embedded (imported) template.
    const generated = await harness((h) => h.generate("通报", "2024-12-31"));
    expect(generated.findings).toBeUndefined();
    expect(generated.ok).toBe(true);
    expect(generated.templateLabel).toBe("园林中心通报（模板包：市园林局 v4）");
    expect(generated.text).toContain("邵阳市园林绿化中心");
    expect(generated.text).toContain("巡察整改进展情况的通报");

    // Publish the imported template to the library under this department.
    const publish = page.locator('section[aria-label="发布到模板库"]');
    await publish.locator("select").first().selectOption("园林中心通报");
    await publish.getByLabel("名称").fill("县委巡察办通报");
    await publish.getByLabel("部门发布令牌").fill(token);
    await publish.getByRole("button", { name: "发布" }).click();
    await page.getByText("已发布“县委巡察办通报”第 1 版。").waitFor();

    const client = new LibraryClient(url);
    const got = await client.download("县委巡察办通报");
    expect(got.sha256).toBe(sha(notice));
    const [listed] = await client.listTemplates();
    expect(listed).toMatchObject({
      name: "县委巡察办通报",
      kind: "通报",
      department: "县委巡察办",
    });

    // The library list in the tab shows it after 刷新.
    await page.getByRole("button", { name: "刷新" }).click();
    await page.getByRole("table", { name: "模板库中的模板" }).getByText("县委巡察办通报").waitFor();
  });

  it("embeds a local .docx of the chosen kind, and refuses one that fails the tag check", async () => {
    const builtIn = page.locator('section[aria-label="内置模板"]');
    await builtIn.getByLabel("本机模板的类型").selectOption("通报");
    const good = join(tmp.dir, "本单位通报.docx");
    writeFileSync(good, notice);
    await builtIn.locator("input[type=file]").setInputFiles(good);
    await page.getByText("已把“本单位通报”作为通报模板嵌入工作簿。").waitFor();
    const embedded = await harness((h) => h.embedded());
    expect(embedded.find((t) => t.name === "本单位通报")).toMatchObject({
      kind: "通报",
      origin: "本机文件",
      sha256: sha(notice),
    });

    const bad = join(tmp.dir, "错字模板.docx");
    writeFileSync(bad, makeDocx(["{党组织名称}", "{单位名城}"]));
    await builtIn.locator("input[type=file]").setInputFiles(bad);
    await page.getByText(/未通过模板检查.*单位名城/).waitFor();
    expect((await harness((h) => h.embedded())).map((t) => t.name)).not.toContain("错字模板");
  });
});
