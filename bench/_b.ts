import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateBatch } from "../src/node/batch";
import { BENCH_AS_OF, generateLedgerGrid, gridToXlsx } from "./data";

const dir = mkdtempSync(join(tmpdir(), "zb-"));
const inputs: string[] = [];
for (let i = 0; i < 40; i++) {
  const p = join(dir, `t${i}.xlsx`);
  writeFileSync(p, await gridToXlsx(generateLedgerGrid(50, { seed: i })));
  inputs.push(p);
}
const options = { outDir: dir, asOf: BENCH_AS_OF, templatesDir: "/work/main/templates" };
const job = { module: new URL("./batch-job.ts", import.meta.url).href, name: "renderLedgerFile" };
for (const threads of [1, 2, 1, 2]) {
  const r = await generateBatch(inputs, options, { threads, job });
  const ms = r.items.map((i) => Math.round(i.ms));
  console.log(
    threads,
    Math.round(r.wallMs),
    Math.round(r.startupMs),
    ms.slice(0, 6).join(","),
    "...",
    ms.slice(-6).join(","),
  );
}
