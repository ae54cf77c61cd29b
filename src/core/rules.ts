/**
 * 制度 count (ledger.md, Statistics): the distinct 《…》 titles of rules the unit made or revised,
 * named in 整改措施 / 整改成效. A title counts when it names a rule (it ends in 制度, 办法, 规定 …)
 * and its sentence says it was made or revised (制定, 修订 …). Laws, rules only studied or
 * followed, books, films, lectures, forms and campaigns are left out — each with the reason, so
 * a clerk can check the count. Pure: text in, classification out.
 */

/** Words a rule's title ends in (before a trailing （试行） or the like). */
export const RULE_SUFFIXES = [
  "制度",
  "办法",
  "规定",
  "细则",
  "规则",
  "规程",
  "准则",
  "守则",
  "章程",
  "规范",
  "流程",
  "标准",
  "机制",
  "方案",
  "意见",
  "清单",
] as const;

/** Verbs saying the unit made or revised the rule. */
export const MAKE_VERBS = [
  "制定",
  "修订",
  "修改",
  "完善",
  "出台",
  "建立",
  "健全",
  "印发",
  "新建",
  "起草",
  "制订",
  "新制定",
  "重新制定",
] as const;

/** Verbs saying a rule was only studied or followed (not made here). */
export const FOLLOW_VERBS = [
  "学习",
  "贯彻",
  "执行",
  "落实",
  "对照",
  "遵守",
  "依照",
  "按照",
  "依据",
  "根据",
  "传达",
  "宣传",
  "组织观看",
  "观看",
  "讲授",
  "专题党课",
  "党课",
  "研读",
  "阅读",
  "填写",
  "开展",
  "举办",
  "参加",
] as const;

export type RuleTitleReason =
  | "制定或修订的制度"
  | "法律或上级条例"
  | "仅学习、执行或对照"
  | "不是制度名称"
  | "未写明制定或修订";

export interface RuleTitle {
  /** The title without 《》 and whitespace. */
  readonly title: string;
  readonly reason: RuleTitleReason;
  /** The sheet row it was first found in, when the caller gave one. */
  readonly row?: number;
}

export interface RuleTitles {
  /** Counted: distinct titles of rules made or revised, in order of first appearance. */
  readonly kept: readonly RuleTitle[];
  /** Left out, with the reason (distinct, and never a title that is also kept). */
  readonly dropped: readonly RuleTitle[];
}

export interface RuleText {
  readonly text: string;
  readonly row?: number;
}

const TRAILING_NOTE = /[（(][^（）()]{1,8}[)）]$/u;

/** 《…》 names a rule: its last word (before a note like （试行）) is one of RULE_SUFFIXES. */
export function namesRule(title: string): boolean {
  const core = title.replace(TRAILING_NOTE, "");
  return RULE_SUFFIXES.some((s) => core.endsWith(s));
}

/** A law or a state regulation: 中华人民共和国…法, …法, …条例 (never the unit's own). */
export function isLawOrRegulation(title: string): boolean {
  const core = title.replace(TRAILING_NOTE, "");
  return /^中华人民共和国/u.test(core) || /(?<!办)法$/u.test(core) || /条例$/u.test(core);
}

/** The last verb (make or follow) in `before`, by position; longer verbs win at one position. */
function lastVerb(before: string): "make" | "follow" | undefined {
  let best: { at: number; kind: "make" | "follow" } | undefined;
  const scan = (verbs: readonly string[], kind: "make" | "follow") => {
    for (const v of verbs) {
      const at = before.lastIndexOf(v);
      if (at < 0) continue;
      const end = at + v.length;
      if (!best || end > best.at) best = { at: end, kind };
    }
  };
  scan(FOLLOW_VERBS, "follow");
  // Make verbs scanned second: at the same end position (完善 vs 严格完善) the make verb wins.
  scan(MAKE_VERBS, "make");
  return best?.kind;
}

const SENTENCE_END = /[。；;！!？?\n]/u;
const CLAUSE_END = /[。；;！!？?\n，,]/u;

function classifyOne(title: string, before: string, after: string): RuleTitleReason {
  if (isLawOrRegulation(title)) return "法律或上级条例";
  // The clause right before the title decides first, a make verb winning (重新修订并组织学习了
  // 《…》, 按照《甲》制定《乙》); else the last verb of the sentence before it.
  const clause = before.split(CLAUSE_END).pop() ?? "";
  const verb = MAKE_VERBS.some((v) => clause.includes(v))
    ? "make"
    : FOLLOW_VERBS.some((v) => clause.includes(v))
      ? "follow"
      : lastVerb(before);
  if (verb === "follow") return "仅学习、执行或对照";
  if (!namesRule(title)) return "不是制度名称";
  if (verb === "make") return "制定或修订的制度";
  // 对《…》进行了修订 / 《…》已印发: the verb follows the title inside its clause.
  const tail = after.split(CLAUSE_END)[0] ?? "";
  if (MAKE_VERBS.some((v) => tail.includes(v))) return "制定或修订的制度";
  return "未写明制定或修订";
}

/** Every 《…》 title in the texts, classified; distinct, first appearance first. */
export function classifyRuleTitles(texts: Iterable<RuleText | string>): RuleTitles {
  const kept = new Map<string, RuleTitle>();
  const dropped = new Map<string, RuleTitle>();
  for (const item of texts) {
    const { text, row } = typeof item === "string" ? { text: item, row: undefined } : item;
    if (!text?.includes("《")) continue;
    let sentenceStart = 0;
    for (const m of text.matchAll(/《([^《》]+)》/gu)) {
      const at = m.index ?? 0;
      // The sentence this title is in: from the last sentence end before it.
      const head = text.slice(0, at);
      for (let i = head.length - 1; i >= sentenceStart; i--) {
        if (SENTENCE_END.test(head[i]!)) {
          sentenceStart = i + 1;
          break;
        }
      }
      // The last verb before the title governs it, so in 制定《甲》《乙》 both are made and in
      // 学习《甲》，修订《乙》 only 乙 is.
      // Earlier titles' own words (…落实意识形态…) are not verbs of this sentence.
      const title = m[1]!.replace(/[\s\u3000]+/gu, "");
      if (title === "" || kept.has(title)) continue;
      const before = text.slice(sentenceStart, at).replace(/《[^《》]*》/gu, "《》");
      const after = text.slice(at + m[0].length).replace(/《[^《》]*》/gu, "《》");
      const reason = classifyOne(title, before, after);
      const entry: RuleTitle = row !== undefined ? { title, reason, row } : { title, reason };
      if (reason === "制定或修订的制度") {
        kept.set(title, entry);
        dropped.delete(title);
      } else if (!dropped.has(title)) {
        dropped.set(title, entry);
      }
    }
  }
  return { kept: [...kept.values()], dropped: [...dropped.values()] };
}
