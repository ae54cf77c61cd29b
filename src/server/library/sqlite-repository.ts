/**
 * TemplateRepository on one SQLite file (better-sqlite3), enough for a county.
 *
 * Template bytes live in the database, not in files beside it: a version row and its bytes are
 * then committed in one transaction, so a server killed at any instant (SIGKILL, power cut)
 * never leaves a listed version without its file or an orphan file, and a backup is one file
 * (`VACUUM INTO` / better-sqlite3's online backup). Templates are at most 5 MB and few, so the
 * size is no concern; identical bytes are stored once (keyed by sha256).
 *
 * WAL mode lets readers work during a publish; `synchronous=FULL` makes an acknowledged publish
 * durable; `busy_timeout` and BEGIN IMMEDIATE let several processes share the file without
 * "database is locked" errors; UNIQUE(template_id, version) is the last guard on numbering.
 */
import { renameSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import type { DocumentKind } from "../../documents/api";
import { sha256HexSync } from "../sha256";
import { likeAnywhere, now } from "../store/sql";
import { appendAudit, openMigratedSqlite, readAudit } from "../store/sqlite";
import { conflict, forbidden, notFound } from "./errors";
import { departmentLookAlikeMessage, lookAlikeOf, templateLookAlikeMessage } from "./names";
import type {
  AuditAction,
  AuditEntry,
  Department,
  PublishInput,
  TemplateDetail,
  TemplateFilter,
  TemplateRepository,
  TemplateSummary,
  TemplateVersion,
} from "./repository";

/** Schema migrations, applied in order; PRAGMA user_version records how many ran. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE departments (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );
  CREATE TABLE tokens (
    id INTEGER PRIMARY KEY,
    department_id INTEGER NOT NULL REFERENCES departments(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE TABLE templates (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('报告', '通报')),
    department_id INTEGER NOT NULL REFERENCES departments(id),
    created_at TEXT NOT NULL
  );
  CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    data BLOB NOT NULL
  );
  CREATE TABLE versions (
    id INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES templates(id),
    version INTEGER NOT NULL CHECK (version >= 1),
    sha256 TEXT NOT NULL REFERENCES blobs(sha256),
    size INTEGER NOT NULL,
    author TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at TEXT NOT NULL,
    deprecated INTEGER NOT NULL DEFAULT 0,
    deprecated_at TEXT,
    UNIQUE (template_id, version)
  );
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    detail TEXT NOT NULL
  );
  `,
];

interface DepartmentRow {
  id: number;
  name: string;
  created_at: string;
  active_tokens: number;
}
export interface VersionRow {
  name: string;
  version: number;
  sha256: string;
  size: number;
  author: string;
  note: string;
  created_at: string;
  deprecated: number;
  deprecated_at: string | null;
}
interface TemplateRow {
  id: number;
  name: string;
  kind: DocumentKind;
  department_id: number;
  department: string;
  created_at: string;
  version_count: number;
}

const DEPARTMENT_SELECT = `
  SELECT d.id, d.name, d.created_at,
    (SELECT count(*) FROM tokens t WHERE t.department_id = d.id AND t.revoked_at IS NULL) AS active_tokens
  FROM departments d`;
const TEMPLATE_SELECT = `
  SELECT t.id, t.name, t.kind, t.department_id, d.name AS department, t.created_at,
    (SELECT count(*) FROM versions v WHERE v.template_id = t.id) AS version_count
  FROM templates t JOIN departments d ON d.id = t.department_id`;
const VERSION_SELECT = `
  SELECT t.name, v.version, v.sha256, v.size, v.author, v.note, v.created_at, v.deprecated, v.deprecated_at
  FROM versions v JOIN templates t ON t.id = v.template_id`;

const toDepartment = (r: DepartmentRow): Department => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at,
  activeTokens: r.active_tokens,
});
const toVersion = (r: VersionRow): TemplateVersion => ({
  name: r.name,
  version: r.version,
  sha256: r.sha256,
  size: r.size,
  author: r.author,
  note: r.note,
  createdAt: r.created_at,
  deprecated: r.deprecated === 1,
  ...(r.deprecated_at ? { deprecatedAt: r.deprecated_at } : {}),
});

export class SqliteTemplateRepository implements TemplateRepository {
  private readonly db: Database.Database;

  constructor(readonly file: string) {
    this.db = openMigratedSqlite(file, MIGRATIONS, "模板库数据库");
  }

  private audit(actor: string, action: AuditAction, target: string, detail: object): void {
    appendAudit(this.db, actor, action, target, detail);
  }

  private departmentRow(id: number): Department | undefined {
    const row = this.db.prepare(`${DEPARTMENT_SELECT} WHERE d.id = ?`).get(id) as
      | DepartmentRow
      | undefined;
    return row && toDepartment(row);
  }

  private latestOf(templateId: number): TemplateVersion | undefined {
    const row = this.db
      .prepare(
        `${VERSION_SELECT} WHERE v.template_id = ? AND v.deprecated = 0 ORDER BY v.version DESC LIMIT 1`,
      )
      .get(templateId) as VersionRow | undefined;
    return row && toVersion(row);
  }

  private toSummary(row: TemplateRow): TemplateSummary {
    const latest = this.latestOf(row.id);
    return {
      name: row.name,
      kind: row.kind,
      department: row.department,
      departmentId: row.department_id,
      createdAt: row.created_at,
      ...(latest ? { latest } : {}),
      versionCount: row.version_count,
    };
  }

  async createDepartment(name: string, tokenHash: string, actor: string): Promise<Department> {
    const tx = this.db.transaction(() => {
      const exists = this.db.prepare("SELECT 1 FROM departments WHERE name = ?").get(name);
      if (exists) throw conflict("department_exists", `部门“${name}”已存在，请换一个名称。`);
      // Inside the write lock: no other process can add a look-alike between check and insert.
      const clash = lookAlikeOf(
        name,
        this.db.prepare("SELECT name FROM departments").all() as { name: string }[],
      );
      if (clash) throw conflict("name_lookalike", departmentLookAlikeMessage(name, clash.name));
      const at = now();
      const { lastInsertRowid } = this.db
        .prepare("INSERT INTO departments (name, created_at) VALUES (?, ?)")
        .run(name, at);
      const id = Number(lastInsertRowid);
      this.db
        .prepare("INSERT INTO tokens (department_id, token_hash, created_at) VALUES (?, ?, ?)")
        .run(id, tokenHash, at);
      this.audit(actor, "department.create", name, { departmentId: id });
      return this.departmentRow(id)!;
    });
    return tx.immediate();
  }

  async listDepartments(): Promise<Department[]> {
    const rows = this.db.prepare(`${DEPARTMENT_SELECT} ORDER BY d.id`).all() as DepartmentRow[];
    return rows.map(toDepartment);
  }

  async getDepartment(id: number): Promise<Department | undefined> {
    return this.departmentRow(id);
  }

  async issueToken(departmentId: number, tokenHash: string, actor: string): Promise<void> {
    const tx = this.db.transaction(() => {
      const dept = this.departmentRow(departmentId);
      if (!dept) throw notFound(`没有编号为 ${departmentId} 的部门。`);
      this.db
        .prepare("INSERT INTO tokens (department_id, token_hash, created_at) VALUES (?, ?, ?)")
        .run(departmentId, tokenHash, now());
      this.audit(actor, "token.issue", dept.name, { departmentId });
    });
    tx.immediate();
  }

  async revokeTokens(departmentId: number, actor: string): Promise<number> {
    const tx = this.db.transaction(() => {
      const dept = this.departmentRow(departmentId);
      if (!dept) throw notFound(`没有编号为 ${departmentId} 的部门。`);
      const { changes } = this.db
        .prepare("UPDATE tokens SET revoked_at = ? WHERE department_id = ? AND revoked_at IS NULL")
        .run(now(), departmentId);
      this.audit(actor, "token.revoke", dept.name, { departmentId, revoked: changes });
      return changes;
    });
    return tx.immediate();
  }

  async findDepartmentByTokenHash(tokenHash: string): Promise<Department | undefined> {
    const row = this.db
      .prepare("SELECT department_id FROM tokens WHERE token_hash = ? AND revoked_at IS NULL")
      .get(tokenHash) as { department_id: number } | undefined;
    return row && this.departmentRow(row.department_id);
  }

  async listTemplates(filter: TemplateFilter): Promise<TemplateSummary[]> {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.kind) {
      where.push("t.kind = ?");
      params.push(filter.kind);
    }
    if (filter.department) {
      where.push("d.name = ?");
      params.push(filter.department);
    }
    if (filter.q) {
      where.push("t.name LIKE ? ESCAPE '\\'");
      params.push(likeAnywhere(filter.q));
    }
    const sql = `${TEMPLATE_SELECT}${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY t.name`;
    const read = this.db.transaction(() =>
      (this.db.prepare(sql).all(...params) as TemplateRow[]).map((r) => this.toSummary(r)),
    );
    return read.deferred();
  }

  async getTemplate(name: string): Promise<TemplateDetail | undefined> {
    const read = this.db.transaction(() => {
      const row = this.db.prepare(`${TEMPLATE_SELECT} WHERE t.name = ?`).get(name) as
        | TemplateRow
        | undefined;
      if (!row) return undefined;
      const versions = (
        this.db
          .prepare(`${VERSION_SELECT} WHERE v.template_id = ? ORDER BY v.version DESC`)
          .all(row.id) as VersionRow[]
      ).map(toVersion);
      return { template: this.toSummary(row), versions };
    });
    return read.deferred();
  }

  async publishVersion(input: PublishInput, actor: string): Promise<TemplateVersion> {
    const tx = this.db.transaction(() => {
      const at = now();
      let tpl = this.db
        .prepare("SELECT id, kind, department_id FROM templates WHERE name = ?")
        .get(input.name) as { id: number; kind: DocumentKind; department_id: number } | undefined;
      if (tpl && tpl.department_id !== input.departmentId) {
        const owner = this.departmentRow(tpl.department_id)?.name ?? "其他部门";
        throw forbidden(
          "wrong_department",
          `模板“${input.name}”属于“${owner}”，只有该部门能发布新版本；请换一个模板名称。`,
        );
      }
      if (tpl && tpl.kind !== input.kind)
        throw conflict(
          "kind_mismatch",
          `模板“${input.name}”是${tpl.kind}模板，不能发布为${input.kind}；请改用 kind=${tpl.kind} 或换一个名称。`,
        );
      if (!tpl) {
        const clash = lookAlikeOf(
          input.name,
          this.db
            .prepare(
              "SELECT t.name, d.name AS department FROM templates t JOIN departments d ON d.id = t.department_id",
            )
            .all() as { name: string; department: string }[],
        );
        if (clash) throw conflict("name_lookalike", templateLookAlikeMessage(input.name, clash));
        const { lastInsertRowid } = this.db
          .prepare(
            "INSERT INTO templates (name, kind, department_id, created_at) VALUES (?, ?, ?, ?)",
          )
          .run(input.name, input.kind, input.departmentId, at);
        tpl = { id: Number(lastInsertRowid), kind: input.kind, department_id: input.departmentId };
      }
      this.db
        .prepare("INSERT OR IGNORE INTO blobs (sha256, size, data) VALUES (?, ?, ?)")
        .run(input.sha256, input.bytes.byteLength, Buffer.from(input.bytes));
      const { next } = this.db
        .prepare("SELECT coalesce(max(version), 0) + 1 AS next FROM versions WHERE template_id = ?")
        .get(tpl.id) as { next: number };
      this.db
        .prepare(
          `INSERT INTO versions (template_id, version, sha256, size, author, note, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(tpl.id, next, input.sha256, input.bytes.byteLength, input.author, input.note, at);
      this.audit(actor, "template.publish", input.name, {
        version: next,
        kind: input.kind,
        sha256: input.sha256,
        size: input.bytes.byteLength,
        author: input.author,
      });
      const row = this.db
        .prepare(`${VERSION_SELECT} WHERE v.template_id = ? AND v.version = ?`)
        .get(tpl.id, next) as VersionRow;
      return toVersion(row);
    });
    return tx.immediate();
  }

  async getVersionFile(
    name: string,
    version: number | "latest",
  ): Promise<{ version: TemplateVersion; bytes: Uint8Array } | undefined> {
    const read = this.db.transaction(() => {
      const row = (
        version === "latest"
          ? this.db
              .prepare(
                `${VERSION_SELECT} WHERE t.name = ? AND v.deprecated = 0 ORDER BY v.version DESC LIMIT 1`,
              )
              .get(name)
          : this.db
              .prepare(`${VERSION_SELECT} WHERE t.name = ? AND v.version = ?`)
              .get(name, version)
      ) as VersionRow | undefined;
      if (!row) return undefined;
      const blob = this.db.prepare("SELECT data FROM blobs WHERE sha256 = ?").get(row.sha256) as
        | { data: Buffer }
        | undefined;
      if (!blob) return undefined;
      return { version: toVersion(row), bytes: new Uint8Array(blob.data) };
    });
    return read.deferred();
  }

  async deprecateVersion(name: string, version: number, actor: string): Promise<TemplateVersion> {
    const tx = this.db.transaction(() => {
      const select = this.db.prepare(`${VERSION_SELECT} WHERE t.name = ? AND v.version = ?`);
      const row = select.get(name, version) as VersionRow | undefined;
      if (!row) throw notFound(`模板“${name}”没有第 ${version} 版。`);
      if (row.deprecated === 1) return toVersion(row);
      this.db
        .prepare(
          `UPDATE versions SET deprecated = 1, deprecated_at = ?
           WHERE version = ? AND template_id = (SELECT id FROM templates WHERE name = ?)`,
        )
        .run(now(), version, name);
      this.audit(actor, "version.deprecate", name, { version });
      return toVersion(select.get(name, version) as VersionRow);
    });
    return tx.immediate();
  }

  async listAudit(limit: number): Promise<AuditEntry[]> {
    return readAudit<AuditEntry>(this.db, limit);
  }

  /**
   * Online backup to another file while servers keep running (SQLite's backup API, which copies
   * a consistent snapshot including what is still in the WAL). Written beside the destination
   * and renamed, so a failed backup never leaves a half file under the final name. Returns what
   * the copy holds, after SQLite's integrity check and a hash check of every stored template.
   */
  async backup(destination: string): Promise<{ templates: number; versions: number }> {
    const partial = `${destination}.partial`;
    rmSync(partial, { force: true });
    await this.db.backup(partial);
    const copy = new Database(partial, { readonly: true });
    try {
      const problems = (copy.pragma("integrity_check") as Array<{ integrity_check: string }>)
        .map((r) => r.integrity_check)
        .filter((s) => s !== "ok");
      for (const blob of copy.prepare("SELECT sha256, data FROM blobs").iterate() as Iterable<{
        sha256: string;
        data: Buffer;
      }>)
        if (sha256HexSync(blob.data) !== blob.sha256)
          problems.push(`sha256 ${blob.sha256} 的内容与校验值不符`);
      if (problems.length > 0)
        throw new Error(`备份文件未通过完整性检查：${problems.slice(0, 5).join("；")}`);
      const count = (sql: string) => (copy.prepare(sql).get() as { n: number }).n;
      const result = {
        templates: count("SELECT count(*) AS n FROM templates"),
        versions: count("SELECT count(*) AS n FROM versions"),
      };
      copy.close();
      renameSync(partial, destination);
      return result;
    } catch (e) {
      if (copy.open) copy.close();
      rmSync(partial, { force: true });
      throw e;
    }
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
