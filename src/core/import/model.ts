/**
 * Types of the import: a document's paragraphs in, ledger rows, 基本信息 and 报告正文 out.
 * Readers (.txt, pasted text, .docx) produce SourceParagraphs; the parser is pure.
 */
import type { BasicInfo, Finding, InfoField, NarrativePart, Status } from "../model";

/** One paragraph of the source document, as a reader saw it. */
export interface SourceParagraph {
  /** The paragraph's text without any list label; line breaks inside it are "\n". */
  readonly text: string;
  /** The number Word shows in front of it (reconstructed from numbering.xml), e.g. "（一）". */
  readonly label?: string;
  /** Word list identity and level (w:numId, w:ilvl) when the paragraph is in a list. */
  readonly list?: { readonly id: string; readonly level: number };
  /** Outline level 0–8 (w:outlineLvl, or the level of a 标题 N / Heading N style). */
  readonly outlineLevel?: number;
}

/** One problem read from the document. Text fields are "" when the document does not say. */
export interface ImportedRow {
  readonly aspect: string;
  readonly category: string;
  readonly problem: string;
  readonly measures: string;
  readonly result: string;
  /** Canonical status when the document's 完成情况 is an accepted spelling. */
  readonly status: Status | null;
  /** The 完成情况 as written (kept in the cell when it is not an accepted spelling). */
  readonly statusText: string;
  readonly leader: string;
  readonly department: string;
  readonly owner: string;
  readonly deadline: string;
  readonly doneDate: string;
  readonly evidence: string;
  readonly note: string;
  /** 1-based numbers of the source paragraphs this row was read from. */
  readonly paragraphs: readonly number[];
}

export interface ImportedNarrative {
  readonly part: NarrativePart;
  readonly heading: string;
  readonly text: string;
}

/** Where a paragraph went (for tests and for telling the clerk). */
export type Placement =
  | "blank"
  | "info" // 基本信息 (title, opening, signature, date, contacts, counts)
  | "section" // a section heading (一、主要做法 …)
  | "aspect"
  | "category"
  | "problem"
  | "field" // 整改措施 / 整改成效 / 完成情况 … of a problem
  | "narrative";

export interface ImportResult {
  /** The document's title (lines before the opening joined), "" when none. */
  readonly title: string;
  /** "report": problems followed by 整改成效/完成情况 lines; "feedback": problems and details only. */
  readonly style: "report" | "feedback";
  readonly info: BasicInfo;
  /** For each 基本信息 value: the words of the document it came from. */
  readonly infoSources: Readonly<Partial<Record<InfoField, string>>>;
  readonly narrative: readonly ImportedNarrative[];
  readonly rows: readonly ImportedRow[];
  /** 3 when any problem has a 类别. */
  readonly levels: 2 | 3;
  /** Everything the parser could not place, and what it left for the clerk (提示 mostly). */
  readonly findings: readonly Finding[];
  /** placements[i] says where paragraph i+1 went; undefined when it is reported in findings. */
  readonly placements: readonly (Placement | undefined)[];
  /** 1-based numbers of the paragraphs the findings report as not imported. */
  readonly unplaced: readonly number[];
}

export interface ImportOptions {
  /** How findings name the source ("反馈意见.docx"); default 反馈意见. */
  readonly source?: string;
}
