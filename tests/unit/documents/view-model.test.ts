import { describe, expect, it } from "vitest";
import { LOOPS, type LoopName, tagsInScope } from "../../../src/documents/contract";
import {
  buildViewModel,
  deployingCommittee,
  deriveTitle,
  partyOrgShortName,
  RAW_SUFFIX,
  type ViewItem,
} from "../../../src/documents/view-model";
import { NOTICE_INFO, noticeAnalysis, REPORT_INFO, reportAnalysis } from "./helpers";

const keys = (item: ViewItem) =>
  Object.keys(item)
    .filter((k) => !k.endsWith(RAW_SUFFIX))
    .sort();
const contractKeys = (scope: LoopName | "") =>
  tagsInScope(scope)
    .map((t) => t.name)
    .sort();

describe("view model ↔ contract", () => {
  it("fills exactly the contract's tags at every level, for both documents", () => {
    for (const kind of ["报告", "通报"] as const) {
      const data = buildViewModel(reportAnalysis(), kind);
      expect(keys(data)).toEqual(contractKeys(""));
      const itemsOf = (loop: LoopName): ViewItem[] => {
        if (loop === "类别") return (data.方面 as ViewItem[]).flatMap((a) => a.类别 as ViewItem[]);
        return data[loop] as ViewItem[];
      };
      for (const loop of LOOPS) {
        const items = itemsOf(loop);
        for (const item of items) expect(keys(item), loop).toEqual(contractKeys(loop));
      }
    }
  });

  it("gives no undefined or null anywhere, even with empty 基本信息", () => {
    const analysis = { ...reportAnalysis(), info: {} };
    const json = JSON.stringify(buildViewModel(analysis, "通报"));
    expect(json).not.toMatch(/undefined|null|NaN/);
  });
});

