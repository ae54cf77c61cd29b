import { describe, expect, it } from "vitest";
import {
  cellText,
  cleanText,
  normaliseDeadline,
  normalisePublic,
  normaliseSource,
  normaliseStatus,
  normaliseType,
  STATUS_SPELLINGS,
  STATUSES,
} from "../../../src/core/index";

describe("statuses", () => {
  it("accepts every spelling of the spec's table", () => {
    for (const status of STATUSES) {
      for (const spelling of STATUS_SPELLINGS[status]) {
        expect(normaliseStatus(spelling), spelling).toBe(status);
      }
    }
  });

  it("ignores trailing punctuation and spaces, full-width forms and Roman numerals", () => {
    expect(normaliseStatus("已完成。")).toBe("已完成");
    expect(normaliseStatus("完成；")).toBe("已完成");
    expect(normaliseStatus("　已销号　")).toBe("已完成");
    expect(normaliseStatus("长期整改Ⅰ类")).toBe("长期整改");
    expect(normaliseStatus("长期整改I类")).toBe("长期整改");
    expect(normaliseStatus("长期整改Ｉ")).toBe("长期整改");
    expect(normaliseStatus("正在\n推进")).toBe("正在推进");
    expect(normaliseStatus("已完成并长期坚持")).toBe("已完成并长期坚持");
    expect(normaliseStatus("阶段性完成")).toBe("基本完成");
    expect(normaliseStatus("未启动")).toBe("未完成");
    expect(normaliseStatus("已完成（已建立制度）")).toBe("已完成");
    expect(normaliseStatus("正在推进(80%)")).toBe("正在推进");
  });

  it("rejects anything else, including the derived 超期", () => {
    for (const text of ["超期", "做了一半", "完成了吗", "OK", "已完成一半"]) {
      expect(normaliseStatus(text), text).toBeUndefined();
    }
  });
});

describe("text", () => {
  it("trims full-width spaces, keeps line breaks, normalises CRLF", () => {
    expect(cleanText("　 整改措施\r\n第二行 \r第三行　").text).toBe("整改措施\n第二行\n第三行");
    // Pasted paragraphs bring a 　　 indent on every line; the documents indent by style.
    expect(cleanText("　　一是加强学习。\n　　二是完善制度。").text).toBe(
      "一是加强学习。\n二是完善制度。",
    );
  });

  it("removes XML-illegal characters and says which", () => {
    const r = cleanText("甲\u0000乙\u0007丙\uFFFE丁\uD800戊\u000B己");
    expect(r.text).toBe("甲乙丙丁戊\n己");
    expect(r.removed).toEqual(["U+0000", "U+0007", "U+FFFE", "U+D800", "U+000B"]);
    // A valid surrogate pair is kept.
    expect(cleanText("𠀀").text).toBe("𠀀");
    expect(cleanText("a\tb").text).toBe("a\tb");
  });

  it("turns non-text cells into sensible text", () => {
    expect(cellText({ t: "n", v: 3 }).text).toBe("3");
    expect(cellText({ t: "n", v: 0.1 + 0.2 }).text).toBe("0.3");
    expect(cellText({ t: "b", v: true }).text).toBe("是");
    expect(cellText({ t: "b", v: false }).text).toBe("否");
    expect(cellText({ t: "d", v: new Date(Date.UTC(2023, 9, 23)) }).text).toBe("2023年10月23日");
    expect(cellText({ t: "n", v: 45222, fmt: "yyyy-mm-dd" }).text).toBe("2023年10月23日");
    expect(cellText({ t: "e", v: "#N/A" })).toEqual({ text: "", removed: [], error: "#N/A" });
  });
});

describe("other values", () => {
  it("整改时限: dates and the open-ended terms", () => {
    expect(normaliseDeadline({ t: "s", v: "立行立改" })).toEqual({
      ok: true,
      deadline: { kind: "立行立改" },
    });
    expect(normaliseDeadline({ t: "s", v: "长期坚持" })).toEqual({
      ok: true,
      deadline: { kind: "长期坚持" },
    });
    expect(normaliseDeadline({ t: "s", v: "长期" })).toEqual({
      ok: true,
      deadline: { kind: "长期" },
    });
    expect(normaliseDeadline({ t: "s", v: "2023年12月31日前" })).toEqual({
      ok: true,
      deadline: { kind: "date", date: "2023-12-31" },
    });
    expect(normaliseDeadline({ t: "s", v: "2024年2月底" })).toEqual({
      ok: true,
      deadline: { kind: "date", date: "2024-02-29" },
    });
    for (const [text, date] of [
      ["2023年12月底前", "2023-12-31"],
      ["2023年底", "2023-12-31"],
      ["2023年底前", "2023-12-31"],
      ["2024年上半年", "2024-06-30"],
      ["2024年下半年", "2024-12-31"],
      ["2024年第一季度", "2024-03-31"],
      ["2024年3季度末", "2024-09-30"],
      ["2023年11月30日以前", "2023-11-30"],
    ] as const) {
      expect(normaliseDeadline({ t: "s", v: text }), text).toEqual({
        ok: true,
        deadline: { kind: "date", date },
      });
    }
    expect(normaliseDeadline({ t: "s", v: "2023年13月底" })?.ok).toBe(false);
    expect(normaliseDeadline({ t: "n", v: 45291 })).toEqual({
      ok: true,
      deadline: { kind: "date", date: "2023-12-31" },
    });
    expect(normaliseDeadline({ t: "s", v: "尽快" })?.ok).toBe(false);
    expect(normaliseDeadline({ t: "empty" })).toBeUndefined();
  });

  it("整改类型, 来源, 公开", () => {
    expect(normaliseType("限期整改")).toBe("限期整改");
    expect(normaliseType("随便")).toBeUndefined();
    expect(normaliseSource("举一反三")).toBe("自查");
    expect(normaliseSource("自查自纠")).toBe("自查");
    expect(normaliseSource("巡察反馈")).toBe("巡察反馈");
    expect(normalisePublic({ t: "s", v: "否" })).toBe(false);
    expect(normalisePublic({ t: "s", v: "不公开" })).toBe(false);
    expect(normalisePublic({ t: "s", v: "是" })).toBe(true);
    expect(normalisePublic({ t: "b", v: false })).toBe(false);
    expect(normalisePublic({ t: "s", v: "也许" })).toBeUndefined();
  });
});
