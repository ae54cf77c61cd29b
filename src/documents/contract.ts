/**
 * The template contract: every tag a .docx template may use, in one place. The view model fills
 * exactly these names, the template checker accepts exactly these names, and
 * docs/template-tags.md is generated from this list (scripts/build-tag-docs.ts), so the three
 * cannot drift apart. Tag names are Chinese because clerks read them inside Word/WPS.
 */
import { type Status, UNREAD_STATUS } from "../core/model";
import type { DocumentKind } from "./api";

/** What a tag holds: text, a number, a list to repeat ({#…}{/…}) or a yes/no switch ({#…}{^…}). */
export type TagKind = "text" | "number" | "loop" | "condition";

export const TAG_KIND_LABEL: Record<TagKind, string> = {
  text: "文字",
  number: "数字",
  loop: "循环",
  condition: "条件",
};

/** Loops of the contract; tags inside a loop are looked up in its item first, then outward. */
export const LOOPS = [
  "方面",
  "类别",
  "问题",
  "自查问题",
  "主要做法",
  "下一步打算",
  "部门统计",
  "方面统计",
  "状态统计",
  "超期问题",
  "制度",
  "附件问题",
] as const;
export type LoopName = (typeof LOOPS)[number];

/** "" is the document level; the 汇总通报's loops (SUMMARY_LOOPS, below) are scopes too. */
export type TagScope = LoopName | SummaryLoopName | "";

export type TagGroup = "基本信息" | "统计" | "正文" | "循环" | "条件";

export interface TagDef {
  readonly name: string;
  readonly kind: TagKind;
  /** The loop whose items carry the tag; "" for the document level. */
  readonly scope: TagScope;
  readonly group: TagGroup;
  /** Meaning, in Chinese, as shown in the tag list. */
  readonly meaning: string;
  /** An example value (from the seed documents where possible). */
  readonly example: string;
  /** Documents that provide the tag. */
  readonly documents: readonly TemplateDocument[];
  /** Documents that cannot be rendered when the value is empty. */
  readonly required: readonly TemplateDocument[];
}

const BOTH: readonly DocumentKind[] = ["报告", "通报"];
const REPORT: readonly DocumentKind[] = ["报告"];
const NOTICE: readonly DocumentKind[] = ["通报"];
const NONE: readonly DocumentKind[] = [];

type Spec = readonly [
  name: string,
  kind: TagKind,
  meaning: string,
  example: string,
  options?: { documents?: readonly TemplateDocument[]; required?: readonly TemplateDocument[] },
];

/** A tag whose name, kind and scope are known to the type checker (the view model is typed from them). */
export interface TypedTag<N extends string, K extends TagKind, S extends TagScope> extends TagDef {
  readonly name: N;
  readonly kind: K;
  readonly scope: S;
}

type TagsOf<E, S extends TagScope> = E extends Spec ? TypedTag<E[0], E[1], S> : never;

function defs<const S extends TagScope, const L extends readonly Spec[]>(
  scope: S,
  group: TagGroup,
  specs: L,
  documents: readonly TemplateDocument[] = BOTH,
): TagsOf<L[number], S>[] {
  return specs.map(([name, kind, meaning, example, options]) => ({
    name,
    kind,
    scope,
    group,
    meaning,
    example,
    documents: options?.documents ?? documents,
    required: options?.required ?? NONE,
  })) as TagsOf<L[number], S>[];
}

