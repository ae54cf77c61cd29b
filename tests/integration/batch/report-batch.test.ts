/**
 * The batch pool running the CLI's real per-file job (`generateFromFile` of `zhenggai report`):
 * one valid .docx per ledger with the right counts, a Chinese message for each bad file while
 * the others are written, and the same documents with one thread and with two.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import ExcelJS from "exceljs";
import PizZip from "pizzip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateLedgerGrid, gridToXlsx } from "../../../bench/data";
import {
  type GenerateOptions,
  type GenerateResult,
  packageRoot,
  REPORT_JOB,
} from "../../../src/cli/commands/report";
import type { WorkbookGrid } from "../../../src/core/grid";
import { type BatchResult, generateBatch } from "../../../src/node/batch";

const SIZES = [4, 9, 17, 30];
let dir: string;
let inputs: string[];
const expected = new Map<string, number>(); // file name → feedback problems

/** Non-empty paragraphs of the document body. */
function paragraphs(docx: Uint8Array): string[] {
  const xml = new PizZip(docx).file("word/document.xml")!.asText();
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [])
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .filter((t) => t.trim() !== "");
}

function feedbackProblems(grid: WorkbookGrid): number {
  const ledger = grid.sheets[0]!;
  const source = ledger.cells[1]!.findIndex((c) => c.t === "s" && c.v === "来源");
  return ledger.cells.slice(2).filter((r) => {
    const c = r[source];
    return c?.t === "s" && c.v === "巡察反馈";
  }).length;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zhenggai-report-batch-"));
  inputs = [];
  for (const [i, rows] of SIZES.entries()) {
    const grid = generateLedgerGrid(rows, { seed: 100 + i, unitName: `测试单位${i + 1}` });
    const path = join(dir, `台账${i + 1}.xlsx`);
    writeFileSync(path, await gridToXlsx(grid));
    expected.set(basename(path), feedbackProblems(grid));
    inputs.push(path);
  }
  const notXlsx = join(dir, "不是工作簿.xlsx");
  writeFileSync(notXlsx, "纯文本，不是 Excel");
  const noLedger = join(dir, "没有台账.xlsx");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("杂项").getCell("A1").value = "这里没有台账";
  writeFileSync(noLedger, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  inputs.splice(1, 0, notXlsx);
  inputs.push(noLedger);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const optionsFor = (out: string): GenerateOptions => ({
  template: join(packageRoot(), "templates", "报告.docx"),
  kind: "报告",
  out,
  asOf: "2024-01-05",
  precision: 0,
  force: false,
});

/** With two threads, both are workers: the real job must run inside worker threads. */
async function run(threads: number, out: string): Promise<BatchResult<GenerateResult>> {
  return generateBatch<GenerateOptions, GenerateResult>(inputs, optionsFor(join(dir, out)), {
    threads,
    mainThreadWorks: threads === 1,
    job: REPORT_JOB,
  });
}

describe("generateBatch with the zhenggai report job", () => {
  let two: BatchResult<GenerateResult>;
  beforeAll(async () => {
    two = await run(2, "out-2");
  }, 120_000);

  it("writes one valid .docx per ledger with the ledger's counts", () => {
    expect(two.workers).toBe(2);
    expect(two.items).toHaveLength(inputs.length);
    const written = two.items.filter((i) => i.ok && i.value.status === "written");
    expect(written).toHaveLength(SIZES.length);
    const outputs = new Set<string>();
    for (const item of written) {
      if (!item.ok) continue;
      const n = expected.get(basename(item.input))!;
      const output = item.value.output!;
      outputs.add(output);
      const text = paragraphs(new Uint8Array(readFileSync(output)));
      expect(text.join("\n")).toContain(`巡察反馈的${n}个具体问题`);
      // Problems are numbered 1. … n. in order, each once.
      const numbers = text
        .map((t) => /^(\d+)\./.exec(t)?.[1])
        .filter(Boolean)
        .map(Number);
      expect(numbers).toEqual(Array.from({ length: n }, (_, k) => k + 1));
      expect(text.filter((t) => t.startsWith("完成情况："))).toHaveLength(n);
    }
    // Each unit's report has its own file (the title names the unit).
    expect(outputs.size).toBe(SIZES.length);
  });

  it("reports each bad file in Chinese and still writes the others", () => {
    const bad = two.items.filter((i) => !(i.ok && i.value.status === "written"));
    expect(bad.map((i) => basename(i.input))).toEqual(["不是工作簿.xlsx", "没有台账.xlsx"]);
    const messages = bad.map((i) => (i.ok ? (i.value.message ?? "") : i.error));
    expect(messages[0]).toMatch(/不是工作簿\.xlsx.*不是 Excel 工作簿/);
    expect(messages[1]).toMatch(/没有台账\.xlsx.*没有找到整改台账工作表/);
    expect(bad.every((i) => i.ok && i.value.status === "unusable")).toBe(true);
  });

  it("gives the same documents with one thread as with two", async () => {
    const one = await run(1, "out-1");
    expect(one.workers).toBe(0);
    const summary = (r: BatchResult<GenerateResult>) =>
      r.items.map((i) =>
        i.ok
          ? {
              status: i.value.status,
              file: i.value.output ? basename(i.value.output) : undefined,
              text: i.value.output ? paragraphs(new Uint8Array(readFileSync(i.value.output))) : [],
              message: i.value.message,
            }
          : { error: i.error },
      );
    expect(summary(one)).toEqual(summary(two));
  }, 120_000);
});
