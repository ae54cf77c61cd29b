/**
 * Cell value normalisers: one function per kind of value, each returning the normalised value
 * or the reason it could not be read. They never throw and know nothing about findings.
 */
import {
  type DateParse,
  dateFromJs,
  dateFromSerial,
  daysInMonth,
  formatChineseDate,
  isDateFormat,
  makeDate,
  parseDateCell,
} from "./dates";
import type { Cell } from "./grid";
import type { Deadline, RectificationType, Source, Status } from "./model";
import { cleanText, looseKey, looseKeyWithoutNotes, stripTrailingPunctuation } from "./text";
import {
  DEADLINE_TERMS,
  PUBLIC_FALSE,
  PUBLIC_TRUE,
  SOURCE_SPELLINGS,
  STATUS_SPELLINGS,
  TYPE_SPELLINGS,
} from "./vocabulary";

export interface CellText {
  readonly text: string;
  /** Illegal XML characters removed (code point labels). */
  readonly removed: readonly string[];
  /** The Excel error value when the cell holds one (#N/A …); text is then "". */
  readonly error?: string;
}

/** Formats a number as people expect to read it in text (no float noise, no exponent). */
export function numberText(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return Math.abs(v) < 1e21 ? v.toFixed(0) : String(v);
  return String(Number.parseFloat(v.toPrecision(15)));
}

/** Any cell as text: numbers without float noise, booleans as 是/否, dates as 2023年10月23日. */
export function cellText(cell: Cell): CellText {
  switch (cell.t) {
    case "empty":
      return { text: "", removed: [] };
    case "s":
      return cleanText(cell.v);
    case "n": {
      if (isDateFormat(cell.fmt)) {
        const d = dateFromSerial(cell.v);
        if (d.ok) return { text: formatChineseDate(d.date), removed: [] };
      }
      return { text: numberText(cell.v), removed: [] };
    }
    case "b":
      return { text: cell.v ? "是" : "否", removed: [] };
    case "d": {
      const d = dateFromJs(cell.v);
      return { text: d.ok ? formatChineseDate(d.date) : "", removed: [] };
    }
    case "e":
      return { text: "", removed: [], error: cell.v };
  }
}

function lookup<T extends string>(
  table: Readonly<Record<T, readonly string[]>>,
): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [canonical, spellings] of Object.entries(table) as [T, readonly string[]][]) {
    map.set(looseKey(canonical), canonical);
    for (const s of spellings) map.set(looseKey(s), canonical);
  }
  return map;
}

const STATUS_LOOKUP = lookup(STATUS_SPELLINGS);
const TYPE_LOOKUP = lookup(TYPE_SPELLINGS);
const SOURCE_LOOKUP = lookup(SOURCE_SPELLINGS);

/**
 * Keys of short cell values already seen. 完成情况, 整改类型, 来源 and 是否公开 take a handful of
 * spellings in a whole ledger, so the NFKC pass and the regexes run once per spelling, not once
 * per row. Bounded: cleared when full.
 */
const VALUE_KEYS = new Map<string, string>();
const VALUE_KEYS_MAX = 4096;

function valueKey(text: string): string {
  let key = VALUE_KEYS.get(text);
  if (key === undefined) {
    key = looseKey(stripTrailingPunctuation(text));
    if (text.length <= 64) {
      if (VALUE_KEYS.size >= VALUE_KEYS_MAX) VALUE_KEYS.clear();
      VALUE_KEYS.set(text, key);
    }
  }
  return key;
}

/** 完成情况 → canonical status; undefined when not an accepted spelling. */
export function normaliseStatus(text: string): Status | undefined {
  // 已完成（已建立制度）: a bracketed note does not change the status.
  return (
    STATUS_LOOKUP.get(valueKey(text)) ?? STATUS_LOOKUP.get(valueKey(looseKeyWithoutNotes(text)))
  );
}

export function normaliseType(text: string): RectificationType | undefined {
  return TYPE_LOOKUP.get(valueKey(text));
}

export function normaliseSource(text: string): Source | undefined {
  return SOURCE_LOOKUP.get(valueKey(text));
}

const PUBLIC_LOOKUP = new Map<string, boolean>([
  ...PUBLIC_FALSE.map((s) => [looseKey(s), false] as const),
  ...PUBLIC_TRUE.map((s) => [looseKey(s), true] as const),
]);

/** 是否公开 → boolean; undefined when unreadable. Booleans and 1/0 are accepted. */
export function normalisePublic(cell: Cell): boolean | undefined {
  if (cell.t === "b") return cell.v;
  if (cell.t === "n") return cell.v === 1 ? true : cell.v === 0 ? false : undefined;
  return PUBLIC_LOOKUP.get(valueKey(cellText(cell).text));
}

export type DeadlineParse =
  | { readonly ok: true; readonly deadline: Deadline }
  | { readonly ok: false; readonly reason: string };

/** 整改时限: a date or 立行立改 / 长期坚持 / 长期 (with their spellings). */
export function normaliseDeadline(cell: Cell): DeadlineParse | undefined {
  let dateCell = cell;
  if (cell.t === "s") {
    const term = DEADLINE_TERMS[valueKey(cell.v)];
    if (term) return { ok: true, deadline: { kind: term } };
    // 2023年12月31日前 means the same day; 2023年12月底 is the month's last day, 2023年底 the
    // year's, 2024年上半年 30 June: deadlines written the way work plans write them.
    const text = stripTrailingPunctuation(cell.v.normalize("NFKC").replace(/\s+/gu, "")).replace(
      /(之前|以前|前|内)$/u,
      "",
    );
    const period = periodEnd(text);
    if (period)
      return period.ok ? { ok: true, deadline: { kind: "date", date: period.date } } : period;
    dateCell = { t: "s", v: text };
  }
  const d = parseDateCell(dateCell);
  if (!d) return undefined;
  return d.ok ? { ok: true, deadline: { kind: "date", date: d.date } } : d;
}

/** The last day of 2023年12月底 / 2023年底 / 2024年上半年 / 2024年第一季度; undefined for other text. */
function periodEnd(text: string): DateParse | undefined {
  let m = /^(\d{4})[年./-](\d{1,2})月?(?:底|末)$/u.exec(text);
  if (m) {
    const y = Number(m[1]);
    const month = Number(m[2]);
    return makeDate(y, month, month >= 1 && month <= 12 ? daysInMonth(y, month) : 1);
  }
  m = /^(\d{4})年(?:底|末|年底|年末)$/u.exec(text);
  if (m) return makeDate(Number(m[1]), 12, 31);
  m = /^(\d{4})年(上|下)半年$/u.exec(text);
  if (m) return m[2] === "上" ? makeDate(Number(m[1]), 6, 30) : makeDate(Number(m[1]), 12, 31);
  m = /^(\d{4})年第?([一二三四1-4])季度(?:末|底)?$/u.exec(text);
  if (m) {
    const q = "一二三四".indexOf(m[2]!) + 1 || Number(m[2]);
    const y = Number(m[1]);
    return makeDate(y, q * 3, daysInMonth(y, q * 3));
  }
  return undefined;
}
