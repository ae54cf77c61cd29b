/**
 * Sentences that must be true (documents.md 2a): a workbook grid with 已完成并长期坚持, 延期整改,
 * 自查, an overdue row and 公开=否 goes through analyseWorkbook and the shipped templates; the
 * .docx text is read back and whole sentences are compared, and every number in the count
 * sentences is checked against the statistics. A property test over random status mixes checks
 * that the count sentence adds up and that the opening gives the same done count.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../../src/core/index";
import { type LedgerRow, STATUSES, type Status } from "../../../src/core/model";
import { countBreakdown } from "../../../src/core/stats";
import { renderDocument } from "../../../src/documents/index";
import { buildViewModel } from "../../../src/documents/view-model";
import { BASIC_INFO_ROWS, sheet, workbook } from "../../unit/core/helpers";
import { analysisOf, docxParagraphs, REPORT_INFO } from "../../unit/documents/helpers";

const root = new URL("../../../", import.meta.url);
const template = (kind: "报告" | "通报") =>
  new Uint8Array(readFileSync(new URL(`templates/${kind}.docx`, root)));

const HEADER = [
  "序号",
  "方面",
  "问题",
  "整改措施",
  "责任领导",
  "责任部门",
  "责任人",
  "整改时限",
  "完成情况",
  "整改成效",
  "完成日期",
  "佐证材料",
  "来源",
  "公开",
];

function ledgerRow(
  seq: number,
  status: string,
  extra: { deadline?: string; source?: string; isPublic?: string; aspect?: string } = {},
) {
  const done = status.startsWith("已完成");
  return [
    seq,
    extra.aspect ?? (seq <= 5 ? "政治建设方面" : "作风建设方面"),
    `问题描述第${seq}项`,
    "一是加强学习；二是健全台账",
    "张三",
    seq % 2 === 0 ? "办公室" : "财务股",
    "李四",
    extra.deadline ?? "2023年12月31日",
    status,
    done ? "已整改到位" : "正在按计划推进",
    done ? "2023年12月1日" : "",
    done ? "会议记录" : "",
    extra.source ?? "巡察反馈",
    extra.isPublic ?? "是",
  ];
}

// 9 feedback problems: 4 已完成 (one not public), 2 已完成并长期坚持, 1 长期整改, 1 正在推进,
// 1 延期整改 past its deadline (overdue); 2 自查 problems, one done.
const ROWS = [
  ledgerRow(1, "已完成"),
  ledgerRow(2, "已完成"),
  ledgerRow(3, "已完成"),
  ledgerRow(4, "已完成并长期坚持"),
  ledgerRow(5, "已完成并长期坚持"),
  ledgerRow(6, "长期整改", { deadline: "长期坚持" }),
  ledgerRow(7, "正在推进", { deadline: "2024年3月31日" }),
  ledgerRow(8, "延期整改", { deadline: "2023年12月20日" }),
  ledgerRow(9, "已完成", { isPublic: "否" }),
  ledgerRow(10, "已完成", { source: "自查", aspect: "举一反三" }),
  ledgerRow(11, "正在推进", {
    source: "自查",
    aspect: "举一反三",
    deadline: "2024年3月31日",
    isPublic: "否",
  }),
];

const analysis = analyseWorkbook(
  workbook(sheet("整改台账", [HEADER, ...ROWS]), sheet("基本信息", BASIC_INFO_ROWS)),
  { asOf: "2024-01-10" },
);

function render(kind: "报告" | "通报"): string[] {
  const result = renderDocument({ template: template(kind), kind, analysis });
  if (!result.ok) throw new Error(result.findings.map((f) => f.message).join("\n"));
  return docxParagraphs(result.docx)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

const numbersIn = (s: string) => [...s.matchAll(/\d+/g)].map((m) => Number(m[0]));

describe("count sentences of both documents (rendered from a workbook)", () => {
  it("the ledger is clean and its statistics are what the rows say", () => {
    expect(analysis.findings.filter((f) => f.severity === "error")).toEqual([]);
    const s = analysis.stats;
    expect([s.total, s.done, s.byStatus.已完成并长期坚持, s.completionRateText]).toEqual([
      9,
      6,
      2,
      "67%",
    ]);
    expect([s.byStatus.长期整改, s.byStatus.正在推进, s.byStatus.延期整改]).toEqual([1, 1, 1]);
    expect(s.overdue.map((o) => o.status)).toEqual(["延期整改"]);
    expect(s.selfFound).toMatchObject({ total: 2, done: 1 });
    // 未公开 over the feedback rows, like every figure (the 自查 row marked 否 is not one of them).
    expect(s.nonPublic).toBe(1);
    expect(buildViewModel(analysis, "通报").未公开问题数).toBe(1);
  });

  const COUNT =
    "截至2024年1月10日，巡察反馈的9个具体问题，已完成整改6个（其中已完成并长期坚持2个），整改完成率67%，长期整改1个，正在推进1个，延期整改1个。";

  it("the report: one done count in the opening and at the end, with 完成率", () => {
    const paras = render("报告");
    expect(paras).toContain(COUNT);
    const opening = paras.find((p) => p.includes("现将有关情况报告如下"));
    expect(opening).toContain(
      "指出了巡察中发现的2个方面9个问题。对此，局党组高度重视，诚恳接受，照单全收，将整改责任分解到2个责任部门。" +
        "截至2024年1月10日，已完成整改6个（其中已完成并长期坚持2个），整改完成率67%，长期整改1个，正在推进1个，延期整改1个。现将有关情况报告如下：",
    );
    const doneInOpening = /已完成整改(\d+)个/.exec(opening ?? "")?.[1];
    const doneAtEnd = /已完成整改(\d+)个/.exec(COUNT)?.[1];
    expect(doneInOpening).toBe(String(analysis.stats.done));
    expect(doneAtEnd).toBe(doneInOpening);
    // No sentence gives 已完成并长期坚持 as an addend beside 已完成整改.
    expect(paras.join("\n")).not.toMatch(/个，已完成并长期坚持\d+个/);
  });

  it("the report: 自查 apart, every unfinished problem named, 整改措施 over feedback rows", () => {
    const paras = render("报告");
    const at = paras.indexOf(COUNT);
    expect(paras.slice(at + 1, at + 3)).toEqual([
      "举一反三，主动自查问题2个，已整改1个。",
      "尚未完成整改的3个问题：第6个问题“问题描述第6项”（长期整改，整改时限长期坚持）；" +
        "第7个问题“问题描述第7项”（正在推进，整改时限2024年3月31日）；" +
        "第8个问题“问题描述第8项”（延期整改，整改时限2023年12月20日，已超期21天）。",
    ]);
    expect(analysis.stats.overdue.map((o) => o.daysOverdue)).toEqual([21]);
    // 9 feedback rows × 2 numbered measures; the 2 自查 rows' 4 are counted apart.
    expect([analysis.stats.measures, analysis.stats.selfFound.measures]).toEqual([18, 4]);
    expect(paras.join("\n")).toContain(
      "对照巡察反馈的2个方面9个问题，逐项制定整改措施18条，明确责任领导、责任部门、责任人和整改时限",
    );
  });

  it("the notice: the same sentence over every feedback row, and says what it withholds", () => {
    const paras = render("通报");
    const at = paras.findIndex((p) => p.startsWith("截至2024年1月10日，巡察反馈的"));
    expect(paras[at + 1]).toBe("举一反三，主动自查问题2个，已整改1个。");
    const line = paras[at];
    expect(line).toBe(
      `${COUNT}巡察反馈的9个问题中，有1个问题按规定不予公开，本通报列出其余8个问题，上述统计数字包含全部9个问题。`,
    );
    expect(paras.filter((p) => /^\d+\.问题描述第/.test(p))).toHaveLength(8);
  });

  it("every number in the count sentence is a figure of the statistics", () => {
    const s = analysis.stats;
    const expected = [
      2024,
      1,
      10,
      s.total,
      s.done,
      s.byStatus.已完成并长期坚持,
      Math.round(s.completionRate * 100),
      s.byStatus.长期整改,
      s.byStatus.正在推进,
      s.byStatus.延期整改,
    ];
    expect(numbersIn(COUNT)).toEqual(expected);
    const b = countBreakdown(s);
    expect(b.done + b.notDone.reduce((n, x) => n + x.count, 0)).toBe(b.total);
  });
});

// ---------------------------------------------------------------------------------------------

function syntheticRows(statuses: readonly (Status | null)[]): LedgerRow[] {
  return statuses.map((status, i) => ({
    row: i + 2,
    seq: String(i + 1),
    aspect: i % 3 === 0 ? "甲方面" : "乙方面",
    category: "",
    problem: `问题${i + 1}`,
    measures: "整改措施",
    leader: "张三",
    department: "办公室",
    owner: "李四",
    deadline: { kind: "date", date: "2023-12-31" },
    type: null,
    status,
    result: "成效",
    doneDate: status?.startsWith("已完成") ? "2023-11-20" : null,
    evidence: "",
    source: "巡察反馈",
    isPublic: i % 5 !== 4,
    note: "",
    cells: {},
  }));
}

describe("property: the count sentence adds up for any status mix", () => {
  it("its parts sum to the total, and the opening's done count is the same", () => {
    const status = fc.constantFrom<Status | null>(...STATUSES, null);
    fc.assert(
      fc.property(fc.array(status, { minLength: 1, maxLength: 60 }), (statuses) => {
        const a = analysisOf(syntheticRows(statuses), REPORT_INFO, { asOf: "2024-01-10" });
        for (const kind of ["报告", "通报"] as const) {
          const data = buildViewModel(a, kind);
          const sentence = String(data.进度表述);
          const total = Number(/巡察反馈的(\d+)个具体问题/.exec(sentence)?.[1]);
          expect(total).toBe(statuses.length);
          const done = Number(/已完成整改(\d+)个/.exec(sentence)?.[1]);
          const lasting = Number(/（其中已完成并长期坚持(\d+)个）/.exec(sentence)?.[1] ?? 0);
          const parts = [...sentence.matchAll(/，(?:完成情况)?(?:[^，\d]+?)(\d+)个/g)]
            .filter((m) => !m[0].includes("已完成整改") && !m[0].includes("巡察反馈"))
            .map((m) => Number(m[1]));
          expect(done + parts.reduce((x, y) => x + y, 0)).toBe(total);
          expect(lasting).toBeLessThanOrEqual(done);
          expect(lasting).toBe(statuses.filter((s) => s === "已完成并长期坚持").length);
          expect(done).toBe(
            statuses.filter((s) => s === "已完成" || s === "已完成并长期坚持").length,
          );
          const rate = /整改完成率(\d+)%/.exec(sentence)?.[1];
          expect(rate).toBe(String(Math.round((done / total) * 100 + 1e-7)));
          if (kind === "报告") {
            const opening = String(data.开头段);
            if (done === total) expect(opening).toContain("目前已全部整改到位");
            else expect(/已完成整改(\d+)个/.exec(opening)?.[1]).toBe(String(done));
            expect(opening.includes("全部")).toBe(done === total);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe("wording (documents.md 2a)", () => {
  const info = (group: string, org: string, more: string[][] = []) => [
    ["项目", "内容"],
    ["单位名称", "某某大学"],
    ["党组织名称", org],
    ["巡察组", group],
    ["巡察开始日期", "2023年7月28日"],
    ["巡察结束日期", "2023年9月11日"],
    ["反馈日期", "2023年10月23日"],
    ["发文字号", "校党〔2024〕1号"],
    ["签发人", "张三"],
    ["主送机关", "省委巡视工作领导小组办公室"],
    ["成文日期", "2024年1月10日"],
    ["联系电话", "0393-7221234"],
    ...more,
  ];
  const analyse = (infoRows: unknown[][], rows = ROWS.slice(0, 9)) =>
    analyseWorkbook(workbook(sheet("整改台账", [HEADER, ...rows]), sheet("基本信息", infoRows)), {
      asOf: "2024-01-10",
    });

  it("巡视 everywhere in the generated wording when the group is a 巡视组", () => {
    const a = analyse(info("省委第三巡视组", "中共某某大学委员会"));
    const notice = buildViewModel(a, "通报");
    expect(notice.标题).toBe("中共某某大学委员会\n关于巡视整改进展情况的通报"); // title lines by meaning
    expect(notice.开头段).toBe(
      "根据省委统一部署，2023年7月28日至9月11日，省委第三巡视组对中共某某大学委员会进行了巡视。" +
        "2023年10月23日，省委第三巡视组向大学党委反馈了巡视意见。" +
        "按照《中国共产党巡视工作条例》有关规定和党务公开原则，现将巡视整改进展情况予以公布。",
    );
    expect(notice.进度表述).toBe(
      "截至1月10日，巡视反馈的9个具体问题，已完成整改6个（其中已完成并长期坚持2个），整改完成率67%，长期整改1个，正在推进1个，延期整改1个",
    );
    expect(notice.公开说明).toMatch(/^巡视反馈的9个问题中，有1个问题按规定不予公开/);
    // The shipped templates' own words follow the group too: not one 巡察 in either document.
    for (const kind of ["报告", "通报"] as const) {
      const r = renderDocument({ template: template(kind), kind, analysis: a });
      if (!r.ok) throw new Error(r.findings.map((f) => f.message).join("\n"));
      const all = docxParagraphs(r.docx).join("\n");
      expect(all).not.toContain("巡察");
      expect(all).toContain("巡视反馈的9个具体问题");
    }
    const report = buildViewModel(a, "报告");
    for (const t of [
      report.开头段,
      ...(report.主要做法 as { 内容: string }[]).map((p) => p.内容),
    ]) {
      expect(t).not.toContain("巡察");
    }
  });

  it("党组织简称 from 基本信息 wins over the derived one", () => {
    const a = analyse(
      info("县委第一巡察组", "中共清丰县市政园林局党组", [["党组织简称", "县市政园林局党组"]]),
    );
    expect(a.info.partyOrgShortName).toBe("县市政园林局党组");
    expect(buildViewModel(a, "报告").开头段).toContain(
      "县委第一巡察组向县市政园林局党组反馈了巡察意见",
    );
  });

  it("整改措施 is left out when 整改成效 begins with it; 12． before a digit; docProps from the document", async () => {
    const rows = ROWS.slice(0, 9).map((r, i) => {
      const copy = [...r];
      if (i === 0) copy[9] = `${copy[3]}。派出考察组赴外地学习。`;
      if (i === 1) copy[2] = "2017年7月，某项目未经集体研究";
      return copy;
    });
    const a = analyse(info("县委第一巡察组", "中共清丰县市政园林局党组"), rows);
    const result = renderDocument({ template: template("报告"), kind: "报告", analysis: a });
    if (!result.ok) throw new Error(result.findings.map((f) => f.message).join("\n"));
    const paras = docxParagraphs(result.docx).map((p) => p.trim());
    const first = paras.findIndex((p) => p.endsWith("问题描述第1项"));
    const second = paras.findIndex((p) => p.includes("2017年7月，某项目"));
    const block = paras.slice(first, second);
    expect(block.some((p) => p.startsWith("整改措施："))).toBe(false);
    expect(block).toContain("整改成效：一是加强学习；二是健全台账。派出考察组赴外地学习。");
    const after = paras.slice(second, second + 5);
    expect(after.some((p) => p === "整改措施：一是加强学习；二是健全台账")).toBe(true);
    const notice = renderDocument({ template: template("通报"), kind: "通报", analysis: a });
    if (!notice.ok) throw new Error("notice");
    expect(docxParagraphs(notice.docx).map((p) => p.trim())).toContain(
      "2．2017年7月，某项目未经集体研究",
    );
    const { default: PizZip } = await import("pizzip");
    const xml = new PizZip(result.docx).file("docProps/core.xml")?.asText() ?? "";
    expect(xml).toMatch(
      /<dc:title>中共清丰县市政园林局党组关于落实县委第一巡察组反馈意见整改情况的报告<\/dc:title>/,
    );
    expect(xml).toMatch(/<dcterms:created[^>]*>2024-01-10T00:00:00Z<\/dcterms:created>/);
    expect(xml).toMatch(/<dcterms:modified[^>]*>2024-01-10T00:00:00Z<\/dcterms:modified>/);
    expect(xml).not.toContain("模板");
  });
});
