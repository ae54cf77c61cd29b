/**
 * The task pane lazy-loads src/node/xlsx-grid.ts in the browser (standalone mode), so it must
 * bundle for the browser: no fs, no `node:` modules, exceljs resolved to its browser build.
 */
import { build } from "esbuild";
import { expect, it } from "vitest";

it("xlsx-grid.ts bundles for the browser without Node built-ins", async () => {
  const result = await build({
    entryPoints: ["src/node/xlsx-grid.ts"],
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
  const local = inputs.filter((p) => p.startsWith("src/")).sort();
  expect(local).toEqual(["src/core/grid.ts", "src/node/xlsx-grid.ts"]);
});
