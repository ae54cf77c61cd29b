/**
 * 基本信息: a two-column sheet (项目, 内容) of facts about the inspection and the documents.
 * Reading (keys by name or alias, values parsed per key with zod), the sheet-level rules, and
 * the per-document rules the renderer asks for (documentFindings).
 */
import { formatChineseDate, parseDateText } from "./dates";
import { type CoreFindingCode, cellTextFindings, makeFinding } from "./findings";
import {
  type BasicInfo,
  type Finding,
  INFO_KEYS,
  INSPECTION_TYPES,
  type InfoField,
  SHEET,
} from "./model";
import { cellText } from "./normalise";
import { basicInfoSchema, INFO_COUNT_FIELDS, INFO_DATE_FIELDS, infoCellSchemas } from "./schemas";
import type { SheetView } from "./sheet";
import { looseKey } from "./text";
import { INFO_HEADER_ALIASES, INFO_KEY_ALIASES } from "./vocabulary";

const KEY_LOOKUP: ReadonlyMap<string, InfoField> = (() => {
  const map = new Map<string, InfoField>();
  for (const [field, label] of Object.entries(INFO_KEYS) as [InfoField, string][]) {
    map.set(looseKey(label), field);
    for (const alias of INFO_KEY_ALIASES[field]) map.set(looseKey(alias), field);
  }
  return map;
})();

/** 基本信息 key text → field. */
export function infoField(keyText: string): InfoField | undefined {
  return KEY_LOOKUP.get(looseKey(keyText));
}

export interface InfoRead {
  readonly info: BasicInfo;
  /** A1 address of the value cell of each key read, for findings. */
  readonly cells: Readonly<Partial<Record<InfoField, string>>>;
  readonly findings: readonly Finding[];
}

function isHeaderKey(text: string, aliases: readonly string[]): boolean {
  const k = looseKey(text);
  return aliases.some((a) => looseKey(a) === k);
}

export function readBasicInfo(view: SheetView): InfoRead {
  const findings: Finding[] = [];
  const sheet = view.name;
  let keyCol = 0;
  let valueCol = 1;
  let start = 0;
  // A header row 项目 | 内容 fixes the two columns; otherwise the first two columns are used.
  for (let r = 0; r < Math.min(10, view.rows); r++) {
    let k = -1;
    let v = -1;
    for (let c = 0; c < view.cols; c++) {
      const t = cellText(view.value(r, c)).text;
      if (k < 0 && isHeaderKey(t, INFO_HEADER_ALIASES.key)) k = c;
      else if (k >= 0 && v < 0 && isHeaderKey(t, INFO_HEADER_ALIASES.value)) v = c;
    }
    if (k >= 0 && v > k) {
      keyCol = k;
      valueCol = v;
      start = r + 1;
      break;
    }
  }

  const info: Record<string, unknown> = {};
  const cells: Partial<Record<InfoField, string>> = {};
  for (let r = start; r < view.rows; r++) {
    const keyText = cellText(view.value(r, keyCol)).text;
    if (keyText === "") continue;
    const field = infoField(keyText);
    const keyAddress = view.address(r, keyCol);
    const address = view.address(r, valueCol);
    if (!field && PERIOD_KEYS.has(looseKey(keyText))) {
      // 巡察时间: 2023年7月28日至9月11日 → 巡察开始日期 and 巡察结束日期.
      const valueText = cellText(view.value(r, valueCol)).text;
      const period = parsePeriod(valueText);
      if (period.ok) {
        for (const [f, d] of [
          ["inspectionStart", period.start],
          ["inspectionEnd", period.end],
        ] as const) {
          if (cells[f] === undefined) {
            cells[f] = address;
            info[f] = d;
          }
        }
      } else {
        findings.push(
          makeFinding(
            "info.date.invalid",
            { sheet, cell: address, row: view.sheetRow(r) },
            `${keyText}“${valueText}”${period.reason}；请写成“2023年7月28日至9月11日”，或分别填写巡察开始日期和巡察结束日期。`,
            // The period cell stands for both dates; it is named by the first.
            { params: { field: "inspectionStart", value: valueText } },
          ),
        );
      }
      continue;
    }
    if (!field) {
      findings.push(
        makeFinding(
          "info.key.unknown",
          { sheet, cell: keyAddress, row: view.sheetRow(r) },
          `项目“${keyText}”无法识别，已忽略；可用的项目有：${Object.values(INFO_KEYS).join("、")}。`,
          { params: { value: keyText } },
        ),
      );
      continue;
    }
    if (cells[field] !== undefined) {
      findings.push(
        makeFinding(
          "info.key.duplicate",
          { sheet, cell: keyAddress, row: view.sheetRow(r) },
          `项目“${INFO_KEYS[field]}”重复（第一次在${cells[field]}），只读取第一项；请删除重复的一行。`,
          { params: { field } },
        ),
      );
      continue;
    }
    cells[field] = address;
    const cell = view.value(r, valueCol);
    if (cell.t === "s") {
      const where = { sheet, cell: address, row: view.sheetRow(r) };
      findings.push(...cellTextFindings(cellText(cell), where, INFO_KEYS[field], field));
    }
    const parsed = infoCellSchemas[field].safeParse(cell);
    if (parsed.success) {
      if (parsed.data !== undefined) info[field] = parsed.data;
      continue;
    }
    const reason = parsed.error.issues.map((i) => i.message).join("；");
    const shown = cellText(cell).text;
    const code: CoreFindingCode = INFO_COUNT_FIELDS.has(field)
      ? "info.number.invalid"
      : INFO_DATE_FIELDS.has(field)
        ? "info.date.invalid"
        : "cell.error";
    const expected = INFO_COUNT_FIELDS.has(field)
      ? "请填写数字，如 74"
      : INFO_DATE_FIELDS.has(field)
        ? "请填写完整日期，如2023年10月23日"
        : "请修正该单元格";
    findings.push(
      makeFinding(
        code,
        { sheet, cell: address, row: view.sheetRow(r) },
        `${INFO_KEYS[field]}“${shown}”${reason}；${expected}。`,
        { params: { field, value: shown } },
      ),
    );
  }
  const checked = basicInfoSchema.safeParse(info);
  return { info: checked.success ? checked.data : {}, cells, findings };
}

