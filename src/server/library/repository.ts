/**
 * The library's storage seam. The HTTP layer only sees this interface, so the SQLite file a
 * county runs on can be replaced by PostgreSQL (and object storage for the bytes) for a whole
 * province without touching routes, checks or clients. Methods are async for that reason even
 * though the SQLite implementation is synchronous underneath.
 *
 * Invariants every implementation keeps:
 * - a version number is assigned inside the same transaction that stores the version, so
 *   concurrent publishes of one name get distinct consecutive numbers;
 * - a version and its bytes become visible together or not at all;
 * - versions are immutable; only the deprecated flag changes;
 * - every state change writes its audit entry in the same transaction.
 */
import type { DocumentKind } from "../../documents/api";
import type {
  AuditAction,
  AuditEntry,
  Department,
  TemplateDetail,
  TemplateFilter,
  TemplateSummary,
  TemplateVersion,
} from "../../library/types";

export type {
  AuditAction,
  AuditEntry,
  Department,
  TemplateDetail,
  TemplateFilter,
  TemplateSummary,
  TemplateVersion,
};

export interface PublishInput {
  readonly name: string;
  readonly kind: DocumentKind;
  readonly departmentId: number;
  readonly author: string;
  readonly note: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

export interface TemplateRepository {
  /** Creates a department with its first token (stored as its hash) and audits it. */
  createDepartment(name: string, tokenHash: string, actor: string): Promise<Department>;
  listDepartments(): Promise<Department[]>;
  getDepartment(id: number): Promise<Department | undefined>;
  /** Adds a token to a department (after a revocation, say). */
  issueToken(departmentId: number, tokenHash: string, actor: string): Promise<void>;
  /** Revokes every active token of the department; returns how many. */
  revokeTokens(departmentId: number, actor: string): Promise<number>;
  /** The department owning an active (not revoked) token with this hash. */
  findDepartmentByTokenHash(tokenHash: string): Promise<Department | undefined>;

  listTemplates(filter: TemplateFilter): Promise<TemplateSummary[]>;
  getTemplate(name: string): Promise<TemplateDetail | undefined>;
  /**
   * Stores a new version under the next number. Throws LibraryError 403 when the name belongs
   * to another department, 409 when the kind differs from the template's.
   */
  publishVersion(input: PublishInput, actor: string): Promise<TemplateVersion>;
  /** `latest` = the newest version not deprecated. */
  getVersionFile(
    name: string,
    version: number | "latest",
  ): Promise<{ readonly version: TemplateVersion; readonly bytes: Uint8Array } | undefined>;
  /** Marks a version deprecated (idempotent). Ownership is checked by the caller. */
  deprecateVersion(name: string, version: number, actor: string): Promise<TemplateVersion>;
  listAudit(limit: number): Promise<AuditEntry[]>;
  close(): Promise<void>;
}
