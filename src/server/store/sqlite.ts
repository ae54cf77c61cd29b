/**
 * SQLite plumbing shared by the server's stores (template library, submissions).
 *
 * openSqlite opens a store file the way every store here needs it: WAL, synchronous=FULL, foreign
 * keys, a 5 s busy timeout so several processes can share the file.
 *
 * Switching a new file to WAL needs a lock that SQLite does not wait for through the busy
 * handler: when another process opens the same new file at that instant, the pragma fails at
 * once with SQLITE_BUSY (seen in tests/integration/library/open-race.test.ts). It is retried
 * here for up to the same 5 s.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { now } from "./sql";

const BUSY_MS = 5000;

export function openSqlite(file: string): Database.Database {
  const db = new Database(file);
  db.pragma(`busy_timeout = ${BUSY_MS}`);
  const until = Date.now() + BUSY_MS;
  for (;;) {
    try {
      db.pragma("journal_mode = WAL");
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > until) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  return db;
}

/**
 * Creates the folder, opens `file` and applies the pending `migrations` (PRAGMA user_version
 * records how many ran). `what` names the store in the message about a newer schema. The file
 * is closed again when a migration fails.
 */
export function openMigratedSqlite(
  file: string,
  migrations: readonly string[],
  what: string,
): Database.Database {
  mkdirSync(dirname(file), { recursive: true });
  const db = openSqlite(file);
  try {
    // The version is read inside the write lock (BEGIN IMMEDIATE): two processes opening a new
    // file at once would otherwise both see version 0 and the second would re-run migration 1.
    const run = db.transaction(() => {
      const applied = db.pragma("user_version", { simple: true }) as number;
      if (applied > migrations.length)
        throw new Error(
          `${what}（${file}）由更新版本的程序创建（结构版本 ${applied}），请升级 zhenggai 后再启动。`,
        );
      for (let i = applied; i < migrations.length; i++) {
        db.exec(migrations[i]!);
        db.pragma(`user_version = ${i + 1}`);
      }
    });
    run.immediate();
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

/** Appends a row to the store's `audit` table (detail as JSON text). */
export function appendAudit(
  db: Database.Database,
  actor: string,
  action: string,
  target: string,
  detail: object,
): void {
  db.prepare("INSERT INTO audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)").run(
    now(),
    actor,
    action,
    target,
    JSON.stringify(detail),
  );
}

/** The newest `limit` rows of the store's `audit` table, newest first, detail parsed. */
export function readAudit<E extends { detail: Record<string, unknown> }>(
  db: Database.Database,
  limit: number,
): E[] {
  const rows = db
    .prepare("SELECT id, at, actor, action, target, detail FROM audit ORDER BY id DESC LIMIT ?")
    .all(limit) as Array<Omit<E, "detail"> & { detail: string }>;
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }) as E);
}