/** Keys holding the whole inspection period in one cell. */
const PERIOD_KEYS: ReadonlySet<string> = new Set(
  ["巡察时间", "巡察期间", "巡察时段", "进驻时间段", "巡察起止日期", "巡察起止时间"].map(looseKey),
);

/**
 * 2023年7月28日至9月11日 / 2023.7.28—2023.9.11: the end may leave out the year (and month)
 * it shares with the start.
 */
export function parsePeriod(
  text: string,
): { ok: true; start: string; end: string } | { ok: false; reason: string } {
  const parts = text.normalize("NFKC").split(/至|到|~|—|–|－/u);
  if (parts.length !== 2) return { ok: false, reason: "不是“开始日期至结束日期”的形式" };
  const start = parseDateText(parts[0]!);
  if (!start.ok) return { ok: false, reason: `开始日期${start.reason}` };
  const [y, m] = start.date.split("-");
  let endText = parts[1]!.trim();
  if (/^\d{1,2}日$/u.test(endText)) endText = `${y}年${Number(m)}月${endText}`;
  else if (/^\d{1,2}月\d{1,2}日?$/u.test(endText)) endText = `${y}年${endText}`;
  else if (/^\d{1,2}[./]\d{1,2}$/u.test(endText)) endText = `${y}.${endText}`;
  const end = parseDateText(endText);
  if (!end.ok) return { ok: false, reason: `结束日期${end.reason}` };
  if (end.date < start.date) return { ok: false, reason: "结束日期早于开始日期" };
  return { ok: true, start: start.date, end: end.date };
}

// ---------------------------------------------------------------------------------------------
// Rules on 基本信息 alone

const DATE_ORDER: readonly InfoField[] = [
  "inspectionStart",
  "inspectionEnd",
  "feedbackDate",
  "docDate",
];

/** Keys the documents need, warned about when the 基本信息 sheet exists but lacks them. */
const NEEDED_KEYS: readonly InfoField[] = [
  "unitName",
  "partyOrgName",
  "inspectionGroup",
  "inspectionStart",
  "inspectionEnd",
  "feedbackDate",
  "docDate",
];

