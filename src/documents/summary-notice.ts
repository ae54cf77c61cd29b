/**
 * The 汇总通报: the office's Summary (src/core/summary.ts) → the values of SUMMARY_TAGS, and the
 * render of a summary template through the same gate, check, budget and XML cleaning as the
 * unit documents (./render.ts). Every figure comes from the Summary; nothing is re-counted.
 * Browser-safe: no fs, no node: imports.
 */
import type PizZip from "pizzip";
import { buildFinding } from "../core/findings";
import { DONE_STATUSES, STATUSES, type Status, UNREAD_STATUS } from "../core/model";
import { formatPercent } from "../core/stats";
import type { Summary } from "../core/summary";
import type { RenderResult } from "./api";
import { SUMMARY_DOCUMENT, SUMMARY_TAGS, type SummaryScopeData } from "./contract";
import { chineseDate, percentText, shortChineseDate } from "./format";
import {
  budgetRefusal,
  estimateRender,
  fileNameFromTitle,
  finishPackage,
  RENDER_BUDGET,
} from "./render";
import { prepareTemplate, TEMPLATE_SHEET } from "./template-check";

export type SummaryViewData = SummaryScopeData<"">;

export interface SummaryNoticeOptions {
  /** Overrides the default 标题. */
  readonly title?: string;
  /** 署名; default 巡察工作领导小组办公室. */
  readonly issuer?: string;
  /** 主送机关; default 各被巡察单位党组织. */
  readonly recipient?: string;
  /** 成文日期 (YYYY-MM-DD); default the as-of date. */
  readonly date?: string;
}

export const DEFAULT_SUMMARY_TITLE = "关于巡察整改进展情况的通报";

/**
 * Shares at the summary's precision: 已整改销号 takes the rounded 完成率 (so the two never
 * disagree) and the not-done statuses share the rest by largest remainder, so the sentence's
 * shares add up to exactly 100%.
 */
function shares(summary: Summary): {
  done: number;
  rest: Map<Status | typeof UNREAD_STATUS, number>;
} {
  const t = summary.totals;
  const scale = 10 ** summary.precision;
  const units = 100 * scale;
  const rest = new Map<Status | typeof UNREAD_STATUS, number>();
  if (t.total === 0) return { done: 0, rest };
  const doneUnits = Math.round(t.completionRate * units + 1e-7);
  const names = [...STATUSES.filter((s) => !DONE_STATUSES.has(s)), UNREAD_STATUS] as const;
  const counts = names.map((s) => (s === UNREAD_STATUS ? t.unread : t.byStatus[s]));
  const notDone = counts.reduce((a, b) => a + b, 0);
  const left = units - doneUnits;
  const exact = counts.map((c) => (notDone > 0 ? (c * left) / notDone : 0));
  const floors = exact.map(Math.floor);
  let spare = left - floors.reduce((a, b) => a + b, 0);
  const order = counts
    .map((c, i) => ({ i, rem: exact[i]! - floors[i]!, c }))
    .sort((a, b) => b.rem - a.rem || b.c - a.c || a.i - b.i);
  for (const o of order) {
    if (spare <= 0) break;
    if (counts[o.i] === 0) continue;
    floors[o.i]! += 1;
    spare--;
  }
  names.forEach((s, i) => {
    rest.set(s, floors[i]! / scale);
  });
  return { done: doneUnits / scale, rest };
}

