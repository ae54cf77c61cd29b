/**
 * View model: (LedgerAnalysis, kind) → the values of the template contract (./contract.ts).
 * Three parts under ./view: grouping (方面 → 类别 → 问题, numbered in print order), prose
 * (every generated sentence) and mapping (facts, figures and groups → tag values). Every
 * count comes from LedgerStats (never re-counted differently). Rows with 公开=否 are left out
 * of the 通报, and 公开说明 says so.
 */
import { DONE_STATUSES, type LedgerAnalysis, STATUSES, UNREAD_STATUS } from "../core/model";
import type { DocumentKind } from "./api";
import { RAW_SUFFIX, type ScopeData, type TagName } from "./contract";
import { chineseDate, chineseDateRange, percentText, shortChineseDate } from "./format";
import { groupRows, numberRows } from "./view/grouping";
import {
  annexItem,
  aspectItems,
  aspectStatsItems,
  departmentItems,
  narrativeItems,
  overdueItems,
  problemItem,
  ruleItems,
  titleValue,
} from "./view/mapping";
import {
  defaultNextSteps,
  defaultPractices,
  deployingCommittee,
  deriveTitle,
  inspectionWord,
  type ProseFacts,
  partyOrgShortName,
  selfFoundSentence,
  sentences,
  text,
  type UnfinishedProblem,
  unfinishedSentence,
} from "./view/prose";

export { RAW_SUFFIX } from "./contract";
export { deployingCommittee, deriveTitle, partyOrgShortName } from "./view/prose";

export type Scalar = string | number | boolean;
/** Any level of the data, untyped: for code that walks it generically (formatters, tests). */
export interface ViewItem {
  [tag: string]: Scalar | ViewItem[];
}
/** The data handed to docxtemplater, typed from the contract; hidden raw values under `标签#值`. */
export type ViewData = ScopeData<"">;

export interface ViewModelOptions {
  /** Overrides the derived 标题; line breaks in it ("\n") are kept as given. */
  readonly title?: string;
  /** 加盖印章: the seal decides how 署名 and 成文日期 stand (default: 报告 yes, 通报 no). */
  readonly seal?: boolean;
  /** 附件: the report attaches the ledger as a landscape table (default: no). */
  readonly annex?: boolean;
}

type StatusFigures = Pick<ViewData, Extract<TagName<"">, `${string}个数` | `${string}占比`>>;

