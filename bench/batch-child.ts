/**
 * One cold batch run in a fresh process, as `zhenggai report <folder> --threads N` would do:
 * `node --import tsx bench/batch-child.ts <threads> <outDir> <inputs…>`; prints JSON timings.
 */
import { fileURLToPath } from "node:url";
import { generateBatch } from "../src/node/batch";
import type { BenchJobOptions, BenchJobResult } from "./batch-job";
import { BENCH_AS_OF } from "./data";

const [threadsArg, outDir, ...inputs] = process.argv.slice(2);
const options: BenchJobOptions = {
  outDir: outDir!,
  asOf: BENCH_AS_OF,
  templatesDir: fileURLToPath(new URL("../templates/", import.meta.url)),
};
const job = { module: new URL("./batch-job.ts", import.meta.url).href, name: "renderLedgerFile" };
const cpu0 = process.cpuUsage();
const r = await generateBatch<BenchJobOptions, BenchJobResult>(inputs, options, {
  threads: Number(threadsArg),
  job,
});
const cpu = process.cpuUsage(cpu0);
const failed = r.items.filter((i) => !i.ok);
const documents = r.items.reduce((n, i) => n + (i.ok ? i.value.files.length : 0), 0);
console.log(
  JSON.stringify({
    wallMs: r.wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    startupMs: r.startupMs,
    workers: r.workers,
    documents,
    failed: failed.map((f) => (f.ok ? "" : f.error)),
  }),
);