const FACTS = defs("", "基本信息", [
  [
    "标题",
    "text",
    "文件标题；默认由党组织名称和巡察组生成，生成时可改写（命令行 --title）",
    "中共清丰县市政园林局党组关于落实县委第一巡察组反馈意见整改情况的报告",
    { required: BOTH },
  ],
  [
    "发文机关标志",
    "text",
    "版头红字；默认“党组织名称＋文件”",
    "中共清丰县市政园林局党组文件",
    { documents: REPORT },
  ],
  [
    "发文字号",
    "text",
    "发文字号，六角括号",
    "清市政党组〔2024〕1号",
    { documents: REPORT, required: REPORT },
  ],
  [
    "签发人",
    "text",
    "签发人姓名（上行文必须有）",
    "常良涛",
    { documents: REPORT, required: REPORT },
  ],
  [
    "主送机关",
    "text",
    "主送机关（后接全角冒号）",
    "县委巡察工作领导小组办公室",
    { documents: REPORT, required: REPORT },
  ],
  ["单位名称", "text", "被巡察单位名称", "清丰县市政园林局"],
  ["党组织名称", "text", "被巡察党组织全称", "中共清丰县市政园林局党组", { required: BOTH }],
  [
    "党组织简称",
    "text",
    "党组织的简称（由党组织名称推出：党组、党委、党支部、党总支、党工委）",
    "党组",
  ],
  ["署名", "text", "落款署名；默认党组织名称", "中共清丰县市政园林局党组"],
  ["巡察组", "text", "巡察组名称", "县委第一巡察组"],
  ["部署机关", "text", "统一部署的党委，由巡察组名称推出；推不出时为“上级党委”", "县委"],
  ["巡察类型", "text", "巡察类型；空时为“巡察”（巡视组时为“巡视”）", "常规巡察"],
  [
    "巡察",
    "text",
    "模板正文里的“巡察”一词：巡察组为“巡察”，巡视组（如省委第三巡视组）为“巡视”",
    "巡察",
  ],
  ["巡察开始日期", "text", "巡察开始日期", "2023年7月28日"],
  ["巡察结束日期", "text", "巡察结束日期", "2023年9月11日"],
  ["巡察日期段", "text", "巡察起止日期，同年时结束日期省略年份", "2023年7月28日至9月11日"],
  ["反馈日期", "text", "巡察组反馈意见的日期", "2023年10月23日"],
  ["成文日期", "text", "成文日期，阿拉伯数字、不编虚位", "2024年1月5日", { required: BOTH }],
  ["截至日期", "text", "统计截至日期", "2023年11月28日"],
  ["截至日期短", "text", "统计截至日期（不含年份）", "11月28日"],
  ["抄送", "text", "版记抄送机关", "县委巡察办，县纪委监委派驻纪检监察组", { documents: REPORT }],
  ["印发机关", "text", "版记印发机关", "中共清丰县市政园林局党组办公室", { documents: REPORT }],
  ["印发日期", "text", "版记印发日期", "2024年1月5日", { documents: REPORT }],
  ["联系电话", "text", "接受监督的联系电话", "0739-5331851", { documents: NOTICE }],
  ["邮政地址", "text", "接受监督的邮政地址", "邵阳市宝庆中路309号", { documents: NOTICE }],
  ["电子邮箱", "text", "接受监督的电子邮箱", "2467373448@qq.com", { documents: NOTICE }],
  [
    "联系方式",
    "text",
    "联系电话、邮政地址、电子邮箱中已填写的项，用分号连接",
    "联系电话：0739-5331851；邮政地址：邵阳市宝庆中路309号；电子邮箱：2467373448@qq.com",
    { documents: NOTICE },
  ],
]);

/** Example count and share per status (seed 001: 18 已完成, 7 长期整改 of 25); 未识别 is a status cell that could not be read. */
const SHARE_EXAMPLES: Record<Status | typeof UNREAD_STATUS, readonly [string, string]> = {
  已完成: ["18", "72%"],
  已完成并长期坚持: ["0", "0%"],
  基本完成: ["0", "0%"],
  长期整改: ["7", "28%"],
  正在推进: ["0", "0%"],
  延期整改: ["0", "0%"],
  未完成: ["0", "0%"],
  未识别: ["0", "0%"],
};

type ShareName = keyof typeof SHARE_EXAMPLES;
type StatusSpec =
  | readonly [`${ShareName}个数`, "number", string, string]
  | readonly [`${ShareName}占比`, "text", string, string];

const STATUS_TAGS: readonly StatusSpec[] = (Object.keys(SHARE_EXAMPLES) as ShareName[]).flatMap(
  (status): StatusSpec[] => {
    const [count, share] = SHARE_EXAMPLES[status];
    const what = status === UNREAD_STATUS ? "完成情况无法识别" : `完成情况为“${status}”`;
    return [
      [`${status}个数`, "number", `${what}的反馈问题数`, count],
      [`${status}占比`, "text", `${what}的问题占问题总数的比例（各项合计正好100%）`, share],
    ];
  },
);

