import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FORMATTERS, LOOPS, resolveTag, TAGS } from "../../../src/documents/contract";
import { renderTagDocs } from "../../../src/documents/tag-docs";

describe("template contract", () => {
  it("docs/template-tags.md is the generated rendering of the contract (run npm run docs:tags)", () => {
    const committed = readFileSync(
      new URL("../../../docs/template-tags.md", import.meta.url),
      "utf8",
    );
    expect(committed).toBe(renderTagDocs());
  });

  it("lists every tag and formatter in the docs", () => {
    const doc = renderTagDocs();
    for (const t of TAGS) expect(doc).toContain(t.name);
    for (const f of FORMATTERS) expect(doc).toContain(f.usage);
  });

  it("has no duplicate tag within one scope, and every loop has a definition and items", () => {
    const keys = TAGS.map((t) => `${t.scope}/${t.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const loop of LOOPS) {
      expect(TAGS.some((t) => t.name === loop && t.kind === "loop")).toBe(true);
      expect(TAGS.some((t) => t.scope === loop)).toBe(true);
    }
  });

  it("resolves tags from the innermost loop outward", () => {
    expect(resolveTag("问题", [])?.kind).toBe("loop");
    expect(resolveTag("问题", ["方面", "类别"])?.kind).toBe("loop");
    expect(resolveTag("问题", ["方面", "类别", "问题"])?.kind).toBe("text");
    expect(resolveTag("完成率", ["部门统计"])?.scope).toBe("部门统计");
    expect(resolveTag("完成率", ["方面"])?.scope).toBe("");
    expect(resolveTag("单位名称", ["方面", "类别", "问题"])?.scope).toBe("");
    expect(resolveTag("不存在", ["方面"])).toBeUndefined();
  });

  it("keeps the names the templates rely on", () => {
    const required = [
      "标题",
      "发文机关标志",
      "发文字号",
      "签发人",
      "主送机关",
      "单位名称",
      "党组织名称",
      "巡察组",
      "巡察类型",
      "巡察开始日期",
      "巡察结束日期",
      "反馈日期",
      "成文日期",
      "截至日期",
      "截至日期短",
      "抄送",
      "印发机关",
      "印发日期",
      "联系电话",
      "邮政地址",
      "电子邮箱",
      "方面数",
      "问题总数",
      "意见建议数",
      "完成数",
      "未完成整改数",
      "完成率",
      "已完成个数",
      "长期整改个数",
      "已完成占比",
      "完成情况表述",
      "整改措施数",
      "制度数",
      "自查问题数",
      "自查完成数",
      "超期数",
      "公开问题数",
      "未公开问题数",
      "公开说明",
      "开头段",
      "方面",
      "方面序号",
      "方面名称",
      "类别",
      "类别序号",
      "类别名称",
      "问题",
      "问题序号",
      "整改措施",
      "整改成效",
      "完成情况",
      "责任部门",
      "责任领导",
      "责任人",
      "整改时限",
      "完成日期",
      "问题编号",
      "主要做法",
      "下一步打算",
      "小标题",
      "内容",
      "段落序号",
      "部门统计",
      "部门",
      "总数",
      "方面统计",
      "状态统计",
      "状态",
      "数量",
      "占比",
      "超期问题",
      "制度",
      "名称",
      "有版记",
      "有抄送",
      "有类别",
      "有超期",
      "有自查",
      "有联系方式",
    ];
    const names = new Set(TAGS.map((t) => t.name));
    for (const n of required) expect(names, n).toContain(n);
  });
});
