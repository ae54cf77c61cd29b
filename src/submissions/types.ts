/**
 * Submissions (报送): what the server stores when a unit sends its ledger to the inspection
 * office, and what the API answers. Neutral ground like src/library: the CLI, the pane's 报送
 * button, the office dashboard and the server all speak these shapes; the browser never imports
 * server code.
 */
import type { Finding, LocalDate } from "../core/model";
import type { SummaryUnitFigures as UnitFigures } from "../core/summary";

/** Who a token belongs to: a unit submits its own ledger; the office reads every unit's. */
export type AccountRole = "unit" | "office";

export interface Account {
  readonly id: number;
  readonly role: AccountRole;
  /** A unit's name as the office knows it (unique per role), e.g. 县市政园林局. */
  readonly name: string;
  readonly createdAt: string;
  /** Tokens not revoked. */
  readonly activeTokens: number;
}

/**
 * One unit's figures, one 方面 of them, one overdue problem: the shapes src/core/summary.ts
 * computes from a LedgerAnalysis, stored and answered as they are. A unit with `errors > 0` is
 * listed and flagged, never counted.
 */
export type {
  SummaryAspectFigures as AspectFigures,
  SummaryOverdueFigure as OverdueFigure,
  SummaryUnitFigures as UnitFigures,
} from "../core/summary";

/** A stored submission. Immutable: nothing in it ever changes after it is stored. */
export interface Submission {
  readonly id: number;
  readonly unitId: number;
  readonly unit: string;
  /** 第几次报送 of this unit, from 1, assigned in the storing transaction. */
  readonly round: number;
  readonly fileName: string;
  readonly size: number;
  readonly sha256: string;
  /** ISO timestamp of receipt (server clock). */
  readonly submittedAt: string;
  /** The as-of date the figures were computed for (the day of receipt unless given). */
  readonly asOf: LocalDate;
  readonly figures: UnitFigures;
  /** The core's errors and warnings for the ledger (at most SUBMISSION_FINDINGS_KEPT). */
  readonly findings: readonly Finding[];
}

/** How many findings a submission keeps (the count of all is in figures.errors/warnings). */
export const SUBMISSION_FINDINGS_KEPT = 200;

/** A unit as the office lists it: the account and its newest submission. */
export interface UnitOverview {
  readonly unit: Account;
  readonly latest?: Submission;
  readonly submissions: number;
}

/** One point of a unit's progress over time. */
export interface ProgressPoint {
  readonly submissionId: number;
  readonly round: number;
  readonly submittedAt: string;
  readonly asOf: LocalDate;
  readonly total: number;
  readonly done: number;
  readonly completionRate: number;
  readonly overdue: number;
  readonly errors: number;
}

export type SubmissionAuditAction =
  | "account.create"
  | "token.issue"
  | "token.revoke"
  | "submission.create";

export interface SubmissionAuditEntry {
  readonly id: number;
  readonly at: string;
  /** `admin`, `office:<name>` or `unit:<name>`. */
  readonly actor: string;
  readonly action: SubmissionAuditAction;
  readonly target: string;
  readonly detail: Readonly<Record<string, unknown>>;
}