const STATISTICS = defs("", "统计", [
  ["方面数", "number", "反馈问题涉及的方面数", "4"],
  ["问题总数", "number", "巡察反馈问题总数（不含自查问题）", "25"],
  ["意见建议数", "number", "巡察组提出的意见建议数（基本信息）；未填时为空", "4"],
  ["完成数", "number", "已完成（含已完成并长期坚持）的反馈问题数", "18"],
  ["未完成整改数", "number", "尚未完成的反馈问题数", "7"],
  ["完成率", "text", "完成数÷问题总数", "72%"],
  ...STATUS_TAGS,
  [
    "完成情况表述",
    "text",
    "完成数（其中已完成并长期坚持）、整改完成率，再列各未完成状态的个数",
    "已完成整改18个（其中已完成并长期坚持3个），整改完成率72%，长期整改7个",
  ],
  [
    "进度表述",
    "text",
    "截至日期的整改进度句",
    "截至11月28日，巡察反馈的25个具体问题，已完成整改18个，整改完成率72%，长期整改7个",
  ],
  ["整改结论", "text", "总体结论：全部完成时为“目前已全部整改到位”", "目前已全部整改到位"],
  ["责任部门数", "number", "承担整改任务的责任部门数", "10"],
  [
    "整改措施数",
    "number",
    "反馈问题的整改措施条数（一是…二是…、①②③ 等各算一条；自查问题不计）",
    "136",
  ],
  [
    "制度数",
    "number",
    "整改中制定或修订的制度数（《…》去重；法律、仅学习执行的、非制度名称不计）",
    "52",
  ],
  ["自查问题数", "number", "举一反三自查发现的问题数（单独统计）", "7"],
  ["自查完成数", "number", "自查问题中已完成的个数", "6"],
  ["超期数", "number", "超过整改时限仍未完成的问题数", "2"],
  ["公开问题数", "number", "通报中列出的问题数（公开=否的不列出）", "23"],
  ["未公开问题数", "number", "公开=否、未在通报中列出的问题数", "2"],
  [
    "公开说明",
    "text",
    "有不公开问题时如实说明的句子；全部公开时为空",
    "巡察反馈的25个问题中，有2个问题按规定不予公开，本通报列出其余23个问题，上述统计数字包含全部25个问题。",
    { documents: NOTICE },
  ],
  [
    "自查表述",
    "text",
    "举一反三自查问题的句子（与反馈问题分开统计）；没有自查问题时为空",
    "举一反三，主动自查问题7个，已全部整改到位。",
  ],
  [
    "未完成表述",
    "text",
    "逐个写明尚未完成的问题（完成情况、整改时限、超期天数）；全部完成时为空",
    "尚未完成整改的1个问题：第8个问题“招投标程序不规范”（延期整改，整改时限2023年12月20日，已超期21天）。",
  ],
  [
    "开头段",
    "text",
    "由巡察日期、巡察组、反馈日期和统计数字生成的开头段",
    "2023年7月28日至9月11日，县委第一巡察组对中共清丰县市政园林局党组开展了常规巡察。……现将有关情况报告如下：",
  ],
]);

