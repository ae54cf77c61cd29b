/**
 * Opens a SQLite store file the way every store here needs it: WAL, synchronous=FULL, foreign
 * keys, a 5 s busy timeout so several processes can share the file.
 *
 * Switching a new file to WAL needs a lock that SQLite does not wait for through the busy
 * handler: when another process opens the same new file at that instant, the pragma fails at
 * once with SQLITE_BUSY (seen in tests/integration/library/open-race.test.ts). It is retried
 * here for up to the same 5 s.
 */
import Database from "better-sqlite3";

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
