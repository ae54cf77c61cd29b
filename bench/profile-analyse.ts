/** Profiling helper: `node --import tsx --cpu-prof bench/profile-analyse.ts [rows]`. */
import { analyseWorkbook } from "../src/core/index";
import { BENCH_AS_OF, generateLedgerGrid } from "./data";

const rows = Number(process.argv[2] ?? 50_000);
const grid = generateLedgerGrid(rows);
const t0 = performance.now();
const a = analyseWorkbook(grid, { asOf: BENCH_AS_OF, precision: 0 });
console.log(
  `${rows} rows: ${(performance.now() - t0).toFixed(0)} ms, ${a.findings.length} findings`,
);
