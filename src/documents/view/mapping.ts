/**
 * Mapping: groups, facts, statistics and sentences → the tag values of the template contract.
 * The return types come from the contract (ScopeData), so a tag the contract does not define,
 * or one the view model forgets, does not compile.
 */
import {
  DONE_STATUSES,
  type GroupStats,
  type LedgerRow,
  type LedgerStats,
  type NarrativeParagraph,
  type OverdueItem,
  type Precision,
} from "../../core/model";
import { RAW_SUFFIX, type ScopeData } from "../contract";
import { chineseDate, chineseNumber, chineseOrdinal, percentText } from "../format";
import type { AspectGroup, NumberedRow } from "./grouping";
import { printedMeasures, problemNumber, text } from "./prose";
import { type TitleNames, titleLines } from "./title-lines";

export type ProblemData = ScopeData<"问题">;
export type AspectData = ScopeData<"方面">;

function deadlineText(row: LedgerRow): string {
  const d = row.deadline;
  if (!d) return "";
  return d.kind === "date" ? chineseDate(d.date) : d.kind;
}

export function problemItem(
  { row, number, inAspect }: NumberedRow,
  threeLevels: boolean,
  overdueRows: ReadonlySet<number>,
): ProblemData {
  const done = row.status !== null && DONE_STATUSES.has(row.status);
  return {
    问题序号: threeLevels ? `（${number}）` : problemNumber(number, row.problem),
    问题编号: number,
    方面内编号: inAspect,
    问题: text(row.problem),
    整改措施: printedMeasures(row.measures, row.result),
    整改成效: text(row.result),
    完成情况: row.status ?? "",
    责任部门: text(row.department),
    责任领导: text(row.leader),
    责任人: text(row.owner),
    整改时限: deadlineText(row),
    整改类型: row.type ?? "",
    完成日期: done ? chineseDate(row.doneDate) : "",
    佐证材料: text(row.evidence),
    备注: text(row.note),
    问题方面: text(row.aspect),
    问题类别: text(row.category),
    已完成: done,
    有整改成效: text(row.result) !== "",
    是否超期: overdueRows.has(row.row),
  };
}

/**
 * A row of the 附件 table: the problem as the body lists it, its number as the body prints it
 * (without the list's trailing point) and the date it was done.
 */
export function annexItem(problem: ProblemData): ScopeData<"附件问题"> {
  return {
    附件序号: problem.问题序号.replace(/[.．]$/u, ""),
    问题: problem.问题,
    整改措施: problem.整改措施,
    责任部门: problem.责任部门,
    完成情况: problem.完成情况,
    完成时间: problem.完成日期,
  };
}

export function aspectItems(
  groups: readonly AspectGroup[],
  stats: LedgerStats,
  threeLevels: boolean,
): AspectData[] {
  const overdueRows = new Set(stats.overdue.map((o) => o.row));
  const aspectStats = new Map(stats.byAspect.map((g) => [g.name, g]));
  return groups.map((a) => {
    const g = aspectStats.get(a.name);
    const rows = a.problems.map((p) => p.row);
    return {
      方面序号: chineseOrdinal(a.number),
      方面编号: chineseNumber(a.number),
      方面名称: text(a.name),
      方面问题数: g?.total ?? rows.length,
      方面完成数: g?.done ?? rows.filter((r) => r.status && DONE_STATUSES.has(r.status)).length,
      方面完成率: g?.completionRateText ?? "",
      [`方面完成率${RAW_SUFFIX}`]: g?.completionRate ?? 0,
      类别: a.categories.map((c) => ({
        类别序号: c.name !== "" ? `${c.number}.` : "",
        类别名称: text(c.name),
        类别问题数: c.problems.length,
        问题: c.problems.map((p) => problemItem(p, threeLevels, overdueRows)),
      })),
      问题: a.problems.map((p) => problemItem(p, threeLevels, overdueRows)),
    };
  });
}

export function departmentItems(groups: readonly GroupStats[]): ScopeData<"部门统计">[] {
  return groups.map((g) => ({ 部门: text(g.name), ...groupFigures(g) }));
}

export function aspectStatsItems(groups: readonly GroupStats[]): ScopeData<"方面统计">[] {
  return groups.map((g) => ({ 方面名称: text(g.name), ...groupFigures(g) }));
}

function groupFigures(g: GroupStats) {
  return {
    总数: g.total,
    完成数: g.done,
    未完成数: g.total - g.done,
    完成率: g.completionRateText,
    [`完成率${RAW_SUFFIX}`]: g.completionRate,
  } as const;
}

/** Only paragraphs with a 小标题 are numbered: a lead-in paragraph without one stays unnumbered. */
export function narrativeItems(
  paragraphs: readonly NarrativeParagraph[],
): ScopeData<"主要做法" | "下一步打算">[] {
  let n = 0;
  return paragraphs.map((p, i) => {
    const heading = text(p.heading);
    if (heading !== "") n++;
    return {
      段落序号: heading !== "" ? chineseOrdinal(n) : "",
      段落编号: heading !== "" ? n : "",
      小标题: heading,
      有小标题: heading !== "",
      内容: text(p.text),
      末段: i === paragraphs.length - 1,
    };
  });
}

export function overdueItems(items: readonly OverdueItem[]): ScopeData<"超期问题">[] {
  return items.map((o) => ({
    序号: text(o.seq),
    方面名称: text(o.aspect),
    问题: text(o.problem),
    责任部门: text(o.department),
    整改时限: chineseDate(o.deadline),
    完成情况: o.status ?? "",
    超期天数: o.daysOverdue,
  }));
}

export function ruleItems(rules: readonly string[]): ScopeData<"制度">[] {
  return rules.map((name, i) => ({ 名称: text(name), 制度序号: i + 1 }));
}

export function percent(share: number, precision: Precision): string {
  return percentText(share, precision);
}

/**
 * 标题 as printed: its lines joined by "\n" (docxtemplater writes <w:br/>). A title given with
 * its own line breaks (--title, the pane) keeps them; any other is broken by meaning.
 */
export function titleValue(title: string, names: TitleNames): string {
  return titleLines(title, names).join("\n");
}
