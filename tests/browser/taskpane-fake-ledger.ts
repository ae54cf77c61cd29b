/**
 * The workbook the task pane's browser test opens in the fake Excel host: the usual test ledger
 * (tests/support/office-ledger.ts) with one 完成情况 the core cannot read, so the pane has an
 * error finding tied to a cell to click. Imported by the test (expected values) and by the
 * bundled page script (taskpane-fake-office.entry.ts), so it must stay free of node: imports.
 */
import type { FakeWorkbookInput } from "../support/fake-excel";
import { defaultStatus, ledgerWorkbook } from "../support/office-ledger";

export const FAKE_LEDGER_ROWS = 12;
/** 0-based problem whose 完成情况 is unreadable; its cell is J(3 + index). */
export const BROKEN_PROBLEM = 4;
export const BROKEN_STATUS = "完成了一半";

export function fakeLedgerInput(): FakeWorkbookInput {
  return ledgerWorkbook({
    rows: FAKE_LEDGER_ROWS,
    status: (i) => (i === BROKEN_PROBLEM ? BROKEN_STATUS : defaultStatus(i)),
  });
}

/** A long ledger whose every 完成情况 is unreadable: one error per row, all of one code. */
export function brokenLedgerInput(rows: number): FakeWorkbookInput {
  return ledgerWorkbook({ rows, status: () => BROKEN_STATUS });
}

/**
 * The usual test ledger with nothing wrong and what 通报 needs in 基本信息 (成文日期, 联系电话),
 * so that 生成通报 gives a document at once.
 */
export function readyLedgerInput(): FakeWorkbookInput {
  const input = ledgerWorkbook({ rows: FAKE_LEDGER_ROWS, status: defaultStatus });
  return {
    ...input,
    sheets: input.sheets.map((sheet) =>
      sheet.name === "基本信息"
        ? {
            ...sheet,
            rows: [...(sheet.rows ?? []), ["成文日期", "2024-12-31"], ["联系电话", "0371-5321234"]],
          }
        : sheet,
    ),
  };
}
