import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import type { LedgerAnalysis, LedgerRow } from "../../../src/core/model";
import { renderDocument } from "../../../src/documents/render";
import {
  analysisOf,
  buildDocx,
  docxParagraphs,
  docxXml,
  noticeAnalysis,
  parseNoticeSeed,
  parseReportSeed,
  REPORT_INFO,
  reportAnalysis,
  rowsFrom,
  tableXml,
} from "./helpers";
import { noticeTemplate, reportTemplate } from "./templates";

function render(
  template: Uint8Array,
  kind: "报告" | "通报",
  analysis: LedgerAnalysis,
  force = false,
) {
  const result = renderDocument({ template, kind, analysis, force });
  if (!result.ok) throw new Error(result.findings.map((f) => f.message).join("\n"));
  return result;
}

/** Index of the first paragraph (after `from`) that satisfies the test; -1 when none. */
const find = (paras: string[], test: (p: string) => boolean, from = 0) =>
  paras.findIndex((p, i) => i >= from && test(p));

describe("报告 from a seed-000-like ledger (three levels, 48 problems)", () => {
  const result = render(reportTemplate(), "报告", reportAnalysis());
  const paras = docxParagraphs(result.docx);
  const seed = parseReportSeed().problems;

  it("has the 版头 facts, title, recipient and file name from the title", () => {
    expect(paras[0]).toBe("中共清丰县市政园林局党组文件");
    expect(paras[1]).toBe("清市政党组〔2024〕1号　　　　签发人：常良涛");
    expect(paras[2]).toBe(
      "中共清丰县市政园林局党组\n关于落实县委第一巡察组\n反馈意见整改情况的报告",
    );
    expect(paras[3]).toBe("县委巡察工作领导小组办公室：");
    expect(result.fileName).toBe(
      "中共清丰县市政园林局党组关于落实县委第一巡察组反馈意见整改情况的报告.docx",
    );
  });

  it("keeps the sections in order and the counts in the opening and closing sentences", () => {
    const s1 = paras.indexOf("一、主要做法");
    const s2 = paras.indexOf("二、整改完成情况");
    const s3 = paras.indexOf("三、下一步工作打算");
    expect(s1).toBeGreaterThan(3);
    expect(s2).toBeGreaterThan(s1);
    expect(s3).toBeGreaterThan(s2);
    expect(paras[4]).toContain("指出了巡察中发现的4个方面48个问题，提出了4点意见建议");
    expect(paras).toContain(
      "截至1月5日，巡察反馈的48个问题，已完成整改48个（其中已完成并长期坚持3个），整改完成率100%。",
    );
    expect(paras.slice(-4)).toEqual([
      "中共清丰县市政园林局党组",
      "2024年1月5日",
      "抄送：县委巡察办。",
      "中共清丰县市政园林局党组办公室　　2024年1月5日印发",
    ]);
  });

  it("numbers aspects （一）, categories 1. and the 48 problems （1）…（48） in the seed's order", () => {
    const body = paras.slice(
      paras.indexOf("二、整改完成情况"),
      paras.indexOf("三、下一步工作打算"),
    );
    const aspects = body.filter((p) => /^（[一二三四五六七八九十]+）/.test(p));
    expect(aspects.map((p) => p.slice(0, 3))).toEqual(["（一）", "（二）", "（三）", "（四）"]);
    expect(aspects[0]).toBe(
      "（一）贯彻落实党的理论路线方针政策和党中央决策部署不到位，履行职责使命有差距",
    );
    const categories = body.filter((p) => /^\d+\./.test(p)).map((p) => Number.parseInt(p, 10));
    expect(categories).toEqual([1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 1, 2]);
    const problems = paras.filter((p) => /^（\d+）/.test(p));
    expect(problems).toHaveLength(48);
    problems.forEach((p, i) => {
      expect(p).toBe(`（${i + 1}）${seed[i]?.problem}`);
    });
    // Each problem is followed by its 整改成效 and 完成情况 (multi-line results keep their line breaks).
    let at = 0;
    for (const [i, s] of seed.entries()) {
      at = find(paras, (p) => p === `（${i + 1}）${s.problem}`, at);
      expect(paras[at + 1]).toBe(`整改成效：${s.result}`);
      expect(paras[at + 2]).toMatch(/^完成情况：(已完成|已完成并长期坚持)$/);
    }
  });
});