const CONDITIONS = defs("", "条件", [
  [
    "加盖印章",
    "condition",
    "本文件加盖印章（报告默认是，通报默认否）；决定署名和成文日期的排法",
    "是",
  ],
  ["有版记", "condition", "有抄送或印发机关时为真，用于整段版记", "是", { documents: REPORT }],
  ["有抄送", "condition", "已填写抄送", "是", { documents: REPORT }],
  ["有印发", "condition", "已填写印发机关", "是", { documents: REPORT }],
  ["有类别", "condition", "台账有“类别”一级（三级结构）", "是"],
  ["有超期", "condition", "有超期问题", "否"],
  ["有自查", "condition", "有自查问题", "否"],
  ["有意见建议", "condition", "已填写意见建议数", "是"],
  [
    "有联系方式",
    "condition",
    "联系电话、邮政地址、电子邮箱至少填了一项",
    "是",
    { documents: NOTICE },
  ],
  ["有联系电话", "condition", "已填写联系电话", "是", { documents: NOTICE }],
  ["有邮政地址", "condition", "已填写邮政地址", "是", { documents: NOTICE }],
  ["有电子邮箱", "condition", "已填写电子邮箱", "是", { documents: NOTICE }],
  ["有未公开", "condition", "有公开=否、未列出的问题", "否", { documents: NOTICE }],
  ["全部完成", "condition", "全部反馈问题已完成", "否"],
  ["有未完成", "condition", "有尚未完成的反馈问题（用于未完成表述）", "是"],
  ["有制度", "condition", "整改中提到了制度（《…》）", "是"],
  [
    "有附件",
    "condition",
    "附上整改台账（命令行 --annex，默认否）：附件说明和横向的台账表格",
    "否",
    { documents: REPORT },
  ],
]);

const TOP_LOOPS = defs("", "循环", [
  ["方面", "loop", "逐个方面（按台账顺序）", "（共4项）"],
  ["问题", "loop", "全部巡察反馈问题（不分方面，用于表格）", "（共48项）"],
  ["自查问题", "loop", "举一反三自查发现的问题（编号单独从1开始）", "（共7项）"],
  ["主要做法", "loop", "报告正文“主要做法”各段；未填写时用通用段落", "（共2段）"],
  ["下一步打算", "loop", "报告正文“下一步打算”各段；未填写时用通用段落", "（共2段）"],
  ["部门统计", "loop", "按责任部门统计", "（共10项）"],
  ["方面统计", "loop", "按方面统计", "（共4项）"],
  ["状态统计", "loop", "按完成情况统计（只列个数大于0的）", "（共2项）"],
  ["超期问题", "loop", "超期问题清单", "（共2项）"],
  ["制度", "loop", "整改中提到的制度名称（去重）", "（共52项）"],
  [
    "附件问题",
    "loop",
    "附件台账表格的各行：全部巡察反馈问题，编号同正文",
    "（共48项）",
    { documents: REPORT },
  ],
]);

const ASPECT = defs("方面", "循环", [
  ["方面序号", "text", "方面的编号，中文数字加括号", "（一）"],
  ["方面编号", "text", "方面的中文数字（不带括号）", "一"],
  ["方面名称", "text", "方面名称", "贯彻落实党的理论路线方针政策和党中央决策部署不到位"],
  ["方面问题数", "number", "本方面的问题数", "14"],
  ["方面完成数", "number", "本方面已完成的问题数", "12"],
  ["方面完成率", "text", "本方面的完成率", "86%"],
  ["类别", "loop", "本方面的类别；两级台账时只有一个类别名称为空的类别", "（共4项）"],
  ["问题", "loop", "本方面的全部问题（两级写法可直接用）", "（共14项）"],
]);

const CATEGORY = defs("类别", "循环", [
  ["类别序号", "text", "类别编号（三级时为 1.，两级时为空）", "1."],
  [
    "类别名称",
    "text",
    "类别名称（两级时为空，可用 {#类别名称}…{/类别名称} 隐藏整行）",
    "政治站位不够高，政治建设不力",
  ],
  ["类别问题数", "number", "本类别的问题数", "3"],
  ["问题", "loop", "本类别的问题", "（共3项）"],
]);

