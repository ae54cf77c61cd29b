/**
 * Findings carry their message as data: `detail` (the message without its place) and `params`
 * (the field, tag or value it is about). The message is made from them in one place, so these
 * tests hold every finding of a faulty workbook to place + "：" + detail (or a form without the
 * colon or the place), and check that the text report prints the detail, not a stripped prefix.
 */
import { describe, expect, it } from "vitest";
import { formatCheckText } from "../../../src/cli/check-output";
import { analyseWorkbook, documentFindings, placeText } from "../../../src/core/index";
import type { Finding } from "../../../src/core/model";
import { BASIC_INFO_ROWS, row as baseRow, HEADER, sheet, workbook } from "./helpers";

const LEDGER_HEADER = [...HEADER, "整改类型", "来源", "公开", "备用列"] as const;

const EXTRA_DEFAULTS = { 整改类型: "限期整改", 来源: "巡察反馈", 公开: "是", 备用列: "" } as const;
type ExtraColumn = keyof typeof EXTRA_DEFAULTS;

/** The helpers' valid row, with the extra columns of LEDGER_HEADER; overrides by header name. */
function row(seq: number, overrides: Partial<Record<(typeof LEDGER_HEADER)[number], unknown>>) {
  const extras = LEDGER_HEADER.slice(HEADER.length) as readonly ExtraColumn[];
  return [
    ...baseRow(seq, overrides),
    ...extras.map((h) => (h in overrides ? overrides[h] : EXTRA_DEFAULTS[h])),
  ];
}

const ledgerRows = [
  [...LEDGER_HEADER],
  row(1, { 完成情况: "差不多" }),
  row(1, { 整改成效: "", 佐证材料: "" }),
  row(5, { 整改时限: "明年", 完成日期: "2023年13月" }),
  row(6, { 问题: "", 整改类型: "随便", 来源: "上级", 公开: "也许" }),
  row(7, { 整改措施: "一是加强学习,二是完善制度（试行", 完成日期: "2030年1月1日" }),
  row(8, { 完成日期: "2023年1月1日", 责任人: { error: "#N/A" } }),
  ["填表人：王五"],
];

const infoRows = [
  ...BASIC_INFO_ROWS.filter((r) => r[0] !== "发文字号" && r[0] !== "成文日期"),
  ["发文字号", "清市政党组(2024)01号"],
  ["成文日期", "2023年1月5日"],
  ["未知项目", "x"],
  ["联系电话", "0393-7221235"],
  ["电子邮箱", "不是邮箱"],
  ["反馈问题数", 99],
];

const narrativeRows = [
  ["部分", "小标题", "内容"],
  ["其他", "", "随便写写"],
  ["主要做法", "加强领导", "共反馈4个方面9个具体问题，制定整改措施30条。"],
];

const analysis = analyseWorkbook(
  workbook(
    sheet("整改台账", ledgerRows),
    sheet("基本信息", infoRows),
    sheet("报告正文", narrativeRows),
  ),
  { asOf: "2024-03-01" },
);

/** The message forms: 「…」F7：detail, 「…」第7行detail, 「…」detail, or the detail alone. */
function messageForms(f: Finding): string[] {
  return [
    `${placeText(f)}：${f.detail}`,
    `${placeText(f)}${f.detail}`,
    `「${f.sheet}」${f.detail}`,
  ];
}

