import { describe, expect, it } from "vitest";
import { ExpressionError, evaluate, parseExpression } from "../../../src/documents/expression";

const value = (tag: string, scope: Record<string, unknown>) =>
  evaluate(parseExpression(tag), scope);

describe("expression parser", () => {
  it("parses a tag, formatters and parameters (ASCII and full-width punctuation)", () => {
    expect(parseExpression(" 单位名称 ")).toEqual({ name: "单位名称", formatters: [] });
    expect(parseExpression("完成率 | 百分比:2")).toEqual({
      name: "完成率",
      formatters: [{ name: "百分比", arg: "2" }],
    });
    expect(parseExpression("意见建议数｜默认值：“若干”")).toEqual({
      name: "意见建议数",
      formatters: [{ name: "默认值", arg: "若干" }],
    });
    expect(parseExpression('抄送 | 默认值:"无" | 后缀:"。"').formatters).toHaveLength(2);
  });

  it("rejects code, unknown formatters and missing parameters with Chinese messages", () => {
    expect(() => parseExpression("a+b")).toThrow(ExpressionError);
    expect(() => parseExpression("constructor.constructor('x')()")).toThrow(/标签名中不能有/);
    expect(() => parseExpression("截至日期 | 中文日起")).toThrow(
      /不存在的格式器“中文日起”。您是不是想用“中文日期”？/,
    );
    expect(() => parseExpression("单位名称 | 默认值")).toThrow(/需要参数/);
    expect(() => parseExpression("方面数 | 中文数字:2")).toThrow(/不带参数/);
    expect(() => parseExpression('单位名称 | 默认值:"无')).toThrow(/缺少结束引号/);
    expect(() => parseExpression("  ")).toThrow(/没有名称/);
  });
});

describe("formatters", () => {
  const scope = {
    截至日期: "2023年11月28日",
    反馈日期: "2023-07-03",
    完成率: "72%",
    "完成率#值": 0.72,
    比例: "98.7%",
    方面数: 12,
    意见建议数: "",
    抄送: "县委巡察办",
  };
  it("formats dates, percentages and numerals", () => {
    expect(value("截至日期 | 短日期", scope)).toBe("11月28日");
    expect(value("反馈日期 | 中文日期", scope)).toBe("2023年7月3日");
    expect(value("完成率 | 百分比:2", scope)).toBe("72.00%");
    expect(value("比例 | 百分比:2", scope)).toBe("98.70%");
    expect(value("方面数 | 中文数字", scope)).toBe("十二");
    expect(value("方面数 | 中文序号", scope)).toBe("（十二）");
  });

  it("supports defaults, prefixes and suffixes, printing nothing for empty values", () => {
    expect(value('意见建议数 | 默认值:"若干"', scope)).toBe("若干");
    expect(value('意见建议数 | 前缀:"共"', scope)).toBe("");
    expect(value('抄送 | 前缀:"抄送：" | 后缀:"。"', scope)).toBe("抄送：县委巡察办。");
  });

  it("returns undefined for a tag the scope does not have (docxtemplater then looks outward)", () => {
    expect(value("单位名称", scope)).toBeUndefined();
    expect(value("toString", scope)).toBeUndefined();
    expect(evaluate(parseExpression("单位名称"), true)).toBeUndefined();
  });
});
