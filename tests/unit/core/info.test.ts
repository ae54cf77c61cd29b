import { describe, expect, it } from "vitest";
import {
  analyseWorkbook,
  checkDocNumber,
  documentFindings,
  isAddress,
  isEmail,
  isPhoneList,
  type LedgerAnalysis,
  parsePeriod,
} from "../../../src/core/index";
import { BASIC_INFO_ROWS, HEADER, row, sheet, workbook } from "./helpers";

const AS_OF = "2024-01-10";
const only = (a: LedgerAnalysis, code: string) => a.findings.filter((f) => f.code === code);
const withInfo = (info: readonly (readonly unknown[])[], ...more: ReturnType<typeof sheet>[]) =>
  analyseWorkbook(
    workbook(sheet("整改台账", [[...HEADER], row(1)]), sheet("基本信息", info), ...more),
    { asOf: AS_OF },
  );

describe("基本信息", () => {
  it("reads every key, by name or alias, with dates and counts parsed", () => {
    const a = withInfo([
      ["项目", "内容"],
      ["单位名称", "清丰县市政园林局"],
      ["党组织名称", "中共清丰县市政园林局党组"],
      ["巡察组", "县委第一巡察组"],
      ["巡察类型", "常规巡察"],
      ["巡察开始日期", 45135],
      ["巡察结束时间", "2023.9.11"],
      ["反馈日期", new Date(Date.UTC(2023, 9, 23))],
      ["反馈方面数", "1个"],
      ["反馈问题数", "一"],
      ["意见建议数", 4],
      ["发文机关", "中共清丰县市政园林局党组文件"],
      ["文号", "清市政党组〔2024〕1号"],
      ["签发人", "常良涛"],
      ["主送", "县委巡察工作领导小组"],
      ["成文日期", "２０２４年１月１０日"],
      ["抄送", "县纪委监委"],
      ["印发机关", "局办公室"],
      ["印发日期", "2024年1月5日"],
      ["电话", "0393-7221234"],
      ["地址", "清丰县城关镇中原路1号"],
      ["邮箱", "qfszyl@163.com"],
    ]);
    expect(a.info).toEqual({
      unitName: "清丰县市政园林局",
      partyOrgName: "中共清丰县市政园林局党组",
      inspectionGroup: "县委第一巡察组",
      inspectionType: "常规巡察",
      inspectionStart: "2023-07-28",
      inspectionEnd: "2023-09-11",
      feedbackDate: "2023-10-23",
      declaredAspects: 1,
      declaredProblems: 1,
      suggestionCount: 4,
      issuerMark: "中共清丰县市政园林局党组文件",
      docNumber: "清市政党组〔2024〕1号",
      signer: "常良涛",
      recipient: "县委巡察工作领导小组",
      docDate: "2024-01-10",
      cc: "县纪委监委",
      printer: "局办公室",
      printDate: "2024-01-05",
      phone: "0393-7221234",
      address: "清丰县城关镇中原路1号",
      email: "qfszyl@163.com",
    });
    expect(a.findings.filter((f) => f.sheet === "基本信息")).toEqual([]);
  });

  it("reports unknown and duplicate keys, invalid dates and counts", () => {
    const a = withInfo([
      ...BASIC_INFO_ROWS,
      ["备忘", "x"],
      ["签发人", "别人"],
      ["印发日期", "2024年1月"],
      ["反馈问题数", "很多"],
    ]);
    expect(only(a, "info.key.unknown")[0]).toMatchObject({ cell: "A14", severity: "info" });
    expect(only(a, "info.key.duplicate")[0]).toMatchObject({ cell: "A15", severity: "warning" });
    expect(a.info.signer).toBe("常良涛");
    expect(only(a, "info.date.invalid")[0]).toMatchObject({ cell: "B16", severity: "error" });
    expect(only(a, "info.date.invalid")[0]!.message).toContain("缺少日");
    expect(only(a, "info.number.invalid")[0]).toMatchObject({ cell: "B17", severity: "error" });
  });

  it("reads the period in one cell (巡察时间: 2023年7月28日至9月11日)", () => {
    expect(parsePeriod("2023年7月28日至9月11日")).toEqual({
      ok: true,
      start: "2023-07-28",
      end: "2023-09-11",
    });
    expect(parsePeriod("2023年3月21日至6月7日")).toEqual({
      ok: true,
      start: "2023-03-21",
      end: "2023-06-07",
    });
    expect(parsePeriod("2023.7.28—2023.9.11")).toEqual({
      ok: true,
      start: "2023-07-28",
      end: "2023-09-11",
    });
    expect(parsePeriod("2023年7月1日至15日")).toEqual({
      ok: true,
      start: "2023-07-01",
      end: "2023-07-15",
    });
    expect(parsePeriod("2023年9月1日至8月1日").ok).toBe(false);
    expect(parsePeriod("七月").ok).toBe(false);
    const a = withInfo([
      ["巡察时间", "2023年7月28日至9月11日"],
      ["反馈日期", "2023年10月23日"],
    ]);
    expect(a.info).toMatchObject({ inspectionStart: "2023-07-28", inspectionEnd: "2023-09-11" });
    const b = withInfo([["巡察时间", "七月份"]]);
    expect(only(b, "info.date.invalid")[0]?.cell).toBe("B1");
  });

  it("fills empty keys from the unit profile; 基本信息 wins", () => {
    const a = analyseWorkbook(
      workbook(sheet("整改台账", [[...HEADER], row(1)]), sheet("基本信息", [["签发人", "常良涛"]])),
      { asOf: AS_OF, profile: { signer: "别人", unitName: "某局", phone: "0739-5321234" } },
    );
    expect(a.info).toMatchObject({ signer: "常良涛", unitName: "某局", phone: "0739-5321234" });
    expect(
      only(a, "info.key.missing")
        .map((f) => f.message)
        .join(),
    ).not.toContain("单位名称");
  });

  it("dates must run 巡察开始 ≤ 巡察结束 ≤ 反馈 ≤ 成文", () => {
    const a = withInfo([
      ["巡察开始日期", "2023年9月28日"],
      ["巡察结束日期", "2023年9月11日"],
      ["反馈日期", "2023年10月23日"],
      ["成文日期", "2023年10月1日"],
    ]);
    const f = only(a, "info.dates.order");
    expect(f.map((x) => x.cell)).toEqual(["B2", "B4"]);
    expect(f[0]!.message).toContain(
      "巡察结束日期（2023年9月11日）早于巡察开始日期（2023年9月28日）",
    );
  });

  it("巡察类型 must be one of the five", () => {
    const a = withInfo([["巡察类型", "突击巡察"]]);
    expect(only(a, "info.inspectionType.unknown")[0]!.message).toContain(
      "常规巡察、专项巡察、延伸巡察、集中巡察、机动巡察",
    );
    expect(only(withInfo([["巡察类型", "专项"]]), "info.inspectionType.unknown")).toEqual([]);
  });

  it("warns about missing keys the documents need", () => {
    const a = withInfo([["单位名称", "某局"]]);
    const missing = only(a, "info.key.missing").map((f) => f.message);
    expect(missing).toHaveLength(6);
    expect(missing[0]).toContain("党组织名称");
  });

  it("checks contacts", () => {
    expect(isPhoneList("0739-5321234")).toBe(true);
    expect(isPhoneList("（0739）5321234")).toBe(true);
    expect(isPhoneList("13812345678")).toBe(true);
    expect(isPhoneList("12388、0739-5321234")).toBe(true);
    expect(isPhoneList("5321")).toBe(false);
    expect(isPhoneList("电话")).toBe(false);
    expect(isEmail("xcb@shaoyang.gov.cn")).toBe(true);
    expect(isEmail("xcb＠163.com")).toBe(true);
    expect(isEmail("xcb@163")).toBe(false);
    expect(isAddress("邵阳市大祥区城南路1号")).toBe(true);
    expect(isAddress("邮编422000")).toBe(true);
    expect(isAddress("楼上")).toBe(false);
    const a = withInfo([
      ["联系电话", "123"],
      ["电子邮箱", "abc"],
      ["邮政地址", "这里"],
    ]);
    expect(only(a, "info.phone.format")[0]?.cell).toBe("B1");
    expect(only(a, "info.email.format")[0]?.cell).toBe("B2");
    expect(only(a, "info.address.format")[0]?.cell).toBe("B3");
  });
});

