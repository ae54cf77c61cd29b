/**
 * Prose: every sentence the documents generate (title, opening, count sentence, conclusion,
 * the note on withheld rows, default paragraphs), built from the facts and the statistics
 * only, in the seeds' words.
 */
import type { BasicInfo, LedgerStats, NarrativeParagraph } from "../../core/model";
import { UNREAD_STATUS } from "../../core/model";
import { countBreakdown } from "../../core/stats";
import type { DocumentKind } from "../api";
import { chineseDate, chineseDateRange, shortChineseDate, xmlSafe } from "../format";

export const text = (value: string | undefined | null): string =>
  value ? xmlSafe(value).trim() : "";

/**
 * 整改措施 as printed: "" when 整改成效 already begins with it (整改措施：一是更新观念。 followed by
 * 整改成效：一是更新观念。派出考察组… says it twice).
 */
export function printedMeasures(measures: string, result: string): string {
  const key = (v: string) => v.replace(/[\s\u3000]+/gu, "").replace(/[。；;，,.]+$/u, "");
  const m = key(measures);
  return m !== "" && key(result).startsWith(m) ? "" : text(measures);
}

/**
 * A two-level problem's number: "12." but "12．" (full-width 下脚点) when the text begins with
 * a digit, so "12．2017年7月…" never reads as a decimal.
 */
export function problemNumber(n: number, problem: string): string {
  return /^[\d０-９]/u.test(problem.trim()) ? `${n}．` : `${n}.`;
}

/** 巡视 when the group's name says so (校党委第一巡视组, 省委第三巡视组), else 巡察. */
export function inspectionWord(group: string | undefined): "巡察" | "巡视" {
  return group?.includes("巡视") ? "巡视" : "巡察";
}

/** Generated wording in the inspection's own word: every 巡察 becomes 巡视 for a 巡视组. */
export function inWord(word: "巡察" | "巡视", sentence: string): string {
  return word === "巡视" ? sentence.replace(/巡察/gu, "巡视") : sentence;
}

/** Title derived from 基本信息 (报告 / 通报 wording of the seeds). */
export function deriveTitle(info: BasicInfo, kind: DocumentKind): string {
  const org = text(info.partyOrgName) || text(info.unitName);
  const word = inspectionWord(info.inspectionGroup);
  if (kind === "报告") {
    const group = text(info.inspectionGroup) || `${word}组`;
    return `${org}关于落实${group}反馈意见整改情况的报告`;
  }
  return `${org}关于${word}整改进展情况的通报`;
}

/**
 * The short name a document uses on second mention (党组织简称): the unit's kind word plus the
 * organisation's kind, as the seeds write it — 中共清丰县市政园林局党组 → 局党组,
 * 中共邵阳市园林绿化中心委员会 → 中心党委, 中共…管理局党委 → 局党委; 党支部 / 党总支 / 党工委
 * stay as they are. "" when the name says no organisation kind.
 */
export function partyOrgShortName(org: string): string {
  if (/总支部委员会$|党总支$/.test(org)) return "党总支";
  if (/支部委员会$|党支部$/.test(org)) return "党支部";
  if (/党工委$/.test(org)) return "党工委";
  const kind = /党组$/.test(org) ? "党组" : /委员会$|党委$/.test(org) ? "党委" : "";
  if (kind === "") return "";
  const stem = org.replace(/(?:党组|委员会|党委)$/u, "");
  const unitWord =
    /(中心|公司|集团|大学|学院|医院|学校|中学|小学|局|厅|院|校|所|站|办|馆|社|处|队)$/u.exec(
      stem,
    )?.[1] ?? "";
  return `${unitWord}${kind}`;
}

/** 县委第一巡察组 → 县委; 市委第四巡察组 → 市委. */
export function deployingCommittee(group: string): string {
  const m = /^(.*?[省市县区州盟旗]委)/.exec(group);
  return m?.[1] ?? "上级党委";
}

/**
 * The one done clause of both documents: "已完成整改M个（其中已完成并长期坚持K个），整改完成率X%，
 * 长期整改a个…" — 已完成并长期坚持 inside the done count, 完成率 next to it, then each not-done
 * status in the seeds' words. The opening, the count sentence and the conclusion all use it.
 */
