/**
 * Profiling helper for the one-click path (case 2):
 * `node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile-e2e.ts [rows] [runs]`.
 */
import { readFileSync } from "node:fs";
import { analyseWorkbook } from "../src/core/index";
import { renderDocument } from "../src/documents/index";
import { workbookGridFromXlsx } from "../src/xlsx/grid";
import { BENCH_AS_OF, generateLedgerGrid, gridToXlsx } from "./data";

const rows = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 10);
const xlsx = await gridToXlsx(generateLedgerGrid(rows));
const template = new Uint8Array(readFileSync(new URL("../templates/通报.docx", import.meta.url)));
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const grid = await workbookGridFromXlsx(xlsx);
  const t1 = performance.now();
  const analysis = analyseWorkbook(grid, { asOf: BENCH_AS_OF, precision: 0 });
  const t2 = performance.now();
  const r = renderDocument({ template, kind: "通报", analysis, force: true });
  const t3 = performance.now();
  if (!r.ok) throw new Error(r.findings[0]?.message);
  console.log(
    `xlsx ${(t1 - t0).toFixed(0)}  analyse ${(t2 - t1).toFixed(0)}  render ${(t3 - t2).toFixed(0)}  total ${(t3 - t0).toFixed(0)} ms`,
  );
}