describe("发文字号", () => {
  it("accepts 代字〔YYYY〕N号 whose year is the 成文日期's", () => {
    expect(checkDocNumber("清市政党组〔2024〕1号", "2024-01-05")).toEqual([]);
    expect(checkDocNumber("清市政党组〔2024〕12号")).toEqual([]);
  });

  it("explains each mistake and suggests the right form", () => {
    const msg = (raw: string, date?: string) => checkDocNumber(raw, date)[0]?.message ?? "";
    expect(msg("清市政党组[2024]1号")).toContain(
      "应使用六角括号“〔〕”，不能用“[”，应为“清市政党组〔2024〕1号”",
    );
    expect(msg("清市政党组（2024）1号")).toContain("应为“清市政党组〔2024〕1号”");
    expect(msg("清市政党组【2024】1号")).toContain("不能用“【”");
    expect(msg("清市政党组〔2024〕第1号")).toContain("序号前不加“第”，应为“清市政党组〔2024〕1号”");
    expect(msg("清市政党组〔2024〕01号")).toContain("序号不编虚位");
    expect(msg("清市政党组〔2024〕1")).toContain("序号后要有“号”");
    expect(msg("〔2024〕1号")).toContain("发文机关代字");
    expect(msg("清市政党组〔２０２４〕１号")).toContain(
      "半角阿拉伯数字，应为“清市政党组〔2024〕1号”",
    );
    expect(msg("清市政党组[2023]第01号", "2024-01-05")).toContain(
      "不能用“[”，序号前不加“第”，序号不编虚位（1号不写成01号），年份应为成文日期的年份2024，应为“清市政党组〔2024〕1号”",
    );
    const year = checkDocNumber("清市政党组〔2023〕1号", "2024-01-05");
    expect(year[0]?.code).toBe("info.docNumber.year");
    expect(year[0]?.message).toContain(
      "年份2023与成文日期（2024年1月5日）的年份2024不一致；应为“清市政党组〔2024〕1号”",
    );
  });

  it("is reported at the 发文字号 cell", () => {
    const a = withInfo([
      ["成文日期", "2024年1月5日"],
      ["发文字号", "清市政党组[2024]1号"],
    ]);
    expect(only(a, "info.docNumber.format")[0]).toMatchObject({
      cell: "B2",
      severity: "error",
      sheet: "基本信息",
    });
  });
});

