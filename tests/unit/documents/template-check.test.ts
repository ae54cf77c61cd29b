import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import { closestName, editDistance } from "../../../src/documents/similar";
import { checkTemplate } from "../../../src/documents/template-check";
import { buildDocx, type Para, tableXml } from "./helpers";
import { NOTICE_BODY, noticeTemplate, REPORT_BODY, reportTemplate } from "./templates";

const CHINESE = /[\u4e00-\u9fff]/;

function messages(body: Array<Para | { xml: string }>, options?: Parameters<typeof buildDocx>[1]) {
  const result = checkTemplate(buildDocx(body, options));
  for (const f of result.findings) {
    expect(f.message).toMatch(CHINESE);
    expect(f.message).not.toMatch(/undefined|Error|stack|\bat\b/);
  }
  return { result, text: result.findings.map((f) => f.message) };
}

describe("checkTemplate on good templates", () => {
  it("accepts the test templates and lists the tags they use", () => {
    for (const t of [reportTemplate(), noticeTemplate()]) {
      const result = checkTemplate(t);
      expect(result.findings).toEqual([]);
      expect(result.ok).toBe(true);
    }
    const report = checkTemplate(reportTemplate());
    expect(report.tagsUsed).toEqual(
      expect.arrayContaining(["标题", "方面", "类别", "问题", "问题序号", "完成情况表述"]),
    );
    expect(report.unusedFields).toContain("联系电话");
    expect(report.unusedFields).not.toContain("标题");
    expect(report.unusedFields).not.toContain("问题编号"); // loop items are not listed
    expect(report.unusedFields).not.toContain("有超期"); // nor conditions
    expect(REPORT_BODY.length + NOTICE_BODY.length).toBeGreaterThan(0);
  });

  it("accepts tags split over several runs, as Word stores them after editing", () => {
    const { result } = messages([
      ["{单位", "名称", "}"],
      ["{完成率 | ", "百分比:2}"],
    ]);
    expect(result.ok).toBe(true);
    expect(result.tagsUsed).toEqual(["单位名称", "完成率"]);
  });
});

