/**
 * The ledger domain model (see ../shared/spec/ledger.md). Types first: every other module of
 * the core produces or consumes these shapes, and so do the documents, the adapters and the UI.
 */

import type { FindingCode } from "./findings";
import type { UnitProfile } from "./profile";
import type { RuleTitle } from "./rules";

/** A calendar day as `YYYY-MM-DD`; comparable as a string, free of time zones. */
export type LocalDate = string;

// ---------------------------------------------------------------------------------------------
// Sheets

/** Canonical sheet names; the reader also accepts aliases. */
export const SHEET = {
  ledger: "整改台账",
  info: "基本信息",
  narrative: "报告正文",
  stats: "整改统计",
} as const;

// ---------------------------------------------------------------------------------------------
// Statuses

export const STATUSES = [
  "已完成",
  "已完成并长期坚持",
  "基本完成",
  "长期整改",
  "正在推进",
  "延期整改",
  "未完成",
] as const;
export type Status = (typeof STATUSES)[number];

/** The share of rows whose 完成情况 cannot be read: its own line, never dropped from the base. */
export const UNREAD_STATUS = "未识别";

/** Statuses that count as done (销号). */
export const DONE_STATUSES: ReadonlySet<Status> = new Set<Status>(["已完成", "已完成并长期坚持"]);

export const RECTIFICATION_TYPES = ["立行立改", "限期整改", "长期整改"] as const;
export type RectificationType = (typeof RECTIFICATION_TYPES)[number];

export const SOURCES = ["巡察反馈", "自查"] as const;
export type Source = (typeof SOURCES)[number];

// ---------------------------------------------------------------------------------------------
// Ledger columns

/** Ledger fields in the spec's column order; the header mapper maps header text to these. */
export const LEDGER_FIELDS = [
  "seq", // 序号
  "aspect", // 方面
  "category", // 类别
  "problem", // 问题
  "measures", // 整改措施
  "leader", // 责任领导
  "department", // 责任部门
  "owner", // 责任人
  "deadline", // 整改时限
  "type", // 整改类型
  "status", // 完成情况
  "result", // 整改成效
  "doneDate", // 完成日期
  "evidence", // 佐证材料
  "source", // 来源
  "isPublic", // 公开
  "note", // 备注
] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/** The Chinese column name of each field, as users see it in headers and messages. */
export const FIELD_LABEL: Record<LedgerField, string> = {
  seq: "序号",
  aspect: "方面",
  category: "类别",
  problem: "问题",
  measures: "整改措施",
  leader: "责任领导",
  department: "责任部门",
  owner: "责任人",
  deadline: "整改时限",
  type: "整改类型",
  status: "完成情况",
  result: "整改成效",
  doneDate: "完成日期",
  evidence: "佐证材料",
  source: "来源",
  isPublic: "公开",
  note: "备注",
};

/** 整改时限: a date, or one of the open-ended terms. */
export type Deadline =
  | { readonly kind: "date"; readonly date: LocalDate }
  | { readonly kind: "立行立改" | "长期坚持" | "长期" };

/** One problem of the ledger, normalised. Text fields are trimmed and XML-safe ("" when blank). */
export interface LedgerRow {
  /** 1-based sheet row number of the problem (the first row when the problem spans merged rows). */
  readonly row: number;
  readonly seq: string;
  readonly aspect: string;
  readonly category: string;
  readonly problem: string;
  readonly measures: string;
  readonly leader: string;
  readonly department: string;
  readonly owner: string;
  readonly deadline: Deadline | null;
  readonly type: RectificationType | null;
  readonly status: Status | null;
  readonly result: string;
  readonly doneDate: LocalDate | null;
  readonly evidence: string;
  readonly source: Source;
  readonly isPublic: boolean;
  readonly note: string;
  /** A1 address of the cell each mapped field was read from, for findings and "select cell". */
  readonly cells: Readonly<Partial<Record<LedgerField, string>>>;
}

