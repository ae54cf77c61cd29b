/**
 * 基本信息 from the words of the document: the title lines, the opening paragraph (巡察组,
 * 巡察类型, dates, declared counts, 党组织名称), the 版头 line (发文字号, 签发人), the closing
 * (署名, 成文日期, contacts). Only what the text states is taken; nothing is completed by guess.
 */
import { parseDateText } from "../dates";
import { isAddress, isEmail, isPhoneList, parsePeriod } from "../info";
import type { BasicInfo, InfoField } from "../model";
import { parseCount } from "../numbers";

export interface Facts {
  info: BasicInfo;
  sources: Partial<Record<InfoField, string>>;
  title?: string;
}

export function emptyFacts(): Facts {
  return { info: {}, sources: {} };
}

function set<K extends InfoField>(
  facts: Facts,
  field: K,
  value: BasicInfo[K] | undefined,
  source: string,
): boolean {
  if (value === undefined || value === "" || facts.info[field] !== undefined) return false;
  facts.info[field] = value;
  facts.sources[field] = source;
  return true;
}

const DATE =
  "(?:\\d{4}|[〇零一二三四五六七八九]{4})年[\\d一二三四五六七八九十]{1,3}月[\\d一二三四五六七八九十]{1,3}日";
const PARTY_SUFFIX = /(?:机关党委|总支部委员会|支部委员会|委员会|党总支|党支部|党组|党委|工委)$/u;
const GROUP =
  /((?:(?:省|市|县|区|州|旗|盟|自治州|自治县)委|中央|省委|党委|党组)?第[一二三四五六七八九十\d]+(?:巡察|巡视)(?:组|工作组))/u;
const GROUP_PLAIN = /((?:省|市|县|区|州|旗|盟)委(?:巡察|巡视)(?:组|工作组))/u;
const TYPE = /(常规|专项|延伸|集中|机动|联动|提级)(巡察|巡视)/u;

function date(text: string): string | undefined {
  const d = parseDateText(text);
  return d.ok ? d.date : undefined;
}

/** The unit's name from its Party organisation's: 中共清丰县市政园林局党组 → 清丰县市政园林局. */
export function unitFromPartyOrg(org: string): string {
  return org.replace(/^中国共产党|^中共/u, "").replace(PARTY_SUFFIX, "");
}

/** Title lines: 中共清丰县市政园林局党组 / 关于……的报告. Sets 党组织名称 (or 单位名称). */
export function readTitle(facts: Facts, lines: readonly string[]): string {
  const title = lines.join("").replace(/[\s\u3000]+/gu, "");
  const m = /^(.+?)关于/u.exec(title);
  const issuer = m ? m[1]! : "";
  if (issuer) {
    if (/^中共|^中国共产党/u.test(issuer) || PARTY_SUFFIX.test(issuer)) {
      set(facts, "partyOrgName", issuer, title);
      set(facts, "unitName", unitFromPartyOrg(issuer), title);
    } else {
      set(facts, "unitName", issuer, title);
    }
  }
  return title;
}

/** 清市政党组〔2024〕1号  签发人：常良涛 */
export function readDocNumberLine(facts: Facts, text: string): boolean {
  const n = /([\u4e00-\u9fff]{1,12}[〔[（(【]\d{4}[〕\]）)】]\d{1,5}号)/u.exec(text);
  const s = /签发人[：:]\s*([\u4e00-\u9fff·]{2,8}(?:[、，,\s]+[\u4e00-\u9fff·]{2,8})*)/u.exec(text);
  if (!n && !s) return false;
  if (n) set(facts, "docNumber", n[1]!, text);
  if (s) set(facts, "signer", s[1]!.trim(), text);
  return true;
}