export function doneClause(stats: LedgerStats): string {
  const b = countBreakdown(stats);
  if (b.total === 0) return "";
  let s = `已完成整改${b.done}个`;
  if (b.doneLasting > 0) s += `（其中已完成并长期坚持${b.doneLasting}个）`;
  s += `，整改完成率${b.completionRateText}`;
  for (const { status, count } of b.notDone) {
    s += status === UNREAD_STATUS ? `，完成情况未识别${count}个` : `，${status}${count}个`;
  }
  return s;
}

/**
 * 自查 in seed 004's way, counted apart from the feedback: "举一反三，主动自查问题7个，已全部整改到位"
 * or "…，已整改5个"; "" when there are none.
 */
export function selfFoundSentence(stats: LedgerStats, group?: string): string {
  const { total, done } = stats.selfFound;
  if (total === 0) return "";
  const tail = done === total ? "已全部整改到位" : `已整改${done}个`;
  return inWord(inspectionWord(group), `举一反三，主动自查问题${total}个，${tail}。`);
}

/** A problem not done, as the report names it. */
export interface UnfinishedProblem {
  /** Its number in the document's list. */
  readonly number: number;
  readonly problem: string;
  readonly status: string;
  /** 整改时限 as printed (2024年3月31日, 长期坚持 …); "" when none. */
  readonly deadline: string;
  /** Days past the deadline when 超期, else 0. */
  readonly daysOverdue: number;
}

function firstClause(problem: string, max = 24): string {
  const clause = (text(problem).split(/[。；;\n]/u)[0] ?? "").trim();
  const chars = [...clause];
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : clause;
}

/**
 * The report's honest line on what is not done: every such problem with its number, status,
 * deadline and overdue days. "" when all are done.
 */
export function unfinishedSentence(items: readonly UnfinishedProblem[]): string {
  if (items.length === 0) return "";
  const parts = items.map((p) => {
    let s = `第${p.number}个问题“${firstClause(p.problem)}”（${p.status || "完成情况未识别"}`;
    if (p.deadline) s += `，整改时限${p.deadline}`;
    if (p.daysOverdue > 0) s += `，已超期${p.daysOverdue}天`;
    return `${s}）`;
  });
  return `尚未完成整改的${items.length}个问题：${parts.join("；")}。`;
}

/** The facts every sentence may use, read once from 基本信息 and the statistics. */
export interface ProseFacts {
  readonly kind: DocumentKind;
  readonly org: string;
  readonly unit: string;
  readonly shortName: string;
  readonly group: string;
  readonly inspectionType: string;
  readonly committee: string;
  readonly departments: number;
  readonly withheld: number;
  readonly suggestions: number | undefined;
}

export interface Sentences {
  readonly statusSentence: string;
  readonly progress: string;
  readonly conclusion: string;
  readonly allDone: boolean;
  readonly publicNote: string;
  readonly opening: string;
}

