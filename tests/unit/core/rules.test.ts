import { describe, expect, it } from "vitest";
import { analyseWorkbook, type LedgerAnalysis, STATUSES } from "../../../src/core/index";
import { BASIC_INFO_ROWS, HEADER, row, sheet, workbook } from "./helpers";

const AS_OF = "2024-01-10";
const only = (a: LedgerAnalysis, code: string) => a.findings.filter((f) => f.code === code);
const ledgerOf = (...rows: unknown[][]) =>
  analyseWorkbook(
    workbook(sheet("整改台账", [[...HEADER], ...rows]), sheet("基本信息", BASIC_INFO_ROWS)),
    {
      asOf: AS_OF,
    },
  );

describe("ledger rules", () => {
  it("requires 方面, 问题, 整改措施, 责任领导, 责任部门, 责任人, 整改时限, 完成情况 on every row", () => {
    const a = ledgerOf(
      row(1, {
        方面: "",
        问题: "",
        整改措施: "　",
        责任领导: "",
        责任部门: "",
        责任人: "",
        整改时限: "",
        完成情况: "",
      }),
    );
    const f = only(a, "ledger.field.required");
    expect(f.map((x) => x.cell)).toEqual(["B2", "C2", "D2", "E2", "F2", "G2", "H2", "I2"]);
    expect(f.every((x) => x.severity === "error" && x.row === 2 && x.sheet === "整改台账")).toBe(
      true,
    );
    expect(f[2]!.message).toBe("「整改台账」D2：整改措施为空，请填写整改措施。");
  });

  it("an unknown status names the cell and lists the allowed values", () => {
    const a = ledgerOf(row(1, { 完成情况: "超期" }));
    const [f] = only(a, "ledger.status.unknown");
    expect(f).toMatchObject({ severity: "error", cell: "I2", row: 2, sheet: "整改台账" });
    for (const s of STATUSES) expect(f!.message).toContain(s);
    expect(f!.message).toContain("“超期”");
    expect(a.ledger?.rows[0]?.status).toBeNull();
    expect(f!.message).toContain("超期由程序根据整改时限判断");
    const other = only(ledgerOf(row(1, { 完成情况: "差不多" })), "ledger.status.unknown")[0]!;
    expect(other.message).not.toContain("超期");
  });

  it("a done row needs 整改成效 and 完成日期", () => {
    const a = ledgerOf(
      row(1, { 整改成效: "", 完成日期: "" }),
      row(2, { 完成情况: "已完成并长期坚持", 完成日期: "" }),
    );
    expect(only(a, "ledger.result.required").map((f) => f.cell)).toEqual(["J2"]);
    expect(only(a, "ledger.doneDate.required").map((f) => f.cell)).toEqual(["K2", "K3"]);
  });

  it("without a 整改成效 column, one finding counts the done rows", () => {
    const header = HEADER.filter((h) => h !== "整改成效");
    const drop = (r: unknown[]) => r.filter((_, i) => i !== HEADER.indexOf("整改成效"));
    const a = analyseWorkbook(workbook(sheet("整改台账", [header, drop(row(1)), drop(row(2))])), {
      asOf: AS_OF,
    });
    const f = only(a, "ledger.result.required");
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain("2个已完成的问题都缺少整改成效");
  });

  it("a not-done row needs neither", () => {
    const a = ledgerOf(row(1, { 完成情况: "正在推进", 整改成效: "", 完成日期: "", 佐证材料: "" }));
    expect(a.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("完成日期 must not be before 反馈日期 nor after the as-of date", () => {
    const a = ledgerOf(
      row(1, { 完成日期: "2023年10月1日" }),
      row(2, { 完成日期: "2024年3月1日" }),
      row(3, { 完成日期: "2023年10月23日" }),
    );
    expect(only(a, "ledger.doneDate.beforeFeedback").map((f) => f.cell)).toEqual(["K2"]);
    expect(only(a, "ledger.doneDate.beforeFeedback")[0]!.message).toContain(
      "早于反馈日期2023年10月23日",
    );
    expect(only(a, "ledger.doneDate.future").map((f) => f.cell)).toEqual(["K3"]);
    expect(only(a, "ledger.doneDate.future")[0]!.message).toContain(
      "2024年3月1日晚于统计截止日期2024年1月10日",
    );
  });

  it("ambiguous and impossible dates are errors, never guesses", () => {
    const a = ledgerOf(
      row(1, { 完成日期: "2020717日" }),
      row(2, { 完成日期: "2023年2月30日" }),
      row(3, { 整改时限: "2023年13月" }),
    );
    const invalid = only(a, "ledger.doneDate.invalid");
    expect(invalid.map((f) => f.cell)).toEqual(["K2", "K3"]);
    expect(invalid[0]!.message).toContain("无法确定是哪一天");
    expect(invalid[1]!.message).toContain("2023年2月没有30日");
    expect(a.ledger?.rows[0]?.doneDate).toBeNull();
    expect(only(a, "ledger.doneDate.required")).toEqual([]); // reported once, as invalid
    expect(only(a, "ledger.deadline.invalid").map((f) => f.cell)).toEqual(["H4"]);
  });

  it("warns when a done row has no 佐证材料", () => {
    const a = ledgerOf(
      row(1, { 佐证材料: "" }),
      row(2, { 佐证材料: "", 完成情况: "长期整改", 完成日期: "" }),
    );
    const f = only(a, "ledger.evidence.missing");
    expect(f.map((x) => [x.severity, x.cell])).toEqual([["warning", "L2"]]);
  });

  it("序号: duplicates and gaps are warnings", () => {
    const a = ledgerOf(row(1), row(2), row(2), row(5), row(6));
    expect(only(a, "ledger.seq.duplicate").map((f) => [f.severity, f.cell])).toEqual([
      ["warning", "A4"],
    ]);
    const gaps = only(a, "ledger.seq.gap");
    expect(gaps.map((f) => [f.severity, f.cell])).toEqual([["warning", "A5"]]);
    expect(gaps[0]!.message).toContain("缺少3至4");
  });

  it("unknown 整改类型, 来源, 公开 are warnings with defaults", () => {
    const header = [...HEADER, "整改类型", "来源", "是否公开"];
    const a = analyseWorkbook(
      workbook(
        sheet("整改台账", [
          header,
          [...row(1), "马上改", "上级交办", "可能"],
          [...row(2), "限期整改", "举一反三", "否"],
        ]),
      ),
      { asOf: AS_OF },
    );
    expect(only(a, "ledger.type.unknown").map((f) => f.cell)).toEqual(["M2"]);
    expect(only(a, "ledger.source.unknown").map((f) => f.cell)).toEqual(["N2"]);
    expect(only(a, "ledger.public.unknown").map((f) => f.cell)).toEqual(["O2"]);
    expect(a.ledger?.rows.map((r) => [r.type, r.source, r.isPublic])).toEqual([
      [null, "巡察反馈", true],
      ["限期整改", "自查", false],
    ]);
  });

  it("declared 反馈问题数 and 反馈方面数 versus the rows are errors naming both numbers", () => {
    const info = [...BASIC_INFO_ROWS, ["反馈方面数", "4个"], ["反馈问题数", 74]];
    const a = analyseWorkbook(
      workbook(
        sheet("整改台账", [[...HEADER], row(1), row(2, { 方面: "作风建设" }), row(3)]),
        sheet("基本信息", info),
      ),
      { asOf: AS_OF },
    );
    const problems = only(a, "info.declared.problems");
    expect(problems).toHaveLength(1);
    expect(problems[0]!.severity).toBe("error");
    expect(problems[0]!.message).toContain("基本信息声明反馈问题74个，台账实际列出3个");
    expect(problems[0]!.cell).toBe("B15");
    expect(only(a, "info.declared.aspects")[0]!.message).toContain(
      "声明反馈问题涉及4个方面，台账实际有2个方面",
    );
    expect(a.stats.declared).toEqual({ aspects: 4, problems: 74, mismatch: true });
  });

  it("collects every finding of a messy ledger in one pass", () => {
    const a = ledgerOf(
      row(1, { 完成情况: "搞定" }),
      row(1, { 责任人: "", 完成日期: "2099年1月1日" }),
      row(3, { 整改时限: "尽快" }),
    );
    expect(new Set(a.findings.map((f) => f.code))).toEqual(
      new Set([
        "ledger.status.unknown",
        "ledger.field.required",
        "ledger.doneDate.future",
        "ledger.seq.duplicate",
        "ledger.seq.gap",
        "ledger.deadline.invalid",
        "workbook.narrative.missing",
      ]),
    );
    // Ledger findings first, then 基本信息, then 报告正文.
    expect(a.findings[0]?.sheet).toBe("整改台账");
    expect(a.findings.at(-1)?.code).toBe("workbook.narrative.missing");
    const rows = a.findings.filter((f) => f.sheet === "整改台账").map((f) => f.row ?? 0);
    expect(rows).toEqual([...rows].sort((x, y) => x - y));
  });
});
