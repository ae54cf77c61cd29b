/**
 * The documents API as the rest of the project sees it (CLI, task pane, template library,
 * benchmarks). Implemented in this folder; no Office, no fs: bytes in, bytes out.
 */
import type { Finding, LedgerAnalysis } from "../core/model";

/** The two documents a template can produce. */
/** The media type of a .docx file (downloads, uploads, library requests). */
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export const DOCUMENT_KINDS = ["报告", "通报"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface RenderRequest {
  /** The .docx template's bytes. */
  readonly template: Uint8Array;
  readonly kind: DocumentKind;
  /** What the core read from the workbook (info already merged with the unit profile). */
  readonly analysis: LedgerAnalysis;
  /** Render even when the ledger has errors (the CLI's --force). */
  readonly force?: boolean;
  /** Overrides the derived 标题. */
  readonly title?: string;
  /** 加盖印章 (default: 报告 yes, 通报 no): decides how 署名 and 成文日期 stand. */
  readonly seal?: boolean;
  /** 附件: attach the ledger to the 报告 as a landscape table after the body (default: no). */
  readonly annex?: boolean;
}

export type RenderResult =
  | {
      readonly ok: true;
      readonly docx: Uint8Array;
      /** Suggested file name, from the document's title, e.g. `…整改情况的报告.docx`. */
      readonly fileName: string;
      /** Warnings and info that did not stop rendering. */
      readonly findings: readonly Finding[];
    }
  | { readonly ok: false; readonly findings: readonly Finding[] };

export interface TemplateTagUse {
  readonly tag: string;
  /** Where it stands, in words a clerk understands, e.g. `第3段` or `页脚`. */
  readonly where: string;
}

export interface TemplateCheckResult {
  /** True when the template can be used (no error findings). */
  readonly ok: boolean;
  readonly tagsUsed: readonly string[];
  /** Errors (unknown tags with "did you mean", structural errors), in Chinese. */
  readonly findings: readonly Finding[];
  /** Document-level contract fields (facts and figures, not loop items or conditions) the template never uses. */
  readonly unusedFields: readonly string[];
  /** Every tag occurrence with where it stands (in document order). */
  readonly uses?: readonly TemplateTagUse[];
  /** True when the file is not a usable .docx at all (CLI exit 2). */
  readonly unreadable?: boolean;
}
