/**
 * The task pane lazy-loads src/xlsx/grid.ts and src/xlsx/bytes.ts in the browser
 * (standalone mode), so they must bundle for the browser: no fs, no `node:` modules, exceljs
 * resolved to its browser build (the Workbook class through package.json's `browser` field,
 * src/xlsx/workbook-class.browser.ts in place of the Node module).
 */
import { build } from "esbuild";
import { expect, it } from "vitest";

it.each([
  [
    "src/xlsx/grid.ts",
    [
      "src/core/grid.ts",
      "src/documents/gate/zip.ts",
      "src/xlsx/bounds.ts",
      "src/xlsx/grid.ts",
      "src/xlsx/read-error.ts",
      "src/xlsx/workbook-class.browser.ts",
    ],
  ],
  [
    "src/xlsx/bytes.ts",
    [
      "src/core/grid.ts",
      "src/documents/gate/zip.ts",
      "src/xlsx/bounds.ts",
      "src/xlsx/bytes.ts",
      "src/xlsx/grid.ts",
      "src/xlsx/read-error.ts",
      "src/xlsx/workbook-class.browser.ts",
    ],
  ],
])("%s bundles for the browser without Node built-ins", async (entry, localInputs) => {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  expect(result.errors).toEqual([]);
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs).toContain("node_modules/exceljs/dist/exceljs.min.js");
  expect(
    inputs.filter((p) => p.startsWith("node:") || /(^|\/)(fs|path|os)(\.js)?$/.test(p)),
  ).toEqual([]);
  expect(inputs.filter((p) => p.startsWith("src/")).sort()).toEqual(localInputs);
});
