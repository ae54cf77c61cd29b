/**
 * The template library's public data: what the API answers and the client, the CLI, the pane
 * and the server all speak. Neutral ground so the browser never imports server code.
 */
import type { DocumentKind } from "../documents/api";

export interface Department {
  readonly id: number;
  readonly name: string;
  readonly createdAt: string;
  /** Tokens not revoked. */
  readonly activeTokens: number;
}

export interface TemplateVersion {
  readonly name: string;
  readonly version: number;
  readonly sha256: string;
  readonly size: number;
  readonly author: string;
  readonly note: string;
  readonly createdAt: string;
  readonly deprecated: boolean;
  readonly deprecatedAt?: string;
}

export interface TemplateSummary {
  readonly name: string;
  readonly kind: DocumentKind;
  readonly department: string;
  readonly departmentId: number;
  readonly createdAt: string;
  /** The newest version that is not deprecated; undefined when every version is deprecated. */
  readonly latest?: TemplateVersion;
  readonly versionCount: number;
}

export interface TemplateDetail {
  readonly template: TemplateSummary;
  /** Newest first. */
  readonly versions: readonly TemplateVersion[];
}

export type AuditAction =
  | "department.create"
  | "token.issue"
  | "token.revoke"
  | "template.publish"
  | "version.deprecate";

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  /** `admin` or `department:<name>`. */
  readonly actor: string;
  readonly action: AuditAction;
  readonly target: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface TemplateFilter {
  readonly kind?: DocumentKind;
  /** Department name, exact. */
  readonly department?: string;
  /** Part of the template name. */
  readonly q?: string;
}
