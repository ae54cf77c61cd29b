/**
 * Case 5: 100 ledgers → 200 documents (报告 + 通报 each) on the worker pool, one thread versus
 * two, worker start-up included in the pool's wall time.
 */

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { REPORT_JOB } from "../../src/cli/commands/report";
import { generateLedgerGrid, gridToXlsx } from "../data";
import { fmtMs, fmtRatio, fmtSample, summarise } from "../harness";
import { machineParallelism } from "../machine-parallel";
import { isMissing, missingText, type Pieces, ROOT } from "../pieces";
import type { CaseResult } from "../report";

export const BATCH_LEDGERS = 100;
export const BATCH_ROWS = 50;
const TITLE = `Batch: ${BATCH_LEDGERS} ledgers → ${BATCH_LEDGERS * 2} documents on the worker pool`;
const GOAL = "≥ 1.6× speed-up with 2 threads on 2 cores";

interface ChildRun {
  readonly wallMs: number;
  /** CPU time of the whole process (all threads) during the batch. */
  readonly cpuMs: number;
  readonly startupMs: number;
  readonly workers: number;
  readonly documents: number;
  readonly failed: readonly string[];
}

export async function batchCase(pieces: Pieces): Promise<CaseResult> {
  const why = missingText(pieces.analyseWorkbook, pieces.documents, pieces.templates);
  if (why || isMissing(pieces.templates)) {
    return {
      id: 5,
      title: TITLE,
      goal: GOAL,
      verdict: "untested",
      headline: why ?? "",
      tables: [],
      notes: [],
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "zhenggai-bench-batch-"));
  try {
    const inputs: string[] = [];
    for (let i = 0; i < BATCH_LEDGERS; i++) {
      const path = join(dir, `台账${String(i + 1).padStart(3, "0")}.xlsx`);
      const grid = generateLedgerGrid(BATCH_ROWS + (i % 7) * 5, {
        seed: i + 1,
        unitName: `第${i + 1}单位`,
      });
      writeFileSync(path, await gridToXlsx(grid));
      inputs.push(path);
    }
    const outDir = mkdtempSync(join(dir, "out-"));
    const child = fileURLToPath(new URL("../batch-child.ts", import.meta.url));
    // Each run is a fresh process, cold like a real `zhenggai report` run: a warm main thread
    // against cold workers would flatter the single-thread side.
    const run = (threads: number): ChildRun => {
      const out = execFileSync(
        process.execPath,
        ["--import", "tsx", child, String(threads), outDir, ...inputs],
        {
          cwd: fileURLToPath(ROOT),
          encoding: "utf8",
          maxBuffer: 16 * 2 ** 20,
        },
      );
      const r = JSON.parse(out.trim().split("\n").pop()!) as ChildRun;
      if (r.failed.length)
        throw new Error(`批量生成有 ${r.failed.length} 个文件失败：${r.failed[0]}`);
      if (r.documents !== inputs.length * 2)
        throw new Error(`应生成 ${inputs.length * 2} 份文档，实际 ${r.documents} 份`);
      return r;
    };
    const one: number[] = [];
    const two: number[] = [];
    const startup: number[] = [];
    const cores1: number[] = [];
    const cores2: number[] = [];
    const cpu1: number[] = [];
    const cpu2: number[] = [];
    const loop1: number[] = [];
    const loop2: number[] = [];
    for (const order of [
      [1, 2],
      [2, 1],
    ]) {
      // The machine's own two-thread scaling, sampled next to the pool's runs.
      const loop = await machineParallelism();
      loop1.push(loop.oneMs);
      loop2.push(loop.twoMs);
      for (const threads of order) {
        const r = run(threads);
        (threads === 1 ? one : two).push(r.wallMs);
        (threads === 1 ? cores1 : cores2).push(r.cpuMs / r.wallMs);
        (threads === 1 ? cpu1 : cpu2).push(r.cpuMs);
        if (threads === 2) startup.push(r.startupMs);
      }
    }
    const s1 = summarise(one);
    const s2 = summarise(two);
    const st = summarise(startup);
    const speedUp = s1.median / s2.median;
    const docs = inputs.length * 2;
    // The most two cores can give the pool: its CPU time spread evenly over both, against the
    // single thread's wall time (which already uses more than one core: GC and JIT helpers).
    const ceiling = s1.median / (summarise(cpu2).median / 2);
    const loopSpeedUp = summarise(loop1).median / summarise(loop2).median;
    const perSec = (ms: number) => `${((docs / ms) * 1000).toFixed(1)} docs/s`;
    return {
      id: 5,
      title: TITLE,
      goal: GOAL,
      verdict: cpus().length < 2 ? "info" : speedUp >= 1.6 ? "met" : "missed",
      headline: `1 thread ${perSec(s1.median)}, 2 threads ${perSec(s2.median)} → ${fmtRatio(speedUp)}`,
      tables: [
        {
          headers: [
            "threads",
            "wall time for 200 documents (p25–p75)",
            "documents per second",
            "speed-up",
            "cores busy (CPU time ÷ wall)",
          ],
          rows: [
            [
              "1 (main thread only)",
              fmtSample(s1),
              perSec(s1.median),
              "1.00×",
              summarise(cores1).median.toFixed(2),
            ],
            [
              "2 (main thread + 1 worker, start-up included)",
              fmtSample(s2),
              perSec(s2.median),
              fmtRatio(speedUp),
              summarise(cores2).median.toFixed(2),
            ],
            [
              "  the machine itself: a pure integer loop (no allocation), 1 thread vs split over 2",
              `${fmtMs(summarise(loop1).median)} → ${fmtMs(summarise(loop2).median)}`,
              "",
              fmtRatio(loopSpeedUp),
              "",
            ],
            [
              "  worker ready after (tsx + modules; the main thread works meanwhile)",
              fmtSample(st),
              "",
              "",
              "",
            ],
          ],
        },
      ],
      notes: [
        `Each ledger has ${BATCH_ROWS}–${BATCH_ROWS + 30} problems (a real unit's size; seed 000 lists 48); both documents are written to disk.`,
        `The job (bench/batch-job.ts) calls \`zhenggai report\`'s own ${REPORT_JOB.name} twice per ledger (报告, then 通报), as the CLI's pool does per file.`,
        `CPU time (all threads): 1 thread ${fmtMs(summarise(cpu1).median)}, 2 threads ${fmtMs(summarise(cpu2).median)}. A single Node thread keeps more than one core busy (V8's concurrent GC and JIT), so the ceiling on ${cpus().length} cores is the single thread's wall time ÷ (the pool's CPU time ÷ 2) ≈ ${fmtRatio(ceiling)}. "Cores busy" well below the thread count means other processes had the cores.`,
        `The machine row (bench/machine-parallel.ts) is the most a second thread can give any Node program here at this moment: ${fmtRatio(loopSpeedUp)} for a loop that never allocates; vCPUs that share a physical core or a busy host push it below 2×.`,
        `Every run is a fresh process (cold JIT), timed from the call to generateBatch to the last file written. The worker is ready ${fmtMs(st.median)} after the start (it registers tsx and loads exceljs, docxtemplater and our modules); the main thread works meanwhile.`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
