/**
 * The fake Excel host behaves like Office.js where the adapter depends on it; and one small
 * adapter function also runs against Microsoft's office-addin-mock, to show both agree.
 */
import { OfficeMockObject } from "office-addin-mock";
import { afterEach, describe, expect, it } from "vitest";
import { selectCellIn } from "../../../src/office/select";
import { createFakeOffice, installFakeOffice, uninstallFakeOffice } from "../../support/fake-excel";

afterEach(() => uninstallFakeOffice());

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

function run(input: Parameters<typeof createFakeOffice>[0]) {
  const fake = createFakeOffice(input);
  return {
    host: fake.host,
    run: (fake.Excel as { run: Run }).run,
    Office: fake.Office as typeof Office,
  };
}

describe("fake Excel host", () => {
  it("throws PropertyNotLoaded before load + sync, like Office.js", async () => {
    const { run: excel, host } = run({ sheets: [{ name: "表", rows: [["a", 1]] }] });
    await excel(async (context) => {
      const range = context.workbook.worksheets.getItem("表").getRange("A1:B1");
      expect(() => range.values).toThrow(/call the load method/);
      range.load("values");
      expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
      await context.sync();
      expect(range.values).toEqual([["a", 1]]);
      expect(() => range.address).toThrow(/'address' is not available/);
    });
    expect(host.syncCount).toBe(1);
  });

  it("gives null objects for *OrNullObject and ItemNotFound for getItem at sync", async () => {
    const { run: excel } = run({ sheets: [{ name: "表" }] });
    await excel(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("无");
      missing.load("name");
      const present = context.workbook.worksheets.getItemOrNullObject("表");
      present.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      context.workbook.worksheets.getItem("无").activate();
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("rejects APIs above the host's ExcelApi version at sync", async () => {
    const { run: excel, Office: office } = run({
      sheets: [{ name: "表", rows: [["x"]] }],
      apiVersion: "1.7",
    });
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    await excel(async (context) => {
      context.workbook.worksheets.getItem("表").getRange("A1").dataValidation.clear();
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });

  it("converts written values like Excel and checks array dimensions", async () => {
    const { run: excel, host } = run({ sheets: [{ name: "表" }] });
    await excel(async (context) => {
      const r = context.workbook.worksheets.getItem("表").getRange("A1:D1");
      r.values = [["'=1", "12", "2024-03-31", "95%"]];
      await context.sync();
      r.values = [["too", "short"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      r.values = [["=SUM(1)", "", "", ""]];
      await expect(context.sync()).rejects.toMatchObject({ code: "NotImplemented" });
    });
    expect(host.read("表", "A1:D1")).toEqual({
      values: [["=1", 12, 45382, 0.95]],
      formats: [["General", "General", "yyyy/m/d", "0%"]],
      types: [["String", "Double", "Double", "Double"]],
    });
  });

  it("installs Office.onReady with host Excel and records selections", async () => {
    const host = installFakeOffice({ sheets: [{ name: "表" }], platform: "Mac" });
    const g = globalThis as unknown as { Office: typeof Office; Excel: { run: Run } };
    const info = await g.Office.onReady();
    expect(info).toEqual({ host: "Excel", platform: "Mac" });
    await g.Excel.run((context) => selectCellIn(context, "表", "C7"));
    expect(host.selections).toEqual([{ sheet: "表", address: "C7" }]);
    uninstallFakeOffice();
    expect((globalThis as { Office?: unknown }).Office).toBeUndefined();
  });
});

describe("office-addin-mock", () => {
  it("selectCellIn activates the sheet, selects the range and syncs once", async () => {
    const calls: string[] = [];
    const sheet = {
      activate: () => calls.push("activate"),
      getRange: (address: string) => {
        calls.push(`getRange ${address}`);
        return { select: () => calls.push("select") };
      },
    };
    const mock = new OfficeMockObject({
      workbook: {
        worksheets: {
          getItem: (name: string) => {
            calls.push(`getItem ${name}`);
            return sheet;
          },
        },
      },
      sync: async () => {
        calls.push("sync");
      },
    });
    await selectCellIn(mock as unknown as Excel.RequestContext, "整改台账", "K12");
    expect(calls).toEqual(["getItem 整改台账", "activate", "getRange K12", "select", "sync"]);
  });

  it("matches the fake on load-before-sync: unloaded values are not readable", async () => {
    const mock = new OfficeMockObject({ range: { values: [["a"]] } });
    const range = (mock as unknown as { range: { values: unknown; load(p: string): void } }).range;
    expect(range.values).not.toEqual([["a"]]);
    range.load("values");
    await mock.sync();
    expect(range.values).toEqual([["a"]]);
  });
});
