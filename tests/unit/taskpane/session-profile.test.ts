/**
 * The pane's analysis merges the unit profile before validation (issue 12, item 7): keys the
 * profile supplies are not reported missing, and the profile's own values are checked by the same
 * rules as 基本信息's.
 */
import { describe, expect, it } from "vitest";
import { analyse } from "../../../src/taskpane/state/session";
import { HEADER, row, sheet, workbook } from "../core/helpers";

const INFO = [
  ["项目", "内容"],
  ["巡察组", "县委第一巡察组"],
  ["巡察开始日期", "2023年7月28日"],
  ["巡察结束日期", "2023年9月11日"],
  ["反馈日期", "2023年10月23日"],
  ["成文日期", "2024年1月10日"],
];
const grid = workbook(sheet("整改台账", [[...HEADER], row(1)]), sheet("基本信息", INFO));
const settings = { asOf: "2024-01-10", precision: 0 as const };
const missing = (findings: readonly { code: string; message: string }[]) =>
  findings.filter((f) => f.code === "info.key.missing").map((f) => f.message);

describe("the pane's analyse with a unit profile", () => {
  it("fills 基本信息 before validation: no info.key.missing for what the profile gives", async () => {
    const without = await analyse(grid, settings, undefined);
    expect(missing(without.findings).join("")).toMatch(/单位名称/);
    const withProfile = await analyse(grid, settings, {
      unitName: "清丰县市政园林局",
      partyOrgName: "中共清丰县市政园林局党组",
    });
    expect(withProfile.info.unitName).toBe("清丰县市政园林局");
    expect(missing(withProfile.findings).join("")).not.toMatch(/单位名称|党组织名称/);
  });

  it("checks the profile's values by the same rules (a malformed e-mail is reported)", async () => {
    const a = await analyse(grid, settings, { email: "not-an-email" });
    expect(a.info.email).toBe("not-an-email");
    expect(a.findings.map((f) => f.code)).toContain("info.email.format");
  });
});

describe("docNumberPrefix builds the 发文字号 with the next number", () => {
  it("代字〔year of 成文日期〕N号 when the profile gives 代字 and next number; never a guessed number", async () => {
    const a = await analyse(grid, settings, { docNumberPrefix: "清市政党组", nextDocNumber: "3" });
    expect(a.info.docNumber).toBe("清市政党组〔2024〕3号");
    expect(a.findings.map((f) => f.code)).not.toContain("info.docNumber.format");
    const noNumber = await analyse(grid, settings, { docNumberPrefix: "清市政党组" });
    expect(noNumber.info.docNumber).toBeUndefined();
  });

  it("a 发文字号 in 基本信息 always wins", async () => {
    const own = workbook(
      sheet("整改台账", [[...HEADER], row(1)]),
      sheet("基本信息", [...INFO, ["发文字号", "清市政党组〔2024〕1号"]]),
    );
    const a = await analyse(own, settings, { docNumberPrefix: "清市政党组", nextDocNumber: "3" });
    expect(a.info.docNumber).toBe("清市政党组〔2024〕1号");
  });
});
