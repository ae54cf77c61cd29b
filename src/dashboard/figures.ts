/**
 * What the dashboard shows, computed from the submissions API's answers (pure, tested apart from
 * the page): one row per unit, sorting and filtering, and completion over time across units.
 * A unit whose latest ledger has errors is listed and flagged but never counted in totals, as in
 * `zhenggai summary`.
 */
import { formatChineseDate, todayLocal } from "../core/dates";
import type { LocalDate } from "../core/model";
import type { Submission, UnitOverview } from "../submissions/types";

export interface UnitRow {
  readonly id: number;
  readonly name: string;
  /** Undefined when the unit has not submitted yet. */
  readonly latest?: Submission;
  readonly submissions: number;
  readonly total: number;
  readonly done: number;
  /** done ÷ total of the latest submission; undefined without one. */
  readonly rate: number | undefined;
  readonly overdue: number;
  readonly errors: number;
  /** The latest submission's local day (YYYY-MM-DD). */
  readonly lastDay: LocalDate | undefined;
}

export type SortKey = "name" | "rate" | "overdue" | "last";
export interface View {
  readonly sort: SortKey;
  readonly descending: boolean;
  readonly filter: string;
  readonly onlyOverdue: boolean;
  readonly onlyErrors: boolean;
}

export const DEFAULT_VIEW: View = {
  sort: "rate",
  descending: false,
  filter: "",
  onlyOverdue: false,
  onlyErrors: false,
};

/** The local day of an ISO time stamp (a submission at 07:30 Beijing time is that day). */
export const localDay = (iso: string): LocalDate => todayLocal(new Date(iso));

export function unitRows(units: readonly UnitOverview[]): UnitRow[] {
  return units.map(({ unit, latest, submissions }) => {
    const f = latest?.figures;
    return {
      id: unit.id,
      name: unit.name,
      ...(latest ? { latest } : {}),
      submissions,
      total: f?.total ?? 0,
      done: f?.done ?? 0,
      rate: f ? f.completionRate : undefined,
      overdue: f?.overdue ?? 0,
      errors: f?.errors ?? 0,
      lastDay: latest ? localDay(latest.submittedAt) : undefined,
    };
  });
}

const collator = new Intl.Collator("zh-CN");

/** Filtered and sorted rows; units without a submission always sort last. */
export function applyView(rows: readonly UnitRow[], view: View): UnitRow[] {
  const needle = view.filter.trim();
  const kept = rows.filter(
    (r) =>
      (needle === "" || r.name.includes(needle)) &&
      (!view.onlyOverdue || r.overdue > 0) &&
      (!view.onlyErrors || r.errors > 0),
  );
  const value = (r: UnitRow): number | string | undefined =>
    view.sort === "name"
      ? r.name
      : view.sort === "rate"
        ? r.rate
        : view.sort === "overdue"
          ? r.latest
            ? r.overdue
            : undefined
          : r.latest?.submittedAt;
  return kept.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === undefined || y === undefined) {
      if (x === y) return collator.compare(a.name, b.name);
      return x === undefined ? 1 : -1;
    }
    const c =
      typeof x === "string" && typeof y === "string"
        ? collator.compare(x, y)
        : (x as number) - (y as number);
    return (view.descending ? -c : c) || collator.compare(a.name, b.name);
  });
}

export interface Totals {
  readonly units: number;
  readonly submitted: number;
  /** Units whose latest ledger has errors: listed, not counted. */
  readonly flagged: number;
  readonly total: number;
  readonly done: number;
  /** From the sums, never an average of rates. */
  readonly rate: number;
  readonly overdue: number;
}

export function totals(rows: readonly UnitRow[]): Totals {
  const counted = rows.filter((r) => r.latest && r.errors === 0);
  const total = counted.reduce((s, r) => s + r.total, 0);
  const done = counted.reduce((s, r) => s + r.done, 0);
  return {
    units: rows.length,
    submitted: rows.filter((r) => r.latest).length,
    flagged: rows.filter((r) => r.latest && r.errors > 0).length,
    total,
    done,
    rate: total ? done / total : 0,
    overdue: counted.reduce((s, r) => s + r.overdue, 0),
  };
}

export interface TimePoint {
  readonly day: LocalDate;
  readonly units: number;
  readonly total: number;
  readonly done: number;
  readonly rate: number;
}

/**
 * Completion across units on each day someone submitted: every unit's newest submission up to
 * that day (errors excluded), summed. Input in any order.
 */
export function completionOverTime(submissions: readonly Submission[]): TimePoint[] {
  const sorted = [...submissions].sort(
    (a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id - b.id,
  );
  const latest = new Map<number, Submission>();
  const points: TimePoint[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i]!;
    latest.set(s.unitId, s);
    const day = localDay(s.submittedAt);
    const next = sorted[i + 1];
    if (next && localDay(next.submittedAt) === day) continue;
    const counted = [...latest.values()].filter((x) => x.figures.errors === 0);
    const total = counted.reduce((n, x) => n + x.figures.total, 0);
    const done = counted.reduce((n, x) => n + x.figures.done, 0);
    points.push({ day, units: counted.length, total, done, rate: total ? done / total : 0 });
  }
  return points;
}

/** 96.18% style, as the office's notices print it. */
export const percent = (rate: number | undefined, decimals = 2): string =>
  rate === undefined ? "—" : `${(rate * 100).toFixed(decimals)}%`;

export const chineseDay = (day: LocalDate | undefined): string =>
  day ? formatChineseDate(day) : "未报送";
