/**
 * `zhenggai import` end to end: seeds as .txt (UTF-8 and GB18030, a file and pasted on stdin)
 * and as .docx, the workbook read back with exceljs (the layout of `init`, merged 方面 cells,
 * 基本信息), `zhenggai check` on it, refusals, and the round trip: a ledger rendered by our own
 * templates imports back to the same problems, statuses and counts.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../../src/core";
import { paragraphsFromText } from "../../../src/core/import";
import { FIELD_LABEL, INFO_KEYS, LEDGER_FIELDS, STATUSES } from "../../../src/core/model";
import type { DocumentKind } from "../../../src/documents/api";
import { renderDocument } from "../../../src/documents/render";
import { printedMeasures } from "../../../src/documents/view/prose";
import { readWorkbookFile } from "../../../src/node/read-workbook";
import { TEMPLATES_DIR } from "../../../templates/src/build";
import { typedDocx } from "../../support/docx-fixture";
import { repoRoot, runCli } from "./run-cli";

let dir: string;
const seed = (name: string) => readFile(join(repoRoot, "examples/seeds", name), "utf8");

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "zhenggai-import-"));
});

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  return wb;
}

type Validation = ExcelJS.DataValidation & { type: string };
const validationAt = (ws: ExcelJS.Worksheet, address: string): Validation | undefined =>
  (ws as unknown as { dataValidations: { model: Record<string, Validation> } }).dataValidations
    .model[address];

describe("zhenggai import seed 000 (.docx with typed numbers)", () => {
  let out: string;
  let stdout: string;
  beforeAll(async () => {
    const input = join(dir, "清丰报告.docx");
    const lines = paragraphsFromText(await seed("000_c7b0a0624ccb5840.txt")).map((p) => p.text);
    await writeFile(input, typedDocx(lines));
    out = join(dir, "清丰台账.xlsx");
    const r = await runCli(["import", input, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    stdout = r.stdout;
  });

  it("says what it read and what is left to fill", () => {
    expect(stdout).toContain("问题 48 个，4 个方面（三级：方面/类别/问题）");
    expect(stdout).toContain("已完成并长期坚持 3，已完成 45");
    expect(stdout).toContain(
      "整改台账空白：整改措施 48 处，责任领导 48 处，责任部门 48 处，责任人 48 处，整改时限 48 处",
    );
    expect(stdout).toMatch(/基本信息声明反馈问题74个，台账实际列出48个/);
  });

  it("writes the layout of init: every column, drop-downs, title row, merged 方面 and 类别", async () => {
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["整改台账", "基本信息", "报告正文"]);
    const ws = wb.getWorksheet("整改台账")!;
    expect(String(ws.getCell(1, 1).value)).toBe(
      "整改台账（据《中共清丰县市政园林局党组关于落实县委第一巡察组反馈意见整改情况的报告》导入）",
    );
    expect(LEDGER_FIELDS.map((_, i) => ws.getCell(2, i + 1).value)).toEqual(
      LEDGER_FIELDS.map((f) => FIELD_LABEL[f]),
    );
    const col = (f: (typeof LEDGER_FIELDS)[number]) =>
      ws.getColumn(LEDGER_FIELDS.indexOf(f) + 1).letter;
    expect(validationAt(ws, `${col("status")}3`)?.formulae).toEqual([`"${STATUSES.join(",")}"`]);
    expect(validationAt(ws, `${col("status")}150`)?.type).toBe("list"); // prepared rows after the data
    expect(ws.getCell(`${col("status")}3`).value).toBe("已完成并长期坚持");
    // 方面 merged over its 15 problems, 类别 over its 3.
    const aspect = ws.getCell(`${col("aspect")}3`);
    expect(ws.getCell(`${col("aspect")}17`).isMerged).toBe(true);
    expect(ws.getCell(`${col("aspect")}17`).master.address).toBe(aspect.address);
    expect(ws.getCell(`${col("aspect")}18`).master.address).not.toBe(aspect.address);
    expect(ws.getCell(`${col("category")}5`).master.address).toBe(`${col("category")}3`);
    const info = wb.getWorksheet("基本信息")!;
    const keys = Object.values(INFO_KEYS);
    expect(keys.map((_, i) => info.getCell(i + 2, 1).value)).toEqual(keys);
    const value = (key: string) => info.getCell(keys.indexOf(key as never) + 2, 2).value;
    expect(value("巡察组")).toBe("县委第一巡察组");
    expect(value("反馈问题数")).toBe(74);
    expect(value("反馈日期")).toEqual(new Date(Date.UTC(2023, 9, 23)));
    expect(value("成文日期")).toBeNull();
    expect(String(info.getCell(keys.indexOf("巡察组") + 2, 3).value)).toMatch(/^据原文：/);
    const narrative = wb.getWorksheet("报告正文")!;
    expect(narrative.getCell(2, 1).value).toBe("主要做法");
    expect(narrative.getCell(2, 2).value).toBe("加强组织领导");
  });

  it("zhenggai check: 48 problems, 4 aspects, and the declared-74 mismatch error", async () => {
    const r = await runCli(["check", out, "--json", "--as-of", "2024-03-01"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.stats).toMatchObject({ total: 48, aspectCount: 4, declaredProblems: 74 });
    expect(json.findings.some((f: { code: string }) => f.code === "info.declared.problems")).toBe(
      true,
    );
  });
});

describe("zhenggai import seed 001 (.txt in GB18030) and seed 002 (pasted on stdin)", () => {
  it("seed 001: 25 problems, 18 已完成 and 7 长期整改, 12 aspects", async () => {
    const input = join(dir, "邵阳通报.txt");
    const text = await seed("001_f84cbc671bac7b6c.txt");
    await writeFile(input, new Uint8Array(gb18030(text)));
    const out = join(dir, "邵阳.xlsx");
    const r = await runCli(["import", input, "-o", out]);
    expect(r.code).toBe(0);
    const json = JSON.parse(
      (await runCli(["check", out, "--json", "--as-of", "2024-03-01"])).stdout,
    );
    expect(json.stats).toMatchObject({ total: 25, aspectCount: 12, declaredProblems: 25 });
    expect(json.stats.byStatus).toMatchObject({ 已完成: 18, 长期整改: 7 });
  });

  it("seed 002 from stdin: 12 problems", async () => {
    const out = join(dir, "龙亭.xlsx");
    const text = await seed("002_6864e2fd695aa2e9.txt");
    const r = await new Promise<{ code: number; stdout: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ["bin/zhenggai.js", "import", "-", "--out", out],
        { cwd: repoRoot, encoding: "utf8" },
        (error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }),
      );
      child.stdin!.end(text);
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已从“粘贴的文字”导入");
    const analysis = analyseWorkbook(await readWorkbookFile(out), { asOf: "2024-03-01" });
    expect(analysis.stats.total).toBe(12);
    expect(analysis.ledger?.rows.every((row) => row.status === null)).toBe(true);
  });
});

describe("refusals", () => {
  it("exit 2: existing output without --force, a broken PDF, a missing file, a document without problems", async () => {
    const input = join(dir, "x.txt");
    await writeFile(input, await seed("002_6864e2fd695aa2e9.txt"));
    const out = join(dir, "x.xlsx");
    expect((await runCli(["import", input, "--out", out])).code).toBe(0);
    const again = await runCli(["import", input, "--out", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("已存在，未覆盖");
    expect((await runCli(["import", input, "--out", out, "--force"])).code).toBe(0);
    const pdf = join(dir, "反馈.pdf");
    await writeFile(pdf, "%PDF-1.7");
    const r = await runCli(["import", pdf, "--out", join(dir, "p.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("无法作为 PDF 读取"); // PDFs themselves: import-pdf.test.ts
    expect((await runCli(["import", join(dir, "无.docx")])).stderr).toContain("找不到文件");
    const none = join(dir, "空.txt");
    await writeFile(none, "这是一段没有编号的文字。\n另一段文字。\n");
    const n = await runCli(["import", none, "--out", join(dir, "n.xlsx")]);
    expect(n.code).toBe(2);
    expect(n.stderr).toContain("没有识别出任何问题");
    const fake = join(dir, "假.docx");
    await writeFile(fake, "不是压缩包");
    expect((await runCli(["import", fake])).stderr).toContain("不是 Word 文档");
  });
});

describe("round trip: our templates' documents import back to the same ledger", () => {
  const JOBS: { ledger: string; kind: DocumentKind }[] = [
    { ledger: "examples/清丰县市政园林局-整改台账.xlsx", kind: "报告" },
    { ledger: "examples/邵阳市园林绿化中心-整改台账.xlsx", kind: "通报" },
  ];
  it.each(JOBS)("$kind from $ledger", async ({ ledger, kind }) => {
    const original = analyseWorkbook(await readWorkbookFile(join(repoRoot, ledger)), {
      asOf: "2024-03-01",
    });
    const template = await readFile(join(TEMPLATES_DIR, `${kind}.docx`));
    const rendered = renderDocument({ template, kind, analysis: original, force: true });
    if (!rendered.ok) throw new Error(rendered.findings.map((f) => f.message).join("；"));
    const docx = join(dir, `${kind}.docx`);
    await writeFile(docx, rendered.docx);
    const out = join(dir, `${kind}-台账.xlsx`);
    const r = await runCli(["import", docx, "--out", out]);
    expect(r.code).toBe(0);
    const back = analyseWorkbook(await readWorkbookFile(out), { asOf: "2024-03-01" });
    const rows = (a: typeof original) =>
      a.ledger!.rows.map((x) => ({
        aspect: x.aspect,
        category: x.category,
        problem: x.problem,
        status: x.status,
        result: x.result,
        // The report leaves out a 整改措施 that its 整改成效 begins with (documents.md 2a).
        measures: kind === "报告" ? printedMeasures(x.measures, x.result) : "",
      }));
    expect(rows(back)).toEqual(rows(original));
    expect(back.stats.total).toBe(original.stats.total);
    expect(back.stats.byStatus).toEqual(original.stats.byStatus);
    expect(back.stats.aspectCount).toBe(original.stats.aspectCount);
    expect(back.ledger!.levels).toBe(original.ledger!.levels);
    expect(back.stats.declared.mismatch).toBe(false);
    // Every 基本信息 value the document prints comes back (the declared counts are the
    // document's own: it prints the counts of the rows).
    const printed = (Object.keys(original.info) as (keyof typeof original.info)[]).filter(
      (k) =>
        !["declaredAspects", "declaredProblems", "suggestionCount", "unitName"].includes(k) &&
        !(kind === "通报" && k === "issuerMark"), // the notice has no 版头
    );
    expect(printed.length).toBeGreaterThan(8);
    const expected = Object.fromEntries(printed.map((k) => [k, original.info[k]]));
    const got = Object.fromEntries(printed.map((k) => [k, back.info[k]]));
    expect(got).toEqual(expected);
    expect(back.narrative.practices.map((p) => p.heading)).toEqual(
      original.narrative.practices.map((p) => p.heading),
    );
  });
});

/** GB18030 bytes of BMP text (for the .txt a Chinese Windows Notepad saves). */
function gb18030(text: string): number[] {
  // Build the reverse table from TextDecoder: decode every 2-byte GBK code once.
  const decoder = new TextDecoder("gb18030");
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return out;
}
