/**
 * Readiness (src/documents/readiness.ts): the pane's list agrees with what the renderer refuses,
 * values from 设置 count, and refusals are sorted by where the clerk fixes them.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyseWorkbook, findingsAfterProfile, mergeProfile } from "../../../src/core/index";
import { documentReadiness, explainRefusal } from "../../../src/documents/readiness";
import { renderDocument } from "../../../src/documents/render";
import { infoCellAddress } from "../../../src/taskpane/state/useSession";
import { BASIC_INFO_ROWS, HEADER, row, sheet, workbook } from "../core/helpers";

const TEMPLATE = (kind: "报告" | "通报") =>
  new Uint8Array(readFileSync(new URL(`../../../templates/${kind}.docx`, import.meta.url)));

const infoWithout = (...keys: string[]) =>
  BASIC_INFO_ROWS.filter((r) => !keys.includes(String(r[0])));

function analysis(infoRows: readonly (readonly unknown[])[]) {
  return analyseWorkbook(
    workbook(
      sheet("整改台账", [HEADER, row(1), row(2, { 完成情况: "正在推进" })]),
      sheet("基本信息", infoRows),
    ),
    { asOf: "2024-01-05", precision: 0 },
  );
}

describe("documentReadiness", () => {
  it("marks each need of the 报告 and the 通报 from 基本信息", () => {
    const full = analysis(BASIC_INFO_ROWS).info;
    expect(documentReadiness(full, "报告").map((i) => [i.id, i.ok])).toEqual([
      ["signer", true],
      ["docNumber", true],
      ["recipient", true],
      ["issuerMark", false],
      ["docDate", true],
    ]);
    expect(documentReadiness(full, "通报").every((i) => i.ok)).toBe(true);

    const bare = analysis(infoWithout("签发人", "联系电话")).info;
    const signer = documentReadiness(bare, "报告").find((i) => i.id === "signer");
    expect(signer).toMatchObject({ ok: false, severity: "error", setting: "signer" });
    expect(signer?.message).toContain("签发人");
    expect(documentReadiness(bare, "通报")[0]).toMatchObject({ id: "contacts", ok: false });
  });

  it("counts values from 设置: a profile 签发人 makes the 报告 ready, as the renderer agrees", () => {
    const a = analysis(infoWithout("签发人"));
    const refused = renderDocument({ template: TEMPLATE("报告"), kind: "报告", analysis: a });
    expect(refused.ok).toBe(false);
    expect(documentReadiness(a.info, "报告").find((i) => i.id === "signer")?.ok).toBe(false);

    const info = mergeProfile(a.info, { signer: "常良涛" });
    const filled = { ...a, info };
    expect(documentReadiness(info, "报告").find((i) => i.id === "signer")?.ok).toBe(true);
    expect(renderDocument({ template: TEMPLATE("报告"), kind: "报告", analysis: filled }).ok).toBe(
      true,
    );
  });

  it("drops 基本信息's 'missing 单位名称' warning once 设置 supplies it", () => {
    const a = analysis(infoWithout("单位名称"));
    const missing = a.findings.filter((f) => f.code === "info.key.missing");
    expect(missing.map((f) => f.message).join()).toContain("单位名称");
    const info = mergeProfile(a.info, { unitName: "清丰县市政园林局" });
    const after = findingsAfterProfile(a.findings, info);
    expect(after.filter((f) => f.code === "info.key.missing")).toEqual([]);
    expect(after).toHaveLength(a.findings.length - missing.length);
  });
});

describe("explainRefusal", () => {
  it("sorts a refusal into 台账 / 设置 and offers the override only when forcing can work", () => {
    const a = analysis(infoWithout("联系电话"));
    const withError = {
      ...a,
      findings: [
        ...a.findings,
        {
          severity: "error" as const,
          code: "ledger.status.unknown" as const,
          sheet: "整改台账",
          cell: "I3",
          message: "完成情况无法识别",
          detail: "完成情况无法识别",
        },
      ],
    };
    const refused = renderDocument({
      template: TEMPLATE("通报"),
      kind: "通报",
      analysis: withError,
    });
    expect(refused.ok).toBe(false);
    const why = explainRefusal(refused.findings, withError.info, "通报");
    expect(why.places).toEqual(["台账", "设置"]);
    expect(why.ledger.map((f) => f.cell)).toEqual(["I3"]);
    expect(why.needs.map((n) => n.id)).toEqual(["contacts"]);
    expect(why.canOverride).toBe(false);

    const info = mergeProfile(a.info, { phone: "0393-7221234" });
    const again = renderDocument({
      template: TEMPLATE("通报"),
      kind: "通报",
      analysis: { ...withError, info },
    });
    const next = explainRefusal(again.findings, info, "通报");
    expect(next.places).toEqual(["台账"]);
    expect(next.canOverride).toBe(true);
    expect(
      renderDocument({
        template: TEMPLATE("通报"),
        kind: "通报",
        analysis: { ...withError, info },
        force: true,
      }).ok,
    ).toBe(true);
  });

  it("puts a template's fault under 模板, with no override", () => {
    const a = analysis(BASIC_INFO_ROWS);
    const refused = renderDocument({
      template: new Uint8Array([1, 2, 3]),
      kind: "通报",
      analysis: a,
    });
    expect(refused.ok).toBe(false);
    const why = explainRefusal(refused.findings, a.info, "通报");
    expect(why.places).toEqual(["模板"]);
    expect(why.canOverride).toBe(false);
  });
});

describe("infoCellAddress (定位 for a 基本信息 value)", () => {
  it("gives the value cell beside the key, or the first empty row for a key not there", () => {
    const grid = workbook(sheet("基本信息", infoWithout("签发人")));
    expect(infoCellAddress(grid, "unitName")).toBe("B2");
    expect(infoCellAddress(grid, "signer")).toBe(`A${infoWithout("签发人").length + 1}`);
  });
});
