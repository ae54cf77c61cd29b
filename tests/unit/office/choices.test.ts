/**
 * The pane's per-workbook choices in Excel's document settings (src/office/choices.ts) through
 * the Excel port, on the fake host: saved with saveAsync, merged per key, read back after the
 * file is reopened, and whatever does not fit dropped rather than failing.
 */
import { afterEach, describe, expect, it } from "vitest";
import { mergeChoices, parseChoices } from "../../../src/office/choice-values";
import { CHOICES_SETTING, documentSettingsChoices } from "../../../src/office/choices";
import { createExcelWorkbookPort } from "../../../src/office/excel-port";
import { installFakeOffice, uninstallFakeOffice } from "../../support/fake-excel";
import { ledgerWorkbook } from "../../support/office-ledger";

afterEach(() => uninstallFakeOffice());

describe("pane choices in the document settings", () => {
  it("saves the as-of date and template picks into the settings and reads them back after a reopen", async () => {
    const host = installFakeOffice(ledgerWorkbook({ rows: 3 }));
    const port = createExcelWorkbookPort();
    expect(await port.choices.load()).toEqual({});
    await port.choices.save({ asOf: "2026-12-02" });
    await port.choices.save({ templateSource: "embedded", templates: { 报告: "县委模板" } });
    await port.choices.save({ templates: { 通报: "公开通报" } });
    expect(host.settingsSaves).toBe(3);
    const saved = JSON.parse(host.workbook.savedSettings) as Record<string, unknown>;
    const expected = {
      asOf: "2026-12-02",
      templateSource: "embedded",
      templates: { 报告: "县委模板", 通报: "公开通报" },
    };
    expect(saved[CHOICES_SETTING]).toEqual(expected);

    // The file reopened: a new host with the settings the file carries.
    uninstallFakeOffice();
    installFakeOffice(ledgerWorkbook({ rows: 3 }, { settings: saved }));
    expect(await createExcelWorkbookPort().choices.load()).toEqual(expected);
  });

  it("drops what does not fit instead of failing", () => {
    expect(parseChoices(null)).toEqual({});
    expect(parseChoices("2026-12-02")).toEqual({});
    expect(
      parseChoices({
        asOf: "2026/12/02",
        templateSource: "file",
        templates: { 报告: 3, 其他: "x" },
      }),
    ).toEqual({});
    expect(parseChoices({ asOf: "2026-12-02", templates: { 通报: "甲" }, extra: 1 })).toEqual({
      asOf: "2026-12-02",
      templates: { 通报: "甲" },
    });
    expect(
      mergeChoices({ asOf: "2026-01-01", templates: { 报告: "甲" } }, { asOf: "2026-02-01" }),
    ).toEqual({ asOf: "2026-02-01", templates: { 报告: "甲" } });
  });

  it("a failed saveAsync is an error that says what was not saved", async () => {
    const host = installFakeOffice(ledgerWorkbook({ rows: 3 }));
    host.failNextSettingsSave = true;
    await expect(createExcelWorkbookPort().choices.save({ asOf: "2026-12-02" })).rejects.toThrow(
      /保存统计截至日期和模板选择失败/,
    );
  });
});

describe("the as-of date earlier versions kept in the browser", () => {
  it("is taken when the workbook's settings have none, and saved into the workbook next time", async () => {
    const host = installFakeOffice(ledgerWorkbook({ rows: 3 }));
    const kept = new Map<string, string>([[`zhenggai.asOf:${host.workbook.name}`, "2025-06-30"]]);
    const storage = {
      getItem: (k: string) => kept.get(k) ?? null,
    } as unknown as Storage;
    const store = documentSettingsChoices(undefined, () => storage);
    expect(await store.load()).toEqual({ asOf: "2025-06-30" });
    await store.save({ templateSource: "builtin" });
    await store.save({ asOf: "2025-06-30" });
    const saved = JSON.parse(host.workbook.savedSettings) as Record<string, unknown>;
    expect(saved[CHOICES_SETTING]).toEqual({ asOf: "2025-06-30", templateSource: "builtin" });
  });

  it("never overrides a date the workbook carries, and ignores another file's or a malformed one", async () => {
    const host = installFakeOffice(
      ledgerWorkbook({ rows: 3 }, { settings: { [CHOICES_SETTING]: { asOf: "2026-01-31" } } }),
    );
    const kept = new Map<string, string>([
      [`zhenggai.asOf:${host.workbook.name}`, "2025-06-30"],
      ["zhenggai.asOf:另一个.xlsx", "2024-12-31"],
    ]);
    const storage = { getItem: (k: string) => kept.get(k) ?? null } as unknown as Storage;
    expect(await documentSettingsChoices(undefined, () => storage).load()).toEqual({
      asOf: "2026-01-31",
    });
    uninstallFakeOffice();
    const other = installFakeOffice(ledgerWorkbook({ rows: 3 }));
    kept.set(`zhenggai.asOf:${other.workbook.name}`, "2025/06/30");
    expect(await documentSettingsChoices(undefined, () => storage).load()).toEqual({});
    const refusing = {
      getItem: () => {
        throw new Error("SecurityError");
      },
    } as unknown as Storage;
    expect(await documentSettingsChoices(undefined, () => refusing).load()).toEqual({});
  });
});
