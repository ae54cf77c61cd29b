/** The pane's words for failures and dates: Chinese, and what to do. */
import { describe, expect, it } from "vitest";
import { chineseLocalDate } from "../../src/core/dates";
import { describeError, SERVER_STOPPED } from "../../src/taskpane/errors";

describe("describeError", () => {
  it("turns the browser's connection failures into the stopped-server message", () => {
    for (const message of [
      "Failed to fetch",
      "Failed to fetch dynamically imported module: http://127.0.0.1:3000/assets/StatsTab-x.js",
      "Importing a module script failed.",
      "NetworkError when attempting to fetch resource.",
    ]) {
      expect(describeError(new TypeError(message))).toBe(SERVER_STOPPED);
    }
    expect(SERVER_STOPPED).toContain("服务已停止，请重新运行 npm start");
  });

  it("keeps our Chinese messages and never shows English", () => {
    expect(describeError(new Error("请先打开台账。"))).toBe("请先打开台账。");
    const other = describeError(new Error("GeneralException: something broke"));
    expect(other).not.toMatch(/[A-Za-z]{3,}/);
  });
});

describe("chineseLocalDate", () => {
  it("writes an instant as the local calendar day in Chinese", () => {
    const instant = new Date(2026, 11, 2, 7, 30); // 07:30 local time
    expect(chineseLocalDate(instant)).toBe("2026年12月2日");
    expect(chineseLocalDate(instant.toISOString())).toBe("2026年12月2日");
    expect(chineseLocalDate(undefined)).toBe("—");
    expect(chineseLocalDate("not a date")).toBe("—");
  });
});