const PROBLEM_ITEM = [
  ["问题序号", "text", "问题编号：三级时（1），两级时 1.（全文连续）", "（1）"],
  ["问题编号", "number", "全文连续的阿拉伯数字编号", "1"],
  ["方面内编号", "number", "在本方面内从1开始的编号", "1"],
  ["问题", "text", "问题描述", "党委第一议题制度落实不到位。"],
  ["整改措施", "text", "整改措施（保留换行）", "一是……二是……"],
  ["整改成效", "text", "整改成效/整改情况（保留换行）", "①提高党委对第一议题的认识……"],
  ["完成情况", "text", "完成情况", "已完成"],
  ["责任部门", "text", "责任部门", "办公室"],
  ["责任领导", "text", "责任领导", "常良涛"],
  ["责任人", "text", "责任人", "王某某"],
  ["整改时限", "text", "整改时限（日期或立行立改、长期坚持）", "2023年12月31日"],
  ["整改类型", "text", "整改类型", "限期整改"],
  ["完成日期", "text", "完成日期；未完成时为空", "2023年11月20日"],
  ["佐证材料", "text", "佐证材料", "党委会议记录"],
  ["备注", "text", "备注", ""],
  ["问题方面", "text", "问题所属方面", "责任担当存在不足"],
  ["问题类别", "text", "问题所属类别", ""],
  ["已完成", "condition", "本问题已完成（含已完成并长期坚持）", "是"],
  ["有整改成效", "condition", "已填写整改成效", "是"],
  ["是否超期", "condition", "本问题已超期", "否"],
] as const satisfies readonly Spec[];

/** The 附件 table's columns: one row per problem, numbered as in the body. */
const ANNEX_ITEM = [
  ["附件序号", "text", "表格的序号：正文中的问题编号（两级时不带点）", "1"],
  ["问题", "text", "问题描述", "党委第一议题制度落实不到位。"],
  ["整改措施", "text", "整改措施（保留换行）", "一是……二是……"],
  ["责任部门", "text", "责任单位（部门）", "办公室"],
  ["完成情况", "text", "完成情况", "已完成"],
  ["完成时间", "text", "已完成的为完成日期，未完成的为空", "2023年11月20日"],
] as const satisfies readonly Spec[];

const NARRATIVE_ITEM = [
  ["段落序号", "text", "段落编号，中文数字加括号；没有小标题的段落不编号（为空）", "（一）"],
  ["段落编号", "number", "段落编号（只给有小标题的段落编号）", "1"],
  ["小标题", "text", "小标题（可为空）", "加强组织领导"],
  ["有小标题", "condition", "本段有小标题", "是"],
  ["内容", "text", "段落内容（保留换行）", "局党组坚持把巡察整改放在首要位置……"],
  ["末段", "condition", "本段是这一部分的最后一段（正文结尾与署名同页）", "否"],
] as const satisfies readonly Spec[];

const GROUP_ITEM = <const N extends string>(what: string, nameTag: N, example: string) =>
  [
    [nameTag, "text", `${what}名称`, example],
    ["总数", "number", `本${what}的问题数`, "5"],
    ["完成数", "number", `本${what}已完成的问题数`, "4"],
    ["未完成数", "number", `本${what}未完成的问题数`, "1"],
    ["完成率", "text", `本${what}的完成率`, "80%"],
  ] as const satisfies readonly Spec[];

const LOOP_ITEMS = [
  ...defs("主要做法", "正文", NARRATIVE_ITEM),
  ...defs("下一步打算", "正文", NARRATIVE_ITEM),
  ...defs("部门统计", "统计", GROUP_ITEM("部门", "部门", "办公室")),
  ...defs("方面统计", "统计", GROUP_ITEM("方面", "方面名称", "责任担当存在不足")),
  ...defs("状态统计", "统计", [
    ["状态", "text", "完成情况", "已完成"],
    ["数量", "number", "个数", "18"],
    ["占比", "text", "占问题总数的比例", "72%"],
  ]),
  ...defs("超期问题", "统计", [
    ["序号", "text", "台账序号", "12"],
    ["方面名称", "text", "所属方面", "干部建设有短板"],
    ["问题", "text", "问题描述", "使用编外用工随意。"],
    ["责任部门", "text", "责任部门", "人事科"],
    ["整改时限", "text", "整改时限", "2023年10月31日"],
    ["完成情况", "text", "完成情况", "正在推进"],
    ["超期天数", "number", "截至日期超过时限的天数", "28"],
  ]),
  ...defs("制度", "统计", [
    ["名称", "text", "制度名称（含书名号）", "《“三重一大”事项集体决策制度实施意见》"],
    ["制度序号", "number", "编号", "1"],
  ]),
];

