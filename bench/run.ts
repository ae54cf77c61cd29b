/**
 * `npm run bench`: every benchmark case, one after the other in one process, then
 * docs/BENCHMARKS.md. A case whose pieces are missing prints "未测（…缺失）" instead of failing;
 * a case that throws is reported as untested with its error, and the run goes on.
 */
import { writeFile } from "node:fs/promises";
import os from "node:os";
import { ANALYSIS } from "./analysis";
import { anchorsCase } from "./cases/anchors";
import { batchCase } from "./cases/batch";
import { cliStartupCase } from "./cases/cli-startup";
import { e2eCase, overheadCase } from "./cases/e2e";
import { libraryStorageCase } from "./cases/library-storage";
import { scalingCase } from "./cases/scaling";
import { summaryCase } from "./cases/summary";
import { taskpaneCase } from "./cases/taskpane";
import { loadPieces, type Pieces } from "./pieces";
import {
  benchmarksMarkdown,
  type CaseResult,
  consoleText,
  machineInfo,
  markdownTable,
  summaryTable,
} from "./report";

const CASES: [number, string, (p: Pieces) => Promise<CaseResult>][] = [
  [1, "Scaling", scalingCase],
  [2, "One click, end to end", e2eCase],
  [3, "Our overhead", overheadCase],
  [4, "Anchors", anchorsCase],
  [5, "Batch", batchCase],
  [6, "Task pane", taskpaneCase],
  [7, "Library storage", libraryStorageCase],
  [8, "CLI start-up", cliStartupCase],
  [9, "Summary", summaryCase],
];

const only = process.argv.slice(2).map(Number).filter(Number.isFinite);
const started = performance.now();
const loadAtStart = os.loadavg()[0]!;
const machine = machineInfo();
console.log(
  `zhenggai bench — ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load ${os.loadavg()[0]!.toFixed(2)}\n`,
);
const pieces = await loadPieces();
const results: CaseResult[] = [];
for (const [id, title, run] of CASES) {
  if (only.length && !only.includes(id)) continue;
  const t0 = performance.now();
  let result: CaseResult;
  try {
    result = await run(pieces);
  } catch (error) {
    const message = (error as Error).message.split("\n")[0];
    result = {
      id,
      title,
      goal: "",
      verdict: "untested",
      headline: `未测（出错：${message}）`,
      tables: [],
      notes: [],
    };
  }
  results.push(result);
  console.log(consoleText(result));
  console.log(`(case ${id}: ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
}
console.log(markdownTable(summaryTable(results)));

const wallSeconds = (performance.now() - started) / 1000;
if (only.length === 0) {
  const md = benchmarksMarkdown(
    results,
    { date: new Date(), machine, wallSeconds, load: [loadAtStart, os.loadavg()[0]!] },
    ANALYSIS,
  );
  await writeFile(new URL("../docs/BENCHMARKS.md", import.meta.url), md);
  console.log(`\nwrote docs/BENCHMARKS.md (${wallSeconds.toFixed(0)} s)`);
} else {
  console.log(`\n(only cases ${only.join(", ")}: docs/BENCHMARKS.md not rewritten)`);
}
