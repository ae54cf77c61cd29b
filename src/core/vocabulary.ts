/**
 * The words of the domain as data: sheet-name aliases, header aliases, status spellings,
 * 基本信息 key aliases, 报告正文 part aliases. Matching goes through `looseKey`, so entries
 * here need no full-width or spacing variants.
 */
import type {
  InfoField,
  LedgerField,
  NarrativePart,
  RectificationType,
  Source,
  Status,
} from "./model";

/** Sheet aliases, canonical name first; tried in this order. */
export const SHEET_ALIASES = {
  ledger: [
    "整改台账",
    "整改台帐",
    "台账",
    "台帐",
    "巡察整改台账",
    "巡察整改台帐",
    "巡察反馈问题整改台账",
    "问题整改台账",
    "反馈问题整改台账",
    "整改清单",
    "问题清单",
    "整改问题清单",
    "巡察整改清单",
    "问题台账",
  ],
  info: ["基本信息", "基础信息", "基本情况", "巡察信息", "文件信息"],
  narrative: ["报告正文", "正文", "报告内容", "整改报告正文"],
  stats: ["整改统计", "统计"],
} as const;

/** Header aliases per ledger field (spec table plus spellings seen in real ledgers). */
export const LEDGER_HEADER_ALIASES: Readonly<Record<LedgerField, readonly string[]>> = {
  seq: ["序号", "编号", "问题编号", "问题序号", "序"],
  aspect: ["方面", "问题方面", "问题类别", "反馈问题方面", "一级类别", "反馈意见方面", "问题领域"],
  category: ["类别", "子类", "二级类别", "问题分类", "问题子类"],
  problem: [
    "问题",
    "反馈问题",
    "问题描述",
    "巡察反馈问题",
    "具体问题",
    "问题表现",
    "存在问题",
    "具体问题表现",
    "反馈问题具体表现",
    "问题清单",
    "存在的问题",
    "主要问题",
    "问题内容",
    "反馈的问题",
  ],
  measures: ["整改措施", "整改举措", "具体整改措施", "整改措施及要求"],
  leader: ["责任领导", "牵头领导", "分管领导", "责任领导人", "牵头责任领导"],
  department: ["责任部门", "牵头部门", "责任股室", "责任科室", "责任单位", "牵头单位", "责任处室"],
  owner: ["责任人", "具体责任人", "整改责任人", "直接责任人"],
  deadline: ["整改时限", "完成时限", "时限", "整改期限"],
  type: ["整改类型"],
  status: ["完成情况", "整改结果", "整改状态", "进展状态", "整改完成情况", "整改进度", "完成状态"],
  result: ["整改成效", "整改情况", "整改进展", "落实情况", "整改落实情况", "整改进展情况"],
  doneDate: ["完成日期", "销号日期", "完成时间", "整改完成时间", "销号时间"],
  evidence: ["佐证材料", "佐证资料", "证明材料"],
  source: ["来源", "问题来源"],
  isPublic: ["是否公开", "公开"],
  note: ["备注"],
};

/** Fields a ledger must have as columns; the others are optional. */
export const REQUIRED_LEDGER_FIELDS: readonly LedgerField[] = [
  "aspect",
  "problem",
  "measures",
  "leader",
  "department",
  "owner",
  "deadline",
  "status",
];

/** Accepted spellings per canonical status (after looseKey and trailing punctuation removal). */
export const STATUS_SPELLINGS: Readonly<Record<Status, readonly string[]>> = {
  已完成: [
    "完成",
    "已完成",
    "已整改",
    "已销号",
    "整改完成",
    "已完成整改",
    "已整改完成",
    "完成整改",
    "已整改到位",
    "整改到位",
    "已办结",
    "已落实",
  ],
  已完成并长期坚持: [
    "已完成并长期坚持",
    "完成并长期坚持",
    "已完成长期坚持",
    "已完成并持续巩固",
    "完成并持续巩固",
  ],
  基本完成: ["基本完成", "阶段性完成", "取得阶段性成效", "已取得阶段性成效"],
  长期整改: [
    "长期整改",
    "长期整改I",
    "长期整改I类",
    "长期整改II",
    "长期整改II类",
    "长期整改一类",
    "长期整改二类",
    "长期坚持",
    "持续整改",
  ],
  正在推进: [
    "正在推进",
    "推进中",
    "进行中",
    "正在整改",
    "正在整改中",
    "整改中",
    "持续推进",
    "积极推进",
  ],
  // A deadline moved with approval; real notices count it apart ("申请延期整改问题18个").
  延期整改: ["延期整改", "申请延期整改", "已申请延期", "申请延期", "延期"],
  未完成: ["未完成", "未启动", "未整改"],
};

