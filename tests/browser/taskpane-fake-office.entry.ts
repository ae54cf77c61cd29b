/**
 * Bundled (esbuild, iife) and served in place of office.js by tests/browser/taskpane.test.ts:
 * installs the fake Excel host with the test ledger and exposes it to the test as
 * globalThis.__fakeHost, with the ledger sheet as it was before the pane touched it.
 */
import { installFakeOffice } from "../support/fake-excel";
import { brokenLedgerInput, fakeLedgerInput } from "./taskpane-fake-ledger";

// A test may put templates into the workbook first (an init script sets the parts).
const parts = (globalThis as { __fakeCustomXmlParts?: string[] }).__fakeCustomXmlParts;
// Or a long ledger with an error on every row (an init script sets the row count).
const brokenRows = (globalThis as { __fakeBrokenRows?: number }).__fakeBrokenRows;
const host = installFakeOffice({
  ...(brokenRows ? brokenLedgerInput(brokenRows) : fakeLedgerInput()),
  ...(parts ? { customXmlParts: parts } : {}),
});
Object.assign(globalThis, { __fakeHost: host, __ledgerBefore: host.snapshot("整改台账") });