/** The opening paragraph(s): period, group, type, feedback date, declared counts, 党组织名称. */
export function readOpening(facts: Facts, text: string): boolean {
  let used = false;
  const period = new RegExp(
    `(${DATE})\\s*(?:至|到|—|–|－|-|~)\\s*((?:\\d{4}年)?(?:\\d{1,2}月)?\\d{1,2}日)`,
    "u",
  ).exec(text);
  if (period) {
    const p = parsePeriod(`${period[1]}至${period[2]}`);
    if (p.ok) {
      used = set(facts, "inspectionStart", p.start, period[0]) || used;
      used = set(facts, "inspectionEnd", p.end, period[0]) || used;
    }
  }
  const group = GROUP.exec(text) ?? GROUP_PLAIN.exec(text);
  if (group) used = set(facts, "inspectionGroup", group[1]!, group[0]) || used;
  const type = TYPE.exec(text);
  if (type) used = set(facts, "inspectionType", `${type[1]}巡察`, type[0]) || used;
  // The date of a sentence that says the feedback was given (not the period's dates).
  for (const sentence of text.split(/[。；]/u)) {
    if (!/反馈/u.test(sentence) || (period && sentence.includes(period[0]))) continue;
    const d = new RegExp(`(${DATE})`, "u").exec(sentence);
    if (d && /反馈了?(?:巡察|巡视)?(?:意见|情况)|反馈会|(?:巡察|巡视)反馈/u.test(sentence)) {
      used = set(facts, "feedbackDate", date(d[1]!), sentence) || used;
      break;
    }
  }
  const counts =
    /([\d一二三四五六七八九十百]+)(?:个|大)?方面(?:共)?([\d一二三四五六七八九十百]+)个(?:具体)?问题/u.exec(
      text,
    );
  if (counts) {
    used = set(facts, "declaredAspects", parseCount(counts[1]!), counts[0]) || used;
    used = set(facts, "declaredProblems", parseCount(counts[2]!), counts[0]) || used;
  }
  const suggestions = /([\d一二三四五六七八九十]+)(?:点|条|项)(?:意见建议|整改意见|建议)/u.exec(
    text,
  );
  if (suggestions)
    used = set(facts, "suggestionCount", parseCount(suggestions[1]!), suggestions[0]) || used;
  const org =
    /对(中共[\u4e00-\u9fff]{2,30}?(?:机关党委|总支部委员会|支部委员会|委员会|党总支|党支部|党组|党委))(?:开展|进行|实施)/u.exec(
      text,
    );
  if (org) {
    used = set(facts, "partyOrgName", org[1]!, org[0]) || used;
    used = set(facts, "unitName", unitFromPartyOrg(org[1]!), org[0]) || used;
  }
  return used;
}

/** 截至11月28日，巡察反馈的25个具体问题，… : a declared total when the opening gave none. */
export function readCountSentence(facts: Facts, text: string): boolean {
  const m = /(?:巡察|巡视)反馈(?:的)?(?:(\d+)个方面)?(?:共)?(\d+)个(?:具体)?问题/u.exec(text);
  if (!m || !/^截至|^截止|^目前|^至此/u.test(text)) return false;
  if (m[1]) set(facts, "declaredAspects", Number(m[1]), m[0]);
  set(facts, "declaredProblems", Number(m[2]), m[0]);
  return true;
}

/** 联系电话：…；地址：…；电子邮箱：… (the notice's supervision paragraph). */
export function readContacts(facts: Facts, text: string): boolean {
  let used = false;
  const phone =
    /(?:联系电话|监督电话|举报电话|电话)[：:]?\s*([0-9０-９][0-9０-９\-—－()（）\s、]{5,40}[0-9０-９])/u.exec(
      text,
    );
  if (phone && isPhoneList(phone[1]!))
    used = set(facts, "phone", phone[1]!.trim(), phone[0]) || used;
  const email = /([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/u.exec(text);
  if (email && isEmail(email[1]!)) used = set(facts, "email", email[1]!, email[0]) || used;
  const address = /(?:邮政地址|通讯地址|通信地址|联系地址|地址)[：:]\s*([^；;。]+)/u.exec(text);
  if (address && isAddress(address[1]!))
    used = set(facts, "address", address[1]!.trim(), address[0]) || used;
  return used;
}

/** A line that is only a date: 2023年11月28日 / 二〇二三年十一月二十八日. */
export function readDateLine(facts: Facts, text: string): boolean {
  const t = text.replace(/[\s\u3000]+/gu, "");
  if (!new RegExp(`^${DATE}$`, "u").test(t)) return false;
  return set(facts, "docDate", date(t), text) || facts.info.docDate !== undefined;
}

/** 署名: the Party organisation or unit signing; a short line with no sentence punctuation. */
export function readSignature(facts: Facts, text: string): boolean {
  const t = text.replace(/[\s\u3000]+/gu, "");
  if (t.length < 4 || t.length > 40 || /[，。；：,.;:！？]/u.test(t)) return false;
  const known = [facts.info.partyOrgName, facts.info.unitName].filter(Boolean);
  if (known.includes(t)) return true;
  if (/^中共|^中国共产党/u.test(t) || PARTY_SUFFIX.test(t)) {
    set(facts, "partyOrgName", t, text);
    set(facts, "unitName", unitFromPartyOrg(t), text);
    return true;
  }
  if (/(?:局|中心|委员会|办公室|公司|学校|医院|院|所|站|馆|政府|街道|镇|乡|委|厅|部)$/u.test(t)) {
    set(facts, "unitName", t, text);
    return true;
  }
  return false;
}
