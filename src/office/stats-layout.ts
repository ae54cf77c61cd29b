/**
 * The 整改统计 sheet as data (pure, no Office): one rectangle of values and number formats,
 * the Excel tables laid over it, bold rows and the chart. writeStatistics turns it into one
 * batch of Office calls.
 */

import { formatChineseDate } from "../core/dates";
import { columnLetters } from "../core/grid";
import type { GroupStats, LedgerAnalysis, LocalDate, Precision } from "../core/model";
import { STATUSES, UNREAD_STATUS } from "../core/model";

export type LayoutValue = string | number;

export interface LayoutTable {
  /** Workbook-unique table name. */
  readonly name: string;
  /** 0-based, inclusive, header row included. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface StatsLayout {
  readonly values: LayoutValue[][];
  readonly formats: string[][];
  readonly width: number;
  readonly boldRows: readonly number[];
  readonly tables: readonly LayoutTable[];
  readonly chart?: {
    readonly title: string;
    /** Category column and value column (with header row), as an A1 range. */
    readonly source: string;
    readonly topLeft: string;
    readonly bottomRight: string;
  };
  /** Column widths in points. */
  readonly columnWidths: readonly number[];
}

export const STATS_TABLES = {
  byAspect: "整改统计_按方面",
  byDepartment: "整改统计_按部门",
  overdue: "整改统计_超期问题",
} as const;

export const DATE_FORMAT = 'yyyy"年"m"月"d"日"';

export function percentFormat(precision: Precision): string {
  return precision === 0 ? "0%" : `0.${"0".repeat(precision)}%`;
}

/** `YYYY-MM-DD` → Excel serial (1900 date system). */
export function excelSerial(date: LocalDate): number {
  const [y, m, d] = date.split("-").map(Number);
  return Math.round((Date.UTC(y!, m! - 1, d!) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Table headers must be unique (Excel renames duplicates), so the done count is 销号数. */
function groupHeader(first: string): string[] {
  return [first, "完成率", "问题数", "销号数", ...STATUSES, UNREAD_STATUS];
}

function groupRow(g: GroupStats): LayoutValue[] {
  return [
    g.name,
    g.completionRate,
    g.total,
    g.done,
    ...STATUSES.map((s) => g.byStatus[s]),
    g.unread,
  ];
}

export function buildStatsLayout(analysis: LedgerAnalysis): StatsLayout {
  const s = analysis.stats;
  const pct = percentFormat(s.precision);
  const width = 5 + STATUSES.length; // the group tables are the widest part
  const values: LayoutValue[][] = [];
  const formats: string[][] = [];
  const boldRows: number[] = [];
  const tables: LayoutTable[] = [];

  const push = (row: LayoutValue[], rowFormats: (string | undefined)[] = []): number => {
    values.push([...row, ...Array<LayoutValue>(width - row.length).fill("")]);
    formats.push(Array.from({ length: width }, (_, i) => rowFormats[i] ?? "General"));
    return values.length - 1;
  };
  const blank = () => push([]);
  const heading = (text: string) => boldRows.push(push([text]));

  const asOf = formatChineseDate(s.asOf);
  boldRows.push(push([`巡察整改统计（截至${asOf}）`]));
  push(["本表由整改台账助手根据整改台账自动生成；每次写入统计时整表替换，请勿在此表中手工修改。"]);
  blank();

  heading("总体情况");
  boldRows.push(push(["项目", "数量", "占比"]));
  push(["问题总数", s.total]);
  push(["已完成（销号）", s.done, s.completionRate], [undefined, undefined, pct]);
  push(["完成率", s.completionRate], [undefined, pct]);
  for (const status of STATUSES) {
    push([status, s.byStatus[status], s.statusShares[status] / 100], [undefined, undefined, pct]);
  }
  // Shares and 完成率 have one base: a status that cannot be read is its own line.
  if (s.unread > 0) {
    push([UNREAD_STATUS, s.unread, s.unreadShare / 100], [undefined, undefined, pct]);
  }
  push(["自查问题", s.selfFound.total]);
  push(["自查问题已完成", s.selfFound.done]);
  push(["超期问题", s.overdue.length]);
  push(["整改措施", s.measures]);
  push(["建立完善制度", s.rules.length]);
  push(["问题方面", s.aspectCount]);
  push(["不公开问题", s.nonPublic]);
  if (s.declared.problems !== undefined) push(["反馈问题数（基本信息）", s.declared.problems]);
  if (s.declared.aspects !== undefined) push(["反馈方面数（基本信息）", s.declared.aspects]);

  const groupTable = (
    title: string,
    first: string,
    name: string,
    groups: readonly GroupStats[],
  ) => {
    if (groups.length === 0) return undefined;
    blank();
    heading(title);
    const top = push(groupHeader(first));
    for (const g of groups) push(groupRow(g), [undefined, pct]);
    const table = { name, top, left: 0, bottom: values.length - 1, right: width - 1 };
    tables.push(table);
    return table;
  };
  const aspectTable = groupTable("按方面统计", "方面", STATS_TABLES.byAspect, s.byAspect);
  groupTable("按责任部门统计", "责任部门", STATS_TABLES.byDepartment, s.byDepartment);

  blank();
  heading("超期问题");
  if (s.overdue.length === 0) {
    push([`截至${asOf}无超期问题。`]);
  } else {
    const top = push([
      "行号",
      "序号",
      "方面",
      "问题",
      "责任部门",
      "整改时限",
      "完成情况",
      "超期天数",
    ]);
    for (const o of s.overdue) {
      push(
        [
          o.row,
          o.seq,
          o.aspect,
          o.problem,
          o.department,
          excelSerial(o.deadline),
          o.status ?? "",
          o.daysOverdue,
        ],
        [undefined, undefined, undefined, undefined, undefined, DATE_FORMAT],
      );
    }
    tables.push({ name: STATS_TABLES.overdue, top, left: 0, bottom: values.length - 1, right: 7 });
  }

  const chartLeft = columnLetters(width + 1);
  const chartRight = columnLetters(width + 9);
  return {
    values,
    formats,
    width,
    boldRows,
    tables,
    chart: aspectTable
      ? {
          title: "各方面整改完成率",
          source: `A${aspectTable.top + 1}:B${aspectTable.bottom + 1}`,
          topLeft: `${chartLeft}4`,
          bottomRight: `${chartRight}22`,
        }
      : undefined,
    columnWidths: [150, 70, 70, 70, ...STATUSES.map(() => 80), 80],
  };
}

/** Text Excel would read as a formula (`=`, `+`, `-`, `@`) or as a prefix (`'`) gets a `'` prefix. */
/**
 * Text that must stay text: Excel would turn it into a number, date or formula when it starts
 * with a digit, a sign, '=', '@', "'", '/', a dot, a comma or a space, so it gets a ' prefix.
 */
export function asTextInput(s: string): string {
  return /^[\s\d.,+\-=@'/]/u.test(s) ? `'${s}` : s;
}

export function asCellInput(value: LayoutValue): LayoutValue {
  return typeof value === "string" && /^[=+\-@']/.test(value) ? `'${value}` : value;
}