/** Every tag of the contract, document level first, then loop items in loop order. */
export const TAGS = [
  ...FACTS,
  ...STATISTICS,
  ...CONDITIONS,
  ...TOP_LOOPS,
  ...ASPECT,
  ...CATEGORY,
  ...defs("问题", "循环", PROBLEM_ITEM),
  ...defs("自查问题", "循环", PROBLEM_ITEM),
  ...defs("附件问题", "循环", ANNEX_ITEM, REPORT),
  ...LOOP_ITEMS,
] as const;

/** Any tag of the contract, with its literal name, kind and scope. */
export type ContractTag = (typeof TAGS)[number];

/** The names of the tags defined in `scope`. */
export type TagName<S extends TagScope = TagScope> = Extract<ContractTag, { scope: S }>["name"];

/** Suffix of hidden raw values (e.g. `完成率#值` = 0.72) that formatters may read; never a tag. */
export const RAW_SUFFIX = "#值";

/** Hidden raw values next to the tags (`完成率#值`): numbers for the 百分比 formatter. */
export type RawValues = { readonly [raw: `${string}${typeof RAW_SUFFIX}`]: number };

type TagValue<T extends ContractTag> = T["kind"] extends "text"
  ? string
  : T["kind"] extends "number"
    ? number | ""
    : T["kind"] extends "condition"
      ? boolean
      : T["name"] extends LoopName
        ? ScopeData<T["name"]>[]
        : never;

/**
 * The values of one scope, typed from the contract: `ScopeData<"">` is the document, and a loop
 * tag holds the items of its own scope. A tag missing here, or a name the contract does not
 * know, is a type error in the view model.
 */
export type ScopeData<S extends TagScope> = {
  [T in Extract<ContractTag, { scope: S }> as T["name"]]: TagValue<T>;
} & RawValues;

/** The tag defined for `name` in `scope`, if any. */
export function findTag(name: string, scope: TagScope): TagDef | undefined {
  return TAGS.find((t) => t.name === name && t.scope === scope);
}

/** Tags a given scope defines. */
export function tagsInScope(scope: TagScope): TagDef[] {
  return TAGS.filter((t) => t.scope === scope);
}

/**
 * Resolve a tag as docxtemplater does: the innermost open loop's item first, then outward to
 * the document level. `stack` lists the open loops, outermost first.
 */
export function resolveTag(name: string, stack: readonly LoopName[]): TagDef | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const found = findTag(name, stack[i] as LoopName);
    if (found) return found;
  }
  return findTag(name, "");
}

/** Distinct tag names (for "did you mean" and the unused-field report). */
export const TAG_NAMES: readonly string[] = [...new Set(TAGS.map((t) => t.name))];

// ---------------------------------------------------------------------------------------------
// Formatters: the only "expressions" a template may use, as {标签 | 格式器} or {标签 | 格式器:参数}.

export interface FormatterDef {
  readonly name: string;
  readonly meaning: string;
  /** Usage example as written in a template, and what it prints. */
  readonly usage: string;
  readonly result: string;
  /** Whether the formatter takes a parameter after a colon. */
  readonly parameter: "none" | "optional" | "required";
}

export const FORMATTERS: readonly FormatterDef[] = [
  {
    name: "中文日期",
    meaning: "把日期写成 2024年1月5日（不补零）",
    usage: "{截至日期 | 中文日期}",
    result: "2023年11月28日",
    parameter: "none",
  },
  {
    name: "短日期",
    meaning: "把日期写成 11月28日（不含年份）",
    usage: "{截至日期 | 短日期}",
    result: "11月28日",
    parameter: "none",
  },
  {
    name: "百分比",
    meaning: "把比例写成百分数；参数为小数位数（默认0）",
    usage: "{完成率 | 百分比:2}",
    result: "72.00%",
    parameter: "optional",
  },
  {
    name: "中文数字",
    meaning: "把数字写成中文数字",
    usage: "{方面数 | 中文数字}",
    result: "四",
    parameter: "none",
  },
  {
    name: "中文序号",
    meaning: "把数字写成带括号的中文序号",
    usage: "{方面内编号 | 中文序号}",
    result: "（一）",
    parameter: "none",
  },
  {
    name: "默认值",
    meaning: "值为空时改用参数中的文字",
    usage: '{意见建议数 | 默认值:"若干"}',
    result: "若干",
    parameter: "required",
  },
  {
    name: "前缀",
    meaning: "值不为空时在前面加上参数中的文字，为空时什么也不印",
    usage: '{联系电话 | 前缀:"联系电话："}',
    result: "联系电话：0739-5331851",
    parameter: "required",
  },
  {
    name: "后缀",
    meaning: "值不为空时在后面加上参数中的文字，为空时什么也不印",
    usage: '{抄送 | 后缀:"。"}',
    result: "县委巡察办。",
    parameter: "required",
  },
];

