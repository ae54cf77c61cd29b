/**
 * The task pane's production build: the heavy parts (exceljs for standalone files, docx-preview
 * for the preview, docxtemplater/pizzip for rendering) are loaded only when needed, so they must
 * not be in the chunks the page loads before its first render — but they must be in the build.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BuiltChunk,
  buildPaneChunks,
  initialJsText,
  initialLoad,
  initialModules,
} from "../../scripts/pane-build";

const LAZY_PACKAGES = [
  "exceljs",
  "docx-preview",
  "docxtemplater",
  "pizzip",
  // The 统计 charts (StatsCharts.tsx) load after the numbers are shown.
  "@fluentui/react-charts",
] as const;
const BUDGET_GZIP_BYTES = 250 * 1024;

const inPackage = (id: string, pkg: string) =>
  id.replaceAll("\\", "/").includes(`/node_modules/${pkg}/`);

describe("task pane bundle", () => {
  const dir = mkdtempSync(join(tmpdir(), "zhenggai-pane-"));
  let chunks: BuiltChunk[] = [];
  let initial: string[] = [];

  beforeAll(async () => {
    ({ chunks } = await buildPaneChunks({ outDir: join(dir, "dist"), quiet: true }));
    // The pane's own entry (the office's dashboard.html is a second page of the same build).
    const paneEntry = chunks.find(
      (c) => c.isEntry && c.moduleIds.some((id) => id.endsWith("src/taskpane/main.tsx")),
    );
    initial = initialModules(chunks, paneEntry?.file ?? "");
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("has one entry per page; the pane's initial chunks hold React, Fluent UI and the app shell", () => {
    const entries = chunks.filter((c) => c.isEntry);
    // taskpane.html, standalone.html (the pane without office.js), dashboard.html and
    // preview-dialog.html (放大预览's dialog in Excel).
    expect(entries).toHaveLength(4);
    const standalone = entries.find((c) =>
      c.moduleIds.some((id) => id.endsWith("src/taskpane/standalone-main.tsx")),
    );
    expect(standalone).toBeDefined();
    // The standalone page loads the same pane first (everything but taskpane.html's own entry).
    expect(initialModules(chunks, standalone!.file)).toEqual(
      expect.arrayContaining(initial.filter((id) => !/src\/taskpane\/main.tsx$|\.html$/.test(id))),
    );
    const dashboard = entries.find((c) =>
      c.moduleIds.some((id) => id.endsWith("src/dashboard/main.tsx")),
    );
    expect(dashboard).toBeDefined();
    // The dashboard never loads the pane, nor the pane the dashboard.
    expect(initialModules(chunks, dashboard!.file).some((id) => id.includes("src/taskpane/"))).toBe(
      false,
    );
    expect(initial.some((id) => id.includes("src/dashboard/"))).toBe(false);
    expect(initial.some((id) => inPackage(id, "react-dom"))).toBe(true);
    expect(initial.some((id) => id.includes("/node_modules/@fluentui/"))).toBe(true);
    expect(initial.some((id) => id.endsWith("src/taskpane/App.tsx"))).toBe(true);
  });

  it("gives the preview dialog a small page of its own: the safe renderer, no React, no Fluent UI", () => {
    const dialog = chunks.find(
      (c) =>
        c.isEntry && c.moduleIds.some((id) => id.endsWith("src/taskpane/preview-dialog/main.ts")),
    );
    expect(dialog).toBeDefined();
    const first = initialModules(chunks, dialog!.file);
    expect(first.some((id) => id.endsWith("src/taskpane/preview/safe-preview.ts"))).toBe(true);
    expect(
      first.some((id) => inPackage(id, "react-dom") || id.includes("/node_modules/@fluentui/")),
    ).toBe(false);
    expect(first.filter((id) => inPackage(id, "docx-preview"))).toEqual([]);
  });

  it.each(LAZY_PACKAGES)("loads %s only when needed", (pkg) => {
    const all = chunks.flatMap((c) => c.moduleIds);
    expect(all.some((id) => inPackage(id, pkg))).toBe(true);
    expect(initial.filter((id) => inPackage(id, pkg))).toEqual([]);
  });

  it("keeps the Office adapter and the standalone reader out of the first load", () => {
    expect(initial.filter((id) => /src\/(office|node)\//.test(id))).toEqual([]);
    expect(initial.filter((id) => id.endsWith("src/taskpane/standalone-port.ts"))).toEqual([]);
  });

  it("stays within the initial-load budget (250 KB gzipped)", () => {
    const load = initialLoad(join(dir, "dist"));
    expect(load.js.length).toBeGreaterThan(0);
    expect(load.jsGzipBytes).toBeGreaterThan(10 * 1024);
    expect(load.jsGzipBytes).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
    // The manifest-based reading agrees with the bundler's own chunk graph.
    const text = initialJsText(join(dir, "dist"));
    expect(text).toContain("整改台账助手");
  });
});
