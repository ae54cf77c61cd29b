/**
 * `zhenggai library add-department | publish | list | pull` as child processes against a library
 * on loopback.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./child";
import { ADMIN_TOKEN, startTestServer, type TestServer, tempDir } from "./helpers";
import { invalidTemplate, VALIDATOR, validTemplate } from "./templates";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("zhenggai library (CLI)", () => {
  const tmp = tempDir();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(join(tmp.dir, "data"), VALIDATOR);
  });
  afterAll(async () => {
    await server?.close();
    tmp.remove();
  });

  it("adds a department, publishes, lists and pulls", async () => {
    const added = await runCli([
      "library",
      "add-department",
      "县委巡察办",
      "--server",
      server.url,
      "--admin-token",
      ADMIN_TOKEN,
    ]);
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    expect(added.stdout).toContain("已新建部门“县委巡察办”");
    const token = /(zg_[A-Za-z0-9_-]{43})/.exec(added.stdout)?.[1];
    expect(token).toBeDefined();

    const report = await validTemplate("报告");
    const file = join(tmp.dir, "报告模板.docx");
    writeFileSync(file, report);
    const published = await runCli(
      [
        "library",
        "publish",
        file,
        "--name",
        "县级报告",
        "--kind",
        "报告",
        "--server",
        server.url,
        "--note",
        "首版",
      ],
      { ZHENGGAI_LIBRARY_TOKEN: token },
    );
    expect(published.code).toBe(0);
    expect(published.stdout).toContain("已发布“县级报告”第 1 版");
    expect(published.stdout).toContain(sha(report));

    const listed = await runCli(["library", "list", "--server", server.url, "--json"]);
    expect(listed.code).toBe(0);
    const templates = JSON.parse(listed.stdout) as Array<{
      name: string;
      department: string;
      latest: { note: string };
    }>;
    expect(templates.map((t) => [t.name, t.department, t.latest.note])).toEqual([
      ["县级报告", "县委巡察办", "首版"],
    ]);
    const text = await runCli(["library", "list", "--server", server.url, "--kind", "报告"]);
    expect(text.stdout).toMatch(/县级报告\t报告\t县委巡察办\t第 1 版/);

    const out = join(tmp.dir, "pulled.docx");
    const pulled = await runCli([
      "library",
      "pull",
      "县级报告",
      "--server",
      server.url,
      "--out",
      out,
    ]);
    expect(pulled.code).toBe(0);
    expect(sha(new Uint8Array(readFileSync(out)))).toBe(sha(report));
  });

  it("exits 1 with the checker's Chinese details when the template is refused, 2 without a token", async () => {
    const bad = join(tmp.dir, "bad.docx");
    writeFileSync(bad, await invalidTemplate("{单位名城}"));
    const added = await runCli(["library", "add-department", "县财政局", "--server", server.url], {
      ZHENGGAI_ADMIN_TOKEN: ADMIN_TOKEN,
    });
    const token = /(zg_[A-Za-z0-9_-]{43})/.exec(added.stdout)?.[1] ?? "";
    const refused = await runCli([
      "library",
      "publish",
      bad,
      "--name",
      "坏模板",
      "--kind",
      "报告",
      "--server",
      server.url,
      "--token",
      token,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("模板未通过检查");
    expect(refused.stderr).toContain("单位名城");

    const noToken = await runCli(
      ["library", "publish", bad, "--name", "坏模板", "--kind", "报告", "--server", server.url],
      { ZHENGGAI_LIBRARY_TOKEN: "" },
    );
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain("ZHENGGAI_LIBRARY_TOKEN");

    const missing = await runCli([
      "library",
      "pull",
      "不存在",
      "--server",
      server.url,
      "--out",
      join(tmp.dir, "x.docx"),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("不存在");
  });

  it("administers departments and deprecates versions", async () => {
    const env = { ZHENGGAI_ADMIN_TOKEN: ADMIN_TOKEN };
    const listed = await runCli(["library", "departments", "--server", server.url], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^1\t县委巡察办\t有效令牌 1 个/m);
    const revoked = await runCli(["library", "revoke", "1", "--server", server.url], env);
    expect(revoked.stdout).toContain("已吊销部门 1 的 1 个令牌");
    const issued = await runCli(["library", "issue-token", "1", "--server", server.url], env);
    const token = /(zg_[A-Za-z0-9_-]{43})/.exec(issued.stdout)?.[1] ?? "";
    expect(token).not.toBe("");
    const deprecated = await runCli(
      ["library", "deprecate", "县级报告", "--version", "1", "--server", server.url],
      { ZHENGGAI_LIBRARY_TOKEN: token },
    );
    expect(deprecated.stderr).toBe("");
    expect(deprecated.stdout).toContain("已停用“县级报告”第 1 版");
    expect((await server.client.getTemplate("县级报告")).versions[0]?.deprecated).toBe(true);
    const wrong = await runCli(["library", "revoke", "x", "--server", server.url], env);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("部门编号");
  });

  it("backs the database up online while the server runs, checked and complete", async () => {
    const out = join(tmp.dir, "backup", "library-backup.sqlite");
    mkdirSync(join(tmp.dir, "backup"));
    const result = await runCli(["library", "backup", out, "--data-dir", join(tmp.dir, "data")]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("1 个模板，1 个版本，完整性检查通过");
    const copy = new Database(out, { readonly: true });
    const row = copy
      .prepare("SELECT b.data, v.sha256 FROM versions v JOIN blobs b ON b.sha256 = v.sha256")
      .get() as { data: Buffer; sha256: string };
    copy.close();
    expect(sha(new Uint8Array(row.data))).toBe(row.sha256);
    expect(existsSync(`${out}.partial`)).toBe(false);
    // The live server is unaffected.
    expect((await server.client.listTemplates()).map((t) => t.name)).toEqual(["县级报告"]);

    const nowhere = await runCli([
      "library",
      "backup",
      out,
      "--data-dir",
      join(tmp.dir, "nowhere"),
    ]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain("找不到模板库数据库");
  });
});
