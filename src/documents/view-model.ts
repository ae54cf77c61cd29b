/**
 * View model: (LedgerAnalysis, kind) → the values of the template contract (./contract.ts).
 * Numbering is made here (（一）/1./（1）), dates are written the Chinese way, and every count
 * comes from LedgerStats (never re-counted differently). Rows with 公开=否 are left out of the
 * 通报, and 公开说明 says so.
 */
import {
  type BasicInfo,
  DONE_STATUSES,
  type GroupStats,
  type LedgerAnalysis,
  type LedgerRow,
  type NarrativeParagraph,
  STATUSES,
  type Status,
} from "../core/model";
import type { DocumentKind } from "./api";
import {
  chineseDate,
  chineseDateRange,
  chineseNumber,
  chineseOrdinal,
  percentText,
  shortChineseDate,
  xmlSafe,
} from "./format";

export type Scalar = string | number | boolean;
export interface ViewItem {
  [tag: string]: Scalar | ViewItem[];
}
/** The data handed to docxtemplater: contract tags, plus hidden raw values under `标签#值`. */
export type ViewData = ViewItem;

/** Suffix of hidden raw values (e.g. `完成率#值` = 0.72) that formatters may read; never a tag. */
export const RAW_SUFFIX = "#值";

export interface ViewModelOptions {
  /** Overrides the derived 标题. */
  readonly title?: string;
}

const text = (value: string | undefined | null): string => (value ? xmlSafe(value).trim() : "");

/** Title derived from 基本信息 (报告 / 通报 wording of the seeds). */
export function deriveTitle(info: BasicInfo, kind: DocumentKind): string {
  const org = text(info.partyOrgName) || text(info.unitName);
  if (kind === "报告") {
    const group = text(info.inspectionGroup) || "巡察组";
    return `${org}关于落实${group}反馈意见整改情况的报告`;
  }
  return `${org}关于巡察整改进展情况的通报`;
}

/** The short name a document uses for the Party organisation: 中共…局党组 → 党组, …委员会 → 党委. */
export function partyOrgShortName(org: string): string {
  if (/总支部委员会$|党总支$/.test(org)) return "党总支";
  if (/支部委员会$|党支部$/.test(org)) return "党支部";
  if (/党组$/.test(org)) return "党组";
  if (/党工委$/.test(org)) return "党工委";
  if (/委员会$|党委$/.test(org)) return "党委";
  return "";
}

/** 县委第一巡察组 → 县委; 市委第四巡察组 → 市委. */
export function deployingCommittee(group: string): string {
  const m = /^(.*?[省市县区州盟旗]委)/.exec(group);
  return m?.[1] ?? "上级党委";
}

function statusPhrase(status: Status, n: number): string {
  switch (status) {
    case "已完成":
      return `已完成整改${n}个`;
    case "已完成并长期坚持":
      return `已完成并长期坚持${n}个`;
    default:
      return `${status}${n}个`;
  }
}

interface ProblemContext {
  readonly number: number;
  readonly inAspect: number;
  readonly threeLevels: boolean;
  readonly overdueRows: ReadonlySet<number>;
}

function deadlineText(row: LedgerRow): string {
  const d = row.deadline;
  if (!d) return "";
  return d.kind === "date" ? chineseDate(d.date) : d.kind;
}

function problemItem(row: LedgerRow, ctx: ProblemContext): ViewItem {
  const done = row.status !== null && DONE_STATUSES.has(row.status);
  return {
    问题序号: ctx.threeLevels ? `（${ctx.number}）` : `${ctx.number}.`,
    问题编号: ctx.number,
    方面内编号: ctx.inAspect,
    问题: text(row.problem),
    整改措施: text(row.measures),
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
    是否超期: ctx.overdueRows.has(row.row),
  };
}

function groupItem(g: GroupStats, nameTag: string): ViewItem {
  return {
    [nameTag]: text(g.name),
    总数: g.total,
    完成数: g.done,
    未完成数: g.total - g.done,
    完成率: g.completionRateText,
    [`完成率${RAW_SUFFIX}`]: g.completionRate,
  };
}

