/**
 * The inspection office's summary (汇总) across units: each unit's figures taken from its own
 * LedgerAnalysis (the same numbers `zhenggai check` prints), then totals from the sums. A unit
 * whose ledger has errors (or cannot be read at all) is listed and flagged, never counted: its
 * numbers are not trusted, and silently dropping it would hide that it is missing. Pure.
 *
 * The figure shapes are defined here (the core imports nothing); src/submissions/types.ts
 * names them UnitFigures, AspectFigures and OverdueFigure for what the server stores.
 */

import {
  DONE_STATUSES,
  type LedgerAnalysis,
  type LocalDate,
  type Precision,
  STATUSES,
  type Status,
} from "./model";
import { formatPercent, largestRemainder } from "./stats";
import { looseKey, stripEnumerator } from "./text";

/** Statuses that are not done, in the spec's order: one column each in the summary. */
export const NOT_DONE_STATUSES: readonly Status[] = STATUSES.filter((s) => !DONE_STATUSES.has(s));

export interface SummaryAspectFigures {
  /** The normalised name that matches this 方面 across units (aspectKey). */
  readonly key: string;
  readonly name: string;
  readonly total: number;
  readonly done: number;
  readonly byStatus: Readonly<Record<Status, number>>;
}

/** One overdue problem of a unit (the unit is the row's owner). */
export interface SummaryOverdueFigure {
  readonly seq: string;
  readonly aspect: string;
  readonly problem: string;
  readonly department: string;
  readonly deadline: LocalDate;
  readonly status: Status | null;
  readonly daysOverdue: number;
}

/** One unit's figures. */
export interface SummaryUnitFigures {
  /** 单位: 基本信息's 单位名称, else the file name without extension. */
  readonly unit: string;
  /** The file the figures were read from. */
  readonly file: string;
  readonly asOf: LocalDate;
  /** 问题总数 (巡察反馈 only). */
  readonly total: number;
  readonly done: number;
  /** done ÷ total, unrounded (0 when total is 0). */
  readonly completionRate: number;
  readonly byStatus: Readonly<Record<Status, number>>;
  /** 超期: problems past a dated deadline and not done, on asOf. */
  readonly overdue: number;
  /** 自查 problems (counted apart from 问题总数). */
  readonly selfFound: { readonly total: number; readonly done: number };
  /** 整改措施 */
  readonly measures: number;
  /** 制度: distinct 《…》 titles in this ledger. */
  readonly rules: number;
  readonly errors: number;
  readonly warnings: number;
  readonly aspects: readonly SummaryAspectFigures[];
  readonly overdueItems: readonly SummaryOverdueFigure[];
}

/**
 * The key that matches a 方面 across units: enumerator, the words 方面/问题 at the end,
 * 关于/在 at the start and every space and punctuation mark removed (一、关于党的领导方面 and
 * （一）党的领导 are one 方面).
 */
export function aspectKey(name: string): string {
  let key = looseKey(stripEnumerator(name.normalize("NFKC").trim()))
    .replace(/[\p{P}\p{S}]+/gu, "")
    .replace(/^(关于|在)/u, "");
  // 方面存在的问题 → 方面 → "": strip until nothing more comes off.
  for (let before = ""; before !== key; ) {
    before = key;
    key = key.replace(/(存在的问题|的问题|问题|方面)$/u, "");
  }
  return key;
}

/** 单位 for a ledger: 基本信息's 单位名称, else the file name without folder and extension. */
export function unitNameOf(analysis: LedgerAnalysis, file: string): string {
  const name = analysis.info.unitName?.trim();
  if (name) return name;
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.xlsx$/iu, "");
}

/** The figures of one unit's ledger, as its own `check` computes them. */
export function unitFigures(analysis: LedgerAnalysis, file: string): SummaryUnitFigures {
  const s = analysis.stats;
  const fileName = file.split(/[\\/]/).pop() ?? file;
  return {
    unit: unitNameOf(analysis, file),
    file: fileName,
    asOf: s.asOf,
    total: s.total,
    done: s.done,
    completionRate: s.completionRate,
    byStatus: { ...s.byStatus },
    overdue: s.overdue.length,
    selfFound: { total: s.selfFound.total, done: s.selfFound.done },
    measures: s.measures,
    rules: s.rules.length,
    errors: analysis.findings.filter((f) => f.severity === "error").length,
    warnings: analysis.findings.filter((f) => f.severity === "warning").length,
    aspects: s.byAspect.map((a) => ({
      key: aspectKey(a.name),
      name: a.name,
      total: a.total,
      done: a.done,
      byStatus: { ...a.byStatus },
    })),
    overdueItems: s.overdue.map((o) => ({
      seq: o.seq,
      aspect: o.aspect,
      problem: o.problem,
      department: o.department,
      deadline: o.deadline,
      status: o.status,
      daysOverdue: o.daysOverdue,
    })),
  };
}

/** An input that could not be analysed at all (not an .xlsx, no ledger sheet). */
export interface UnusableUnit {
  readonly file: string;
  readonly message: string;
}

/** Sums over counted units; completionRate = done ÷ total of the sums. */
export interface SummaryTotals {
  readonly total: number;
  readonly done: number;
  readonly completionRate: number;
  readonly completionRateText: string;
  readonly byStatus: Readonly<Record<Status, number>>;
  /** Problems whose 完成情况 could not be read (total − Σ byStatus). */
  readonly unread: number;
  /** Largest-remainder shares of byStatus (and unreadShare), summing to exactly 100. */
  readonly statusShares: Readonly<Record<Status, number>>;
  readonly unreadShare: number;
  readonly overdue: number;
  readonly selfFound: { readonly total: number; readonly done: number };
  readonly measures: number;
  readonly rules: number;
}