describe("通报 from a seed-001-like ledger (two levels, 25 problems)", () => {
  const seed = parseNoticeSeed();
  const result = render(noticeTemplate(), "通报", noticeAnalysis());
  const paras = docxParagraphs(result.docx);

  it("reproduces the seed's structure: title, opening, three sections, contacts, signature", () => {
    expect(paras[0]).toBe("中共邵阳市园林绿化中心委员会\n关于巡察整改进展情况的通报");
    expect(paras[1]).toMatch(
      /^根据市委统一部署，2023年3月21日至6月7日，市委第四巡察组对中共邵阳市园林绿化中心委员会进行了延伸巡察。/,
    );
    const s1 = paras.indexOf("一、组织整改落实情况");
    const s2 = paras.indexOf("二、集中整改期内已完成的整改事项");
    const s3 = paras.indexOf("三、下一步整改工作安排");
    expect(s1).toBe(2);
    expect(s2).toBeGreaterThan(s1);
    expect(s3).toBeGreaterThan(s2);
    expect(paras[3]).toBe("（一）加强组织领导，明确工作责任。");
    const count = paras.indexOf(
      "截至11月28日，巡察反馈的25个具体问题，已完成整改18个，整改完成率72%，长期整改7个。",
    );
    expect(count).toBeGreaterThan(s1);
    expect(count).toBeLessThan(s2);
    expect(paras).toContain(
      "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。联系电话：0739-5331851；邮政地址：邵阳市宝庆中路309号市园林绿化中心三楼人事部；电子邮箱：2467373448@qq.com。",
    );
    expect(paras.slice(-2)).toEqual(["中共邵阳市园林绿化中心委员会", "2023年11月28日"]);
    expect(result.fileName).toBe("中共邵阳市园林绿化中心委员会关于巡察整改进展情况的通报.docx");
  });

  it("lists the 12 aspects and the 25 problems in order, each with 整改结果 and 整改情况", () => {
    const aspects = paras.filter((p) => p.includes("反馈问题："));
    expect(aspects).toHaveLength(12);
    expect(aspects[0]).toBe("（一）反馈问题：学习贯彻习近平总书记重要论述不扎实。");
    expect(aspects[11]).toBe("（十二）反馈问题：干部建设有短板。");
    let at = 0;
    for (const [i, s] of seed.problems.entries()) {
      at = find(paras, (p) => p === `${i + 1}．${s.problem}`, at);
      expect(at, `problem ${i + 1}`).toBeGreaterThan(0);
      expect(paras[at + 1]).toBe(
        `整改结果：${s.statusText.startsWith("长期") ? "长期整改" : "已完成"}`,
      );
      expect(paras[at + 2]).toBe(`整改情况：${s.result}`);
    }
    const results = paras.filter((p) => p.startsWith("整改结果："));
    expect(results.filter((p) => p === "整改结果：已完成")).toHaveLength(18);
    expect(results.filter((p) => p === "整改结果：长期整改")).toHaveLength(7);
  });

  it("leaves 公开=否 rows out, renumbers, and says so honestly", () => {
    const hidden = new Set([3, 10]);
    const analysis = noticeAnalysis((i) => (hidden.has(i) ? { isPublic: false } : {}));
    const paras = docxParagraphs(render(noticeTemplate(), "通报", analysis).docx);
    const listed = paras.filter((p) => /^\d+．/.test(p));
    expect(listed).toHaveLength(23);
    const expected = seed.problems.filter((_, i) => !hidden.has(i));
    expect(listed).toEqual(expected.map((s, i) => `${i + 1}．${s.problem}`));
    for (const i of hidden)
      expect(paras.join("\n")).not.toContain(seed.problems[i]?.problem ?? "∅");
    expect(paras).toContain(
      "巡察反馈的25个问题中，有2个问题按规定不予公开，本通报列出其余23个问题，上述统计数字包含全部25个问题。",
    );
    expect(paras).toContain(
      "截至11月28日，巡察反馈的25个具体问题，已完成整改18个，整改完成率72%，长期整改7个。",
    );
  });
});

