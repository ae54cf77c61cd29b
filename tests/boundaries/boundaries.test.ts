/**
 * The layer rule: every import in src/ follows tests/boundaries/layers.ts, nothing in src/ loads
 * a devDependency at run time, and the README's layout block is the table's. The rule is shown
 * to fail on deliberately wrong imports, fed through the same parser and checker.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkImports, layerOf, type PackageJson } from "./check";
import { importGraph, importsOf } from "./graph";
import { LAYERS } from "./layers";
import { layoutBlock, withLayoutBlock } from "./layout-doc";

const ROOT = join(import.meta.dirname, "../..");
const PKG = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as PackageJson;
const check = (file: string, text: string) =>
  checkImports(importsOf(ROOT, file, text), LAYERS, PKG);

describe("layer boundaries", () => {
  const edges = importGraph(ROOT);

  it("reads the whole of src/ (static, dynamic and type imports)", () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges.some((e) => e.dynamic && e.file === "src/xlsx/grid.ts")).toBe(true);
    expect(edges.some((e) => e.typeOnly && e.file === "src/ports/workbook.ts")).toBe(true);
  });

  it("every import in src/ follows the layer table and package.json", () => {
    expect(checkImports(edges, LAYERS, PKG)).toEqual([]);
  });

  it("fails on an import against the direction of the table", () => {
    expect(check("src/core/bad.ts", 'import { App } from "../taskpane/App";\n')).toEqual([
      'src/core/bad.ts:1 imports "../taskpane/App": src/core may not import src/taskpane',
    ]);
    expect(check("src/office/bad.ts", 'export { x } from "../taskpane/state/session";')).toEqual([
      'src/office/bad.ts:1 imports "../taskpane/state/session": src/office may not import src/taskpane',
    ]);
    // Lazily loaded or named by URL is still an import.
    expect(
      check("src/node/bad.ts", 'const m = await import("../cli/commands/report");'),
    ).toHaveLength(1);
    expect(
      check("src/node/bad.ts", 'const u = new URL("../cli/commands/report.ts", import.meta.url);'),
    ).toEqual([
      'src/node/bad.ts:1 imports "../cli/commands/report.ts": src/node may not import src/cli',
    ]);
  });

  it("allows types, and only types, where the table says typesFrom", () => {
    expect(check("src/ports/ok.ts", 'import type { Finding } from "../core/model";')).toEqual([]);
    expect(check("src/ports/bad.ts", 'import { SHEET } from "../core/model";')).toEqual([
      'src/ports/bad.ts:1 imports "../core/model": src/ports may not import src/core at run time (types only)',
    ]);
  });

  it("fails on a package a folder may not use, a devDependency or an undeclared one", () => {
    expect(check("src/core/bad.ts", 'import ExcelJS from "exceljs";')).toEqual([
      'src/core/bad.ts:1 imports "exceljs": src/core may not use exceljs (see tests/boundaries/layers.ts)',
    ]);
    expect(check("src/server/bad.ts", 'const { build } = await import("vite");')).toEqual([
      'src/server/bad.ts:1 imports "vite": vite is a devDependency, not there at run time',
    ]);
    expect(check("src/server/ok.ts", 'import type { Manifest } from "vite";')).toEqual([]);
    expect(check("src/cli/bad.ts", 'import x from "left-pad";')).toEqual([
      'src/cli/bad.ts:1 imports "left-pad": left-pad is not a dependency in package.json',
    ]);
    expect(check("src/documents/bad.ts", 'import { readFile } from "node:fs/promises";')).toEqual([
      'src/documents/bad.ts:1 imports "node:fs/promises": src/documents runs without Node (no node: built-ins)',
    ]);
  });

  it("asks for a row for a folder the table does not know", () => {
    expect(check("src/elsewhere/x.ts", 'import { z } from "zod";')).toEqual([
      "src/elsewhere/ has no row in the layer table (tests/boundaries/layers.ts): add one",
    ]);
    expect(layerOf(LAYERS, "src/server/library/plugin.ts")?.folder).toBe("src/server/library");
    expect(layerOf(LAYERS, "src/server/app.ts")?.folder).toBe("src/server");
  });

  it("names only folders that exist or may come, each once", () => {
    const folders = LAYERS.map((l) => l.folder);
    expect(new Set(folders).size).toBe(folders.length);
    for (const l of LAYERS) {
      for (const target of [...l.imports, ...(l.typesFrom ?? [])])
        expect(folders).toContain(target);
    }
  });

  it("the README's layout block is generated from the table (npm run docs:layout)", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const block = layoutBlock((folder) => existsSync(join(ROOT, folder)));
    expect(withLayoutBlock(readme, block), "README.md lost its layout markers").toBeDefined();
    expect(withLayoutBlock(readme, block) === readme, "run npm run docs:layout").toBe(true);
  });
});
