/**
 * PostgreSQL plumbing shared by every store that lives in the province's database (the template
 * library, the submissions store): the checked pool, migrations, transactions, audit rows.
 *
 * Schema migrations: Each component keeps its own numbered list;
 * `schema_migrations` records what ran. The whole run is one transaction under an advisory
 * lock, so servers starting together apply each migration exactly once and a failed migration
 * leaves nothing behind (DDL is transactional in PostgreSQL).
 */
import type pg from "pg";
import { now } from "./sql";

/** A pool or one of its clients. */
export type Queryable = Pick<pg.PoolClient, "query">;

/** A timestamptz as pg returns it (Date) or as JSON carries it (string) → ISO 8601. */
export const iso = (d: Date | string) => new Date(d).toISOString();

/** Arbitrary constant key of the advisory lock that serialises migrations. */
const MIGRATION_LOCK = 0x7a67_6d69_67; // "zgmig"

export async function runMigrations(
  pool: pg.Pool,
  component: string,
  migrations: readonly string[],
  /** Names the database in messages (the URL without its password). */
  where: string,
): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      component text NOT NULL,
      version integer NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (component, version)
    )`);
    const { rows } = await client.query<{ applied: number }>(
      "SELECT coalesce(max(version), 0)::int AS applied FROM schema_migrations WHERE component = $1",
      [component],
    );
    const applied = rows[0]?.applied ?? 0;
    if (applied > migrations.length)
      throw new Error(
        `数据库 ${where} 中的${component}结构由更新版本的程序创建（结构版本 ${applied}），请升级 zhenggai 后再启动。`,
      );
    for (let i = applied; i < migrations.length; i++) {
      await client.query(migrations[i]!);
      await client.query("INSERT INTO schema_migrations (component, version) VALUES ($1, $2)", [
        component,
        i + 1,
      ]);
    }
    await client.query("COMMIT");
    return migrations.length - applied;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/**
 * Runs `fn` in a transaction on one pooled connection; rolls back on any error, and drops a
 * connection whose ROLLBACK failed instead of returning it to the pool.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  fn: (c: pg.PoolClient) => Promise<T>,
  begin = "BEGIN",
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(begin);
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (e) {
    await client.query("ROLLBACK").catch((r: Error) => {
      broken = r;
    });
    throw e;
  } finally {
    client.release(broken);
  }
}

/** postgres://user:secret@host/db → postgres://user@host/db, for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = "";
    return u.toString();
  } catch {
    return "（无法解析的数据库地址）";
  }
}

/** True for a postgres:// or postgresql:// URL. */
export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//i.test(url.trim());

/**
 * A pool for a DATABASE_URL, checked: reachable, UTF8. Fails with a Chinese message that says
 * what to fix instead of pg's English one alone.
 */
export async function openPool(url: string, max = 10): Promise<pg.Pool> {
  if (!isPostgresUrl(url))
    throw new Error(
      `数据库地址须以 postgres:// 或 postgresql:// 开头，如 postgres://zhenggai@10.1.2.3/zhenggai（收到：${redactUrl(url)}）。`,
    );
  const { default: Pg } = await import("pg");
  const pool = new Pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 10_000,
    // A client that vanished mid-transaction (network partition) must not hold a template's
    // lock for ever; a killed server's connection is closed by the kernel at once anyway.
    idle_in_transaction_session_timeout: 60_000,
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on the next query.
  pool.on("error", (error) => {
    process.stderr.write(`PostgreSQL 连接中断（将自动重连）：${error.message}\n`);
  });
  try {
    const { rows } = await pool.query<{ encoding: string }>(
      "SELECT current_setting('server_encoding') AS encoding",
    );
    if (rows[0]?.encoding !== "UTF8")
      throw new Error(
        `数据库 ${redactUrl(url)} 的编码是 ${rows[0]?.encoding}，须为 UTF8；请用 CREATE DATABASE … ENCODING 'UTF8' 新建数据库。`,
      );
  } catch (e) {
    await pool.end().catch(() => {});
    if ((e as Error).message.startsWith("数据库")) throw e;
    throw new Error(
      `无法连接 PostgreSQL 数据库 ${redactUrl(url)}：${(e as Error).message}。请检查地址、用户名、密码和网络。`,
    );
  }
  return pool;
}

/**
 * openPool, then the pending migrations of `component`; the pool is ended again when they fail.
 * Returns the pool and the URL without its password.
 */
export async function openMigratedPool(
  url: string,
  component: string,
  migrations: readonly string[],
  poolSize?: number,
): Promise<{ pool: pg.Pool; where: string }> {
  const pool = await openPool(url, poolSize);
  try {
    await runMigrations(pool, component, migrations, redactUrl(url));
  } catch (e) {
    await pool.end().catch(() => {});
    throw e;
  }
  return { pool, where: redactUrl(url) };
}

/** Appends a row to a store's audit table, in the caller's transaction when `c` is its client. */
export async function appendAudit(
  c: Queryable,
  table: string,
  actor: string,
  action: string,
  target: string,
  detail: object,
): Promise<void> {
  await c.query(
    `INSERT INTO ${table} (at, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5)`,
    [now(), actor, action, target, JSON.stringify(detail)],
  );
}

/** The newest `limit` rows of a store's audit table, newest first. */
export async function readAudit<E extends { at: string }>(
  c: Queryable,
  table: string,
  limit: number,
): Promise<E[]> {
  const { rows } = await c.query<Omit<E, "at"> & { at: Date }>(
    `SELECT id, at, actor, action, target, detail FROM ${table} ORDER BY id DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ ...r, at: iso(r.at) }) as unknown as E);
}