describe("values", () => {
  it("never prints undefined/null when optional values are missing", () => {
    const base = reportAnalysis();
    const info = {
      partyOrgName: "中共某某局党组",
      issuerMark: "中共某某局党组文件",
      docNumber: "某党组〔2024〕3号",
      signer: "王五",
      recipient: "县委巡察办",
      docDate: "2024-03-01",
    };
    const result = render(reportTemplate(), "报告", { ...base, info });
    const xml = docxXml(result.docx);
    expect(xml).not.toMatch(/undefined|null|NaN/);
    const paras = docxParagraphs(result.docx);
    expect(paras.some((p) => p.startsWith("抄送"))).toBe(false);
    expect(paras[4]).toBe(
      "巡察组对中共某某局党组开展了巡察。巡察组向局党组反馈了巡察意见，指出了巡察中发现的4个方面48个问题。对此，局党组高度重视，诚恳接受，照单全收，将整改责任分解到5个责任部门。目前已全部整改到位。现将有关情况报告如下：",
    );
  });

  it("strips XML-illegal characters and turns line breaks into Word line breaks", () => {
    const rows = rowsFrom(parseReportSeed().problems.slice(0, 3), (i) =>
      i === 0
        ? { problem: "问题\u0001含控制\u0008字符", result: "第一行\u000B第二行\n第三行\u001F" }
        : {},
    );
    const analysis = analysisOf(rows, REPORT_INFO, { asOf: "2024-01-05" });
    const result = render(reportTemplate(), "报告", analysis);
    const xml = docxXml(result.docx);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const paras = docxParagraphs(result.docx);
    expect(paras).toContain("（1）问题含控制字符");
    expect(paras).toContain("整改成效：第一行\n第二行\n第三行");
  });

  it("renders a 1,000-problem ledger", () => {
    const problems = Array.from({ length: 1000 }, (_, i) => ({
      aspect: `方面${Math.floor(i / 100) + 1}`,
      category: `类别${Math.floor(i / 20) + 1}`,
      problem: `第${i + 1}个问题的描述。`,
      result: `第${i + 1}个问题的整改成效。`,
      statusText: i % 7 === 0 ? "正在推进" : "已完成",
    }));
    const analysis = analysisOf(rowsFrom(problems), REPORT_INFO, { asOf: "2024-01-05" });
    const result = render(reportTemplate(), "报告", analysis);
    const paras = docxParagraphs(result.docx);
    const numbered = paras.filter((p) => /^（\d+）/.test(p));
    expect(numbered).toHaveLength(1000);
    expect(numbered[999]).toBe("（1000）第1000个问题的描述。");
    expect(paras.filter((p) => /^（[一二三四五六七八九十]+）方面/.test(p))).toHaveLength(10);
    expect(paras).toContain(
      "截至1月5日，巡察反馈的1000个问题，已完成整改857个，整改完成率86%，正在推进143个。",
    );
    // The output is a valid zip with a document part.
    expect(new PizZip(result.docx).file("word/document.xml")).toBeTruthy();
  });
});

