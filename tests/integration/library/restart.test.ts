/**
 * Data and tokens survive a restart; the admin token is generated once, kept private, and read
 * back on the next start.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { LibraryClient } from "../../../src/library/client";
import { startLibraryServer } from "../../../src/server/library/server";
import { ADMIN_TOKEN, startTestServer, tempDir } from "./helpers";
import { VALIDATOR, validTemplate } from "./templates";

describe("library restart", () => {
  const tmp = tempDir();
  const savedEnv = process.env.ZHENGGAI_ADMIN_TOKEN;
  afterEach(() => {
    if (savedEnv === undefined) delete process.env.ZHENGGAI_ADMIN_TOKEN;
    else process.env.ZHENGGAI_ADMIN_TOKEN = savedEnv;
  });
  afterAll(() => tmp.remove());

  it("keeps templates, versions, deprecations and tokens across a restart", async () => {
    const dir = join(tmp.dir, "restart");
    const report = await validTemplate("报告");
    const one = await startTestServer(dir, VALIDATOR);
    const { token } = await one.client.createDepartment("县委巡察办", ADMIN_TOKEN);
    await one.client.publish("报告模板", report, { kind: "报告", token, note: "第一版" });
    await one.client.publish("报告模板", report, { kind: "报告", token, note: "第二版" });
    await one.client.deprecate("报告模板", 2, token);
    await one.close();

    const two = await startTestServer(dir, VALIDATOR);
    try {
      const detail = await two.client.getTemplate("报告模板");
      expect(detail.versions.map((v) => [v.version, v.note, v.deprecated])).toEqual([
        [2, "第二版", true],
        [1, "第一版", false],
      ]);
      const latest = await two.client.download("报告模板");
      expect(latest.version).toBe(1);
      expect(Buffer.from(latest.bytes).equals(Buffer.from(report))).toBe(true);
      // The department token still works after the restart.
      expect((await two.client.publish("报告模板", report, { kind: "报告", token })).version).toBe(
        3,
      );
    } finally {
      await two.close();
    }
  });

  it("generates the admin token once (mode 0600), shows it once, and reads it back", async () => {
    delete process.env.ZHENGGAI_ADMIN_TOKEN;
    const dir = join(tmp.dir, "admin");
    const shown: string[] = [];
    const start = () =>
      startLibraryServer({
        dataDir: dir,
        validator: VALIDATOR,
        onAdminTokenGenerated: (token) => shown.push(token),
      });
    const first = await start();
    const file = join(dir, "admin-token");
    const token = readFileSync(file, "utf8").trim();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(shown).toEqual([token]);
    const created = await new LibraryClient(first.url).createDepartment("县财政局", token);
    expect(created.department.name).toBe("县财政局");
    await first.app.close();

    const second = await start();
    try {
      expect(shown).toHaveLength(1); // not shown again
      expect(await new LibraryClient(second.url).listDepartments(token)).toHaveLength(1);
    } finally {
      await second.app.close();
    }
  });

  it("prefers ZHENGGAI_ADMIN_TOKEN and writes no file then", async () => {
    process.env.ZHENGGAI_ADMIN_TOKEN = "env-admin-token-abcdefghijklmnop";
    const dir = join(tmp.dir, "env");
    const server = await startLibraryServer({ dataDir: dir, validator: VALIDATOR });
    try {
      const client = new LibraryClient(server.url);
      expect(await client.listDepartments("env-admin-token-abcdefghijklmnop")).toEqual([]);
      expect(() => statSync(join(dir, "admin-token"))).toThrow();
    } finally {
      await server.app.close();
    }
  });
});