export interface SummaryUnitRow {
  readonly figures: SummaryUnitFigures;
  /** False when the ledger has errors: listed, flagged and left out of every total. */
  readonly counted: boolean;
  readonly completionRateText: string;
}

export interface SummaryAspect {
  readonly key: string;
  /** The first spelling met (units in order). */
  readonly name: string;
  /** Counted units that have this 方面. */
  readonly units: number;
  readonly total: number;
  readonly done: number;
  readonly completionRate: number;
  readonly completionRateText: string;
  readonly byStatus: Readonly<Record<Status, number>>;
}

export interface SummaryOverdue extends SummaryOverdueFigure {
  readonly unit: string;
}

export interface Summary {
  readonly asOf: LocalDate;
  readonly precision: Precision;
  /** Every unit read, in input order, counted or not. */
  readonly units: readonly SummaryUnitRow[];
  /** Inputs that could not be read at all (also flagged, never counted). */
  readonly unusable: readonly UnusableUnit[];
  /** Units counted in the totals. */
  readonly countedUnits: number;
  readonly totals: SummaryTotals;
  readonly aspects: readonly SummaryAspect[];
  /** Overdue items of the counted units, most days overdue first. */
  readonly overdue: readonly SummaryOverdue[];
  /** 单位 names that more than one ledger carries (each still listed; worth a look). */
  readonly duplicateUnits: readonly string[];
}

export interface SummaryOptions {
  readonly asOf: LocalDate;
  readonly precision?: Precision;
}

function zeroStatuses(): Record<Status, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
}

function addStatuses(into: Record<Status, number>, from: Readonly<Record<Status, number>>): void {
  for (const s of STATUSES) into[s] += from[s] ?? 0;
}

const rate = (done: number, total: number) => (total > 0 ? done / total : 0);

export function summarise(
  units: readonly SummaryUnitFigures[],
  unusable: readonly UnusableUnit[],
  options: SummaryOptions,
): Summary {
  const precision = options.precision ?? 0;
  const rows: SummaryUnitRow[] = units.map((figures) => ({
    figures,
    counted: figures.errors === 0,
    completionRateText: formatPercent(figures.completionRate, precision),
  }));
  const counted = rows.filter((r) => r.counted).map((r) => r.figures);

  const byStatus = zeroStatuses();
  let total = 0;
  let done = 0;
  let overdue = 0;
  let measures = 0;
  let rules = 0;
  const selfFound = { total: 0, done: 0 };
  for (const u of counted) {
    total += u.total;
    done += u.done;
    overdue += u.overdue;
    measures += u.measures;
    rules += u.rules;
    selfFound.total += u.selfFound.total;
    selfFound.done += u.selfFound.done;
    addStatuses(byStatus, u.byStatus);
  }
  const unread = total - STATUSES.reduce((n, s) => n + byStatus[s], 0);
  const shares = largestRemainder([...STATUSES.map((s) => byStatus[s]), unread], precision);
  const completionRate = rate(done, total);

  const aspects = new Map<
    string,
    { name: string; units: number; total: number; done: number; byStatus: Record<Status, number> }
  >();
  for (const u of counted) {
    const seen = new Set<string>();
    for (const a of u.aspects) {
      let entry = aspects.get(a.key);
      if (!entry) {
        entry = {
          name: stripEnumerator(a.name) || a.name,
          units: 0,
          total: 0,
          done: 0,
          byStatus: zeroStatuses(),
        };
        aspects.set(a.key, entry);
      }
      if (!seen.has(a.key)) entry.units++;
      seen.add(a.key);
      entry.total += a.total;
      entry.done += a.done;
      addStatuses(entry.byStatus, a.byStatus);
    }
  }

  const overdueList: SummaryOverdue[] = counted
    .flatMap((u) => u.overdueItems.map((o) => ({ unit: u.unit, ...o })))
    .map((o, i) => ({ o, i }))
    .sort((a, b) => b.o.daysOverdue - a.o.daysOverdue || a.i - b.i)
    .map((x) => x.o);

  return {
    asOf: options.asOf,
    precision,
    units: rows,
    unusable: [...unusable],
    countedUnits: counted.length,
    totals: {
      total,
      done,
      completionRate,
      completionRateText: formatPercent(completionRate, precision),
      byStatus,
      unread,
      statusShares: Object.fromEntries(STATUSES.map((s, i) => [s, shares[i] ?? 0])) as Record<
        Status,
        number
      >,
      unreadShare: shares[STATUSES.length] ?? 0,
      overdue,
      selfFound,
      measures,
      rules,
    },
    aspects: [...aspects].map(([key, a]) => {
      const r = rate(a.done, a.total);
      return {
        key,
        name: a.name,
        units: a.units,
        total: a.total,
        done: a.done,
        completionRate: r,
        completionRateText: formatPercent(r, precision),
        byStatus: a.byStatus,
      };
    }),
    overdue: overdueList,
    duplicateUnits: [
      ...new Set(units.map((u) => u.unit).filter((name, i, all) => all.indexOf(name) !== i)),
    ],
  };
}
