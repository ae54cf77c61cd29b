/**
 * Statistics from normalised rows: totals, 完成率, status shares that add up to exactly 100%
 * (largest remainder), per 方面 and per 责任部门, overdue items, 整改措施 and 制度 counts.
 */
import { daysBetween, todayLocal } from "./dates";
import {
  DONE_STATUSES,
  type GroupStats,
  type LedgerRow,
  type LedgerStats,
  type LocalDate,
  type OverdueItem,
  type Precision,
  STATUSES,
  type Status,
  UNREAD_STATUS,
} from "./model";
import { classifyRuleTitles } from "./rules";

export interface StatsOptions {
  /** Day for 超期; default today (local). */
  readonly asOf?: LocalDate;
  /** Decimal places of percentages; default 0. */
  readonly precision?: Precision;
  /** Counts declared in 基本信息 (反馈方面数, 反馈问题数). */
  readonly declared?: { readonly aspects?: number; readonly problems?: number };
}

/**
 * Percent text at a precision: 0.95 → "95%", 0.987088 at 2 → "98.71%". Rounds half up on the
 * decimal value (37/39 = 94.87…% → "95%").
 */
export function formatPercent(rate: number, precision: Precision = 0): string {
  if (!Number.isFinite(rate)) return `${(0).toFixed(precision)}%`;
  const scale = 10 ** precision;
  // The epsilon absorbs binary noise such as 0.125 * 100 = 12.499999….
  const rounded = Math.round(rate * 100 * scale + 1e-7) / scale;
  return `${rounded.toFixed(precision)}%`;
}

/**
 * Largest-remainder apportionment of `counts` into shares of 100 at `precision` decimals.
 * The shares (as integers of 10^-precision percent) sum to exactly 100%; all 0 when total is 0.
 * Ties go to the larger count, then to the earlier entry.
 */
export function largestRemainder(counts: readonly number[], precision: Precision = 0): number[] {
  const safe = counts.map((c) => (Number.isFinite(c) && c > 0 ? c : 0));
  const total = safe.reduce((a, b) => a + b, 0);
  if (total <= 0) return safe.map(() => 0);
  const scale = 10 ** precision;
  const units = 100 * scale;
  const exact = safe.map((c) => (c * units) / total);
  const floors = exact.map(Math.floor);
  let left = units - floors.reduce((a, b) => a + b, 0);
  const order = safe
    .map((c, i) => ({ i, rem: exact[i]! - floors[i]!, c }))
    .sort((a, b) => b.rem - a.rem || b.c - a.c || a.i - b.i);
  for (const o of order) {
    if (left <= 0) break;
    if (safe[o.i]! === 0) continue;
    floors[o.i]! += 1;
    left--;
  }
  return floors.map((f) => f / scale);
}

// ---------------------------------------------------------------------------------------------
// 整改措施 and 制度

const CN_ORDINAL = "一二三四五六七八九十";

function cnOrdinalValue(s: string): number {
  // 一 … 十九, 二十 (enough for measures in one cell)
  if (s.length === 1) return CN_ORDINAL.indexOf(s) + 1;
  if (s[0] === "十") return 10 + CN_ORDINAL.indexOf(s[1]!) + 1;
  if (s.length === 2 && s[1] === "十") return (CN_ORDINAL.indexOf(s[0]!) + 1) * 10;
  return (CN_ORDINAL.indexOf(s[0]!) + 1) * 10 + CN_ORDINAL.indexOf(s[2] ?? "") + 1;
}

/**
 * How many markers belong to lists numbered 1, 2, 3 … in order; a cell may hold several lists
 * (关于甲：①…②…；关于乙：①…②… is four measures). A stray "3." alone is not a list.
 */
function runLength(numbers: readonly number[]): number {
  let count = 0;
  let next = 1;
  for (const n of numbers) {
    if (n === next) {
      count++;
      next++;
    } else if (n === 1) {
      count++;
      next = 2;
    }
  }
  return count;
}

