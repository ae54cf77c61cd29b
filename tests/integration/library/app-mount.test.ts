/**
 * The library as the full server mounts it (src/server/app.ts → /api/library), next to the
 * pane's own routes: its parsers and error handler stay inside its prefix.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LibraryClient } from "../../../src/library/client";
import { buildApp } from "../../../src/server/app";
import { PostgresTemplateRepository } from "../../../src/server/library/pg-repository";
import { listenOnLoopback } from "../../support/pane-server";
import { createDatabase } from "../../support/postgres";
import { ADMIN_TOKEN, tempDir } from "./helpers";
import { validTemplate } from "./templates";

describe("library mounted in the full server", () => {
  const tmp = tempDir();
  let app: FastifyInstance;
  let url = "";
  beforeAll(async () => {
    app = await buildApp({
      rootDir: tmp.dir,
      distDir: `${tmp.dir}/no-dist`,
      library: { dataDir: tmp.dir, adminToken: ADMIN_TOKEN },
    });
    url = await listenOnLoopback(app);
  });
  afterAll(async () => {
    await app?.close();
    tmp.remove();
  });

  it("serves the API under /api/library with the real template checks", async () => {
    const client = new LibraryClient(url);
    expect(client.base).toBe(`${url}/api/library`);
    const { token } = await client.createDepartment("县委巡察办", ADMIN_TOKEN);
    const v = await client.publish("通报", await validTemplate("通报"), { kind: "通报", token });
    expect(v.version).toBe(1);
    expect((await client.listTemplates()).map((t) => t.name)).toEqual(["通报"]);
    // The pane's routes are untouched by the library's not-found handler.
    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ ok: true });
    const missing = await fetch(`${url}/api/library/nothing-here`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});

describe("library mounted in the full server on PostgreSQL (what DATABASE_URL selects)", () => {
  const tmp = tempDir();
  let app: FastifyInstance;
  let databaseUrl = "";
  afterAll(async () => {
    await app?.close();
    tmp.remove();
  });

  it("stores in the database, not in the data directory", async () => {
    databaseUrl = await createDatabase(inject("postgresAdminUrl"), "appmount");
    app = await buildApp({
      rootDir: tmp.dir,
      distDir: `${tmp.dir}/no-dist`,
      library: { dataDir: tmp.dir, adminToken: ADMIN_TOKEN, databaseUrl },
    });
    const client = new LibraryClient(await listenOnLoopback(app));
    const { token } = await client.createDepartment("县委巡察办", ADMIN_TOKEN);
    await client.publish("通报", await validTemplate("通报"), { kind: "通报", token });
    expect(existsSync(join(tmp.dir, "library.sqlite"))).toBe(false);
    const repo = await PostgresTemplateRepository.open(databaseUrl);
    try {
      expect((await repo.listTemplates({})).map((t) => [t.name, t.department])).toEqual([
        ["通报", "县委巡察办"],
      ]);
    } finally {
      await repo.close();
    }
  });
});
