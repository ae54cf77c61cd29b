import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../../src/core/index";
import { sheet, workbook } from "./helpers";

/**
 * A ledger rebuilt from the real published notice (seed 001): its aspects, problems, results
 * (完成 / 长期整改I, as printed) and 整改情况 text. The notice says: 25 problems, 18 完成, 7 长期整改.
 */
function ledgerFromSeed(): unknown[][] {
  const text = readFileSync(
    fileURLToPath(new URL("./fixtures/seed-001-notice.txt", import.meta.url)),
    "utf8",
  );
  const body = text.slice(
    text.indexOf("二、集中整改期内已完成的整改事项"),
    text.indexOf("三、下一步整改工作安排"),
  );
  const rows: unknown[][] = [];
  let aspect = "";
  let current: unknown[] | undefined;
  let field: "problem" | "result" = "problem";
  for (const raw of body.split("\n")) {
    const line = raw.trim();
    if (line === "") continue;
    const a = /^(?:（[一二三四五六七八九十]+）)?反馈问题：(.+)$/.exec(line);
    const p = /^(\d+)[．.](.+)$/.exec(line);
    if (a) {
      aspect = a[1]!;
      continue;
    }
    if (p) {
      // 序号, 方面 (only on the aspect's first row, like a merged column), 问题, 整改措施, …
      const first = rows.length === 0 || rows[rows.length - 1]![1] !== aspect;
      current = [
        Number(p[1]),
        aspect,
        p[2],
        "",
        "党委书记",
        "党委办公室",
        "王某",
        "2023年10月31日",
        "",
        "",
        "2023年11月20日",
        "会议记录",
      ];
      rows.push(current);
      if (!first) current[1] = "";
      field = "problem";
      continue;
    }
    if (!current) continue;
    if (line.startsWith("整改结果：")) current[8] = line.slice(5);
    else if (line.startsWith("整改情况：")) {
      current[9] = line.slice(5);
      current[3] = line.slice(5);
      field = "result";
    } else if (field === "result") current[9] = `${current[9]}\n${line}`;
    else current[2] = `${current[2]}\n${line}`;
  }
  // Long-term rows are not done: no 完成日期.
  for (const r of rows) if (String(r[8]).startsWith("长期")) r[10] = "";
  // Keep the aspect "merged": blank after its first row.
  return rows;
}

describe("seed 001 (public notice, 25 problems)", () => {
  const rows = ledgerFromSeed();
  const header = [
    "序号",
    "方面",
    "问题",
    "整改措施",
    "责任领导",
    "责任部门",
    "责任人",
    "整改时限",
    "整改结果",
    "整改情况",
    "销号日期",
    "佐证材料",
  ];
  const a = analyseWorkbook(
    workbook(sheet("巡察整改台账", [["邵阳市园林绿化中心巡察整改台账"], header, ...rows])),
    {
      asOf: "2023-11-28",
    },
  );

  it("reads all 25 problems without errors", () => {
    expect(a.ledger?.rows).toHaveLength(25);
    expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("reproduces the notice's numbers: 25 problems, 18 完成, 7 长期整改", () => {
    expect(a.stats.total).toBe(25);
    expect(a.stats.done).toBe(18);
    expect(a.stats.byStatus.长期整改).toBe(7);
    expect(a.stats.completionRateText).toBe("72%");
    expect(a.stats.statusShares.已完成 + a.stats.statusShares.长期整改).toBe(100);
    expect(a.stats.aspectCount).toBe(12);
    // 7 unfinished problems with a past dated deadline are overdue as of the notice's date.
    expect(a.stats.overdue).toHaveLength(7);
    expect(a.stats.overdue[0]?.daysOverdue).toBe(28);
  });

  it("counts the numbered measures (①②③) the notice lists", () => {
    const circled = rows.reduce((n, r) => n + (String(r[3]).match(/[①-⑳]/g)?.length || 1), 0);
    expect(a.stats.measures).toBe(circled);
    expect(a.stats.measures).toBeGreaterThan(25);
  });
});
