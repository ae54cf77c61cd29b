/**
 * A small benchmark harness: warm-up, then N interleaved rounds of every compared variant, and
 * medians with the inter-quartile spread. Interleaving (A B C, B C A, …) makes drift in the
 * machine (GC, thermal, other processes) hit every variant alike, so the ratios stay honest.
 */
import { performance } from "node:perf_hooks";

export interface Sample {
  /** Milliseconds. */
  readonly median: number;
  readonly p25: number;
  readonly p75: number;
  readonly min: number;
  readonly runs: number;
}

export type Variant = () => unknown | Promise<unknown>;

export interface MeasureOptions {
  /** Untimed runs of each variant first (JIT, caches). */
  readonly warmup?: number;
  /** Timed rounds; every round runs every variant once. */
  readonly rounds?: number;
  /** Stop adding rounds after this much wall time (at least `minRounds` are always run). */
  readonly budgetMs?: number;
  readonly minRounds?: number;
}

/** Quantile of sorted numbers by linear interpolation. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (pos - lo);
}

export function summarise(times: readonly number[]): Sample {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    min: sorted[0] ?? Number.NaN,
    runs: sorted.length,
  };
}

/** Runs the variants interleaved and returns one Sample per variant name. */
export async function measure<K extends string>(
  variants: Record<K, Variant>,
  options: MeasureOptions = {},
): Promise<Record<K, Sample>> {
  const names = Object.keys(variants) as K[];
  const warmup = options.warmup ?? 2;
  const rounds = options.rounds ?? 15;
  const minRounds = Math.min(options.minRounds ?? 5, rounds);
  const budget = options.budgetMs ?? Number.POSITIVE_INFINITY;

  for (let i = 0; i < warmup; i++) for (const name of names) await variants[name]();

  const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    if (round >= minRounds && performance.now() - started > budget) break;
    // Rotate the order every round so no variant always runs right after the same one.
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!;
      const t0 = performance.now();
      await variants[name]();
      times[name].push(performance.now() - t0);
    }
  }
  return Object.fromEntries(names.map((n) => [n, summarise(times[n])])) as Record<K, Sample>;
}

/** Times one run of an async function (for things too slow or too stateful to repeat). */
export async function timeOnce<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function fmtSample(s: Sample): string {
  return `${fmtMs(s.median)} (${fmtMs(s.p25)}–${fmtMs(s.p75)}, n=${s.runs})`;
}

export function fmtRatio(r: number): string {
  return Number.isFinite(r) ? `${r.toFixed(2)}×` : "—";
}