export function validateBasicInfo(
  info: BasicInfo,
  cells: Readonly<Partial<Record<InfoField, string>>>,
  sheet: string = SHEET.info,
): Finding[] {
  const findings: Finding[] = [];
  const at = (field: InfoField) => {
    const cell = cells[field];
    return cell ? { sheet, cell } : { sheet };
  };

  for (const field of NEEDED_KEYS) {
    if (info[field] === undefined) {
      findings.push(
        makeFinding(
          "info.key.missing",
          at(field),
          `缺少“${INFO_KEYS[field]}”，文书中相应位置将空缺；请在基本信息中填写。`,
          { lead: "sheet", params: { field } },
        ),
      );
    }
  }

  // 巡察开始 ≤ 巡察结束 ≤ 反馈 ≤ 成文 (compare each present date with the next present one).
  const present = DATE_ORDER.filter((f) => info[f] !== undefined);
  for (let i = 0; i + 1 < present.length; i++) {
    const a = present[i]!;
    const b = present[i + 1]!;
    const da = info[a] as string;
    const db = info[b] as string;
    if (da > db) {
      findings.push(
        makeFinding(
          "info.dates.order",
          at(b),
          `${INFO_KEYS[b]}（${formatChineseDate(db)}）早于${INFO_KEYS[a]}（${formatChineseDate(da)}）；日期应满足 巡察开始日期 ≤ 巡察结束日期 ≤ 反馈日期 ≤ 成文日期。`,
          { params: { field: b, value: db } },
        ),
      );
    }
  }

  if (info.docNumber !== undefined) {
    for (const problem of checkDocNumber(info.docNumber, info.docDate)) {
      findings.push(
        makeFinding(problem.code, at("docNumber"), problem.message, {
          params: { field: "docNumber", value: info.docNumber },
        }),
      );
    }
  }

  if (info.inspectionType !== undefined) {
    const k = looseKey(info.inspectionType);
    const known = INSPECTION_TYPES.find((t) => t === k || t === `${k}巡察`);
    if (!known) {
      findings.push(
        makeFinding(
          "info.inspectionType.unknown",
          at("inspectionType"),
          `巡察类型“${info.inspectionType}”不是常用写法，应为以下之一：${INSPECTION_TYPES.join("、")}。`,
          { params: { field: "inspectionType", value: info.inspectionType } },
        ),
      );
    }
  }

  if (info.phone !== undefined && !isPhoneList(info.phone)) {
    findings.push(
      makeFinding(
        "info.phone.format",
        at("phone"),
        `联系电话“${info.phone}”格式不对；应为带区号的固定电话（如0739-5321234）、11位手机号或12388等热线，多个号码用“、”分隔。`,
        { params: { field: "phone", value: info.phone } },
      ),
    );
  }
  if (info.email !== undefined && !isEmail(info.email)) {
    findings.push(
      makeFinding(
        "info.email.format",
        at("email"),
        `电子邮箱“${info.email}”格式不对；应如 xcbzg@example.gov.cn。`,
        { params: { field: "email", value: info.email } },
      ),
    );
  }
  if (info.address !== undefined && !isAddress(info.address)) {
    findings.push(
      makeFinding(
        "info.address.format",
        at("address"),
        `邮政地址“${info.address}”不完整；应写明省市县（区）、街道门牌，可附邮政编码，如“邵阳市大祥区城南路1号，邮编422000”。`,
        { params: { field: "address", value: info.address } },
      ),
    );
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// 发文字号

export interface DocNumberProblem {
  readonly code: "info.docNumber.format" | "info.docNumber.year";
  readonly message: string;
}

const DOC_NUMBER = /^([^〔〕\s]+)〔(\d{4})〕([1-9]\d*)号$/u;

/**
 * Checks 代字〔YYYY〕N号: 六角括号, no 第, no leading zeros, the year of 成文日期. Each problem
 * says what to write instead.
 */
export function checkDocNumber(raw: string, docDate?: string): DocNumberProblem[] {
  const text = raw.replace(/[\s\u3000]+/gu, "");
  const m = DOC_NUMBER.exec(text);
  if (m) {
    const year = m[2]!;
    if (docDate && docDate.slice(0, 4) !== year) {
      return [
        {
          code: "info.docNumber.year",
          message: `发文字号“${raw}”中的年份${year}与成文日期（${formatChineseDate(docDate)}）的年份${docDate.slice(0, 4)}不一致；应为“${m[1]}〔${docDate.slice(0, 4)}〕${m[3]}号”。`,
        },
      ];
    }
    return [];
  }
  const reasons: string[] = [];
  let fixed = text.normalize("NFKC").replace(/〔/g, "〔").replace(/〕/g, "〕");
  if (/[０-９]/u.test(text)) reasons.push("数字应使用半角阿拉伯数字");
  const wrongBracket = /[[\]()（）【】［］<>〈〉《》{}｛｝〖〗]/u.exec(text);
  if (wrongBracket) {
    reasons.push(`年份应使用六角括号“〔〕”，不能用“${wrongBracket[0]}”`);
  }
  fixed = fixed.replace(/[[(（【［<〈《{｛〖](\d{4})[\])）】］>〉》}｝〗]/u, "〔$1〕");
  if (/第\d+号?$/u.test(fixed)) {
    reasons.push("序号前不加“第”");
    fixed = fixed.replace(/第(\d+)/u, "$1");
  }
  if (/〕0+\d/u.test(fixed)) {
    reasons.push("序号不编虚位（1号不写成01号）");
    fixed = fixed.replace(/〕0+(\d)/u, "〕$1");
  }
  if (/〕\d+$/u.test(fixed)) {
    reasons.push("序号后要有“号”");
    fixed = `${fixed}号`;
  }
  const docYear = docDate?.slice(0, 4);
  const writtenYear = /〔(\d{4})〕/u.exec(fixed)?.[1];
  if (docYear && writtenYear && writtenYear !== docYear) {
    reasons.push(`年份应为成文日期的年份${docYear}`);
    fixed = fixed.replace(`〔${writtenYear}〕`, `〔${docYear}〕`);
  }
  if (/^〔/u.test(fixed)) reasons.push("年份前要有发文机关代字");
  if (!/〔\d{4}〕/u.test(fixed) && !wrongBracket) reasons.push("要有四位年份");
  const suggestion = DOC_NUMBER.test(fixed) ? `，应为“${fixed}”` : "";
  const why = reasons.length > 0 ? reasons.join("，") : "格式不对";
  return [
    {
      code: "info.docNumber.format",
      message: `发文字号“${raw}”${why}${suggestion}；格式为 代字〔年份〕序号号，如“清市政党组〔2024〕1号”。`,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Contacts

/** One phone number: landline with optional area code, mobile, 400/800 or a 12xxx hotline. */
export function isPhone(raw: string): boolean {
  const s = raw
    .normalize("NFKC")
    .replace(/[\s\-－—()（）]/gu, "")
    .replace(/(转|-|ext\.?)\d{1,6}$/iu, "");
  return (
    /^1[3-9]\d{9}$/.test(s) ||
    /^0\d{2,3}[2-9]\d{6,7}$/.test(s) ||
    /^[2-9]\d{6,7}$/.test(s) ||
    /^[48]00\d{7}$/.test(s) ||
    /^12\d{3}$/.test(s)
  );
}

/** One or more phone numbers separated by 、，; or /. */
export function isPhoneList(raw: string): boolean {
  const parts = raw
    .normalize("NFKC")
    .split(/[、,;/]|\s{2,}|或/u)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  return parts.length > 0 && parts.every(isPhone);
}

export function isEmail(raw: string): boolean {
  return /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(
    raw.normalize("NFKC").trim(),
  );
}

/** A postal address: Chinese place words (省市县区镇乡街路号…) or a 6-digit postcode, not too short. */
export function isAddress(raw: string): boolean {
  const s = raw.normalize("NFKC").trim();
  if ([...s].length < 6) return false;
  return /[省市县区旗镇乡村街路道巷弄号楼室院]/u.test(s) || /(^|\D)\d{6}(\D|$)/.test(s);
}

// ---------------------------------------------------------------------------------------------
// Per document

/** Rules that depend on which document is rendered; the renderer calls this. */
export function documentFindings(info: BasicInfo, kind: "报告" | "通报"): Finding[] {
  const sheet = SHEET.info;
  const findings: Finding[] = [];
  const missing = (code: CoreFindingCode, key: InfoField, why: string) =>
    findings.push(
      makeFinding(code, { sheet }, `缺少“${INFO_KEYS[key]}”：${why}`, {
        lead: "sheet",
        params: { field: key },
      }),
    );
  if (kind === "报告") {
    if (!info.signer)
      missing(
        "document.signer.missing",
        "signer",
        "上行文的报告必须标注签发人，请填写单位主要负责人姓名。",
      );
    if (!info.docNumber)
      missing(
        "document.docNumber.missing",
        "docNumber",
        "报告版头需要发文字号，如“清市政党组〔2024〕1号”。",
      );
    if (!info.recipient)
      missing(
        "document.recipient.missing",
        "recipient",
        "报告需要主送机关，如“县委巡察工作领导小组”。",
      );
    if (!info.issuerMark)
      missing(
        "document.issuerMark.missing",
        "issuerMark",
        "红头需要发文机关标志，如“中共清丰县市政园林局党组文件”。",
      );
  } else {
    const contacts = [
      info.phone !== undefined && isPhoneList(info.phone),
      info.address !== undefined && isAddress(info.address),
      info.email !== undefined && isEmail(info.email),
    ];
    if (!contacts.some(Boolean)) {
      const given = [info.phone, info.address, info.email].some((v) => v !== undefined);
      findings.push(
        makeFinding(
          "document.contact.missing",
          { sheet },
          `公开通报需要至少一种格式正确的联系方式（联系电话、邮政地址或电子邮箱），以便群众监督${given ? "；已填写的联系方式格式不对，请按提示修正" : "；请在基本信息中填写"}。`,
          { lead: "sheet" },
        ),
      );
    }
  }
  if (!info.docDate) missing("document.docDate.missing", "docDate", "文书落款需要成文日期。");
  return findings;
}
