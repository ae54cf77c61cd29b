/**
 * Profiling helper for case 1: `node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof
 * bench/profile-analyse.ts [rows] [runs]` (the runs after the first are the warm ones).
 */
import { analyseWorkbook } from "../src/core/index";
import { BENCH_AS_OF, generateLedgerGrid } from "./data";

const rows = Number(process.argv[2] ?? 50_000);
const runs = Number(process.argv[3] ?? 3);
const grid = generateLedgerGrid(rows);
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const a = analyseWorkbook(grid, { asOf: BENCH_AS_OF, precision: 0 });
  console.log(
    `${rows} rows: ${(performance.now() - t0).toFixed(0)} ms, ${a.findings.length} findings`,
  );
}