export const FORMATTER_NAMES: readonly string[] = FORMATTERS.map((f) => f.name);

// ---------------------------------------------------------------------------------------------
// The 汇总通报: the inspection office's notice across units (src/core/summary.ts). Its own tag
// list, apart from TAGS: a summary template is checked against these tags only, and a unit
// template never sees them. Built with the same defs(), so the docs and the checker treat both
// lists alike.

/** The third built-in document, from the office's summary rather than one ledger. */
export const SUMMARY_DOCUMENT = "汇总通报";
export type SummaryDocument = typeof SUMMARY_DOCUMENT;
/** Every document a tag may be provided for. */
export type TemplateDocument = DocumentKind | SummaryDocument;

const SUMMARY: readonly TemplateDocument[] = [SUMMARY_DOCUMENT];

export const SUMMARY_LOOPS = ["单位", "未计入单位", "方面汇总", "超期清单"] as const;
export type SummaryLoopName = (typeof SUMMARY_LOOPS)[number];

const SUMMARY_STATUS_TAGS: readonly StatusSpec[] = STATUS_TAGS.map(
  ([name, kind, meaning, example]) =>
    [name, kind, `各单位合计：${meaning}`, example] as unknown as StatusSpec,
);

/** Every tag of the 汇总通报, document level first, then loop items in loop order. */
export const SUMMARY_TAGS = [
  ...defs(
    "",
    "基本信息",
    [
      [
        "标题",
        "text",
        "文件标题；默认“关于巡察整改进展情况的通报”，生成时可改写",
        "关于巡察整改进展情况的通报",
        { required: SUMMARY },
      ],
      ["主送机关", "text", "主送机关；默认“各被巡察单位党组织”", "各被巡察单位党组织"],
      ["署名", "text", "落款署名；默认“巡察工作领导小组办公室”", "县委巡察工作领导小组办公室"],
      ["成文日期", "text", "成文日期；默认截至日期", "2024年1月5日", { required: SUMMARY }],
      ["截至日期", "text", "统计截至日期", "2024年1月5日"],
      ["截至日期短", "text", "统计截至日期（不含年份）", "1月5日"],
    ],
    SUMMARY,
  ),
  ...defs(
    "",
    "统计",
    [
      ["单位数", "number", "计入统计的单位数（台账没有错误的单位）", "45"],
      ["汇总单位数", "number", "收到台账的单位数（含未计入的）", "46"],
      ["未计入单位数", "number", "台账有错误或无法读取、未计入统计的单位数", "1"],
      ["问题总数", "number", "各单位巡察反馈问题数之和（不含自查问题）", "471"],
      ["完成数", "number", "各单位已完成（销号）问题数之和", "453"],
      ["未完成整改数", "number", "尚未完成的问题数之和", "18"],
      ["完成率", "text", "完成数÷问题总数（由合计计算，不是各单位完成率的平均）", "96.18%"],
      ...SUMMARY_STATUS_TAGS,
      [
        "完成情况表述",
        "text",
        "已整改销号的个数和占比，再按未完成的完成情况分列",
        "已整改销号问题453个，占96.18%；延期整改问题18个，占3.82%",
      ],
      [
        "进度表述",
        "text",
        "截至日期的整改进度句",
        "截至2024年1月5日，45家单位巡察反馈问题471个，已整改销号问题453个，占96.18%；延期整改问题18个，占3.82%；建立完善规章制度768个",
      ],
      ["超期数", "number", "超过整改时限仍未完成的问题数之和", "3"],
      ["自查问题数", "number", "各单位自查发现的问题数之和（单独统计）", "20"],
      ["自查完成数", "number", "自查问题中已完成的个数之和", "18"],
      ["整改措施数", "number", "各单位整改措施条数之和", "1360"],
      ["制度数", "number", "各单位建立完善的制度数之和", "768"],
      [
        "未计入说明",
        "text",
        "有未计入的单位时如实说明的句子；全部计入时为空",
        "另有1家单位的台账存在错误，未计入上述统计：县某局。",
      ],
    ],
    SUMMARY,
  ),
  ...defs(
    "",
    "条件",
    [
      ["有未计入", "condition", "有未计入统计的单位", "否"],
      ["有超期", "condition", "有超期问题", "是"],
      ["全部完成", "condition", "计入的问题已全部完成", "否"],
      ["有制度", "condition", "制度数大于0", "是"],
    ],
    SUMMARY,
  ),
  ...defs(
    "",
    "循环",
    [
      ["单位", "loop", "计入统计的单位（按收到的顺序）", "（共45项）"],
      ["未计入单位", "loop", "未计入统计的单位", "（共1项）"],
      ["方面汇总", "loop", "各单位同名方面合并后的统计（名称去掉编号后比较）", "（共4项）"],
      ["超期清单", "loop", "全部超期问题，超期天数多的在前", "（共3项）"],
    ],
    SUMMARY,
  ),
  ...defs(
    "单位",
    "统计",
    [
      ["单位序号", "number", "编号", "1"],
      ["单位名称", "text", "单位名称（基本信息的单位名称，未填时为文件名）", "县市政园林局"],
      ["单位问题数", "number", "本单位巡察反馈问题数", "25"],
      ["单位完成数", "number", "本单位已完成问题数", "18"],
      ["单位完成率", "text", "本单位完成率", "72%"],
      ["单位超期数", "number", "本单位超期问题数", "2"],
    ],
    SUMMARY,
  ),
  ...defs(
    "未计入单位",
    "统计",
    [
      ["单位名称", "text", "单位名称（或文件名）", "县某局"],
      ["原因", "text", "未计入的原因", "台账有3处错误"],
    ],
    SUMMARY,
  ),
  ...defs(
    "方面汇总",
    "统计",
    [
      ["方面名称", "text", "方面名称（第一个单位的写法，去掉编号）", "党的领导弱化"],
      ["方面单位数", "number", "有这一方面问题的单位数", "40"],
      ["方面问题数", "number", "本方面问题数之和", "120"],
      ["方面完成数", "number", "本方面已完成问题数之和", "115"],
      ["方面完成率", "text", "本方面完成率（由合计计算）", "95.83%"],
    ],
    SUMMARY,
  ),
  ...defs(
    "超期清单",
    "统计",
    [
      ["单位名称", "text", "问题所在单位", "县市政园林局"],
      ["问题", "text", "问题描述", "使用编外用工随意。"],
      ["责任部门", "text", "责任部门", "人事科"],
      ["整改时限", "text", "整改时限", "2023年10月31日"],
      ["完成情况", "text", "完成情况", "正在推进"],
      ["超期天数", "number", "截至日期超过时限的天数", "28"],
    ],
    SUMMARY,
  ),
] as const;

/** Any tag of the 汇总通报, with its literal name, kind and scope. */
export type SummaryContractTag = (typeof SUMMARY_TAGS)[number];

/** The values of one scope of the 汇总通报, typed from SUMMARY_TAGS (like ScopeData). */
export type SummaryScopeData<S extends "" | SummaryLoopName> = {
  [T in Extract<SummaryContractTag, { scope: S }> as T["name"]]: T["kind"] extends "text"
    ? string
    : T["kind"] extends "number"
      ? number | ""
      : T["kind"] extends "condition"
        ? boolean
        : T["name"] extends SummaryLoopName
          ? SummaryScopeData<T["name"]>[]
          : never;
};