export interface Ledger {
  /** The actual name of the ledger sheet in the workbook (it may be an alias). */
  readonly sheet: string;
  /** 1-based row numbers of the header (one row, or two for two-level headers). */
  readonly headerRows: readonly number[];
  /** Which column (A1 letters) each field was found in. */
  readonly columns: Readonly<Partial<Record<LedgerField, string>>>;
  readonly rows: readonly LedgerRow[];
  /** Whether a 类别 level is in use (three levels: 方面 → 类别 → 问题). */
  readonly levels: 2 | 3;
}

// ---------------------------------------------------------------------------------------------
// 基本信息 and 报告正文

/** 基本信息 keys, in the spec's order, with their English field names. */
export const INFO_KEYS = {
  unitName: "单位名称",
  partyOrgName: "党组织名称",
  partyOrgShortName: "党组织简称",
  inspectionGroup: "巡察组",
  inspectionType: "巡察类型",
  inspectionStart: "巡察开始日期",
  inspectionEnd: "巡察结束日期",
  feedbackDate: "反馈日期",
  declaredAspects: "反馈方面数",
  declaredProblems: "反馈问题数",
  suggestionCount: "意见建议数",
  issuerMark: "发文机关标志",
  docNumber: "发文字号",
  signer: "签发人",
  recipient: "主送机关",
  docDate: "成文日期",
  cc: "抄送",
  printer: "印发机关",
  printDate: "印发日期",
  phone: "联系电话",
  address: "邮政地址",
  email: "电子邮箱",
} as const;
export type InfoField = keyof typeof INFO_KEYS;

export const INSPECTION_TYPES = [
  "常规巡察",
  "专项巡察",
  "延伸巡察",
  "集中巡察",
  "机动巡察",
] as const;

/** 基本信息, normalised. Absent values are undefined. */
export interface BasicInfo {
  unitName?: string;
  partyOrgName?: string;
  /** 党组织简称 (局党组, 中心党委): second mention; derived from 党组织名称 when absent. */
  partyOrgShortName?: string;
  inspectionGroup?: string;
  inspectionType?: string;
  inspectionStart?: LocalDate;
  inspectionEnd?: LocalDate;
  feedbackDate?: LocalDate;
  declaredAspects?: number;
  declaredProblems?: number;
  suggestionCount?: number;
  issuerMark?: string;
  docNumber?: string;
  signer?: string;
  recipient?: string;
  docDate?: LocalDate;
  cc?: string;
  printer?: string;
  printDate?: LocalDate;
  phone?: string;
  address?: string;
  email?: string;
}

export const NARRATIVE_PARTS = ["主要做法", "下一步打算"] as const;
export type NarrativePart = (typeof NARRATIVE_PARTS)[number];

export interface NarrativeParagraph {
  /** 小标题, e.g. 加强组织领导 ("" when none). */
  readonly heading: string;
  /** 内容; line breaks kept. */
  readonly text: string;
}

/** 报告正文: the two narrative parts; empty arrays when the sheet is absent. */
export interface Narrative {
  readonly practices: readonly NarrativeParagraph[]; // 主要做法
  readonly nextSteps: readonly NarrativeParagraph[]; // 下一步打算
}

// ---------------------------------------------------------------------------------------------
// Findings

export type Severity = "error" | "warning" | "info";
export const SEVERITY_LABEL: Record<Severity, string> = {
  error: "错误",
  warning: "警告",
  info: "提示",
};

export interface Finding {
  readonly severity: Severity;
  /** Stable, machine-readable code, e.g. `ledger.status.unknown`. */
  readonly code: FindingCode;
  readonly sheet: string;
  /** A1 address when the finding is about one cell. */
  readonly cell?: string;
  /** 1-based sheet row when the finding is about a row. */
  readonly row?: number;
  /**
   * Chinese: what is wrong and what is expected, led by its place (「整改台账」F7：…) so it
   * stands alone; built from `detail` by one function (findingMessage).
   */
  readonly message: string;
  /** The message without its place, for lists that show the place beside it. */
  readonly detail: string;
  /** What the finding is about, for code that must not read the Chinese text. */
  readonly params?: FindingParams;
}

/** 报告正文 columns (部分, 小标题, 内容). */
export type NarrativeField = "part" | "heading" | "text";

