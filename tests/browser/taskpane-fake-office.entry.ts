/**
 * Bundled (esbuild, iife) and served in place of office.js by tests/browser/taskpane.test.ts:
 * installs the fake Excel host with the test ledger and exposes it to the test as
 * globalThis.__fakeHost, with the ledger sheet as it was before the pane touched it.
 */
import { installFakeOffice } from "../support/fake-excel";
import { brokenLedgerInput, fakeLedgerInput, readyLedgerInput } from "./taskpane-fake-ledger";

const options = globalThis as {
  /** A test may put templates into the workbook first (an init script sets the parts). */
  __fakeCustomXmlParts?: string[];
  /** Or a long ledger with an error on every row (an init script sets the row count). */
  __fakeBrokenRows?: number;
  /**
   * Keep the document settings across reloads of the pane, as the workbook file would: saved
   * into sessionStorage, read back when the page loads again.
   */
  __fakeKeepSettings?: boolean;
  /** The host's DialogApi version ("" for none; default 1.2). */
  __fakeDialogApi?: string;
  /** The ledger with no error and what 通报 needs (生成通报 gives a document at once). */
  __fakeReadyLedger?: boolean;
};
const SETTINGS_KEY = "fake-excel.savedSettings";
const keep = options.__fakeKeepSettings === true;
const kept = keep ? sessionStorage.getItem(SETTINGS_KEY) : null;
const host = installFakeOffice({
  ...(options.__fakeBrokenRows
    ? brokenLedgerInput(options.__fakeBrokenRows)
    : options.__fakeReadyLedger
      ? readyLedgerInput()
      : fakeLedgerInput()),
  ...(options.__fakeCustomXmlParts ? { customXmlParts: options.__fakeCustomXmlParts } : {}),
  ...(kept ? { settings: JSON.parse(kept) as Record<string, unknown> } : {}),
  ...(keep
    ? { onSettingsSaved: (json: string) => sessionStorage.setItem(SETTINGS_KEY, json) }
    : {}),
  ...(options.__fakeDialogApi !== undefined ? { dialogApiVersion: options.__fakeDialogApi } : {}),
});
Object.assign(globalThis, { __fakeHost: host, __ledgerBefore: host.snapshot("整改台账") });
