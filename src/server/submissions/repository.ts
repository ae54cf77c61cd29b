/**
 * The submissions store's seam (like ../library/repository.ts): routes only see this
 * interface, so the SQLite file a county runs on can be swapped for PostgreSQL without
 * touching routes, checks or clients. Methods are async for that reason.
 *
 * Invariants every implementation keeps:
 * - a submission's round is assigned inside the transaction that stores it, so concurrent
 *   submissions of one unit get distinct consecutive rounds (UNIQUE(unit, round) as last guard);
 * - a submission row and its bytes become visible together or not at all, and survive SIGKILL
 *   once acknowledged (durable commit);
 * - submissions are immutable: no method updates or deletes one;
 * - every state change writes its audit entry in the same transaction;
 * - account names are unique per role; tokens are stored only as their sha256.
 */
import { detailOfMessage } from "../../core/findings";
import type { Finding, LocalDate } from "../../core/model";
import type {
  Account,
  AccountRole,
  Submission,
  SubmissionAuditAction,
  SubmissionAuditEntry,
  UnitFigures,
} from "../../submissions/types";
import { conflict } from "../library/errors";

export type { Account, AccountRole, Submission, SubmissionAuditAction, SubmissionAuditEntry };

const ROLE_LABEL: Record<AccountRole, string> = { unit: "单位", office: "巡察办账户" };

/** The 409 every store gives for an account name already taken in its role. */
export const accountExists = (role: AccountRole, name: string) =>
  conflict("account_exists", `${ROLE_LABEL[role]}“${name}”已存在，请换一个名称。`);

/**
 * Findings as stored: submissions kept before findings had a `detail` carry only the message,
 * which starts with the place; the detail is that message without it.
 */
export function storedFindings(raw: unknown): Finding[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((f: Finding) =>
    typeof f.detail === "string" ? f : { ...f, detail: detailOfMessage(f) },
  );
}

export interface NewSubmission {
  readonly unitId: number;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** Hex sha256 of `bytes` (computed by the caller). */
  readonly sha256: string;
  readonly asOf: LocalDate;
  readonly figures: UnitFigures;
  readonly findings: readonly Finding[];
}

export interface SubmissionFilter {
  /** Only this unit's submissions. */
  readonly unitId?: number;
  /** Only submissions received before this ISO timestamp (exclusive). */
  readonly before?: string;
}

export interface SubmissionRepository {
  /** Creates a unit or office account with its first token; 409 LibraryError if the name exists. */
  createAccount(
    role: AccountRole,
    name: string,
    tokenHash: string,
    actor: string,
  ): Promise<Account>;
  /** Accounts of a role, by id. */
  listAccounts(role: AccountRole): Promise<Account[]>;
  getAccount(id: number): Promise<Account | undefined>;
  /** Adds a token to an account; 404 LibraryError when there is no such account. */
  issueToken(accountId: number, tokenHash: string, actor: string): Promise<void>;
  /** Revokes every active token of the account; returns how many. */
  revokeTokens(accountId: number, actor: string): Promise<number>;
  /** The account owning an active (not revoked) token with this hash. */
  findAccountByTokenHash(tokenHash: string): Promise<Account | undefined>;

  /** Stores a submission under the unit's next round; 404 when unitId is not a unit. */
  addSubmission(input: NewSubmission, actor: string): Promise<Submission>;
  /** Newest first (by id). */
  listSubmissions(filter: SubmissionFilter): Promise<Submission[]>;
  /** Each unit's newest submission received before `before` (all when omitted), by unit id. */
  latestPerUnit(before?: string): Promise<Submission[]>;
  getSubmission(id: number): Promise<Submission | undefined>;
  getSubmissionFile(
    id: number,
  ): Promise<{ readonly submission: Submission; readonly bytes: Uint8Array } | undefined>;

  /** Newest first. */
  listAudit(limit: number): Promise<SubmissionAuditEntry[]>;
  close(): Promise<void>;
}