/** The 汇总通报's data. */
export function buildSummaryViewModel(
  summary: Summary,
  options: SummaryNoticeOptions = {},
): SummaryViewData {
  const t = summary.totals;
  const p = summary.precision;
  const share = shares(summary);
  const pct = (n: number) => percentText(n, p);
  const asOf = chineseDate(summary.asOf);

  const phrases = [`已整改销号问题${t.done}个，占${pct(share.done)}`];
  for (const s of [...STATUSES.filter((x) => !DONE_STATUSES.has(x)), UNREAD_STATUS] as const) {
    const count = s === UNREAD_STATUS ? t.unread : t.byStatus[s];
    if (count === 0) continue;
    const label = s === UNREAD_STATUS ? "完成情况无法识别的问题" : `${s}问题`;
    phrases.push(`${label}${count}个，占${pct(share.rest.get(s) ?? 0)}`);
  }
  const progressParts = [
    `截至${asOf}，${summary.countedUnits}家单位巡察反馈问题${t.total}个，${phrases.join("；")}`,
  ];
  if (t.rules > 0) progressParts.push(`建立完善规章制度${t.rules}个`);

  const flagged = [
    ...summary.units
      .filter((u) => !u.counted)
      .map((u) => ({ 单位名称: u.figures.unit, 原因: `台账有${u.figures.errors}处错误` })),
    ...summary.unusable.map((u) => ({
      单位名称: u.file.replace(/\.xlsx$/iu, ""),
      原因: "台账无法读取",
    })),
  ];

  const statusFigures = {} as Record<string, number | string>;
  for (const s of STATUSES) {
    statusFigures[`${s}个数`] = t.byStatus[s];
    statusFigures[`${s}占比`] = percentText(t.statusShares[s], p);
  }
  statusFigures[`${UNREAD_STATUS}个数`] = t.unread;
  statusFigures[`${UNREAD_STATUS}占比`] = percentText(t.unreadShare, p);

  const data = {
    标题: options.title?.trim() || DEFAULT_SUMMARY_TITLE,
    主送机关: options.recipient?.trim() || "各被巡察单位党组织",
    署名: options.issuer?.trim() || "巡察工作领导小组办公室",
    成文日期: chineseDate(options.date ?? summary.asOf),
    截至日期: asOf,
    截至日期短: shortChineseDate(summary.asOf),
    单位数: summary.countedUnits,
    汇总单位数: summary.units.length + summary.unusable.length,
    未计入单位数: flagged.length,
    问题总数: t.total,
    完成数: t.done,
    未完成整改数: t.total - t.done,
    完成率: formatPercent(t.completionRate, p),
    ...statusFigures,
    完成情况表述: phrases.join("；"),
    进度表述: progressParts.join("；"),
    超期数: t.overdue,
    自查问题数: t.selfFound.total,
    自查完成数: t.selfFound.done,
    整改措施数: t.measures,
    制度数: t.rules,
    未计入说明:
      flagged.length > 0
        ? `另有${flagged.length}家单位的台账存在错误或无法读取，未计入上述统计：${flagged.map((f) => f.单位名称).join("、")}。`
        : "",
    有未计入: flagged.length > 0,
    有超期: t.overdue > 0,
    全部完成: t.total > 0 && t.done === t.total,
    有制度: t.rules > 0,
    单位: summary.units
      .filter((u) => u.counted)
      .map((u, i) => ({
        单位序号: i + 1,
        单位名称: u.figures.unit,
        单位问题数: u.figures.total,
        单位完成数: u.figures.done,
        单位完成率: u.completionRateText,
        单位超期数: u.figures.overdue,
      })),
    未计入单位: flagged,
    方面汇总: summary.aspects.map((a) => ({
      方面名称: a.name,
      方面单位数: a.units,
      方面问题数: a.total,
      方面完成数: a.done,
      方面完成率: a.completionRateText,
    })),
    超期清单: summary.overdue.map((o) => ({
      单位名称: o.unit,
      问题: o.problem,
      责任部门: o.department,
      整改时限: chineseDate(o.deadline),
      完成情况: o.status ?? UNREAD_STATUS,
      超期天数: o.daysOverdue,
    })),
  };
  return data as SummaryViewData;
}

export interface SummaryRenderRequest extends SummaryNoticeOptions {
  readonly template: Uint8Array;
  readonly summary: Summary;
}

/** Renders a 汇总通报 template; never throws, every problem is a Chinese finding. */
export function renderSummaryNotice(req: SummaryRenderRequest): RenderResult {
  const prepared = prepareTemplate(req.template, "模板文件", SUMMARY_TAGS);
  if (!prepared.ok) return { ok: false, findings: [...prepared.findings] };
  const check = prepared.check;
  if (req.summary.countedUnits === 0) {
    return {
      ok: false,
      findings: [
        buildFinding(
          { severity: "error", code: "document.summary.empty", sheet: TEMPLATE_SHEET },
          "没有可以计入统计的单位（台账都有错误或无法读取），未生成汇总通报。",
          { lead: "none" },
        ),
      ],
    };
  }
  const data = buildSummaryViewModel(req.summary, req) as unknown as Record<string, unknown>;
  const compiled = prepared.compile();
  if (estimateRender(compiled, data).exceeded)
    return { ok: false, findings: [budgetRefusal(SUMMARY_DOCUMENT)] };
  compiled.budget.limit = RENDER_BUDGET.evaluations * 2;
  const doc = compiled.doc;
  try {
    doc.render(data);
  } catch {
    if (compiled.budget.exceeded) return { ok: false, findings: [budgetRefusal(SUMMARY_DOCUMENT)] };
    return {
      ok: false,
      findings: [
        buildFinding(
          { severity: "error", code: "document.render.failed", sheet: TEMPLATE_SHEET },
          "填写汇总通报模板时出现意外错误，未生成文件。请运行模板检查后再试。",
          { lead: "none" },
        ),
      ],
    };
  }
  if (compiled.budget.exceeded) return { ok: false, findings: [budgetRefusal(SUMMARY_DOCUMENT)] };
  const title = String(data.标题 ?? "");
  const docx = finishPackage(doc.getZip() as PizZip, title, req.date ?? req.summary.asOf);
  if (!docx) return { ok: false, findings: [budgetRefusal(SUMMARY_DOCUMENT)] };
  return {
    ok: true,
    docx,
    fileName: fileNameFromTitle(title, "通报"),
    findings: check.findings,
  };
}
