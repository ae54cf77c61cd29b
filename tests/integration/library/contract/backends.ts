/**
 * The storage engines the library's contract suite runs against: every contract test is written
 * once and run with `describe.each(BACKENDS)`. SQLite is a file in a temporary data directory;
 * PostgreSQL is a fresh database on the run's real server (tests/setup/global.ts starts it).
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { inject } from "vitest";
import { PostgresTemplateRepository } from "../../../../src/server/library/pg-repository";
import type { TemplateRepository } from "../../../../src/server/library/repository";
import { SqliteTemplateRepository } from "../../../../src/server/library/sqlite-repository";
import { createDatabase } from "../../../support/postgres";
import { tempDir } from "../helpers";

/** One empty library on one engine, for one suite. */
export interface Storage {
  /** The data directory (library.sqlite for SQLite; admin-token for both). */
  readonly dataDir: string;
  /** Set for PostgreSQL: what `--database-url` / DATABASE_URL carry. */
  readonly databaseUrl?: string;
  /** Extra arguments for `zhenggai library serve --data-dir <dataDir>`. */
  readonly serveArgs: readonly string[];
  /** A new repository on the same storage, as another server process would open it. */
  open(): Promise<TemplateRepository>;
  /** Every token hash stored, read with the engine's own client. */
  storedTokenHashes(): Promise<string[]>;
  /** How many blobs are stored (identical bytes are stored once). */
  blobCount(): Promise<number>;
  /** The engine's own consistency checks on what is stored now; empty when all is well. */
  check(): Promise<string[]>;
  dispose(): Promise<void>;
}

export interface Backend {
  readonly name: "SQLite" | "PostgreSQL";
  create(): Promise<Storage>;
}

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

const sqlite: Backend = {
  name: "SQLite",
  async create() {
    const tmp = tempDir("zhenggai-contract-sqlite-");
    const file = join(tmp.dir, "library.sqlite");
    const withDb = <T>(fn: (db: Database.Database) => T): T => {
      const db = new Database(file);
      try {
        db.pragma("busy_timeout = 5000");
        return fn(db);
      } finally {
        db.close();
      }
    };
    return {
      dataDir: tmp.dir,
      serveArgs: [],
      open: async () => new SqliteTemplateRepository(file),
      storedTokenHashes: async () =>
        withDb((db) =>
          (db.prepare("SELECT token_hash FROM tokens").all() as { token_hash: string }[]).map(
            (r) => r.token_hash,
          ),
        ),
      blobCount: async () =>
        withDb((db) => (db.prepare("SELECT count(*) AS n FROM blobs").get() as { n: number }).n),
      check: async () =>
        withDb((db) => {
          const problems: string[] = [];
          const integrity = db.pragma("integrity_check", { simple: true });
          if (integrity !== "ok") problems.push(`integrity_check: ${String(integrity)}`);
          for (const fk of db.pragma("foreign_key_check") as unknown[])
            problems.push(`foreign key: ${JSON.stringify(fk)}`);
          for (const b of db.prepare("SELECT sha256, data FROM blobs").all() as {
            sha256: string;
            data: Buffer;
          }[])
            if (sha(b.data) !== b.sha256) problems.push(`blob ${b.sha256} does not match its hash`);
          return problems;
        }),
      dispose: async () => tmp.remove(),
    };
  },
};

const postgres: Backend = {
  name: "PostgreSQL",
  async create() {
    const tmp = tempDir("zhenggai-contract-pg-");
    const databaseUrl = await createDatabase(inject("postgresAdminUrl"), "contract");
    // Creating the schema once here keeps concurrent first opens out of the tests' timings.
    await (await PostgresTemplateRepository.open(databaseUrl)).close();
    const query = async <R extends pg.QueryResultRow>(sql: string): Promise<R[]> => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return (await client.query<R>(sql)).rows;
      } finally {
        await client.end();
      }
    };
    return {
      dataDir: tmp.dir,
      databaseUrl,
      serveArgs: ["--database-url", databaseUrl],
      open: () => PostgresTemplateRepository.open(databaseUrl),
      storedTokenHashes: async () =>
        (await query<{ token_hash: string }>("SELECT token_hash FROM tokens")).map(
          (r) => r.token_hash,
        ),
      blobCount: async () =>
        (await query<{ n: number }>("SELECT count(*)::int AS n FROM blobs"))[0]!.n,
      check: async () => {
        const problems: string[] = [];
        // Foreign keys and CHECKs are enforced at commit; these are what they cannot say.
        for (const r of await query<{ sha256: string }>(
          "SELECT sha256 FROM blobs WHERE encode(sha256(data), 'hex') <> sha256",
        ))
          problems.push(`blob ${r.sha256} does not match its hash`);
        for (const r of await query<{ name: string; version: number }>(
          `SELECT t.name, v.version FROM versions v JOIN templates t ON t.id = v.template_id
           WHERE NOT EXISTS (SELECT 1 FROM blobs b WHERE b.sha256 = v.sha256)`,
        ))
          problems.push(`${r.name} v${r.version} has no bytes`);
        return problems;
      },
      dispose: async () => tmp.remove(),
    };
  },
};

export const BACKENDS: readonly Backend[] = [sqlite, postgres];
