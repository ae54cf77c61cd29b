import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deriveTitle } from "../../../src/documents/view/prose";
import {
  TITLE_LINE_CHARS,
  type TitleNames,
  titleLines,
  titleShape,
} from "../../../src/documents/view/title-lines";
import { buildViewModel } from "../../../src/documents/view-model";
import { reportAnalysis } from "./helpers";

type Info = Parameters<typeof deriveTitle>[0];

interface ExampleUnit extends TitleNames {
  readonly file: string;
}

/** The unit names of every example ledger (examples/data/*.json, as the examples build them). */
const EXAMPLES: ExampleUnit[] = readdirSync("examples/data")
  .filter((f) => f.endsWith(".json"))
  .map((f) => {
    const data = JSON.parse(readFileSync(join("examples/data", f), "utf8")) as {
      info: { field: string; value: unknown }[];
    };
    const value = (field: string) => String(data.info.find((i) => i.field === field)?.value ?? "");
    return {
      file: f,
      org: value("partyOrgName"),
      unit: value("unitName"),
      group: value("inspectionGroup"),
    };
  });

const infoOf = (n: TitleNames) =>
  ({ partyOrgName: n.org, unitName: n.unit, inspectionGroup: n.group }) as unknown as Info;

/** Every name stands whole on one line (unless it is longer than a line). */
function expectNamesWhole(lines: readonly string[], names: TitleNames) {
  const joined = lines.join("");
  for (const name of [names.org, names.unit, names.group]) {
    if (!name || !joined.includes(name) || name.length > TITLE_LINE_CHARS) continue;
    expect(
      lines.some((l) => l.includes(name)),
      `${name} split in ${lines.join("｜")}`,
    ).toBe(true);
  }
}

function expectWellFormed(title: string, names: TitleNames): string[] {
  const lines = titleLines(title, names);
  expect(lines.join("")).toBe(title);
  for (const l of lines) expect(l.length).toBeLessThanOrEqual(TITLE_LINE_CHARS);
  expect(titleShape(lines), lines.join("｜")).not.toBeNull();
  expectNamesWhole(lines, names);
  // 关于 opens a line, never ends one, when the title breaks before it.
  for (const l of lines.slice(0, -1)) expect(l.endsWith("关于")).toBe(false);
  return lines;
}

describe("title lines by meaning", () => {
  it("fits 20 characters of 2号 on the 156 mm line", () => {
    expect(TITLE_LINE_CHARS).toBe(20);
  });

  it("breaks every example's derived titles between words, in a trapezoid", () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(3);
    for (const names of EXAMPLES) {
      for (const kind of ["报告", "通报"] as const) {
        const lines = expectWellFormed(deriveTitle(infoOf(names), kind), names);
        // The party organisation's name ends the first line (seed 000's own break).
        expect(lines[0]).toBe(names.org);
      }
    }
  });

  it("gives the seeds' titles their lines", () => {
    const [qf, sy, lt] = EXAMPLES as [ExampleUnit, ExampleUnit, ExampleUnit];
    expect(expectWellFormed(deriveTitle(infoOf(qf), "报告"), qf)).toEqual([
      "中共清丰县市政园林局党组",
      "关于落实县委第一巡察组",
      "反馈意见整改情况的报告",
    ]);
    expect(expectWellFormed(deriveTitle(infoOf(sy), "通报"), sy)).toEqual([
      "中共邵阳市园林绿化中心委员会",
      "关于巡察整改进展情况的通报",
    ]);
    // Seed 002's own wording and its own lines (unit name, 巡察反馈意见): a 菱形; 13/9/13 would
    // be a valley.
    const seed002 = "龙亭区市容环境卫生服务中心关于区委第一巡察组巡察反馈意见整改情况的通报";
    expect(expectWellFormed(seed002, lt)).toEqual([
      "龙亭区市容环境卫生服务中心",
      "关于区委第一巡察组巡察反馈意见",
      "整改情况的通报",
    ]);
    expect(titleShape(titleLines(seed002, lt))).toBe("菱形");
    expect(expectWellFormed(deriveTitle(infoOf(lt), "报告"), lt)).toEqual([
      "中共龙亭区市容环境卫生服务中心支部委员会",
      "关于落实区委第一巡察组",
      "反馈意见整改情况的报告",
    ]);
  });

  it("keeps a short title on one line", () => {
    expect(titleLines("中共某局党组关于巡察整改进展情况的通报", { org: "中共某局党组" })).toEqual([
      "中共某局党组关于巡察整改进展情况的通报",
    ]);
  });

  it("breaks a 巡视 title after the group's name, never inside it", () => {
    const names = {
      org: "中共河南省交通运输厅党组",
      unit: "河南省交通运输厅",
      group: "省委第二巡视组",
    };
    const lines = expectWellFormed(
      "中共河南省交通运输厅党组关于落实省委第二巡视组巡视反馈意见整改情况的报告",
      names,
    );
    expect(lines).toEqual([
      "中共河南省交通运输厅党组",
      "关于落实省委第二巡视组巡视反馈意见",
      "整改情况的报告",
    ]);
  });

  it("breaks a 24-character party organisation at its own words", () => {
    const org = "中共濮阳市濮上生态园区管理委员会机关委员会党支部";
    expect(org.length).toBe(24);
    const names = { org, unit: "濮阳市濮上生态园区管理委员会", group: "市委第二巡察组" };
    const title = `${org}关于落实市委第二巡察组反馈意见整改情况的报告`;
    const lines = titleLines(title, names);
    expect(lines.join("")).toBe(title);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(TITLE_LINE_CHARS);
    expect(titleShape(lines)).not.toBeNull();
    // The unit and the group stay whole; the organisation breaks only at a word of its own.
    expectNamesWhole(lines, names);
    expect(lines.some((l) => l.includes("市委第二巡察组"))).toBe(true);
    const orgBreak = lines[0]!.length;
    expect(["中共".length, "中共濮阳市濮上生态园区管理委员会".length]).toContain(orgBreak);
  });

  it("keeps an explicit title's own line breaks", () => {
    expect(titleLines("关于某事\r\n的报告", {})).toEqual(["关于某事", "的报告"]);
    const vm = buildViewModel(reportAnalysis(), "报告", { title: "自定标题第一行\n第二行" });
    expect(vm.标题).toBe("自定标题第一行\n第二行");
  });

  it("names the shapes", () => {
    expect(titleShape(["一二三", "一二三四五"])).toBe("梯形");
    expect(titleShape(["一二三", "一二三四五", "一二"])).toBe("菱形");
    expect(titleShape(["一二三四五", "一二", "一二三四五"])).toBeNull();
  });
});