describe("finding messages are built from detail", () => {
  it("covers many codes", () => {
    const codes = new Set(analysis.findings.map((f) => f.code));
    for (const code of [
      "ledger.status.unknown",
      "ledger.seq.duplicate",
      "ledger.seq.gap",
      "ledger.result.required",
      "ledger.evidence.missing",
      "ledger.deadline.invalid",
      "ledger.doneDate.invalid",
      "ledger.doneDate.future",
      "ledger.doneDate.beforeFeedback",
      "ledger.field.required",
      "ledger.type.unknown",
      "ledger.source.unknown",
      "ledger.public.unknown",
      "ledger.header.unknownColumns",
      "ledger.row.skipped",
      "cell.error",
      "text.halfWidthPunctuation",
      "text.unbalanced",
      "info.key.unknown",
      "info.key.duplicate",
      "info.docNumber.format",
      "info.email.format",
      "info.dates.order",
      "info.declared.problems",
      "info.asOf.afterDocDate",
      "narrative.part.unknown",
      "narrative.count.mismatch",
    ] as const)
      expect(codes, code).toContain(code);
  });

  it("every message is its place and the detail", () => {
    const all = [...analysis.findings, ...documentFindings({}, "报告")];
    for (const f of all) {
      expect(f.detail, f.code).not.toBe("");
      // A place-led message never keeps its place in the detail.
      if (f.message !== f.detail) {
        expect(messageForms(f), f.message).toContain(f.message);
        expect(f.detail.startsWith("「"), f.detail).toBe(false);
      }
    }
  });

  it("a cell's finding says its place with a colon and names its field", () => {
    const cells = analysis.findings.filter((f) => f.cell !== undefined);
    expect(cells.length).toBeGreaterThan(20);
    for (const f of cells) {
      expect(f.message, f.code).toBe(`${placeText(f)}：${f.detail}`);
      // An unknown 基本信息 key has no field to name: only the text written.
      if (f.code === "info.key.unknown") expect(f.params?.value).toBe("未知项目");
      else expect(f.params?.field, `${f.code} ${f.message}`).toBeDefined();
    }
  });

  it("params say which field and value, without reading the message", () => {
    const of = (code: Finding["code"]) => analysis.findings.find((f) => f.code === code);
    expect(of("ledger.status.unknown")?.params).toEqual({ field: "status", value: "差不多" });
    expect(of("ledger.seq.duplicate")?.params).toEqual({ field: "seq", value: "1" });
    expect(of("ledger.field.required")?.params).toEqual({ field: "problem" });
    expect(of("cell.error")?.params).toEqual({ field: "owner", value: "#N/A" });
    expect(of("text.halfWidthPunctuation")?.params).toEqual({ field: "measures" });
    expect(of("info.email.format")?.params).toEqual({ field: "email", value: "不是邮箱" });
    expect(of("narrative.part.unknown")?.params).toEqual({ field: "part", value: "其他" });
    const signer = documentFindings({}, "报告").find((f) => f.code === "document.signer.missing");
    expect(signer?.params).toEqual({ field: "signer" });
    expect(signer?.message).toBe(`「基本信息」${signer?.detail}`);
  });

  it("place-less messages stay place-less", () => {
    const none = analyseWorkbook(workbook(sheet("别的表", [["随便"]])), { asOf: "2024-03-01" });
    for (const f of none.findings) expect(f.message.startsWith("「"), f.message).toBe(false);
    for (const f of none.findings) expect(f.message).toBe(f.detail);
  });
});

describe("the text report prints the detail", () => {
  it("shows the location once, in front", () => {
    const text = formatCheckText(analysis, "台账.xlsx");
    const status = analysis.findings.find((f) => f.code === "ledger.status.unknown")!;
    expect(text).toContain(`  整改台账!${status.cell}  ${status.detail}  [ledger.status.unknown]`);
    const footer = analysis.findings.find((f) => f.code === "ledger.row.skipped")!;
    expect(text).toContain(`  整改台账 第${footer.row}行  ${footer.detail}  [ledger.row.skipped]`);
  });

  it("does not depend on the message's prefix", () => {
    const f = analysis.findings.find((x) => x.code === "ledger.status.unknown")!;
    // A message worded differently (say, by a later version): the detail is still printed.
    const reworded = { ...analysis, findings: [{ ...f, message: `另一种说法：${f.detail}` }] };
    const text = formatCheckText(reworded, "台账.xlsx");
    expect(text).toContain(`  整改台账!${f.cell}  ${f.detail}  [ledger.status.unknown]`);
    expect(text).not.toContain("另一种说法");
  });
});
