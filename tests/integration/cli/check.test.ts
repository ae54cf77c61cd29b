/**
 * `zhenggai check` end to end: the real binary on the committed examples and on unusable files.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { STATUSES } from "../../../src/core/model";
import { examplesDir, runCli } from "./run-cli";

const SHAOYANG = `${examplesDir}邵阳市园林绿化中心-整改台账.xlsx`;
const QINGFENG = `${examplesDir}清丰县市政园林局-整改台账.xlsx`;
const LONGTING = `${examplesDir}龙亭区市容环境卫生服务中心-整改台账.xlsx`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "zhenggai-check-"));
});

describe("zhenggai check on the examples", () => {
  it("seed 001 --json: 25 problems, 18 done, 7 长期整改, completion 0.72, exit 0", async () => {
    const r = await runCli(["check", SHAOYANG, "--json", "--as-of", "2023-11-28"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const json = JSON.parse(r.stdout); // exactly one JSON document on stdout
    expect(Object.keys(json)).toEqual(["findings", "stats"]);
    expect(json.findings).toEqual([]);
    const s = json.stats;
    expect([s.total, s.done, s.completionRate, s.completionRateText]).toEqual([
      25,
      18,
      0.72,
      "72%",
    ]);
    expect(Object.keys(s.byStatus)).toEqual([...STATUSES]);
    expect(s.byStatus).toEqual({
      已完成: 18,
      已完成并长期坚持: 0,
      基本完成: 0,
      长期整改: 7,
      正在推进: 0,
      延期整改: 0,
      未完成: 0,
    });
    expect(s.statusShares.已完成 + s.statusShares.长期整改).toBe(100);
    expect([s.selfFound, s.overdue]).toEqual([0, 0]);
    expect(s.byAspect).toHaveLength(12);
    expect(s.byAspect[0]).toMatchObject({
      name: "学习贯彻习近平总书记重要论述不扎实",
      total: 2,
      done: 2,
      completionRate: 1,
    });
    expect(s.byAspect.find((a: { name: string }) => a.name === "职能发挥不充分")).toMatchObject({
      total: 5,
      done: 1,
      completionRate: 0.2,
    });
    expect(s.byDepartment.reduce((n: number, d: { total: number }) => n + d.total, 0)).toBe(25);
    // A law is named but not made by the unit: listed as left out, not counted (ledger.md 制度).
    expect(s.ruleTitles).not.toContain("中华人民共和国政府采购法");
    expect(s.ruleTitlesLeftOut).toContainEqual({
      title: "中华人民共和国政府采购法",
      reason: "法律或上级条例",
      row: expect.any(Number),
    });
    expect(s.rules).toBe(s.ruleTitles.length);
    expect(typeof s.measures).toBe("number");
  });

  it("seed 000 exits 1 and names the declared 74 against the 48 listed", async () => {
    const text = await runCli(["check", QINGFENG, "--as-of", "2024-03-01"]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("错误（1）");
    const line = text.stdout.split("\n").find((l) => l.includes("info.declared.problems"));
    expect(line).toMatch(/基本信息!B\d+/);
    expect(line).toMatch(/74/);
    expect(line).toMatch(/48/);
    expect(text.stdout).toMatch(/问题总数\s+48/);
    expect(text.stdout).toMatch(/完成率\s+100%/);
    expect(text.stdout).toContain("按方面");
    expect(text.stdout).toContain("按责任部门");

    const json = await runCli(["check", QINGFENG, "--json", "--as-of", "2024-03-01"]);
    expect(json.code).toBe(1);
    const { findings, stats } = JSON.parse(json.stdout);
    const errors = findings.filter((f: { severity: string }) => f.severity === "error");
    expect(errors.map((f: { code: string }) => f.code)).toEqual(["info.declared.problems"]);
    expect(errors[0].sheet).toBe("基本信息");
    expect(errors[0].message).toMatch(/74[^0-9]+48/);
    expect([stats.total, stats.done, stats.declaredProblems, stats.declaredAspects]).toEqual([
      48, 48, 74, 4,
    ]);
    expect(stats.byStatus.已完成并长期坚持).toBe(3);
    expect(stats.byAspect.map((a: { total: number }) => a.total)).toEqual([15, 15, 9, 9]);
  });

  it("seed 002 with --precision 2: one overdue 正在推进 row, 83.33%", async () => {
    const r = await runCli([
      "check",
      LONGTING,
      "--json",
      "--precision",
      "2",
      "--as-of",
      "2023-01-10",
    ]);
    expect(r.code).toBe(0);
    const { stats } = JSON.parse(r.stdout);
    expect([stats.total, stats.done, stats.completionRateText]).toEqual([12, 10, "83.33%"]);
    expect(
      stats.overdueItems.map((o: { seq: string; daysOverdue: number }) => [o.seq, o.daysOverdue]),
    ).toEqual([["8", 10]]);
  });
});

describe("zhenggai check on unusable input exits 2 with one Chinese line", () => {
  async function expectUnusable(args: string[], reason: RegExp): Promise<void> {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(reason);
  }

  it("missing file", async () => {
    await expectUnusable(["check", join(dir, "不存在.xlsx")], /找不到文件/);
  });

  it("not an xlsx", async () => {
    const path = join(dir, "台账.xlsx");
    await writeFile(path, "序号,问题\n1,学习不深入\n");
    await expectUnusable(["check", path, "--json"], /不是 Excel 工作簿/);
  });

  it("no ledger sheet", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").addRows([
      ["姓名", "电话"],
      ["张三", "123"],
    ]);
    const path = join(dir, "通讯录.xlsx");
    await writeFile(path, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    await expectUnusable(["check", path], /没有找到整改台账工作表.*Sheet1/);
  });

  it("bad --as-of and --precision", async () => {
    await Promise.all([
      expectUnusable(["check", SHAOYANG, "--as-of", "2024/03/01"], /--as-of.*YYYY-MM-DD/),
      expectUnusable(["check", SHAOYANG, "--as-of", "2023-02-29"], /不是有效日期/),
      expectUnusable(["check", SHAOYANG, "--precision", "3"], /--precision.*0、1 或 2/),
    ]);
  });
});