/**
 * Number of measures in one 整改措施 cell: numbered items count one each (一是…二是…, ①②③,
 * 1. 2. / 1、2、, (1)(2) / （1）（2）); a non-empty cell without numbering counts one.
 */
export function countMeasures(text: string): number {
  const s = text.normalize("NFKC");
  if (s.trim() === "") return 0;
  const families: number[][] = [[], [], [], []];
  // Each family's regex runs only when its mark occurs: most cells have one family or none.
  if (s.includes("是")) {
    for (const m of s.matchAll(/(?:^|[^一二三四五六七八九十])([一二三四五六七八九十]{1,3})是/gu)) {
      families[0]!.push(cnOrdinalValue(m[1]!));
    }
  }
  // NFKC turns ①…⑳ into digits, so circled numbers are read from the original text (one
  // UTF-16 unit each).
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x2460 && unit <= 0x2473) families[1]!.push(unit - 0x2460 + 1);
  }
  for (const m of s.matchAll(/(?:^|[\n。;；:：\s])(\d{1,2})[.、](?!\d)/gu)) {
    families[2]!.push(Number(m[1]));
  }
  if (s.includes("(") || s.includes("（")) {
    for (const m of s.matchAll(/[(（](\d{1,2}|[一二三四五六七八九十]{1,3})[)）]/gu)) {
      const v = /\d/.test(m[1]!) ? Number(m[1]) : cnOrdinalValue(m[1]!);
      families[3]!.push(v);
    }
  }
  const best = Math.max(...families.map(runLength));
  return best > 0 ? best : 1;
}

/** Distinct 《…》 titles (whitespace removed), in order of first appearance; unclassified (see rules.ts for the 制度 count). */
export function extractRuleTitles(texts: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const t of texts) {
    for (const m of t.matchAll(/《([^《》]+)》/gu)) {
      const title = m[1]!.replace(/[\s\u3000]+/gu, "");
      if (title !== "") seen.add(title);
    }
  }
  return [...seen];
}

// ---------------------------------------------------------------------------------------------

function emptyByStatus(): Record<Status, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
}

export function isDone(row: LedgerRow): boolean {
  return row.status !== null && DONE_STATUSES.has(row.status);
}

