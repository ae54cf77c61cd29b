/**
 * `npm start` with DATABASE_URL: the pane server's submissions API (mounted beside the library)
 * stores into the same PostgreSQL database as the library — no submissions.sqlite is created —
 * and a second server on that database sees the same submissions (instances behind a load
 * balancer).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, expect, inject, it } from "vitest";
import { BENCH_AS_OF, generateLedgerGrid, gridToXlsx } from "../../../bench/data";
import { buildApp } from "../../../src/server/app";
import { SubmissionsClient } from "../../../src/submissions/client";
import { listenOnLoopback } from "../../support/pane-server";
import { createDatabase } from "../../support/postgres";
import { tempDir } from "../library/helpers";

const ADMIN = "app-postgres-admin-token-0123456789";
const tmp = tempDir("zhenggai-app-pg-");
afterAll(() => tmp.remove());

it("stores submissions in the library's PostgreSQL database and shares them between instances", async () => {
  const databaseUrl = await createDatabase(inject("postgresAdminUrl"), "apppg");
  const start = async (name: string) => {
    const app = await buildApp({
      rootDir: tmp.dir,
      distDir: join(tmp.dir, "no-dist"),
      library: { dataDir: join(tmp.dir, name), adminToken: ADMIN, databaseUrl },
    });
    return { app, url: await listenOnLoopback(app) };
  };
  const a = await start("a");
  const b = await start("b");
  try {
    const { token } = await new SubmissionsClient(a.url, ADMIN).createAccount("unit", "县审计局");
    const bytes = await gridToXlsx(generateLedgerGrid(15, { seed: 41 }));
    const first = await new SubmissionsClient(a.url, token).submit("台账.xlsx", bytes, BENCH_AS_OF);
    const second = await new SubmissionsClient(b.url, token).submit(
      "台账.xlsx",
      bytes,
      BENCH_AS_OF,
    );
    expect([first.submission.round, second.submission.round]).toEqual([1, 2]);
    const seenByA = await new SubmissionsClient(a.url, ADMIN).submissions();
    expect(seenByA.map((s) => s.round)).toEqual([2, 1]);
    expect(existsSync(join(tmp.dir, "a", "submissions.sqlite"))).toBe(false);
    expect(existsSync(join(tmp.dir, "b", "submissions.sqlite"))).toBe(false);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT count(*)::int AS n FROM submissions");
      expect(rows[0].n).toBe(2);
    } finally {
      await client.end();
    }
  } finally {
    await a.app.close();
    await b.app.close();
  }
}, 60_000);
