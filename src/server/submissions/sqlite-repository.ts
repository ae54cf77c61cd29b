/**
 * SubmissionRepository on one SQLite file (better-sqlite3), like the template library's: the
 * submitted workbook's bytes live in the same database as the row that lists them, so one
 * transaction stores both and a server killed at any instant never lists a submission without
 * its file. WAL + synchronous=FULL make an acknowledged submission durable; BEGIN IMMEDIATE and
 * busy_timeout let several processes share the file; UNIQUE(unit_id, round) guards numbering.
 * Identical bytes are stored once (keyed by sha256).
 */
import type Database from "better-sqlite3";
import type { UnitFigures } from "../../submissions/types";
import { notFound } from "../library/errors";
import { now } from "../store/sql";
import { appendAudit, openMigratedSqlite, readAudit } from "../store/sqlite";
import type {
  Account,
  AccountRole,
  NewSubmission,
  Submission,
  SubmissionAuditAction,
  SubmissionAuditEntry,
  SubmissionFilter,
  SubmissionRepository,
} from "./repository";
import { accountExists, storedFindings } from "./repository";

const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('unit', 'office')),
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (role, name)
  );
  CREATE TABLE tokens (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    data BLOB NOT NULL
  );
  CREATE TABLE submissions (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES accounts(id),
    round INTEGER NOT NULL CHECK (round >= 1),
    file_name TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL REFERENCES blobs(sha256),
    submitted_at TEXT NOT NULL,
    as_of TEXT NOT NULL,
    figures TEXT NOT NULL,
    findings TEXT NOT NULL,
    UNIQUE (unit_id, round)
  );
  CREATE INDEX submissions_by_time ON submissions (submitted_at);
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    detail TEXT NOT NULL
  );
  -- Immutability enforced by the database itself, not only by the code above it.
  CREATE TRIGGER submissions_no_update BEFORE UPDATE ON submissions
    BEGIN SELECT RAISE(ABORT, 'submissions are immutable'); END;
  CREATE TRIGGER submissions_no_delete BEFORE DELETE ON submissions
    BEGIN SELECT RAISE(ABORT, 'submissions are immutable'); END;
  `,
];

interface AccountRow {
  id: number;
  role: AccountRole;
  name: string;
  created_at: string;
  active_tokens: number;
}
interface SubmissionRow {
  id: number;
  unit_id: number;
  unit: string;
  round: number;
  file_name: string;
  size: number;
  sha256: string;
  submitted_at: string;
  as_of: string;
  figures: string;
  findings: string;
}

const ACCOUNT_SELECT = `
  SELECT a.id, a.role, a.name, a.created_at,
    (SELECT count(*) FROM tokens t WHERE t.account_id = a.id AND t.revoked_at IS NULL) AS active_tokens
  FROM accounts a`;
const SUBMISSION_SELECT = `
  SELECT s.id, s.unit_id, a.name AS unit, s.round, s.file_name, s.size, s.sha256, s.submitted_at,
    s.as_of, s.figures, s.findings
  FROM submissions s JOIN accounts a ON a.id = s.unit_id`;

const toAccount = (r: AccountRow): Account => ({
  id: r.id,
  role: r.role,
  name: r.name,
  createdAt: r.created_at,
  activeTokens: r.active_tokens,
});
const toSubmission = (r: SubmissionRow): Submission => ({
  id: r.id,
  unitId: r.unit_id,
  unit: r.unit,
  round: r.round,
  fileName: r.file_name,
  size: r.size,
  sha256: r.sha256,
  submittedAt: r.submitted_at,
  asOf: r.as_of,
  figures: JSON.parse(r.figures) as UnitFigures,
  findings: storedFindings(JSON.parse(r.findings)),
});

export class SqliteSubmissionRepository implements SubmissionRepository {
  private readonly db: Database.Database;

  constructor(readonly file: string) {
    this.db = openMigratedSqlite(file, MIGRATIONS, "报送数据库");
  }

  private audit(
    actor: string,
    action: SubmissionAuditAction,
    target: string,
    detail: object,
  ): void {
    appendAudit(this.db, actor, action, target, detail);
  }

  private accountRow(id: number): Account | undefined {
    const row = this.db.prepare(`${ACCOUNT_SELECT} WHERE a.id = ?`).get(id) as
      | AccountRow
      | undefined;
    return row && toAccount(row);
  }

  async createAccount(
    role: AccountRole,
    name: string,
    tokenHash: string,
    actor: string,
  ): Promise<Account> {
    const tx = this.db.transaction(() => {
      const exists = this.db
        .prepare("SELECT 1 FROM accounts WHERE role = ? AND name = ?")
        .get(role, name);
      if (exists) throw accountExists(role, name);
      const at = now();
      const { lastInsertRowid } = this.db
        .prepare("INSERT INTO accounts (role, name, created_at) VALUES (?, ?, ?)")
        .run(role, name, at);
      const id = Number(lastInsertRowid);
      this.db
        .prepare("INSERT INTO tokens (account_id, token_hash, created_at) VALUES (?, ?, ?)")
        .run(id, tokenHash, at);
      this.audit(actor, "account.create", name, { accountId: id, role });
      return this.accountRow(id)!;
    });
    return tx.immediate();
  }

  async listAccounts(role: AccountRole): Promise<Account[]> {
    const rows = this.db
      .prepare(`${ACCOUNT_SELECT} WHERE a.role = ? ORDER BY a.id`)
      .all(role) as AccountRow[];
    return rows.map(toAccount);
  }

  async getAccount(id: number): Promise<Account | undefined> {
    return this.accountRow(id);
  }

  async issueToken(accountId: number, tokenHash: string, actor: string): Promise<void> {
    const tx = this.db.transaction(() => {
      const account = this.accountRow(accountId);
      if (!account) throw notFound(`没有编号为 ${accountId} 的账户。`);
      this.db
        .prepare("INSERT INTO tokens (account_id, token_hash, created_at) VALUES (?, ?, ?)")
        .run(accountId, tokenHash, now());
      this.audit(actor, "token.issue", account.name, { accountId, role: account.role });
    });
    tx.immediate();
  }

  async revokeTokens(accountId: number, actor: string): Promise<number> {
    const tx = this.db.transaction(() => {
      const account = this.accountRow(accountId);
      if (!account) throw notFound(`没有编号为 ${accountId} 的账户。`);
      const { changes } = this.db
        .prepare("UPDATE tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL")
        .run(now(), accountId);
      this.audit(actor, "token.revoke", account.name, {
        accountId,
        role: account.role,
        revoked: changes,
      });
      return changes;
    });
    return tx.immediate();
  }

  async findAccountByTokenHash(tokenHash: string): Promise<Account | undefined> {
    const row = this.db
      .prepare("SELECT account_id FROM tokens WHERE token_hash = ? AND revoked_at IS NULL")
      .get(tokenHash) as { account_id: number } | undefined;
    return row && this.accountRow(row.account_id);
  }

  async addSubmission(input: NewSubmission, actor: string): Promise<Submission> {
    const tx = this.db.transaction(() => {
      const unit = this.accountRow(input.unitId);
      if (unit?.role !== "unit") throw notFound(`没有编号为 ${input.unitId} 的单位。`);
      this.db
        .prepare("INSERT OR IGNORE INTO blobs (sha256, size, data) VALUES (?, ?, ?)")
        .run(input.sha256, input.bytes.byteLength, Buffer.from(input.bytes));
      const { next } = this.db
        .prepare("SELECT coalesce(max(round), 0) + 1 AS next FROM submissions WHERE unit_id = ?")
        .get(input.unitId) as { next: number };
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO submissions
             (unit_id, round, file_name, size, sha256, submitted_at, as_of, figures, findings)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.unitId,
          next,
          input.fileName,
          input.bytes.byteLength,
          input.sha256,
          now(),
          input.asOf,
          JSON.stringify(input.figures),
          JSON.stringify(input.findings),
        );
      this.audit(actor, "submission.create", unit.name, {
        submissionId: Number(lastInsertRowid),
        round: next,
        sha256: input.sha256,
        size: input.bytes.byteLength,
        errors: input.figures.errors,
      });
      return toSubmission(
        this.db
          .prepare(`${SUBMISSION_SELECT} WHERE s.id = ?`)
          .get(Number(lastInsertRowid)) as SubmissionRow,
      );
    });
    return tx.immediate();
  }

  async listSubmissions(filter: SubmissionFilter): Promise<Submission[]> {
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (filter.unitId !== undefined) {
      where.push("s.unit_id = ?");
      params.push(filter.unitId);
    }
    if (filter.before !== undefined) {
      where.push("s.submitted_at < ?");
      params.push(filter.before);
    }
    const sql = `${SUBMISSION_SELECT}${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY s.id DESC`;
    return (this.db.prepare(sql).all(...params) as SubmissionRow[]).map(toSubmission);
  }

  async latestPerUnit(before?: string): Promise<Submission[]> {
    const cutoff = before === undefined ? "" : "WHERE submitted_at < ?";
    const sql = `${SUBMISSION_SELECT}
      WHERE s.id IN (SELECT max(id) FROM submissions ${cutoff} GROUP BY unit_id)
      ORDER BY s.unit_id`;
    const rows = (
      before === undefined ? this.db.prepare(sql).all() : this.db.prepare(sql).all(before)
    ) as SubmissionRow[];
    return rows.map(toSubmission);
  }

  async getSubmission(id: number): Promise<Submission | undefined> {
    const row = this.db.prepare(`${SUBMISSION_SELECT} WHERE s.id = ?`).get(id) as
      | SubmissionRow
      | undefined;
    return row && toSubmission(row);
  }

  async getSubmissionFile(
    id: number,
  ): Promise<{ submission: Submission; bytes: Uint8Array } | undefined> {
    const read = this.db.transaction(() => {
      const row = this.db.prepare(`${SUBMISSION_SELECT} WHERE s.id = ?`).get(id) as
        | SubmissionRow
        | undefined;
      if (!row) return undefined;
      const blob = this.db.prepare("SELECT data FROM blobs WHERE sha256 = ?").get(row.sha256) as
        | { data: Buffer }
        | undefined;
      if (!blob) return undefined;
      return { submission: toSubmission(row), bytes: new Uint8Array(blob.data) };
    });
    return read.deferred();
  }

  async listAudit(limit: number): Promise<SubmissionAuditEntry[]> {
    return readAudit<SubmissionAuditEntry>(this.db, limit);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