/** 整改时限 open-ended terms. */
export const DEADLINE_TERMS: Readonly<Record<string, "立行立改" | "长期坚持" | "长期">> = {
  立行立改: "立行立改",
  立即整改: "立行立改",
  长期坚持: "长期坚持",
  持续整改: "长期坚持",
  长期: "长期",
  长期整改: "长期",
};

export const TYPE_SPELLINGS: Readonly<Record<RectificationType, readonly string[]>> = {
  立行立改: ["立行立改", "立即整改"],
  限期整改: ["限期整改", "限时整改", "集中整改"],
  长期整改: ["长期整改", "长期坚持", "持续整改"],
};

export const SOURCE_SPELLINGS: Readonly<Record<Source, readonly string[]>> = {
  巡察反馈: ["巡察反馈", "反馈", "巡察", "巡察反馈问题", "巡察发现"],
  自查: ["自查", "自查问题", "自查自纠", "举一反三", "自查发现", "自行查找", "自身查找"],
};

export const PUBLIC_FALSE = ["否", "不公开", "不予公开", "N", "NO", "FALSE", "×", "✗", "0"];
export const PUBLIC_TRUE = ["是", "公开", "予以公开", "Y", "YES", "TRUE", "√", "✓", "1"];

/** 基本信息 key aliases (the canonical key of INFO_KEYS is always accepted too). */
export const INFO_KEY_ALIASES: Readonly<Record<InfoField, readonly string[]>> = {
  unitName: ["单位", "被巡察单位", "单位全称"],
  partyOrgName: ["党组织", "被巡察党组织", "署名", "党组织全称"],
  partyOrgShortName: ["简称", "党组织简称（第二次提及）"],
  inspectionGroup: ["巡察组名称", "巡察组别"],
  inspectionType: ["巡察方式", "巡察种类"],
  inspectionStart: ["巡察开始时间", "进驻日期", "进驻时间", "开始日期"],
  inspectionEnd: ["巡察结束时间", "结束日期", "结束时间"],
  feedbackDate: ["反馈时间", "反馈意见日期", "巡察反馈日期"],
  declaredAspects: ["方面数", "反馈问题方面数", "问题方面数"],
  declaredProblems: ["问题数", "反馈问题总数", "问题总数"],
  suggestionCount: ["意见建议", "建议数"],
  issuerMark: ["发文机关", "发文机关名称", "版头"],
  docNumber: ["文号", "发文文号"],
  signer: ["签发"],
  recipient: ["主送", "主送单位"],
  docDate: ["成文时间", "发文日期"],
  cc: ["抄送机关", "抄送单位"],
  printer: ["印发单位"],
  printDate: ["印发时间"],
  phone: ["电话", "联系方式", "监督电话", "举报电话"],
  address: ["地址", "通讯地址", "通信地址", "联系地址"],
  email: ["邮箱", "电子邮件", "E-mail", "Email", "邮件"],
};

/** 报告正文 部分 values. */
export const NARRATIVE_PART_ALIASES: Readonly<Record<NarrativePart, readonly string[]>> = {
  主要做法: [
    "主要做法",
    "整改做法",
    "主要措施",
    "工作开展情况",
    "组织整改落实情况",
    "整改工作开展情况",
    "认真开展整改",
  ],
  下一步打算: [
    "下一步打算",
    "下一步工作打算",
    "下一步工作安排",
    "下一步计划",
    "下一步工作计划",
    "下一步工作",
  ],
};

/** 报告正文 column header aliases. */
export const NARRATIVE_HEADER_ALIASES = {
  part: ["部分", "章节", "类型"],
  heading: ["小标题", "标题"],
  text: ["内容", "正文", "段落"],
} as const;

/** 基本信息 column header aliases (to skip the header row). */
export const INFO_HEADER_ALIASES = {
  key: ["项目", "名称", "字段", "项"],
  value: ["内容", "值", "信息"],
} as const;
