/**
 * `zhenggai library migrate`: copies a county's SQLite library into PostgreSQL, exactly — the
 * same ids, names, dates, tokens (hashes), deprecations and audit log — so department numbers
 * and every client keep working when the county joins the province's service.
 *
 * The copy is one PostgreSQL transaction into an empty library, with the tables locked against
 * a server started too early. Every blob's bytes are hashed before they are sent, and every
 * version is read back inside the transaction and hashed again before COMMIT; after COMMIT the
 * two libraries are compared as the API shows them (templates, versions, departments, audit).
 * The SQLite file is read in one read transaction (a consistent snapshot) and never written.
 */
import { existsSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import Database from "better-sqlite3";
import { sha256HexSync as sha256 } from "../sha256";
import { PostgresTemplateRepository } from "./pg-repository";
import type { TemplateRepository } from "./repository";
import { SqliteTemplateRepository, type VersionRow } from "./sqlite-repository";

export interface MigrationReport {
  readonly departments: number;
  readonly tokens: number;
  readonly templates: number;
  readonly versions: number;
  readonly blobs: number;
  readonly bytes: number;
  readonly audit: number;
}

const TABLES = ["departments", "tokens", "templates", "blobs", "versions", "audit"] as const;
const WITH_IDS = ["departments", "tokens", "templates", "versions", "audit"] as const;

/** What the API shows of a library, for comparing two of them. */
async function apiView(repo: TemplateRepository) {
  const templates = await repo.listTemplates({});
  const details = [];
  for (const t of templates) details.push(await repo.getTemplate(t.name));
  return {
    departments: await repo.listDepartments(),
    templates,
    details,
    audit: await repo.listAudit(1_000_000_000),
  };
}

export async function migrateSqliteToPostgres(
  sqliteFile: string,
  databaseUrl: string,
): Promise<MigrationReport> {
  if (!existsSync(sqliteFile))
    throw new Error(`找不到模板库数据库 ${sqliteFile}，请用 --data-dir 指定数据目录。`);
  // Opening through the repository brings an older file's schema up to date first.
  await new SqliteTemplateRepository(sqliteFile).close();
  const db = new Database(sqliteFile, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  const pgRepo = await PostgresTemplateRepository.open(databaseUrl);
  try {
    db.exec("BEGIN");
    const all = <T>(sql: string) => db.prepare(sql).all() as T[];
    const departments = all<{ id: number; name: string; created_at: string }>(
      "SELECT id, name, created_at FROM departments ORDER BY id",
    );
    const tokens = all<{
      id: number;
      department_id: number;
      token_hash: string;
      created_at: string;
      revoked_at: string | null;
    }>("SELECT id, department_id, token_hash, created_at, revoked_at FROM tokens ORDER BY id");
    const templates = all<{
      id: number;
      name: string;
      kind: string;
      department_id: number;
      created_at: string;
    }>("SELECT id, name, kind, department_id, created_at FROM templates ORDER BY id");
    const versions = all<Omit<VersionRow, "name"> & { id: number; template_id: number }>(
      `SELECT id, template_id, version, sha256, size, author, note, created_at, deprecated, deprecated_at
       FROM versions ORDER BY id`,
    );
    const audit = all<{
      id: number;
      at: string;
      actor: string;
      action: string;
      target: string;
      detail: string;
    }>("SELECT id, at, actor, action, target, detail FROM audit ORDER BY id");
    const blobKeys = all<{ sha256: string }>("SELECT sha256 FROM blobs ORDER BY sha256");
    const blobOf = db.prepare("SELECT size, data FROM blobs WHERE sha256 = ?");
    let bytes = 0;

    await pgRepo.transaction(async (c) => {
      await c.query(`LOCK TABLE ${TABLES.join(", ")} IN EXCLUSIVE MODE`);
      const { rows } = await c.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM departments) + (SELECT count(*) FROM templates)
              + (SELECT count(*) FROM audit) AS n`,
      );
      if (Number(rows[0]!.n) > 0)
        throw new Error(
          `目标数据库 ${pgRepo.where} 中已有模板库数据，迁移只写入空的模板库；请换一个新建的数据库，或先确认并清空它。`,
        );
      const col = <R, K extends keyof R>(rs: readonly R[], k: K) => rs.map((r) => r[k]);
      await c.query(
        `INSERT INTO departments (id, name, created_at)
         SELECT * FROM unnest($1::int[], $2::text[], $3::timestamptz[])`,
        [col(departments, "id"), col(departments, "name"), col(departments, "created_at")],
      );
      await c.query(
        `INSERT INTO tokens (id, department_id, token_hash, created_at, revoked_at)
         SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::timestamptz[], $5::timestamptz[])`,
        [
          col(tokens, "id"),
          col(tokens, "department_id"),
          col(tokens, "token_hash"),
          col(tokens, "created_at"),
          col(tokens, "revoked_at"),
        ],
      );
      await c.query(
        `INSERT INTO templates (id, name, kind, department_id, created_at)
         SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::timestamptz[])`,
        [
          col(templates, "id"),
          col(templates, "name"),
          col(templates, "kind"),
          col(templates, "department_id"),
          col(templates, "created_at"),
        ],
      );
      // One blob at a time: memory stays at one template (≤ 5 MB) whatever the library's size.
      for (const { sha256: key } of blobKeys) {
        const blob = blobOf.get(key) as { size: number; data: Buffer };
        if (sha256(blob.data) !== key || blob.data.byteLength !== blob.size)
          throw new Error(
            `SQLite 模板库中 sha256 为 ${key} 的文件内容与校验值不符（文件已损坏），迁移已取消；请先用备份恢复。`,
          );
        await c.query("INSERT INTO blobs (sha256, size, data) VALUES ($1, $2, $3)", [
          key,
          blob.size,
          blob.data,
        ]);
        bytes += blob.size;
      }
      await c.query(
        `INSERT INTO versions (id, template_id, version, sha256, size, author, note, created_at, deprecated, deprecated_at)
         SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::int[], $6::text[], $7::text[],
                              $8::timestamptz[], $9::boolean[], $10::timestamptz[])`,
        [
          col(versions, "id"),
          col(versions, "template_id"),
          col(versions, "version"),
          col(versions, "sha256"),
          col(versions, "size"),
          col(versions, "author"),
          col(versions, "note"),
          col(versions, "created_at"),
          versions.map((v) => v.deprecated === 1),
          col(versions, "deprecated_at"),
        ],
      );
      await c.query(
        `INSERT INTO audit (id, at, actor, action, target, detail)
         SELECT * FROM unnest($1::int[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::jsonb[])`,
        [
          col(audit, "id"),
          col(audit, "at"),
          col(audit, "actor"),
          col(audit, "action"),
          col(audit, "target"),
          col(audit, "detail"),
        ],
      );
      // New rows continue after the copied ids.
      for (const table of WITH_IDS)
        await c.query(
          `SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce(max(id), 0) + 1, false) FROM ${table}`,
        );
      // Read every version back through the join the server downloads with, before COMMIT.
      const byId = new Map(templates.map((t) => [t.id, t.name]));
      for (const v of versions) {
        const got = await c.query<{ data: Buffer }>(
          `SELECT b.data FROM versions v JOIN templates t ON t.id = v.template_id
           JOIN blobs b ON b.sha256 = v.sha256 WHERE t.name = $1 AND v.version = $2`,
          [byId.get(v.template_id), v.version],
        );
        const data = got.rows[0]?.data;
        if (!data || sha256(data) !== v.sha256 || data.byteLength !== v.size)
          throw new Error(
            `迁移后读回“${byId.get(v.template_id)}”第 ${v.version} 版时 sha256 不符，迁移已撤销（PostgreSQL 中未留下任何数据）。`,
          );
      }
    });
    db.exec("COMMIT");

    // The API's view of both libraries must now be identical.
    const source = new SqliteTemplateRepository(sqliteFile);
    try {
      const [a, b] = [await apiView(source), await apiView(pgRepo)];
      for (const key of Object.keys(a) as (keyof typeof a)[])
        if (!isDeepStrictEqual(a[key], b[key]))
          throw new Error(
            `迁移后两边的 ${key} 不一致（已写入 PostgreSQL ${pgRepo.where}）；请勿启用该数据库，并把此消息报告给开发者。`,
          );
    } finally {
      await source.close();
    }
    return {
      departments: departments.length,
      tokens: tokens.length,
      templates: templates.length,
      versions: versions.length,
      blobs: blobKeys.length,
      bytes,
      audit: audit.length,
    };
  } finally {
    if (db.inTransaction) db.exec("ROLLBACK");
    db.close();
    await pgRepo.close();
  }
}