export function sentences(info: BasicInfo, stats: LedgerStats, f: ProseFacts): Sentences {
  const { total, done } = stats;
  const statusSentence = doneClause(stats);
  const asOfShort = shortChineseDate(stats.asOf);
  const progress =
    total > 0 ? `截至${asOfShort}，巡察反馈的${total}个具体问题，${statusSentence}` : "";
  const allDone = total > 0 && done === total;
  const conclusion = allDone
    ? "目前已全部整改到位"
    : total > 0
      ? `截至${chineseDate(stats.asOf)}，${statusSentence}`
      : "";
  const publicNote =
    f.withheld > 0
      ? `巡察反馈的${total}个问题中，有${f.withheld}个问题按规定不予公开，本通报列出其余${total - f.withheld}个问题，上述统计数字包含全部${total}个问题。`
      : "";

  // Opening paragraph in the seeds' words.
  const period = chineseDateRange(info.inspectionStart, info.inspectionEnd);
  const feedback = chineseDate(info.feedbackDate);
  const target = f.org || f.unit || "我单位";
  const group = f.group || "巡察组";
  // Second mention: the short name (seed 000: 向县市政园林局党组反馈), never the full name twice.
  const second = f.shortName || target;
  const opening: string[] = [];
  if (f.kind === "通报") {
    let s = `根据${f.committee}统一部署，`;
    if (period) s += `${period}，`;
    s += `${group}对${target}进行了${f.inspectionType}。`;
    opening.push(s);
    if (feedback) opening.push(`${feedback}，${group}向${second}反馈了巡察意见。`);
    opening.push(
      "按照《中国共产党巡视工作条例》有关规定和党务公开原则，现将巡察整改进展情况予以公布。",
    );
  } else {
    opening.push(`${period ? `${period}，` : ""}${group}对${target}开展了${f.inspectionType}。`);
    let s = `${feedback ? `${feedback}，` : ""}${group}向${second}反馈了巡察意见，指出了巡察中发现的${stats.aspectCount}个方面${total}个问题`;
    s += f.suggestions !== undefined ? `，提出了${f.suggestions}点意见建议。` : "。";
    opening.push(s);
    let t = `对此，${f.shortName || "我们"}高度重视，诚恳接受，照单全收`;
    if (f.departments > 0) t += `，将整改责任分解到${f.departments}个责任部门`;
    t += "。";
    if (conclusion) t += `${conclusion}。`;
    t += "现将有关情况报告如下：";
    opening.push(t);
  }
  const w = inspectionWord(f.group);
  return {
    statusSentence,
    progress: inWord(w, progress),
    conclusion: inWord(w, conclusion),
    allDone,
    publicNote: inWord(w, publicNote),
    // The group's own name already says 巡视; 《中国共产党巡视工作条例》 is unchanged by it.
    opening: inWord(w, opening.join("")),
  };
}

/** Generic 主要做法 paragraphs for a ledger without 报告正文, filled with the ledger's own numbers. */
export function defaultPractices(stats: LedgerStats, f: ProseFacts): NarrativeParagraph[] {
  const w = inspectionWord(f.group);
  return practices(stats, f).map((p) => ({ ...p, text: inWord(w, p.text) }));
}

function practices(stats: LedgerStats, f: ProseFacts): NarrativeParagraph[] {
  const who = f.org || f.unit || "我单位";
  const paragraphs: NarrativeParagraph[] = [
    {
      heading: "加强组织领导",
      text: `${who}坚持把巡察整改作为一项重要政治任务，接到${f.group || "巡察组"}反馈意见后，及时召开专题会议研究部署，成立巡察反馈意见整改工作领导小组，主要负责人亲自抓、负总责，形成了齐抓共管的整改工作格局。`,
    },
    {
      heading: "压实整改责任",
      text: `对照巡察反馈的${stats.aspectCount}个方面${stats.total}个问题，逐项制定整改措施${stats.measures}条，明确责任领导、责任部门、责任人和整改时限，将整改任务分解到${f.departments}个责任部门，建立整改台账，逐项督促整改销号。`,
    },
  ];
  if (stats.rules.length > 0) {
    paragraphs.push({
      heading: "注重建章立制",
      text: `坚持边查边改、立行立改，把解决具体问题与完善制度机制结合起来，整改中建立完善各项制度${stats.rules.length}项，推动巡察整改成果转化为长效机制。`,
    });
  }
  return paragraphs;
}

export function defaultNextSteps(f: ProseFacts, stats?: LedgerStats): NarrativeParagraph[] {
  const w = inspectionWord(f.group);
  return nextSteps(f, stats).map((p) => ({ ...p, text: inWord(w, p.text) }));
}

function nextSteps(f: ProseFacts, stats?: LedgerStats): NarrativeParagraph[] {
  const who = f.org || f.unit || "我单位";
  // Never claims more than the data: the sentence on unfinished problems only when there are any.
  const unfinished = stats === undefined || stats.done < stats.total;
  return [
    {
      heading: "持续巩固整改成果",
      text: `${who}将对已完成整改的问题适时开展“回头看”，防止问题反弹${unfinished ? "；对尚未完成整改的问题，持续跟踪推进，确保整改到位" : ""}。`,
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