/** Only paragraphs with a 小标题 are numbered: a lead-in paragraph without one stays unnumbered. */
function narrativeItems(paragraphs: readonly NarrativeParagraph[]): ViewItem[] {
  let n = 0;
  return paragraphs.map((p) => {
    const heading = text(p.heading);
    if (heading !== "") n++;
    return {
      段落序号: heading !== "" ? chineseOrdinal(n) : "",
      段落编号: heading !== "" ? n : "",
      小标题: heading,
      有小标题: heading !== "",
      内容: text(p.text),
    };
  });
}

interface Facts {
  org: string;
  group: string;
  aspects: number;
  total: number;
  departments: number;
  measures: number;
  rules: number;
}

/** Generic 主要做法 paragraphs for a ledger without 报告正文, filled with the ledger's own numbers. */
function defaultPractices(f: Facts): NarrativeParagraph[] {
  const who = f.org || "我单位";
  const paragraphs: NarrativeParagraph[] = [
    {
      heading: "加强组织领导",
      text: `${who}坚持把巡察整改作为一项重要政治任务，接到${f.group || "巡察组"}反馈意见后，及时召开专题会议研究部署，成立巡察反馈意见整改工作领导小组，主要负责人亲自抓、负总责，形成了齐抓共管的整改工作格局。`,
    },
    {
      heading: "压实整改责任",
      text: `对照巡察反馈的${f.aspects}个方面${f.total}个问题，逐项制定整改措施${f.measures}条，明确责任领导、责任部门、责任人和整改时限，将整改任务分解到${f.departments}个责任部门，建立整改台账，逐项督促整改销号。`,
    },
  ];
  if (f.rules > 0) {
    paragraphs.push({
      heading: "注重建章立制",
      text: `坚持边查边改、立行立改，把解决具体问题与完善制度机制结合起来，整改中建立完善各项制度${f.rules}项，推动巡察整改成果转化为长效机制。`,
    });
  }
  return paragraphs;
}

