/**
 * `zhenggai init` end to end: the blank workbook read back with exceljs, `check` on it, the
 * refusal to overwrite, and byte-for-byte reproducible output.
 */
import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { FIELD_LABEL, INFO_KEYS, LEDGER_FIELDS, STATUSES } from "../../../src/core/model";
import { runCli } from "./run-cli";

let dir: string;
let out: string;
let wb: ExcelJS.Workbook;

type Validation = ExcelJS.DataValidation & { type: string };
const validationAt = (ws: ExcelJS.Worksheet, address: string): Validation | undefined =>
  (ws as unknown as { dataValidations: { model: Record<string, Validation> } }).dataValidations
    .model[address];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "zhenggai-init-"));
  out = join(dir, "台账.xlsx");
  const r = await runCli(["init", out]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("已生成空白台账");
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
});

describe("the blank ledger", () => {
  it("has the three sheets", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["整改台账", "基本信息", "报告正文"]);
  });

  it("整改台账: styled header of every field, widths, frozen header row", () => {
    const ws = wb.getWorksheet("整改台账")!;
    const header = LEDGER_FIELDS.map((_, i) => ws.getCell(1, i + 1).value);
    expect(header).toEqual(LEDGER_FIELDS.map((f) => FIELD_LABEL[f]));
    const h = ws.getCell(1, 1);
    expect(h.font?.bold).toBe(true);
    expect(h.fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(h.border?.bottom?.style).toBe("thin");
    expect(h.alignment?.wrapText).toBe(true);
    const width = (f: (typeof LEDGER_FIELDS)[number]) =>
      ws.getColumn(LEDGER_FIELDS.indexOf(f) + 1).width;
    expect([width("seq"), width("problem"), width("status")]).toEqual([6, 40, 14]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  it("整改台账: drop-downs, date checks and prompts on 200 prepared rows", () => {
    const ws = wb.getWorksheet("整改台账")!;
    const col = (f: (typeof LEDGER_FIELDS)[number]) =>
      ws.getColumn(LEDGER_FIELDS.indexOf(f) + 1).letter;
    const status = validationAt(ws, `${col("status")}2`)!;
    expect(status.type).toBe("list");
    expect(status.formulae).toEqual([`"${STATUSES.join(",")}"`]);
    expect(status.promptTitle).toBe("完成情况");
    expect(validationAt(ws, `${col("status")}201`)?.type).toBe("list");
    expect(validationAt(ws, `${col("status")}202`)).toBeUndefined();
    expect(validationAt(ws, `${col("type")}2`)?.formulae).toEqual(['"立行立改,限期整改,长期整改"']);
    expect(validationAt(ws, `${col("source")}2`)?.formulae).toEqual(['"巡察反馈,自查"']);
    expect(validationAt(ws, `${col("isPublic")}2`)?.formulae).toEqual(['"是,否"']);
    const done = validationAt(ws, `${col("doneDate")}100`)!;
    expect(done.type).toBe("date");
    expect(done.operator).toBe("between");
    // 整改时限 takes a date or 立行立改/长期坚持/长期: a prompt, not a date rule.
    const deadline = validationAt(ws, `${col("deadline")}2`)!;
    expect(deadline.type).toBe("any");
    expect(deadline.prompt).toContain("立行立改");
    for (const f of LEDGER_FIELDS) {
      expect([f, validationAt(ws, `${col(f)}2`)?.showInputMessage]).toEqual([f, true]);
    }
    // Prepared rows carry styles but no values.
    expect(ws.getCell(`${col("problem")}150`).border?.left?.style).toBe("thin");
    expect(ws.getCell(`${col("problem")}150`).value).toBeNull();
  });

  it("基本信息: every key with a note, 巡察类型 as a drop-down", () => {
    const ws = wb.getWorksheet("基本信息")!;
    const keys = Object.values(INFO_KEYS);
    expect([ws.getCell("A1").value, ws.getCell("B1").value, ws.getCell("C1").value]).toEqual([
      "项目",
      "内容",
      "说明",
    ]);
    expect(keys.map((_, i) => ws.getCell(i + 2, 1).value)).toEqual(keys);
    for (let i = 0; i < keys.length; i++) {
      expect(ws.getCell(i + 2, 2).value).toBeNull();
      expect(String(ws.getCell(i + 2, 3).value).length).toBeGreaterThan(4);
    }
    const typeRow = keys.indexOf("巡察类型") + 2;
    expect(validationAt(ws, `B${typeRow}`)?.type).toBe("list");
    expect(ws.getCell(keys.indexOf("发文字号") + 2, 3).value).toContain("〔2024〕");
  });

  it("报告正文: 部分/小标题/内容 with a row for each part", () => {
    const ws = wb.getWorksheet("报告正文")!;
    expect(ws.getRow(1).values).toEqual([undefined, "部分", "小标题", "内容"]);
    expect([ws.getCell("A2").value, ws.getCell("A3").value]).toEqual(["主要做法", "下一步打算"]);
  });

  it("check reports only what is missing", async () => {
    const r = await runCli(["check", out, "--json", "--as-of", "2024-03-01"]);
    expect(r.code).toBe(1); // an empty ledger is an error: there is nothing to report on yet
    const { findings, stats } = JSON.parse(r.stdout);
    const codes = new Set(findings.map((f: { code: string }) => f.code));
    expect(codes).toEqual(new Set(["ledger.empty", "info.key.missing"]));
    expect(stats.total).toBe(0);
  });
});

describe("zhenggai init output handling", () => {
  it("refuses to overwrite without --force, overwrites with it", async () => {
    const path = join(dir, "已有.xlsx");
    await writeFile(path, "clerk's work");
    const refused = await runCli(["init", path]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/已存在.*--force/);
    expect(await readFile(path, "utf8")).toBe("clerk's work");
    const forced = await runCli(["init", path, "--force"]);
    expect(forced.code).toBe(0);
    expect((await stat(path)).size).toBeGreaterThan(5000);
  });

  it("writes the same bytes every time", async () => {
    const again = join(dir, "again.xlsx");
    expect((await runCli(["init", again])).code).toBe(0);
    expect(Buffer.compare(await readFile(again), await readFile(out))).toBe(0);
  });

  it("rejects a name that is not .xlsx", async () => {
    const r = await runCli(["init", join(dir, "台账.xls")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.xlsx 结尾/);
  });
});