describe("checkTemplate errors, in Chinese, quoting the tag and where it stands", () => {
  it("unknown tag → did you mean, with the paragraph number", () => {
    const { result, text } = messages(["{标题}", "", "完成率为{完成律}。"]);
    expect(result.ok).toBe(false);
    expect(text).toEqual([
      "模板中的标签“{完成律}”（第3段）不在标签列表中。您是不是想用 {完成率}？",
    ]);
    expect(result.findings[0]?.code).toBe("template.tag.unknown");
  });

  it("suggests from shared characters and from the loop's own tags", () => {
    expect(messages(["{单位名}"]).text[0]).toContain("您是不是想用 {单位名称}？");
    expect(messages(["{#方面}", "{方面明称}", "{/方面}"]).text[0]).toContain(
      "您是不是想用 {方面名称}？",
    );
    expect(messages(["{截止日期}"]).text[0]).toContain("您是不是想用 {截至日期}？");
    expect(messages(["{天气预报}"]).text[0]).toBe(
      "模板中的标签“{天气预报}”（第1段）不在标签列表中。请对照标签列表（docs/template-tags.md）修改。",
    );
  });

  it("says where a loop item's tag may stand when used outside its loop", () => {
    expect(messages(["{问题序号}"]).text).toEqual([
      "标签“{问题序号}”（第1段）只能写在 {#问题}…{/问题}或{#自查问题}…{/自查问题} 之内。",
    ]);
  });

  it("explains loops written as text and numbers used as conditions", () => {
    expect(messages(["{方面}"]).text[0]).toBe(
      "“{方面}”（第1段）是循环，应写成 {#方面}…{/方面}，在两者之间写每一项的内容。",
    );
    expect(messages(["{#问题总数}", "x", "{/问题总数}"]).text[0]).toMatch(
      /^“\{#问题总数\}”（第1段）是数字，不能当作循环或条件/,
    );
  });

  it("explains brace errors", () => {
    expect(messages(["{标题}", "{标题"]).text).toEqual([
      "标签“{标题”缺少右花括号“}”（第2段）。请把标签写完整，如 {标题}。",
    ]);
    expect(messages(["标题}"]).text[0]).toMatch(/^“标题}”缺少左花括号“\{”（第1段）/);
    expect(messages(["{{标题}"]).text[0]).toMatch(/多了一个左花括号/);
    expect(messages(["{标题}}"]).text[0]).toMatch(/多了一个右花括号/);
  });

  it("explains loop errors", () => {
    expect(messages(["{#方面}", "{方面名称}"]).text).toEqual([
      "循环或条件“{#方面}”没有结束标签“{/方面}”（第1段）。",
    ]);
    expect(messages(["{方面数}", "{/方面}"]).text).toEqual([
      "结束标签“{/方面}”前面没有对应的开始标签“{#方面}”（第2段）。",
    ]);
    expect(messages(["{#方面}", "{#类别}", "{/方面}", "{/类别}"]).text[0]).toMatch(
      /^开始标签“\{#类别\}”被结束标签“\{\/方面\}”关闭（第2段）：结束标签应为“\{\/类别\}”/,
    );
  });

  it("explains expression errors: unknown formatter with a suggestion, code in tags", () => {
    expect(messages(["x", "{截至日期 | 中文日起}"]).text).toEqual([
      "标签“{截至日期 | 中文日起}”使用了不存在的格式器“中文日起”。您是不是想用“中文日期”？可用的格式器：中文日期、短日期、百分比、中文数字、中文序号、默认值、前缀、后缀（第2段）。",
    ]);
    expect(messages(["{问题总数 * 2}"]).text[0]).toMatch(/标签名中不能有空格、括号或运算符号/);
  });

  it("reports several errors at once, unknown tags included", () => {
    const { text } = messages(["{标题", "{#方面}", "{/类别}", "{单位名称 | 大写}", "{完成律}"]);
    expect(text).toHaveLength(4);
    expect(text[3]).toBe("模板中的标签“{完成律}”（第5段）不在标签列表中。您是不是想用 {完成率}？");
  });

  it("locates tags in headers, footers and tables", () => {
    expect(messages(["{标题}"], { header: ["{单位明称}"] }).text[0]).toContain("（页眉）");
    expect(messages(["{标题}"], { footer: ["{页码}"] }).text[0]).toContain("“{页码}”（页脚）");
    const table = tableXml([["{#部门统计}{部门}", "{完成律}{/部门统计}"]]);
    const { text } = messages(["{标题}", { xml: table }]);
    expect(text[0]).toBe(
      "模板中的标签“{完成律}”（第3段（表格内））不在标签列表中。您是不是想用 {完成率}？",
    );
  });

  it("refuses raw XML tags and delimiter switching", () => {
    expect(messages(["{@标题}"]).text[0]).toBe(
      "模板不支持“{@标题}”这类原始 XML 标签（第1段），请改用普通标签 {标题}。",
    );
    expect(messages(["{=<% %>=}", "<%标题%>"]).result.ok).toBe(false);
  });

  it("warns about tags typed with full-width braces, without blocking", () => {
    const { result, text } = messages(["{标题}", "完成率为｛完成率｝，共｛#方面｝"]);
    expect(result.ok).toBe(true);
    expect(result.findings.every((f) => f.severity === "warning")).toBe(true);
    expect(text).toEqual([
      "“｛完成率｝”（第2段）用了全角花括号，不会被替换，会原样印出；请改成半角 {完成率}。",
      "“｛#方面｝”（第2段）用了全角花括号，不会被替换，会原样印出；请改成半角 {#方面}。",
    ]);
  });

  it("refuses files that are not .docx documents", () => {
    const notZip = checkTemplate(new TextEncoder().encode("这不是一个文档"));
    expect(notZip.ok).toBe(false);
    expect(notZip.unreadable).toBe(true);
    expect(notZip.findings[0]?.message).toMatch(/^无法打开模板：文件不是有效的 Word 文档/);
    const zip = new PizZip(buildDocx(["{标题}"]));
    zip.remove("[Content_Types].xml");
    const noTypes = checkTemplate(zip.generate({ type: "uint8array" }));
    expect(noTypes.unreadable).toBe(true);
    expect(noTypes.findings[0]?.message).toMatch(
      /^模板文件不是 Word 文档（缺少 word\/document.xml/,
    );
    const xlsx = new PizZip();
    xlsx.file("xl/workbook.xml", "<workbook/>");
    expect(checkTemplate(xlsx.generate({ type: "uint8array" })).findings[0]?.message).toMatch(
      /不是 Word 文档/,
    );
  });
});

describe("similarity", () => {
  it("counts same-sounding characters as closer", () => {
    expect(editDistance("完成律", "完成率")).toBe(0.5);
    expect(editDistance("完成律", "完成数")).toBe(1);
    expect(closestName("完成律", ["完成数", "完成率"])).toBe("完成率");
    expect(closestName("天气", ["完成数", "完成率"])).toBeUndefined();
  });
});
