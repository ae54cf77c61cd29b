/** Case 1: validation + statistics (analyseWorkbook) as the ledger grows. */
import { BENCH_AS_OF, generateLedgerGrid } from "../data";
import { fmtMs, fmtRatio, fmtSample, measure, type Sample } from "../harness";
import { isMissing, missingText, type Pieces } from "../pieces";
import type { CaseResult } from "../report";

export const SCALING_SIZES = [100, 1_000, 10_000, 50_000] as const;
const TITLE = "Scaling: validation + statistics (analyseWorkbook)";
const GOAL = "10,000 → 50,000 rows within 5.5× time (linear would be 5×)";

export async function scalingCase(pieces: Pieces): Promise<CaseResult> {
  const missing = missingText(pieces.analyseWorkbook);
  if (missing || isMissing(pieces.analyseWorkbook)) {
    return {
      id: 1,
      title: TITLE,
      goal: GOAL,
      verdict: "untested",
      headline: missing ?? "",
      tables: [],
      notes: [],
    };
  }
  const analyse = pieces.analyseWorkbook;
  const samples: Sample[] = [];
  const findings: number[] = [];
  for (const rows of SCALING_SIZES) {
    const grid = generateLedgerGrid(rows);
    const options = { asOf: BENCH_AS_OF, precision: 0 as const };
    findings.push(analyse(grid, options).findings.length);
    const big = rows >= 10_000;
    const r = await measure(
      { analyse: () => analyse(grid, options) },
      { warmup: big ? 2 : 5, rounds: big ? 9 : 31, minRounds: 7, budgetMs: big ? 8_000 : 3_000 },
    );
    samples.push(r.analyse);
  }
  const rows = SCALING_SIZES.map((n, i) => {
    const s = samples[i]!;
    const prev = samples[i - 1];
    return [
      n.toLocaleString("en-US"),
      fmtSample(s),
      `${((s.median * 1000) / n).toFixed(2)} µs`,
      prev ? fmtRatio(s.median / prev.median) : "—",
      String(findings[i]),
    ];
  });
  const last = samples[3]!.median / samples[2]!.median;
  return {
    id: 1,
    title: TITLE,
    goal: GOAL,
    verdict: last <= 5.5 ? "met" : "missed",
    headline: `10k: ${fmtMs(samples[2]!.median)}, 50k: ${fmtMs(samples[3]!.median)} → ${fmtRatio(last)}`,
    tables: [
      {
        headers: ["rows", "median (p25–p75)", "per row", "× previous size", "findings"],
        rows,
      },
    ],
    notes: [
      "Steps are 10×, 10×, then 5× rows; a linear algorithm shows ≈10×, ≈10×, ≈5×.",
      "The grid is built once per size (not timed); each run analyses it from scratch.",
    ],
  };
}
