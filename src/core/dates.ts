/**
 * Calendar dates as they really arrive in ledgers: Excel serials, JS Dates from exceljs, ISO
 * strings, 2023年10月23日, 2023.10.23, 2023/10/23, full-width digits. Incomplete or ambiguous
 * text is an error, never a guess.
 */
import type { Cell } from "./grid";
import type { LocalDate } from "./model";

export type DateParse =
  | { readonly ok: true; readonly date: LocalDate }
  | { readonly ok: false; readonly reason: string };

const MS_PER_DAY = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

/** Builds a LocalDate, or explains why the parts are not a real day. */
export function makeDate(y: number, m: number, d: number): DateParse {
  if (!Number.isInteger(y) || y < 1900 || y > 2199) {
    return { ok: false, reason: `年份${y}不合理` };
  }
  if (!Number.isInteger(m) || m < 1 || m > 12) {
    return { ok: false, reason: `不存在${m}月` };
  }
  if (!Number.isInteger(d) || d < 1 || d > daysInMonth(y, m)) {
    return { ok: false, reason: `${y}年${m}月没有${d}日` };
  }
  return { ok: true, date: `${y}-${pad(m)}-${pad(d)}` };
}

/** The calendar day held in a JS Date's UTC fields (how exceljs delivers dates). */
export function dateFromJs(value: Date): DateParse {
  const t = value.getTime();
  if (Number.isNaN(t)) return { ok: false, reason: "日期无效" };
  return makeDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
}

/**
 * Excel 1900 date system serial → day. Serial 60 is Excel's fictitious 1900-02-29; serials
 * below it are one day off from the 1899-12-30 epoch used for the rest.
 */
export function dateFromSerial(serial: number): DateParse {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) {
    return { ok: false, reason: `数值${serial}不是Excel日期` };
  }
  const whole = Math.floor(serial);
  if (whole === 60) return { ok: false, reason: "1900年2月29日不存在" };
  const epoch = whole < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return dateFromJs(new Date(epoch + whole * MS_PER_DAY));
}

/** Plausible serials for a ledger (1990-01-01 … 2100-12-31) when the cell has no date format. */
const PLAUSIBLE_SERIAL = { min: 32874, max: 73415 };

/** Whether an Excel number format shows a date (y/m/d tokens outside quotes and brackets). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[ymd]/i.test(bare) || /[年月日]/.test(fmt);
}

const SEP = "[年.．/／\\-－—]";

/** Parses date text; full-width digits accepted; anything incomplete or ambiguous is an error. */
export function parseDateText(raw: string): DateParse {
  const s = raw
    .normalize("NFKC")
    .trim()
    // A time of day after the date (2023/10/23 0:00:00, as text exports write it) is dropped.
    .replace(/(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/u, "")
    .replace(/[\s\u3000]+/gu, "")
    .replace(/[〇○零]/g, "0");
  if (s === "") return { ok: false, reason: "为空" };
  const chinese = parseChineseNumeralDate(s);
  if (chinese) return chinese;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = new RegExp(`^(\\d{4})${SEP}(\\d{1,2})(?:月|${SEP})(\\d{1,2})[日号]?$`).exec(s);
  if (m) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})日?$/.exec(s);
  if (m) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (new RegExp(`^(\\d{4})${SEP}(\\d{1,2})月?$`).test(s) || /^\d{4}年$/.test(s)) {
    return { ok: false, reason: "缺少日" };
  }
  if (/^\d{5,8}[日号]$/.test(s) || /^\d{5,7}$/.test(s)) {
    return { ok: false, reason: "年月日之间缺少分隔，无法确定是哪一天" };
  }
  return { ok: false, reason: "不是可识别的日期" };
}

const CN_DIGIT: Record<string, number> = {
  "0": 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

function chineseSmallNumber(s: string): number | undefined {
  // 一 … 三十一
  const m = /^([一二三])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === "") return undefined;
  if (!m[2]) return m[1] && !m[3] ? CN_DIGIT[m[1]] : m[3] && !m[1] ? CN_DIGIT[m[3]] : undefined;
  return (m[1] ? CN_DIGIT[m[1]]! : 1) * 10 + (m[3] ? CN_DIGIT[m[3]]! : 0);
}

/** 二〇二三年十月二十三日 (〇 already turned into 0 by the caller). */
function parseChineseNumeralDate(s: string): DateParse | undefined {
  const m =
    /^([0一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/.exec(
      s,
    );
  if (!m) return undefined;
  const year = Number([...m[1]!].map((ch) => CN_DIGIT[ch] ?? 0).join(""));
  const month = chineseSmallNumber(m[2]!);
  const day = chineseSmallNumber(m[3]!);
  if (month === undefined || day === undefined)
    return { ok: false, reason: "中文数字日期无法识别" };
  return makeDate(year, month, day);
}

/**
 * A cell in a date column. Numbers are serials (with or without a date format: people often
 * lose the format when pasting) within a plausible range, or YYYYMMDD numbers.
 */
export function parseDateCell(cell: Cell): DateParse | undefined {
  switch (cell.t) {
    case "empty":
      return undefined;
    case "d":
      return dateFromJs(cell.v);
    case "n": {
      const v = cell.v;
      if (isDateFormat(cell.fmt)) return dateFromSerial(v);
      if (Number.isInteger(v) && v >= 19000101 && v <= 21991231) {
        return makeDate(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
      }
      if (v >= PLAUSIBLE_SERIAL.min && v <= PLAUSIBLE_SERIAL.max) return dateFromSerial(v);
      return { ok: false, reason: `数值${v}不是日期` };
    }
    case "s":
      return cell.v.trim() === "" ? undefined : parseDateText(cell.v);
    case "b":
      return { ok: false, reason: "是逻辑值，不是日期" };
    case "e":
      return { ok: false, reason: `是错误值${cell.v}` };
  }
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Math.round((b - a) / MS_PER_DAY);
}

/** Today's calendar day in the local time zone (the clerk's today). */
export function todayLocal(now: Date = new Date()): LocalDate {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** 2023年10月23日: Arabic numerals, no leading zeros, as GB/T 9704 wants; the one place it is written. */
export function chineseDateOf(year: number, month: number, day: number): string {
  return `${year}年${month}月${day}日`;
}

/** 2023-10-23 → 2023年10月23日. */
export function formatChineseDate(date: LocalDate): string {
  const [y, m, d] = date.split("-").map(Number);
  return chineseDateOf(y!, m!, d!);
}

/**
 * An instant (an ISO timestamp from the server, a Date) as the clerk's calendar day in Chinese:
 * the local day, not UTC's (before 08:00 Beijing time UTC is still yesterday).
 */
export function chineseLocalDate(instant: string | Date | undefined): string {
  if (instant === undefined || instant === "") return "—";
  const d = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) return "—";
  return formatChineseDate(todayLocal(d));
}