describe("derived values", () => {
  it("derives the titles of the seeds and lets the title be overridden", () => {
    expect(deriveTitle(REPORT_INFO, "报告")).toBe(
      "中共清丰县市政园林局党组关于落实县委第一巡察组反馈意见整改情况的报告",
    );
    expect(deriveTitle(NOTICE_INFO, "通报")).toBe(
      "中共邵阳市园林绿化中心委员会关于巡察整改进展情况的通报",
    );
    expect(buildViewModel(reportAnalysis(), "报告", { title: "自定标题" }).标题).toBe("自定标题");
  });

  it("shortens the Party organisation's name the way documents do", () => {
    expect(partyOrgShortName("中共清丰县市政园林局党组")).toBe("局党组");
    expect(partyOrgShortName("中共邵阳市园林绿化中心委员会")).toBe("中心党委");
    expect(partyOrgShortName("中共濮阳市城市管理局委员会")).toBe("局党委");
    expect(partyOrgShortName("中共某某县水利管理局党委")).toBe("局党委");
    expect(partyOrgShortName("中共龙亭区市容环境卫生服务中心支部委员会")).toBe("党支部");
    expect(partyOrgShortName("中共某某学校总支部委员会")).toBe("党总支");
    expect(partyOrgShortName("某某中心")).toBe("");
  });

  it("finds the deploying committee from the group's name", () => {
    expect(deployingCommittee("县委第一巡察组")).toBe("县委");
    expect(deployingCommittee("市委第四巡察组")).toBe("市委");
    expect(deployingCommittee("第三巡察组")).toBe("上级党委");
  });

  it("writes the report's opening paragraph in the seed's words", () => {
    const data = buildViewModel(reportAnalysis(), "报告");
    expect(data.开头段).toBe(
      "2023年7月28日至9月11日，县委第一巡察组对中共清丰县市政园林局党组开展了常规巡察。" +
        "2023年10月23日，县委第一巡察组向局党组反馈了巡察意见，指出了巡察中发现的4个方面48个问题，提出了4点意见建议。" +
        "对此，局党组高度重视，诚恳接受，照单全收，将整改责任分解到5个责任部门。目前已全部整改到位。现将有关情况报告如下：",
    );
  });

  it("writes the notice's opening paragraph and progress sentence (seed 001: 25 / 18 / 7)", () => {
    const data = buildViewModel(noticeAnalysis(), "通报");
    expect(data.开头段).toMatch(
      /^根据市委统一部署，2023年3月21日至6月7日，市委第四巡察组对中共邵阳市园林绿化中心委员会进行了延伸巡察。2023年7月3日，市委第四巡察组向中心党委反馈了巡察意见。按照《中国共产党巡视工作条例》有关规定/,
    );
    expect(data.完成情况表述).toBe("已完成整改18个，整改完成率72%，长期整改7个");
    expect(data.进度表述).toBe(
      "截至11月28日，巡察反馈的25个具体问题，已完成整改18个，整改完成率72%，长期整改7个",
    );
    expect(data.已完成占比).toBe("72%");
    expect(data.长期整改占比).toBe("28%");
    expect(data.截至日期短).toBe("11月28日");
    expect(data.有联系方式).toBe(true);
    expect(data.联系方式).toBe(
      "联系电话：0739-5331851；邮政地址：邵阳市宝庆中路309号市园林绿化中心三楼人事部；电子邮箱：2467373448@qq.com",
    );
  });

  it("takes every number from LedgerStats", () => {
    const base = reportAnalysis();
    const stats = { ...base.stats, total: 74, done: 70, completionRateText: "95%", aspectCount: 6 };
    const data = buildViewModel({ ...base, stats }, "报告");
    expect(data.问题总数).toBe(74);
    expect(data.完成数).toBe(70);
    expect(data.未完成整改数).toBe(4);
    expect(data.完成率).toBe("95%");
    expect(data.方面数).toBe(6);
  });

  it("numbers three levels （一）/1./（1） with problems continuous across the document", () => {
    const data = buildViewModel(reportAnalysis(), "报告");
    const aspects = data.方面 as ViewItem[];
    expect(aspects.map((a) => a.方面序号)).toEqual(["（一）", "（二）", "（三）", "（四）"]);
    const categories = aspects.map((a) => (a.类别 as ViewItem[]).map((c) => c.类别序号));
    expect(categories).toEqual([
      ["1.", "2.", "3.", "4."],
      ["1.", "2.", "3.", "4."],
      ["1.", "2.", "3."],
      ["1.", "2."],
    ]);
    const numbers = aspects.flatMap((a) =>
      (a.类别 as ViewItem[]).flatMap((c) => (c.问题 as ViewItem[]).map((p) => p.问题序号)),
    );
    expect(numbers).toEqual(Array.from({ length: 48 }, (_, i) => `（${i + 1}）`));
    expect((data.问题 as ViewItem[]).length).toBe(48);
  });

  it("numbers two levels with one unnamed category per aspect and 1. problems", () => {
    const data = buildViewModel(noticeAnalysis(), "通报");
    const aspects = data.方面 as ViewItem[];
    expect(aspects).toHaveLength(12);
    for (const a of aspects) {
      const cats = a.类别 as ViewItem[];
      expect(cats).toHaveLength(1);
      expect(cats[0]?.类别名称).toBe("");
      expect(cats[0]?.类别序号).toBe("");
    }
    const problems = data.问题 as ViewItem[];
    expect(problems.map((p) => p.问题序号)).toEqual(
      Array.from({ length: 25 }, (_, i) => `${i + 1}.`),
    );
    expect(problems.map((p) => p.问题编号)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    // 方面内编号 restarts in each aspect: the second aspect (责任担当存在不足) has problems 3 and 4.
    expect(((aspects[1]?.问题 as ViewItem[]) ?? []).map((p) => p.方面内编号)).toEqual([1, 2]);
  });

  it("fills the 附件 table only when asked, for the 报告, numbered as the body", () => {
    expect(buildViewModel(reportAnalysis(), "报告").有附件).toBe(false);
    expect(buildViewModel(reportAnalysis(), "报告").附件问题).toEqual([]);
    expect(buildViewModel(reportAnalysis(), "通报", { annex: true }).附件问题).toEqual([]);
    for (const analysis of [reportAnalysis(), noticeAnalysis()]) {
      const data = buildViewModel(analysis, "报告", { annex: true });
      expect(data.有附件).toBe(true);
      const rows = data.附件问题 as ViewItem[];
      const problems = data.问题 as ViewItem[];
      expect(rows.length).toBe(problems.length);
      for (const row of rows) expect(keys(row)).toEqual(contractKeys("附件问题"));
      // Three levels keep （1）; two levels drop the list's point ("1." → "1").
      expect(rows.map((r) => r.附件序号)).toEqual(
        problems.map((p) => String(p.问题序号).replace(/[.．]$/u, "")),
      );
      expect(rows.map((r) => r.问题)).toEqual(problems.map((p) => p.问题));
      expect(rows.map((r) => r.完成时间)).toEqual(problems.map((p) => p.完成日期));
    }
    const twoLevels = buildViewModel(noticeAnalysis(), "报告", { annex: true });
    expect((twoLevels.附件问题 as ViewItem[]).slice(0, 3).map((r) => r.附件序号)).toEqual([
      "1",
      "2",
      "3",
    ]);
  });

  it("uses boilerplate 主要做法 / 下一步打算 when 报告正文 is empty, with the ledger's numbers", () => {
    const data = buildViewModel(reportAnalysis(), "报告");
    const practices = data.主要做法 as ViewItem[];
    expect(practices.length).toBeGreaterThanOrEqual(2);
    expect(practices[0]?.段落序号).toBe("（一）");
    expect(String(practices[1]?.内容)).toContain("4个方面48个问题");
    expect((data.下一步打算 as ViewItem[]).length).toBeGreaterThan(0);
    const notice = buildViewModel(noticeAnalysis(), "通报");
    expect((notice.主要做法 as ViewItem[])[0]?.小标题).toBe("加强组织领导，明确工作责任");
  });

  it("numbers only narrative paragraphs that have a 小标题", () => {
    const base = noticeAnalysis();
    const nextSteps = [
      { heading: "", text: "党委将继续巩固整改成果。" },
      { heading: "强化责任担当", text: "……" },
      { heading: "坚持长效治理", text: "……" },
    ];
    const data = buildViewModel({ ...base, narrative: { ...base.narrative, nextSteps } }, "通报");
    const items = data.下一步打算 as ViewItem[];
    expect(items.map((p) => p.段落序号)).toEqual(["", "（一）", "（二）"]);
    expect(items.map((p) => p.有小标题)).toEqual([false, true, true]);
  });

  it("leaves 公开=否 rows out of the notice only, and says so honestly", () => {
    const analysis = noticeAnalysis((i) => (i === 3 || i === 10 ? { isPublic: false } : {}));
    const notice = buildViewModel(analysis, "通报");
    const listed = notice.问题 as ViewItem[];
    expect(listed).toHaveLength(23);
    expect(listed.map((p) => p.问题编号)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(notice.问题总数).toBe(25);
    expect(notice.公开问题数).toBe(23);
    expect(notice.未公开问题数).toBe(2);
    expect(notice.有未公开).toBe(true);
    expect(notice.公开说明).toBe(
      "巡察反馈的25个问题中，有2个问题按规定不予公开，本通报列出其余23个问题，上述统计数字包含全部25个问题。",
    );
    const report = buildViewModel(analysis, "报告");
    expect((report.问题 as ViewItem[]).length).toBe(25);
    expect(report.公开说明).toBe("");
  });

  it("keeps problems counted apart (自查) out of the feedback loops", () => {
    const base = noticeAnalysis((i) => (i >= 23 ? { source: "自查" } : {}));
    const data = buildViewModel(base, "通报");
    expect((data.问题 as ViewItem[]).length).toBe(23);
    expect((data.自查问题 as ViewItem[]).map((p) => p.问题编号)).toEqual([1, 2]);
    expect(data.自查问题数).toBe(2);
    expect(data.有自查).toBe(true);
  });
});
