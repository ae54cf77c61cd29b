import { describe, expect, it } from "vitest";
import {
  chineseDate,
  chineseDateRange,
  chineseNumber,
  chineseOrdinal,
  shortChineseDate,
  xmlSafe,
} from "../../../src/documents/format";

describe("Chinese numerals", () => {
  it.each([
    [1, "一"],
    [9, "九"],
    [10, "十"],
    [11, "十一"],
    [19, "十九"],
    [20, "二十"],
    [21, "二十一"],
    [99, "九十九"],
    [100, "一百"],
    [101, "一百零一"],
    [110, "一百一十"],
    [115, "一百一十五"],
    [1000, "一千"],
    [1005, "一千零五"],
    [10000, "一万"],
    [10010, "一万零一十"],
  ])("%i → %s", (n, expected) => {
    expect(chineseNumber(n)).toBe(expected);
  });

  it("writes ordinals with full-width brackets", () => {
    expect(chineseOrdinal(4)).toBe("（四）");
    expect(chineseOrdinal(12)).toBe("（十二）");
  });
});

describe("Chinese dates", () => {
  it("drops leading zeros", () => {
    expect(chineseDate("2024-01-05")).toBe("2024年1月5日");
    expect(shortChineseDate("2023-11-28")).toBe("11月28日");
    expect(shortChineseDate("2023年11月28日")).toBe("11月28日");
  });

  it("gives empty text for absent dates, never undefined", () => {
    expect(chineseDate(undefined)).toBe("");
    expect(chineseDate(null)).toBe("");
    expect(chineseDateRange(undefined, undefined)).toBe("");
  });

  it("does not repeat the year inside one year", () => {
    expect(chineseDateRange("2023-07-28", "2023-09-11")).toBe("2023年7月28日至9月11日");
    expect(chineseDateRange("2023-12-01", "2024-01-15")).toBe("2023年12月1日至2024年1月15日");
    expect(chineseDateRange("2023-12-01", undefined)).toBe("2023年12月1日");
  });
});

describe("xmlSafe", () => {
  it("removes characters XML forbids and keeps line breaks", () => {
    expect(xmlSafe("a\u0000b\u0007c\u001Fd\uFFFEe")).toBe("abcde");
    expect(xmlSafe("第一行\u000B第二行\r\n第三行\r第四行")).toBe("第一行\n第二行\n第三行\n第四行");
    expect(xmlSafe("tab\there")).toBe("tab\there");
    expect(xmlSafe("lone \uD800 surrogate")).toBe("lone  surrogate");
    expect(xmlSafe("emoji 😀 kept")).toBe("emoji 😀 kept");
  });
});