describe("documentFindings", () => {
  it("a 报告 needs a 签发人 (and warns about 发文字号, 主送机关, 发文机关标志, 成文日期)", () => {
    const f = documentFindings({}, "报告");
    expect(f.map((x) => [x.code, x.severity])).toEqual([
      ["document.signer.missing", "error"],
      ["document.docNumber.missing", "warning"],
      ["document.recipient.missing", "warning"],
      ["document.issuerMark.missing", "warning"],
      ["document.docDate.missing", "warning"],
    ]);
    expect(
      documentFindings(
        {
          signer: "常良涛",
          docNumber: "x〔2024〕1号",
          recipient: "r",
          issuerMark: "m",
          docDate: "2024-01-05",
        },
        "报告",
      ),
    ).toEqual([]);
  });

  it("a public 通报 needs at least one well-formed contact", () => {
    expect(documentFindings({ docDate: "2024-01-05" }, "通报").map((x) => x.code)).toEqual([
      "document.contact.missing",
    ]);
    expect(documentFindings({ docDate: "2024-01-05", phone: "12" }, "通报")[0]?.message).toContain(
      "格式不对",
    );
    expect(documentFindings({ docDate: "2024-01-05", email: "a@b.cn" }, "通报")).toEqual([]);
    // A 通报 needs no 签发人.
    expect(documentFindings({ docDate: "2024-01-05", phone: "0739-5321234" }, "通报")).toEqual([]);
  });
});

describe("报告正文", () => {
  it("reads 主要做法 and 下一步打算 with aliases, inheriting a blank 部分", () => {
    const narrative = sheet("报告正文", [
      ["部分", "小标题", "内容"],
      ["主要做法", "加强组织领导", "成立领导小组。\r\n明确分工。"],
      ["", "压实整改责任", "逐项销号。"],
      ["下一步工作打算", "", "持续巩固整改成果。"],
      ["下一步工作安排", "建立长效机制", "完善制度。"],
      ["其他", "x", "y"],
      ["", "", ""],
    ]);
    const a = withInfo(BASIC_INFO_ROWS, narrative);
    expect(a.narrative).toEqual({
      practices: [
        { heading: "加强组织领导", text: "成立领导小组。\n明确分工。" },
        { heading: "压实整改责任", text: "逐项销号。" },
      ],
      nextSteps: [
        { heading: "", text: "持续巩固整改成果。" },
        { heading: "建立长效机制", text: "完善制度。" },
      ],
    });
    expect(only(a, "narrative.part.unknown")[0]).toMatchObject({ cell: "A6", severity: "warning" });
  });

  it("reports error cells and removed characters in 报告正文 and 基本信息", () => {
    const narrative = sheet("报告正文", [
      ["部分", "小标题", "内容"],
      ["主要做法", { error: "#REF!" }, "成立\u000B领导小组"],
    ]);
    const a = withInfo([["单位名称", "某\u0007局"]], narrative);
    expect(a.narrative.practices).toEqual([{ heading: "", text: "成立\n领导小组" }]);
    expect(a.info.unitName).toBe("某局");
    expect(a.findings.filter((f) => f.code === "cell.error").map((f) => [f.sheet, f.cell])).toEqual(
      [["报告正文", "B2"]],
    );
    expect(
      a.findings.filter((f) => f.code === "text.illegalChars").map((f) => [f.sheet, f.cell]),
    ).toEqual([
      ["基本信息", "B1"],
      ["报告正文", "C2"],
    ]);
  });

  it("warns when the 报告正文 header is missing", () => {
    const a = withInfo(BASIC_INFO_ROWS, sheet("报告正文", [["随便写的"]]));
    expect(only(a, "narrative.header.notFound")).toHaveLength(1);
  });
});
