/**
 * Task pane measurements for case 6 (and `npm run bench:taskpane` on its own): the production
 * build's initial JS gzipped (what loads before the first render, office.js apart), and in
 * Debian's Chromium, over fresh browser contexts (cold cache) served from loopback:
 *   - first render: the App's first commit (performance mark zhenggai:first-render);
 *   - standalone ready: the 打开台账 button shown (office.js found no host);
 *   - open example: choosing the seed 001 workbook until its numbers are on screen (this loads
 *     exceljs and the core lazily, then reads and analyses the file).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildPaneChunks, initialLoad, PROJECT_ROOT } from "../scripts/pane-build";
import { buildApp } from "../src/server/app";
import { launchChromium } from "../tests/support/chromium";

const EXAMPLE = join(PROJECT_ROOT, "examples/邵阳市园林绿化中心-整改台账.xlsx");
const WARMUP = 1;
const RUNS = 9;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export interface TaskpaneMeasurement {
  /** Our JS loaded before the first render, gzipped (level 9). */
  readonly initialJsGzipBytes: number;
  readonly initialJsBytes: number;
  readonly initialJsFiles: number;
  /** Median ms from navigation start to the App's first commit. */
  readonly firstRenderMs: number;
  /** Median ms from navigation start until the standalone pane offers 打开台账. */
  readonly standaloneReadyMs: number;
  /** Median ms from choosing the seed 001 workbook to its 完成率 on screen. */
  readonly openExampleMs: number;
  /** office.js (Microsoft's loader, served by us, loaded before our code), gzipped. */
  readonly officeJsGzipBytes: number;
  /** The largest lazily loaded chunk, gzipped (exceljs when a file is opened). */
  readonly largestLazyChunkGzipBytes: number;
  readonly runs: number;
}

export async function measureTaskpane(): Promise<TaskpaneMeasurement> {
  const dir = mkdtempSync(join(tmpdir(), "zhenggai-bench-pane-"));
  const dist = join(dir, "dist");
  const { chunks } = await buildPaneChunks({ outDir: dist, quiet: true });
  const load = initialLoad(dist);
  const initialFiles = new Set(load.js.map((c) => c.file));
  const lazyGzip = chunks
    .filter((c) => !initialFiles.has(c.file))
    .map((c) => gzipSync(readFileSync(join(dist, c.file)), { level: 9 }).length);
  const officeJs = readFileSync(
    join(PROJECT_ROOT, "node_modules/@microsoft/office-js/dist/office.js"),
  );

  const app = await buildApp({ distDir: dist, library: false });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/taskpane.html`;
  const browser = await launchChromium();
  const firstRender: number[] = [];
  const ready: number[] = [];
  const openExample: number[] = [];
  try {
    for (let i = 0; i < WARMUP + RUNS; i++) {
      // A fresh context each time: empty cache, as on a clerk's first open of the pane.
      const context = await browser.newContext({ viewport: { width: 420, height: 800 } });
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(
        () => performance.getEntriesByName("zhenggai:first-render").length > 0,
      );
      await page.getByTestId("open-xlsx").waitFor({ state: "attached" });
      const readyAt = await page.evaluate(() => performance.now());
      const renderAt = await page.evaluate(
        () => performance.getEntriesByName("zhenggai:first-render")[0]!.startTime,
      );
      const t0 = performance.now();
      await page.getByTestId("open-xlsx").first().setInputFiles(EXAMPLE);
      await page.getByRole("tab", { name: "统计" }).click();
      await page.getByTestId("stat-rate").waitFor();
      const opened = performance.now() - t0;
      if (i >= WARMUP) {
        firstRender.push(renderAt);
        ready.push(readyAt);
        openExample.push(opened);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    initialJsGzipBytes: load.jsGzipBytes,
    initialJsBytes: load.js.reduce((n, c) => n + c.bytes, 0),
    initialJsFiles: load.js.length,
    firstRenderMs: median(firstRender),
    standaloneReadyMs: median(ready),
    openExampleMs: median(openExample),
    officeJsGzipBytes: gzipSync(officeJs, { level: 9 }).length,
    largestLazyChunkGzipBytes: Math.max(0, ...lazyGzip),
    runs: RUNS,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const m = await measureTaskpane();
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  console.log(
    `initial JS (ours, gzipped):   ${kb(m.initialJsGzipBytes)} in ${m.initialJsFiles} files (goal ≤ 250 KB)`,
  );
  console.log(`office.js loader (gzipped):   ${kb(m.officeJsGzipBytes)}`);
  console.log(`largest lazy chunk (gzipped): ${kb(m.largestLazyChunkGzipBytes)}`);
  console.log(
    `first render:                 ${m.firstRenderMs.toFixed(0)} ms (median of ${m.runs})`,
  );
  console.log(`standalone ready:             ${m.standaloneReadyMs.toFixed(0)} ms`);
  console.log(`open example → numbers:       ${m.openExampleMs.toFixed(0)} ms`);
}
