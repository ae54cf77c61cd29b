import { describe, expect, it } from "vitest";
import {
  dateFromJs,
  dateFromSerial,
  daysBetween,
  parseDateCell,
  parseDateText,
} from "../../../src/core/index";

const ok = (date: string) => ({ ok: true, date });

describe("dates", () => {
  it("reads the text forms clerks type", () => {
    for (const [text, date] of [
      ["2023年10月23日", "2023-10-23"],
      ["2023.10.23", "2023-10-23"],
      ["2023/10/23", "2023-10-23"],
      ["2023-10-23", "2023-10-23"],
      ["2023-1-5", "2023-01-05"],
      ["２０２３年１０月２３日", "2023-10-23"],
      ["２０２３．１０．２３", "2023-10-23"],
      [" 2023 年 10 月 23 日 ", "2023-10-23"],
      ["2023-10-23T00:00:00.000Z", "2023-10-23"],
      ["20231023", "2023-10-23"],
      ["2023/10/23 0:00:00", "2023-10-23"],
      ["2023-10-23 08:30", "2023-10-23"],
      ["二〇二三年十月二十三日", "2023-10-23"],
      ["二〇二四年一月五日", "2024-01-05"],
    ] as const) {
      expect(parseDateText(text), text).toEqual(ok(date));
    }
  });

  it("never guesses incomplete or ambiguous dates", () => {
    for (const text of [
      "2020717日",
      "2020717",
      "2023年10月",
      "2023年",
      "十月二十三日",
      "下周",
      "10/23/2023",
    ]) {
      const r = parseDateText(text);
      expect(r.ok, text).toBe(false);
    }
    expect(parseDateText("2020717日")).toEqual({
      ok: false,
      reason: "年月日之间缺少分隔，无法确定是哪一天",
    });
  });

  it("rejects impossible days with a reason", () => {
    expect(parseDateText("2023年2月29日")).toEqual({ ok: false, reason: "2023年2月没有29日" });
    expect(parseDateText("2024年2月29日")).toEqual(ok("2024-02-29"));
    expect(parseDateText("2023.13.01")).toEqual({ ok: false, reason: "不存在13月" });
    expect(parseDateText("2023-04-31").ok).toBe(false);
  });

  it("converts Excel serials in the 1900 system (including the 1900 leap-year bug)", () => {
    expect(dateFromSerial(45222)).toEqual(ok("2023-10-23"));
    expect(dateFromSerial(45222.75)).toEqual(ok("2023-10-23"));
    expect(dateFromSerial(1)).toEqual(ok("1900-01-01"));
    expect(dateFromSerial(59)).toEqual(ok("1900-02-28"));
    expect(dateFromSerial(61)).toEqual(ok("1900-03-01"));
    expect(dateFromSerial(60).ok).toBe(false);
  });

  it("reads date cells: serial with or without a date format, JS Dates by their UTC fields", () => {
    expect(parseDateCell({ t: "n", v: 45222, fmt: 'yyyy"年"m"月"d"日"' })).toEqual(
      ok("2023-10-23"),
    );
    expect(parseDateCell({ t: "n", v: 45222 })).toEqual(ok("2023-10-23"));
    expect(parseDateCell({ t: "n", v: 20231023 })).toEqual(ok("2023-10-23"));
    expect(parseDateCell({ t: "n", v: 12 })?.ok).toBe(false);
    expect(parseDateCell({ t: "d", v: new Date(Date.UTC(2023, 9, 23)) })).toEqual(ok("2023-10-23"));
    // exceljs gives midnight UTC; a late UTC time must not shift the day.
    expect(parseDateCell({ t: "d", v: new Date("2023-10-23T23:59:00Z") })).toEqual(
      ok("2023-10-23"),
    );
    expect(dateFromJs(new Date(Number.NaN)).ok).toBe(false);
    expect(parseDateCell({ t: "e", v: "#N/A" })?.ok).toBe(false);
    expect(parseDateCell({ t: "b", v: true })?.ok).toBe(false);
    expect(parseDateCell({ t: "empty" })).toBeUndefined();
    expect(parseDateCell({ t: "s", v: "  " })).toBeUndefined();
  });

  it("counts days between dates", () => {
    expect(daysBetween("2023-12-31", "2024-01-10")).toBe(10);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
  });
});
