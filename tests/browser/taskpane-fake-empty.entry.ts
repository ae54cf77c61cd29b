/**
 * Bundled (esbuild, iife) and served in place of office.js by taskpane-first-run.test.ts: the
 * fake Excel host with a new, empty workbook (one blank Sheet1), as globalThis.__fakeHost.
 */
import { installFakeOffice } from "../support/fake-excel";

const host = installFakeOffice({ name: "工作簿1.xlsx", sheets: [{ name: "Sheet1" }] });
Object.assign(globalThis, { __fakeHost: host });
