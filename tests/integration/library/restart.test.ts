/**
 * The admin token is generated once, kept private, and read back on the next start. (That data
 * and tokens survive a restart is part of the contract suite, contract/http.test.ts, on both
 * storage engines.)
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { LibraryClient } from "../../../src/library/client";
import { startLibraryServer } from "../../../src/server/library/server";
import { tempDir } from "./helpers";
import { VALIDATOR } from "./templates";

describe("library restart", () => {
  const tmp = tempDir();
  const savedEnv = process.env.ZHENGGAI_ADMIN_TOKEN;
  afterEach(() => {
    if (savedEnv === undefined) delete process.env.ZHENGGAI_ADMIN_TOKEN;
    else process.env.ZHENGGAI_ADMIN_TOKEN = savedEnv;
  });
  afterAll(() => tmp.remove());

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