function defaultNextSteps(f: Facts): NarrativeParagraph[] {
  const who = f.org || "我单位";
  return [
    {
      heading: "持续巩固整改成果",
      text: `${who}将对已完成整改的问题适时开展“回头看”，防止问题反弹；对需要长期整改的问题，持续跟踪推进，确保整改到位。`,
    },
    {
      heading: "健全长效机制",
      text: "坚持举一反三，把巡察整改与日常工作结合起来，进一步完善制度、堵塞漏洞，切实做到从“当下改”向“长久立”转变。",
    },
    {
      heading: "压紧压实主体责任",
      text: "认真履行全面从严治党主体责任，强化责任担当，以巡察整改成效推动各项工作高质量发展。",
    },
  ];
}

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
  const feedbackRows = (ledger?.rows ?? []).filter((r) => r.source === "巡察反馈");
  const listed = isNotice ? feedbackRows.filter((r) => r.isPublic) : feedbackRows;
  const selfRows = (ledger?.rows ?? []).filter(
    (r) => r.source === "自查" && (!isNotice || r.isPublic),
  );
  const overdueRows = new Set(stats.overdue.map((o) => o.row));
  const aspectStats = new Map(stats.byAspect.map((g) => [g.name, g]));

  // Group listed rows by 方面 then 类别, in ledger order.
  let number = 0;
  const aspects: ViewItem[] = [];
  const allProblems: ViewItem[] = [];
  const byAspect = new Map<string, LedgerRow[]>();
  for (const row of listed) {
    const list = byAspect.get(row.aspect) ?? [];
    list.push(row);
    byAspect.set(row.aspect, list);
  }
  for (const [aspectName, rows] of byAspect) {
    const aspectIndex = aspects.length + 1;
    const byCategory = new Map<string, LedgerRow[]>();
    for (const row of rows) {
      const key = threeLevels ? row.category : "";
      const list = byCategory.get(key) ?? [];
      list.push(row);
      byCategory.set(key, list);
    }
    let categoryNumber = 0;
    let inAspect = 0;
    const categories: ViewItem[] = [];
    const aspectProblems: ViewItem[] = [];
    for (const [categoryName, categoryRows] of byCategory) {
      const named = categoryName !== "";
      if (named) categoryNumber++;
      const problems = categoryRows.map((row) => {
        number++;
        inAspect++;
        return problemItem(row, { number, inAspect, threeLevels, overdueRows });
      });
      aspectProblems.push(...problems);
      categories.push({
        类别序号: named ? `${categoryNumber}.` : "",
        类别名称: text(categoryName),
        类别问题数: categoryRows.length,
        问题: problems,
      });
    }
    allProblems.push(...aspectProblems);
    const g = aspectStats.get(aspectName);
    aspects.push({
      方面序号: chineseOrdinal(aspectIndex),
      方面编号: chineseNumber(aspectIndex),
      方面名称: text(aspectName),
      方面问题数: g?.total ?? rows.length,
      方面完成数: g?.done ?? rows.filter((r) => r.status && DONE_STATUSES.has(r.status)).length,
      方面完成率: g?.completionRateText ?? "",
      [`方面完成率${RAW_SUFFIX}`]: g?.completionRate ?? 0,
      类别: categories,
      问题: aspectProblems,
    });
  }
  let selfNumber = 0;
  const selfProblems = selfRows.map((row) => {
    selfNumber++;
    return problemItem(row, { number: selfNumber, inAspect: selfNumber, threeLevels, overdueRows });
  });

  // Facts.
  const org = text(info.partyOrgName);
  const unit = text(info.unitName);
  const shortName = partyOrgShortName(org);
  const group = text(info.inspectionGroup);
  const inspectionType = text(info.inspectionType) || "巡察";
  const committee = deployingCommittee(group);
  const phone = text(info.phone);
  const address = text(info.address);
  const email = text(info.email);
  const contacts = [
    phone && `联系电话：${phone}`,
    address && `邮政地址：${address}`,
    email && `电子邮箱：${email}`,
  ].filter(Boolean);
  const cc = text(info.cc);
  const printer = text(info.printer);

  // Statistics, all from LedgerStats.
  const total = stats.total;
  const done = stats.done;
  const statusParts = STATUSES.filter((s) => stats.byStatus[s] > 0).map((s) =>
    statusPhrase(s, stats.byStatus[s]),
  );
  const statusSentence = statusParts.join("，");
  const asOfShort = shortChineseDate(stats.asOf);
  const progress =
    total > 0
      ? `截至${asOfShort}，巡察反馈的${total}个具体问题，${statusSentence}，完成率${stats.completionRateText}`
      : "";
  const allDone = total > 0 && done === total;
  const conclusion = allDone
    ? "目前已全部整改到位"
    : total > 0
      ? `截至${chineseDate(stats.asOf)}，已完成整改${done}个，完成率${stats.completionRateText}`
      : "";
  const departments = stats.byDepartment.filter((g) => g.name !== "").length;
  // Feedback rows marked 公开=否; the notice leaves them out and says so.
  const nonPublic = feedbackRows.filter((r) => !r.isPublic).length;
  const withheld = isNotice ? nonPublic : 0;
  const publicNote =
    withheld > 0
      ? `巡察反馈的${total}个问题中，有${withheld}个问题按规定不予公开，本通报列出其余${total - withheld}个问题，上述统计数字包含全部${total}个问题。`
      : "";
  const suggestions = info.suggestionCount;
  const facts: Facts = {
    org: org || unit,
    group,
    aspects: stats.aspectCount,
    total,
    departments,
    measures: stats.measures,
    rules: stats.rules.length,
  };

  // Opening paragraph in the seeds' words.
  const period = chineseDateRange(info.inspectionStart, info.inspectionEnd);
  const feedback = chineseDate(info.feedbackDate);
  const target = org || unit || "我单位";
  const opening: string[] = [];
  if (isNotice) {
    let s = `根据${committee}统一部署，`;
    if (period) s += `${period}，`;
    s += `${group || "巡察组"}对${target}进行了${inspectionType}。`;
    opening.push(s);
    if (feedback) opening.push(`${feedback}，${group || "巡察组"}向${target}反馈了巡察意见。`);
    opening.push(
      "按照《中国共产党巡视工作条例》有关规定和党务公开原则，现将巡察整改进展情况予以公布。",
    );
  } else {
    opening.push(
      `${period ? `${period}，` : ""}${group || "巡察组"}对${target}开展了${inspectionType}。`,
    );
    let s = `${feedback ? `${feedback}，` : ""}${group || "巡察组"}向${target}反馈了巡察意见，指出了巡察中发现的${stats.aspectCount}个方面${total}个问题`;
    s += suggestions !== undefined ? `，提出了${suggestions}点意见建议。` : "。";
    opening.push(s);
    let t = `对此，${shortName || "我们"}高度重视，诚恳接受，照单全收`;
    if (departments > 0) t += `，将整改责任分解到${departments}个责任部门`;
    t += "。";
    if (conclusion) t += `${conclusion}。`;
    t += "现将有关情况报告如下：";
    opening.push(t);
  }

  const data: ViewData = {
    标题: text(options.title) || deriveTitle(info, kind),
    发文机关标志: text(info.issuerMark) || (org ? `${org}文件` : ""),
    发文字号: text(info.docNumber),
    签发人: text(info.signer),
    主送机关: text(info.recipient),
    单位名称: unit,
    党组织名称: org,
    党组织简称: shortName,
    署名: org || unit,
    巡察组: group,
    部署机关: committee,
    巡察类型: inspectionType,
    巡察开始日期: chineseDate(info.inspectionStart),
    巡察结束日期: chineseDate(info.inspectionEnd),
    巡察日期段: period,
    反馈日期: feedback,
    成文日期: chineseDate(info.docDate),
    截至日期: chineseDate(stats.asOf),
    截至日期短: asOfShort,
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
    完成数: done,
    未完成整改数: total - done,
    完成率: stats.completionRateText,
    [`完成率${RAW_SUFFIX}`]: stats.completionRate,
    完成情况表述: statusSentence,
    进度表述: progress,
    整改结论: conclusion,
    责任部门数: departments,
    整改措施数: stats.measures,
    制度数: stats.rules.length,
    自查问题数: stats.selfFound.total,
    自查完成数: stats.selfFound.done,
    超期数: stats.overdue.length,
    公开问题数: total - nonPublic,
    未公开问题数: nonPublic,
    公开说明: publicNote,
    开头段: opening.join(""),

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
    全部完成: allDone,
    有制度: stats.rules.length > 0,

    方面: aspects,
    问题: allProblems,
    自查问题: selfProblems,
    主要做法: narrativeItems(
      narrative.practices.length > 0 ? narrative.practices : defaultPractices(facts),
    ),
    下一步打算: narrativeItems(
      narrative.nextSteps.length > 0 ? narrative.nextSteps : defaultNextSteps(facts),
    ),
    部门统计: stats.byDepartment.map((g) => groupItem(g, "部门")),
    方面统计: stats.byAspect.map((g) => groupItem(g, "方面名称")),
    状态统计: STATUSES.filter((s) => stats.byStatus[s] > 0).map((s) => ({
      状态: s,
      数量: stats.byStatus[s],
      占比: percentText(stats.statusShares[s], precision),
    })),
    超期问题: stats.overdue.map((o) => ({
      序号: text(o.seq),
      方面名称: text(o.aspect),
      问题: text(o.problem),
      责任部门: text(o.department),
      整改时限: chineseDate(o.deadline),
      完成情况: o.status ?? "",
      超期天数: o.daysOverdue,
    })),
    制度: stats.rules.map((name, i) => ({ 名称: text(name), 制度序号: i + 1 })),
  };
  for (const s of STATUSES) {
    data[`${s}个数`] = stats.byStatus[s];
    data[`${s}占比`] = percentText(stats.statusShares[s], precision);
  }
  return data;
}