/** The document's data for `kind`. */
export function buildViewModel(
  analysis: LedgerAnalysis,
  kind: DocumentKind,
  options: ViewModelOptions = {},
): ViewData {
  const { info, stats, ledger, narrative } = analysis;
  const isNotice = kind === "通报";
  const threeLevels = ledger?.levels === 3;
  const precision = stats.precision;

  // Listed rows: feedback problems; the notice leaves out 公开=否.
  const rows = ledger?.rows ?? [];
  const feedbackRows = rows.filter((r) => r.source === "巡察反馈");
  const listed = isNotice ? feedbackRows.filter((r) => r.isPublic) : feedbackRows;
  const selfRows = rows.filter((r) => r.source === "自查" && (!isNotice || r.isPublic));
  const overdueRows = new Set(stats.overdue.map((o) => o.row));
  const grouped = groupRows(listed, threeLevels);
  const aspects = aspectItems(grouped, stats, threeLevels);

  const org = text(info.partyOrgName);
  const unit = text(info.unitName);
  const group = text(info.inspectionGroup);
  const phone = text(info.phone);
  const address = text(info.address);
  const email = text(info.email);
  const contacts = [
    phone && `联系电话：${phone}`,
    address && `邮政地址：${address}`,
    email && `电子邮箱：${email}`,
  ].filter(Boolean);
  // The template closes the list with its own 句号 (GB/T 9704 7.4.2): none doubled.
  const cc = text(info.cc).replace(/[。．.，,；;、\s]+$/u, "");
  const printer = text(info.printer);
  const total = stats.total;
  const departments = stats.byDepartment.filter((g) => g.name !== "").length;
  // Feedback rows marked 公开=否; the notice leaves them out and says so.
  const nonPublic = stats.nonPublic;
  const withheld = isNotice ? nonPublic : 0;
  const suggestions = info.suggestionCount;
  const facts: ProseFacts = {
    kind,
    org,
    unit,
    shortName: text(info.partyOrgShortName) || partyOrgShortName(org),
    group,
    inspectionType: text(info.inspectionType) || inspectionWord(group),
    committee: deployingCommittee(group),
    departments,
    withheld,
    suggestions,
  };
  const said = sentences(info, stats, facts);
  // Problems not done, by their number in this document's list (the notice names listed ones).
  const unfinished: UnfinishedProblem[] = grouped
    .flatMap((a) => a.problems)
    .filter(({ row }) => !(row.status && DONE_STATUSES.has(row.status)))
    .map(({ row, number }) => ({
      number,
      problem: row.problem,
      status: row.status ?? "",
      deadline: row.deadline
        ? row.deadline.kind === "date"
          ? chineseDate(row.deadline.date)
          : row.deadline.kind
        : "",
      daysOverdue: stats.overdue.find((o) => o.row === row.row)?.daysOverdue ?? 0,
    }));

  const statusFigures = Object.fromEntries([
    ...STATUSES.flatMap((s) => [
      [`${s}个数`, stats.byStatus[s]],
      [`${s}占比`, percentText(stats.statusShares[s], precision)],
    ]),
    [`${UNREAD_STATUS}个数`, stats.unread],
    [`${UNREAD_STATUS}占比`, percentText(stats.unreadShare, precision)],
  ]) as StatusFigures;

  return {
    标题: titleValue(text(options.title) || deriveTitle(info, kind), { org, unit, group }),
    发文机关标志: text(info.issuerMark) || (org ? `${org}文件` : ""),
    发文字号: text(info.docNumber),
    签发人: text(info.signer),
    主送机关: text(info.recipient),
    单位名称: unit,
    党组织名称: org,
    党组织简称: facts.shortName,
    署名: org || unit,
    巡察组: group,
    部署机关: facts.committee,
    巡察类型: facts.inspectionType,
    巡察: inspectionWord(group),
    巡察开始日期: chineseDate(info.inspectionStart),
    巡察结束日期: chineseDate(info.inspectionEnd),
    巡察日期段: chineseDateRange(info.inspectionStart, info.inspectionEnd),
    反馈日期: chineseDate(info.feedbackDate),
    成文日期: chineseDate(info.docDate),
    截至日期: chineseDate(stats.asOf),
    截至日期短: shortChineseDate(stats.asOf),
    抄送: cc,
    印发机关: printer,
    印发日期: chineseDate(info.printDate),
    联系电话: phone,
    邮政地址: address,
    电子邮箱: email,
    联系方式: contacts.join("；"),

    方面数: stats.aspectCount,
    问题总数: total,
    意见建议数: suggestions ?? "",
    完成数: stats.done,
    未完成整改数: total - stats.done,
    完成率: stats.completionRateText,
    [`完成率${RAW_SUFFIX}`]: stats.completionRate,
    ...statusFigures,
    完成情况表述: said.statusSentence,
    进度表述: said.progress,
    整改结论: said.conclusion,
    责任部门数: departments,
    整改措施数: stats.measures,
    制度数: stats.rules.length,
    自查问题数: stats.selfFound.total,
    自查完成数: stats.selfFound.done,
    超期数: stats.overdue.length,
    公开问题数: total - nonPublic,
    未公开问题数: nonPublic,
    公开说明: said.publicNote,
    自查表述: selfFoundSentence(stats, group),
    未完成表述: unfinishedSentence(unfinished),
    开头段: said.opening,

    加盖印章: options.seal ?? !isNotice,
    有版记: cc !== "" || printer !== "",
    有抄送: cc !== "",
    有印发: printer !== "",
    有类别: threeLevels,
    有超期: stats.overdue.length > 0,
    有自查: stats.selfFound.total > 0,
    有意见建议: suggestions !== undefined,
    有联系方式: contacts.length > 0,
    有联系电话: phone !== "",
    有邮政地址: address !== "",
    有电子邮箱: email !== "",
    有未公开: withheld > 0,
    全部完成: said.allDone,
    有未完成: unfinished.length > 0,
    有制度: stats.rules.length > 0,
    有附件: !isNotice && options.annex === true,

    方面: aspects,
    问题: aspects.flatMap((a) => a.问题),
    附件问题:
      !isNotice && options.annex === true ? aspects.flatMap((a) => a.问题.map(annexItem)) : [],
    自查问题: numberRows(selfRows).map((p) => problemItem(p, threeLevels, overdueRows)),
    主要做法: narrativeItems(
      narrative.practices.length > 0 ? narrative.practices : defaultPractices(stats, facts),
    ),
    下一步打算: narrativeItems(
      narrative.nextSteps.length > 0 ? narrative.nextSteps : defaultNextSteps(facts, stats),
    ),
    部门统计: departmentItems(stats.byDepartment),
    方面统计: aspectStatsItems(stats.byAspect),
    状态统计: STATUSES.filter((s) => stats.byStatus[s] > 0).map((s) => ({
      状态: s,
      数量: stats.byStatus[s],
      占比: percentText(stats.statusShares[s], precision),
    })),
    超期问题: overdueItems(stats.overdue),
    制度: ruleItems(stats.rules),
  };
}
