/**
 * The worker pool itself (src/node/batch.ts): every input gets exactly one result, in input
 * order; a bad file yields a Chinese error naming it while the others succeed; one and two
 * threads give the same results; two threads really use two workers.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateLedgerGrid, gridToXlsx } from "../../../bench/data";
import { type BatchItem, generateBatch, type JobRef } from "../../../src/node/batch";
import type { SheetCounts } from "./sheet-count-job";

const JOB: JobRef = {
  module: new URL("./sheet-count-job.ts", import.meta.url).href,
  name: "countSheets",
};
const SIZES = [3, 5, 8, 13, 21, 34];

let dir: string;
let inputs: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zhenggai-pool-"));
  inputs = [];
  for (const [i, rows] of SIZES.entries()) {
    const path = join(dir, `台账${i + 1}.xlsx`);
    writeFileSync(path, await gridToXlsx(generateLedgerGrid(rows, { seed: i + 1 })));
    inputs.push(path);
  }
  // A text file named .xlsx, in the middle of the batch.
  const bad = join(dir, "坏文件.xlsx");
  writeFileSync(bad, "这不是工作簿");
  inputs.splice(3, 0, bad);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Item = BatchItem<SheetCounts & { marker: string }>;
const ledgerRows = (item: Item) =>
  item.ok ? item.value.sheets.find((s) => s.name === "整改台账")?.rows : undefined;

describe("generateBatch worker pool", () => {
  it("gives one result per input, in order, and a Chinese error for the bad file only", async () => {
    const run = await generateBatch<{ marker: string }, SheetCounts & { marker: string }>(
      inputs,
      { marker: "m1" },
      { threads: 2, job: JOB, mainThreadWorks: false },
    );
    expect(run.threads).toBe(2);
    expect(run.workers).toBe(2);
    expect(run.items.map((i) => i.input)).toEqual(inputs);
    const bad = run.items[3]!;
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error).toContain("坏文件.xlsx");
      expect(bad.error).toMatch(/不是 Excel 工作簿/);
    }
    const good = run.items.filter((i) => i !== bad);
    expect(good.every((i) => i.ok)).toBe(true);
    // Title row + header row + one row per problem.
    expect(good.map(ledgerRows)).toEqual(SIZES.map((n) => n + 2));
    expect(good.every((i) => i.ok && i.value.marker === "m1")).toBe(true);
    // Work really ran on two worker threads (thread 0 is the main thread).
    const threadIds = new Set(good.map((i) => (i.ok ? i.value.threadId : -1)));
    expect(threadIds.has(0)).toBe(false);
    expect(threadIds.size).toBe(2);
    expect(run.startupMs).toBeGreaterThan(0);
  });

  it("gives the same results with one thread as with two (main thread + one worker)", async () => {
    const strip = (items: readonly Item[]) =>
      items.map((i) =>
        i.ok ? { ok: true, sheets: i.value.sheets } : { ok: false, error: i.error },
      );
    const one = await generateBatch<{ marker: string }, SheetCounts & { marker: string }>(
      inputs,
      { marker: "x" },
      { threads: 1, job: JOB },
    );
    const two = await generateBatch<{ marker: string }, SheetCounts & { marker: string }>(
      inputs,
      { marker: "x" },
      { threads: 2, job: JOB },
    );
    expect(one.threads).toBe(1);
    expect(one.workers).toBe(0);
    expect(two.workers).toBe(1);
    expect(strip(one.items)).toEqual(strip(two.items));
    expect(one.items.every((i) => !i.ok || i.value.threadId === 0)).toBe(true);
  });

  it("fails only the file whose worker died, and finishes the rest on a new worker", async () => {
    const crashOn = basename(inputs[1]!);
    const run = await generateBatch<
      { marker: string; crashOn: string },
      SheetCounts & { marker: string }
    >(inputs, { marker: "c", crashOn }, { threads: 2, mainThreadWorks: false, job: JOB });
    expect(run.items).toHaveLength(inputs.length);
    const crashed = run.items[1]!;
    expect(crashed.ok).toBe(false);
    if (!crashed.ok) expect(crashed.error).toMatch(new RegExp(`${crashOn}.*处理线程意外退出`));
    const others = run.items.filter((_, i) => i !== 1 && i !== 3);
    expect(others.every((i) => i.ok)).toBe(true);
    expect(others.map(ledgerRows)).toEqual(SIZES.filter((_, i) => i !== 1).map((n) => n + 2));
  });

  for (const mainThreadWorks of [true, false]) {
    it(`fails every input with a Chinese message when the job cannot be loaded (main thread works: ${mainThreadWorks})`, async () => {
      const run = await generateBatch(
        inputs.slice(0, 3),
        {},
        {
          threads: 2,
          mainThreadWorks,
          job: { module: JOB.module, name: "noSuchExport" },
        },
      );
      expect(run.items).toHaveLength(3);
      for (const item of run.items) {
        expect(item.ok).toBe(false);
        if (!item.ok) expect(item.error).toMatch(/没有导出 noSuchExport/);
      }
    });
  }
});