/** A finding's subject, as data. */
export interface FindingParams {
  /** The field of the cell or key: a ledger column, a 基本信息 key or a 报告正文 column. */
  readonly field?: LedgerField | InfoField | NarrativeField;
  /** A template tag's name, without braces (the documents' findings). */
  readonly tag?: string;
  /** The value as written, when the finding is about it. */
  readonly value?: string;
}

// ---------------------------------------------------------------------------------------------
// Statistics

export type Precision = 0 | 1 | 2;

export interface GroupStats {
  readonly name: string;
  readonly total: number;
  readonly done: number;
  /** done ÷ total, unrounded, 0..1 (0 when total is 0). */
  readonly completionRate: number;
  /** e.g. "95%" or "98.71%", at the chosen precision. */
  readonly completionRateText: string;
  readonly byStatus: Readonly<Record<Status, number>>;
  /** Rows whose 完成情况 could not be read (未识别): counted in total, never in byStatus. */
  readonly unread: number;
}

export interface OverdueItem {
  readonly row: number;
  readonly seq: string;
  readonly aspect: string;
  readonly problem: string;
  readonly department: string;
  readonly deadline: LocalDate;
  readonly status: Status | null;
  /** Whole days past the deadline on the as-of date. */
  readonly daysOverdue: number;
}

export interface LedgerStats {
  readonly asOf: LocalDate;
  readonly precision: Precision;
  /** 问题总数: rows whose 来源 is 巡察反馈. */
  readonly total: number;
  readonly done: number;
  readonly completionRate: number;
  readonly completionRateText: string;
  /** Counts per canonical status, feedback problems only; every status present (0 when none). */
  readonly byStatus: Readonly<Record<Status, number>>;
  /**
   * Largest-remainder shares of byStatus, in percent at the chosen precision, on the same base
   * as 完成率 (every feedback row); together with unreadShare they sum to exactly 100 (when
   * total > 0).
   */
  readonly statusShares: Readonly<Record<Status, number>>;
  /** Feedback rows whose 完成情况 could not be read (未识别), and their share of 100. */
  readonly unread: number;
  readonly unreadShare: number;
  /** Problems with 来源 自查, counted apart (their own 整改措施 count too). */
  readonly selfFound: { readonly total: number; readonly done: number; readonly measures: number };
  /** Number of distinct 方面 among feedback problems. */
  readonly aspectCount: number;
  readonly byAspect: readonly GroupStats[];
  readonly byDepartment: readonly GroupStats[];
  readonly overdue: readonly OverdueItem[];
  /** 整改措施 count over feedback rows (自查 apart): numbered measures in a cell count one each. */
  readonly measures: number;
  /** 制度: distinct 《…》 titles of rules made or revised, named in 整改措施 / 整改成效 (rules.ts). */
  readonly rules: readonly string[];
  /** The other 《…》 titles, left out of the 制度 count, each with the reason. */
  readonly rulesLeftOut: readonly RuleTitle[];
  /** Feedback rows with 公开=否 (left out of the public notice). */
  readonly nonPublic: number;
  readonly declared: {
    readonly aspects?: number;
    readonly problems?: number;
    /** True when a declared count differs from the rows. */
    readonly mismatch: boolean;
  };
}

// ---------------------------------------------------------------------------------------------
// The result of reading a whole workbook

export interface AnalysisOptions {
  /** The as-of date for 超期 and "not in the future" checks; defaults to today. */
  readonly asOf?: LocalDate;
  /** Decimal places of percentages; default 0. */
  readonly precision?: Precision;
  /**
   * The unit profile (设置): fills what 基本信息 leaves empty before validation, so findings
   * and documents see the same facts. 基本信息 always wins.
   */
  readonly profile?: UnitProfile;
}

export interface LedgerAnalysis {
  /** Undefined when no ledger sheet was found (a finding says so). */
  readonly ledger: Ledger | undefined;
  readonly info: BasicInfo;
  readonly narrative: Narrative;
  readonly findings: readonly Finding[];
  readonly stats: LedgerStats;
}