describe("what blocks rendering", () => {
  const ledgerError = {
    severity: "error" as const,
    code: "ledger.status.unknown" as const,
    sheet: "整改台账",
    cell: "K5",
    message: "「整改台账」K5 的完成情况“差不多”无法识别。",
    detail: "完成情况“差不多”无法识别。",
  };

  it("stops on ledger errors unless forced, and lists them", () => {
    const analysis = { ...reportAnalysis(), findings: [ledgerError] };
    const blocked = renderDocument({ template: reportTemplate(), kind: "报告", analysis });
    expect(blocked.ok).toBe(false);
    expect(blocked.findings[0]?.message).toBe(
      "台账中有1处错误，未生成报告。请先改正下列错误（或确认无误后强制生成）。",
    );
    expect(blocked.findings).toContainEqual(ledgerError);
    const forced = renderDocument({
      template: reportTemplate(),
      kind: "报告",
      analysis,
      force: true,
    });
    expect(forced.ok).toBe(true);
    expect(forced.findings).toContainEqual(ledgerError);
  });

  it("stops when a required value is missing, naming it in Chinese", () => {
    const base = reportAnalysis();
    const { signer: _s, ...info } = base.info;
    const result = renderDocument({
      template: reportTemplate(),
      kind: "报告",
      analysis: { ...base, info },
    });
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => f.message).join("\n")).toContain("签发人");
    const { partyOrgName: _p, ...noOrg } = base.info;
    const r2 = renderDocument({
      template: reportTemplate(),
      kind: "报告",
      analysis: { ...base, info: noOrg },
    });
    expect(r2.ok).toBe(false);
    expect(
      r2.findings.some(
        (f) => f.code === "document.value.missing" && f.message.includes("“党组织名称”"),
      ),
    ).toBe(true);
  });

  it("reports a missing value once: the core's rule names the key, the tag is not repeated", () => {
    const base = reportAnalysis();
    const { signer: _s, partyOrgName: _p, ...info } = base.info;
    const result = renderDocument({
      template: reportTemplate(),
      kind: "报告",
      analysis: { ...base, info },
    });
    expect(result.ok).toBe(false);
    const signer = result.findings.filter(
      (f) => f.params?.field === "signer" || f.params?.tag === "签发人",
    );
    expect(signer.map((f) => f.code)).toEqual(["document.signer.missing"]);
    // 党组织名称 has no per-document rule: the renderer names its tag.
    const org = result.findings.filter((f) => f.params?.tag === "党组织名称");
    expect(org.map((f) => f.code)).toEqual(["document.value.missing"]);
    expect(org[0]?.message).toBe(org[0]?.detail);
  });

  it("requires a contact for the notice", () => {
    const base = noticeAnalysis();
    const { phone: _a, address: _b, email: _c, ...info } = base.info;
    const result = renderDocument({
      template: noticeTemplate(),
      kind: "通报",
      analysis: { ...base, info },
    });
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => f.message).join("")).toMatch(/联系方式/);
  });

  it("stops on a template error before touching the data", () => {
    const template = buildDocx(["{标题}", "{完成律}"]);
    const result = renderDocument({ template, kind: "报告", analysis: reportAnalysis() });
    expect(result.ok).toBe(false);
    expect(result.findings[0]?.message).toContain("您是不是想用 {完成率}？");
  });

  it("uses an overriding title for the file name, without characters Windows forbids", () => {
    const result = renderDocument({
      template: reportTemplate(),
      kind: "报告",
      analysis: reportAnalysis(),
      title: "关于整改情况的报告/第2版?",
    });
    expect(result.ok && result.fileName).toBe("关于整改情况的报告_第2版_.docx");
  });
});

describe("warnings", () => {
  it("warns when a template uses a tag meant for the other document", () => {
    const template = buildDocx(["{标题}", "签发人：{签发人}"]);
    const result = render(template, "通报", noticeAnalysis());
    expect(result.findings.map((f) => f.message)).toContain(
      "模板使用了“{签发人}”，它是用于报告的标签，通报中一般不写；请确认模板选对了。",
    );
    expect(
      render(reportTemplate(), "报告", reportAnalysis()).findings.filter(
        (f) => f.code === "template.tag.other-document",
      ),
    ).toEqual([]);
  });
});

describe("tables", () => {
  it("repeats a table row per department with the statistics' figures", () => {
    const analysis = reportAnalysis();
    const table = tableXml([
      ["部门", "总数", "完成数", "完成率"],
      ["{#部门统计}{部门}", "{总数}", "{完成数}", "{完成率}{/部门统计}"],
    ]);
    const result = render(buildDocx(["{标题}", { xml: table }]), "报告", analysis);
    const cells = docxParagraphs(result.docx).slice(1);
    const expected = analysis.stats.byDepartment.flatMap((g) => [
      g.name,
      String(g.total),
      String(g.done),
      g.completionRateText,
    ]);
    expect(expected.length).toBe(20);
    expect(cells).toEqual(["部门", "总数", "完成数", "完成率", ...expected]);
    expect(docxXml(result.docx).match(/<w:tr>/g)).toHaveLength(6);
  });
});

describe("rows typed by hand", () => {
  it("prints open-ended deadlines and blank done dates for unfinished rows", () => {
    const rows: LedgerRow[] = rowsFrom(parseNoticeSeed().problems.slice(0, 2), (i) =>
      i === 0
        ? { deadline: { kind: "长期坚持" }, status: "长期整改", doneDate: null }
        : { deadline: { kind: "date", date: "2023-09-30" } },
    );
    const analysis = analysisOf(rows, REPORT_INFO, { asOf: "2024-01-05" });
    const template = buildDocx([
      "{#问题}",
      "{问题编号}|{整改时限}|{完成日期}|{#已完成}完成{/已完成}{^已完成}未完成{/已完成}",
      "{/问题}",
    ]);
    const paras = docxParagraphs(render(template, "报告", analysis).docx);
    expect(paras).toEqual(["1|长期坚持||未完成", "2|2023年9月30日|2023年11月20日|完成"]);
  });
});
