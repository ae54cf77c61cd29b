// One cold `zhenggai report <folder> --threads N` in a fresh process, as a clerk runs it: the
// bundled CLI (bin/zhenggai.js's own build), its worker pool and all. Writes its timings to a
// JSON file when the process exits (CPU time covers every thread of the process).
//
//   node bench/batch-cli-child.mjs <threads> <template.docx> <inputDir> <outDir> <result.json>
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ensureBundle } from "../bin/bundle.js";

const [threads, template, inputDir, outDir, resultFile] = process.argv.slice(2);
const main = pathToFileURL(join(await ensureBundle(), "main.js")).href;
process.argv = [
  process.argv[0],
  "zhenggai",
  "report",
  inputDir,
  "--template",
  template,
  "--out",
  outDir,
  "--as-of",
  "2024-01-05",
  "--threads",
  threads,
];
const t0 = performance.now();
const cpu0 = process.cpuUsage();
process.on("exit", (code) => {
  const cpu = process.cpuUsage(cpu0);
  writeFileSync(
    resultFile,
    JSON.stringify({
      code,
      wallMs: performance.now() - t0,
      cpuMs: (cpu.user + cpu.system) / 1000,
    }),
  );
});
await import(main);
