import { describe, expect, it } from "vitest";
import {
  headerField,
  INFO_KEY_ALIASES,
  INFO_KEYS,
  type InfoField,
  LEDGER_FIELDS,
  LEDGER_HEADER_ALIASES,
  sheetRole,
  stripEnumerator,
} from "../../../src/core/index";
import { infoField } from "../../../src/core/info";

describe("vocabulary tables", () => {
  it("every header alias maps to its own field (no alias claimed twice)", () => {
    for (const field of LEDGER_FIELDS) {
      for (const alias of LEDGER_HEADER_ALIASES[field])
        expect(headerField(alias), alias).toBe(field);
    }
    expect(headerField("责任单位（部门）")).toBe("department");
    expect(headerField("完 成\n情 况")).toBe("status");
    expect(headerField("督办人")).toBeUndefined();
  });

  it("every 基本信息 key and alias maps to its field", () => {
    for (const [field, label] of Object.entries(INFO_KEYS) as [InfoField, string][]) {
      expect(infoField(label)).toBe(field);
      for (const alias of INFO_KEY_ALIASES[field]) expect(infoField(alias), alias).toBe(field);
    }
    expect(infoField("发文机关：")).toBe("issuerMark");
  });

  it("sheet roles", () => {
    expect(sheetRole("整改台账")).toBe("ledger");
    expect(sheetRole("整改台账(2)")).toBe("ledger");
    expect(sheetRole("基本　信息")).toBe("info");
    expect(sheetRole("整改统计")).toBe("stats");
    expect(sheetRole("Sheet1")).toBeUndefined();
  });

  it("strips the numbering documents add themselves", () => {
    expect(stripEnumerator("一、政治建设方面")).toBe("政治建设方面");
    expect(stripEnumerator("（一）贯彻落实")).toBe("贯彻落实");
    expect(stripEnumerator("(二)贯彻落实")).toBe("贯彻落实");
    expect(stripEnumerator("1.政治站位")).toBe("政治站位");
    expect(stripEnumerator("12、学习")).toBe("学习");
    expect(stripEnumerator("（1）学习碎片化")).toBe("学习碎片化");
    expect(stripEnumerator("①提高认识")).toBe("提高认识");
    expect(stripEnumerator("3.5亿元资金闲置")).toBe("3.5亿元资金闲置");
    expect(stripEnumerator("2023年度预算")).toBe("2023年度预算");
  });
});