/** Departments named in one 责任部门 cell (办公室、财务股 → two). */
export function splitDepartments(text: string): string[] {
  return text
    .split(/[、，,；;/／\n]+/u)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function group(name: string, rows: readonly LedgerRow[], precision: Precision): GroupStats {
  const byStatus = emptyByStatus();
  let done = 0;
  let unread = 0;
  for (const r of rows) {
    if (r.status) byStatus[r.status]++;
    else unread++;
    if (isDone(r)) done++;
  }
  const completionRate = rows.length > 0 ? done / rows.length : 0;
  return {
    name,
    total: rows.length,
    done,
    completionRate,
    completionRateText: formatPercent(completionRate, precision),
    byStatus,
    unread,
  };
}

export function computeStats(rows: readonly LedgerRow[], options: StatsOptions = {}): LedgerStats {
  const asOf = options.asOf ?? todayLocal();
  const precision = options.precision ?? 0;
  const feedback = rows.filter((r) => r.source === "巡察反馈");
  const self = rows.filter((r) => r.source === "自查");
  const overall = group("", feedback, precision);
  // One base for shares and 完成率: an unreadable status is its own share, never dropped.
  const order = STATUSES;
  const shares = largestRemainder(
    [...order.map((s) => overall.byStatus[s]), overall.unread],
    precision,
  );
  const statusShares = Object.fromEntries(order.map((s, i) => [s, shares[i] ?? 0])) as Record<
    Status,
    number
  >;

  const aspects = new Map<string, LedgerRow[]>();
  const departments = new Map<string, LedgerRow[]>();
  for (const r of feedback) {
    const a = aspects.get(r.aspect);
    if (a) a.push(r);
    else aspects.set(r.aspect, [r]);
    const names = splitDepartments(r.department);
    for (const d of names.length > 0 ? names : [""]) {
      const list = departments.get(d);
      if (list) list.push(r);
      else departments.set(d, [r]);
    }
  }

  const overdue: OverdueItem[] = [];
  for (const r of rows) {
    if (r.deadline?.kind !== "date" || isDone(r) || !(r.deadline.date < asOf)) continue;
    overdue.push({
      row: r.row,
      seq: r.seq,
      aspect: r.aspect,
      problem: r.problem,
      department: r.department,
      deadline: r.deadline.date,
      status: r.status,
      daysOverdue: daysBetween(r.deadline.date, asOf),
    });
  }

  // "逐项制定整改措施N条" stands next to the feedback counts: 自查 measures are counted apart.
  let measures = 0;
  for (const r of feedback) measures += countMeasures(r.measures);
  let selfMeasures = 0;
  for (const r of self) selfMeasures += countMeasures(r.measures);
  const ruleTitles = classifyRuleTitles(
    rows.flatMap((r) => [
      { text: r.measures, row: r.row },
      { text: r.result, row: r.row },
    ]),
  );

  const declaredAspects = options.declared?.aspects;
  const declaredProblems = options.declared?.problems;
  const mismatch =
    (declaredAspects !== undefined && declaredAspects !== aspects.size) ||
    (declaredProblems !== undefined && declaredProblems !== feedback.length);

  return {
    asOf,
    precision,
    total: feedback.length,
    done: overall.done,
    completionRate: overall.completionRate,
    completionRateText: overall.completionRateText,
    byStatus: overall.byStatus,
    statusShares,
    unread: overall.unread,
    unreadShare: shares[order.length] ?? 0,
    selfFound: { total: self.length, done: self.filter(isDone).length, measures: selfMeasures },
    aspectCount: aspects.size,
    byAspect: [...aspects].map(([name, list]) => group(name, list, precision)),
    byDepartment: [...departments].map(([name, list]) => group(name, list, precision)),
    overdue,
    measures,
    rules: ruleTitles.kept.map((t) => t.title),
    rulesLeftOut: ruleTitles.dropped,
    // Over the feedback rows like every figure, so the notice and the 整改统计 sheet agree.
    nonPublic: feedback.filter((r) => !r.isPublic).length,
    declared: {
      ...(declaredAspects !== undefined ? { aspects: declaredAspects } : {}),
      ...(declaredProblems !== undefined ? { problems: declaredProblems } : {}),
      mismatch,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The one breakdown every count sentence is written from

export interface CountBreakdown {
  /** 问题总数 (feedback rows). */
  readonly total: number;
  /** Every status that counts as done (已完成 and 已完成并长期坚持). */
  readonly done: number;
  /** The 已完成并长期坚持 inside `done`, said as "（其中…）", never as an addend. */
  readonly doneLasting: number;
  readonly completionRateText: string;
  /** Each not-done status with rows, in STATUSES order, then 未识别; done + these = total. */
  readonly notDone: readonly {
    readonly status: Status | typeof UNREAD_STATUS;
    readonly count: number;
  }[];
}

/** The counts of the documents' count sentence, from the statistics only. */
export function countBreakdown(stats: LedgerStats): CountBreakdown {
  const notDone: { status: Status | typeof UNREAD_STATUS; count: number }[] = STATUSES.filter(
    (s) => !DONE_STATUSES.has(s) && stats.byStatus[s] > 0,
  ).map((s) => ({ status: s, count: stats.byStatus[s] }));
  if (stats.unread > 0) notDone.push({ status: UNREAD_STATUS, count: stats.unread });
  return {
    total: stats.total,
    done: stats.done,
    doneLasting: stats.byStatus.已完成并长期坚持,
    completionRateText: stats.completionRateText,
    notDone,
  };
}
