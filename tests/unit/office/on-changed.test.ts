/**
 * live.onChanged: the port registers one worksheets.onChanged handler (ExcelApi 1.7) in its own
 * sync, calls the subscriber for each edit, removes the handler on unsubscribe, and does nothing
 * on hosts without the event.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createExcelWorkbookPort } from "../../../src/office/excel-port";
import { installFakeOffice, uninstallFakeOffice } from "../../support/fake-excel";
import { ledgerWorkbook } from "../../support/office-ledger";

afterEach(() => uninstallFakeOffice());

/** Lets queued Excel.run batches and their syncs finish. */
const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
};

describe("live.onChanged", () => {
  it("calls the subscriber once per edit until unsubscribed", async () => {
    const host = installFakeOffice(ledgerWorkbook({ rows: 3 }));
    const port = createExcelWorkbookPort();
    let calls = 0;
    const unsubscribe = port.live.onChanged!(() => calls++);
    await settle();
    expect(host.changeHandlers).toHaveLength(1);
    expect(host.eventSyncCount).toBe(1);

    host.edit("整改台账", "J3", "已完成");
    host.edit("基本信息", "B2", "中共某某局委员会");
    expect(calls).toBe(2);
    expect(host.read("整改台账", "J3").values).toEqual([["已完成"]]);

    unsubscribe();
    await settle();
    expect(host.changeHandlers).toHaveLength(0);
    host.edit("整改台账", "J3", "正在推进");
    expect(calls).toBe(2);
  });

  it("unsubscribing before the registration synced still leaves no handler", async () => {
    const host = installFakeOffice(ledgerWorkbook({ rows: 3 }));
    let calls = 0;
    createExcelWorkbookPort().live.onChanged!(() => calls++)();
    await settle();
    expect(host.changeHandlers).toHaveLength(0);
    host.edit("整改台账", "J3", "已完成");
    expect(calls).toBe(0);
  });

  it("registers nothing on ExcelApi 1.6 (Excel 2016 keeps 重新检查)", async () => {
    const host = installFakeOffice(ledgerWorkbook({ rows: 3 }, { apiVersion: "1.6" }));
    let calls = 0;
    const unsubscribe = createExcelWorkbookPort().live.onChanged!(() => calls++);
    await settle();
    expect(host.syncCount).toBe(0);
    host.edit("整改台账", "J3", "已完成");
    expect(calls).toBe(0);
    unsubscribe();
  });
});
