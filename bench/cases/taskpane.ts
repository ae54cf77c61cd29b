/**
 * Case 6: the task pane — initial JS gzipped and time to first render (bench/taskpane.ts, from
 * the task pane engineer), context.sync calls per one-click action against the fake Excel
 * host (read + analyse + write 整改统计) for 10 and 10,000 rows, desktop and web, and, in
 * Chromium on the standalone page, the pane's first render and "open → numbers" (choosing a
 * generated ledger of 1,000 or 10,000 rows until 统计 shows its 问题总数).
 *
 * Just this part, once:  npx tsx bench/cases/taskpane.ts --open-rows
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Cell, WorkbookGrid } from "../../src/core/grid";
import { a1 } from "../../src/core/grid";
import { BENCH_AS_OF, generateLedgerGrid, generateLedgerXlsx } from "../data";
import { fmtMs } from "../harness";
import { isMissing, missingText, type Piece, type Pieces, ROOT } from "../pieces";
import type { CaseResult, Table, Verdict } from "../report";

const TITLE = "Task pane: initial JS, first render, Office syncs per click";
const GOAL = "initial JS ≤ 250 KB gzipped; syncs per click independent of rows";
const SIZES = [10, 10_000] as const;
const PLATFORMS = ["PC", "OfficeOnline"] as const;
/** Ledger sizes opened in the standalone page for "open → numbers". */
export const OPEN_SIZES = [1_000, 10_000] as const;
const OPEN_RUNS = 3;

/** Excel's serial day number for a UTC date (1900 system). */
const serial = (d: Date) => d.getTime() / 86_400_000 + 25_569;

/** Our grid → the fake host's input: values, date formats, merges. */
function fakeSheets(grid: WorkbookGrid) {
  return grid.sheets.map((s) => ({
    name: s.name,
    rows: s.cells.map((row) =>
      row.map((c: Cell) => {
        switch (c.t) {
          case "empty":
            return null;
          case "d":
            return { v: serial(c.v), fmt: "yyyy-mm-dd" };
          case "e":
            return { error: c.v };
          default:
            return c.v;
        }
      }),
    ),
    merges: s.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`),
  }));
}

interface TaskpaneMetrics {
  readonly gzipBytes?: number;
  readonly firstRenderMs?: number;
  readonly raw: Record<string, unknown>;
}

/** Calls bench/taskpane.ts's exported function and picks out the two numbers we report. */
async function taskpaneMetrics(): Promise<Piece<TaskpaneMetrics>> {
  const url = new URL("bench/taskpane.ts", ROOT);
  if (!existsSync(url)) return { missing: "任务窗格测量（bench/taskpane.ts）" };
  const mod = (await import(url.href)) as Record<string, unknown>;
  const fn = Object.entries(mod).find(
    ([name, v]) => typeof v === "function" && /measure|bench|taskpane/i.test(name),
  )?.[1] as (() => Promise<unknown>) | undefined;
  const call =
    fn ?? (typeof mod.default === "function" ? (mod.default as () => Promise<unknown>) : undefined);
  if (!call) return { missing: "任务窗格测量（bench/taskpane.ts 未导出测量函数）" };
  const raw = (await call()) as Record<string, unknown>;
  const entry = (re: RegExp) =>
    Object.entries(raw ?? {}).find(([k, v]) => re.test(k) && typeof v === "number") as
      | [string, number]
      | undefined;
  // The size may come in bytes or in KB; the key says which.
  const gz = entry(/gz/i) ?? entry(/initial|bundle|size/i);
  const gzipBytes = gz === undefined ? undefined : /kb/i.test(gz[0]) ? gz[1] * 1024 : gz[1];
  const num = (re: RegExp) => entry(re)?.[1];
  const firstRenderMs = num(/render/i);
  return {
    ...(gzipBytes === undefined ? {} : { gzipBytes }),
    ...(firstRenderMs === undefined ? {} : { firstRenderMs }),
    raw: raw ?? {},
  };
}

/** The other numbers bench/taskpane.ts reports, when it reports them. */
function extraRows(raw: Record<string, unknown>): string[][] {
  const n = (k: string) => (typeof raw[k] === "number" ? (raw[k] as number) : undefined);
  const kb = (b: number | undefined) =>
    b === undefined ? undefined : `${(b / 1024).toFixed(1)} KB`;
  const ms = (v: number | undefined) => (v === undefined ? undefined : fmtMs(v));
  const rows: [string, string | undefined][] = [
    ["standalone pane ready (打开台账 shown)", ms(n("standaloneReadyMs"))],
    [
      "open the seed 001 workbook → numbers on screen (lazy exceljs + core)",
      ms(n("openExampleMs")),
    ],
    ["office.js loader, gzipped (Microsoft's, loaded before ours)", kb(n("officeJsGzipBytes"))],
    ["largest lazily loaded chunk, gzipped", kb(n("largestLazyChunkGzipBytes"))],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== undefined).map(([k, v]) => [k, v, ""]);
}

export interface OpenToNumbers {
  readonly rows: number;
  /** Median ms from navigation to the App's first commit (performance mark). */
  readonly firstRenderMs: number;
  /** Median ms from choosing the file until 统计 shows its 问题总数. */
  readonly openToNumbersMs: number;
  /** What the pane showed as 问题总数 (the generated ledger's 巡察反馈 problems). */
  readonly shownTotal: number;
  readonly runs: number;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * The standalone page in Debian's Chromium (fresh context per run, cold cache, loopback): first
 * render, then a generated ledger chosen with 选择台账文件 until 统计's 问题总数 is on screen
 * (exceljs and the core load lazily, then the file is read and analysed in the page).
 */
export async function measureOpenToNumbers(
  sizes: readonly number[] = OPEN_SIZES,
  runs = OPEN_RUNS,
): Promise<OpenToNumbers[]> {
  const [{ buildPane }, { buildApp }, { launchChromium }] = await Promise.all([
    import("../../scripts/pane-build"),
    import("../../src/server/app"),
    import("../../tests/support/chromium"),
  ]);
  const dir = mkdtempSync(join(tmpdir(), "zhenggai-bench-open-"));
  const dist = await buildPane({ outDir: join(dir, "dist"), quiet: true });
  const app = await buildApp({ distDir: dist, library: false });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/standalone.html`;
  const browser = await launchChromium();
  const results: OpenToNumbers[] = [];
  try {
    for (const rows of sizes) {
      const file = join(dir, `台账-${rows}.xlsx`);
      writeFileSync(file, await generateLedgerXlsx(rows));
      const render: number[] = [];
      const open: number[] = [];
      let shownTotal = 0;
      // One warm-up run (the server's first responses, Chromium's first start-up).
      for (let i = 0; i <= runs; i++) {
        const context = await browser.newContext({ viewport: { width: 420, height: 800 } });
        const page = await context.newPage();
        await page.goto(url);
        await page.waitForFunction(
          () => performance.getEntriesByName("zhenggai:first-render").length > 0,
        );
        const renderAt = await page.evaluate(
          () => performance.getEntriesByName("zhenggai:first-render")[0]!.startTime,
        );
        await page.getByTestId("open-xlsx").first().waitFor({ state: "attached" });
        const t0 = performance.now();
        await page.getByTestId("open-xlsx").first().setInputFiles(file);
        await page.locator('section[aria-label="校验结果"]').waitFor({ timeout: 300_000 });
        await page.getByRole("tab", { name: "统计" }).click();
        await page.getByTestId("stat-total").waitFor({ timeout: 300_000 });
        const opened = performance.now() - t0;
        shownTotal = Number(await page.getByTestId("stat-total").innerText());
        if (i > 0) {
          render.push(renderAt);
          open.push(opened);
        }
        await context.close();
      }
      results.push({
        rows,
        firstRenderMs: median(render),
        openToNumbersMs: median(open),
        shownTotal,
        runs,
      });
    }
  } finally {
    await browser.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

function openRows(results: readonly OpenToNumbers[]): string[][] {
  return results.map((r) => [
    r.rows.toLocaleString("en-US"),
    fmtMs(r.firstRenderMs),
    fmtMs(r.openToNumbersMs),
    String(r.shownTotal),
  ]);
}

export async function taskpaneCase(pieces: Pieces): Promise<CaseResult> {
  const tables: Table[] = [];
  const notes: string[] = [];
  const headline: string[] = [];
  let verdict: Verdict = "untested";

  // Part 1: bundle and first render.
  let pane: Piece<TaskpaneMetrics>;
  try {
    pane = await taskpaneMetrics();
  } catch (error) {
    pane = { missing: `任务窗格测量（出错：${(error as Error).message.split("\n")[0]}）` };
  }
  if (isMissing(pane)) {
    headline.push(missingText(pane)!);
  } else {
    const kb = pane.gzipBytes === undefined ? undefined : pane.gzipBytes / 1024;
    tables.push({
      headers: ["task pane", "value", "goal"],
      rows: [
        ["initial JS, gzipped", kb === undefined ? "—" : `${kb.toFixed(1)} KB`, "≤ 250 KB"],
        [
          "time to first render",
          pane.firstRenderMs === undefined ? "—" : fmtMs(pane.firstRenderMs),
          "",
        ],
        ...extraRows(pane.raw),
      ],
    });
    notes.push(`bench/taskpane.ts returned: ${JSON.stringify(pane.raw)}`);
    if (kb !== undefined) {
      headline.push(`initial JS ${kb.toFixed(0)} KB gz`);
      verdict = kb <= 250 ? "met" : "missed";
    }
    if (pane.firstRenderMs !== undefined)
      headline.push(`first render ${fmtMs(pane.firstRenderMs)}`);
  }

  // Part 2: syncs per one-click action on the fake Excel host.
  const fakeUrl = new URL("tests/support/fake-excel.ts", ROOT);
  const portUrl = new URL("src/office/excel-port.ts", ROOT);
  const why = missingText(
    pieces.analyseWorkbook,
    existsSync(fakeUrl) ? {} : { missing: "模拟 Excel（tests/support/fake-excel.ts）" },
    existsSync(portUrl) ? {} : { missing: "Office 适配器（src/office/excel-port.ts）" },
  );
  if (why || isMissing(pieces.analyseWorkbook)) {
    headline.push(why ?? "");
  } else {
    const analyse = pieces.analyseWorkbook;
    const fake = (await import(fakeUrl.href)) as typeof import("../../tests/support/fake-excel");
    const office = (await import(portUrl.href)) as typeof import("../../src/office/excel-port");
    const rows: string[][] = [];
    const syncs = new Map<string, number>();
    for (const platform of PLATFORMS) {
      for (const n of SIZES) {
        const grid = generateLedgerGrid(n);
        const host = fake.installFakeOffice({
          name: "台账.xlsx",
          platform,
          sheets: fakeSheets(grid),
        });
        try {
          const port = office.createExcelWorkbookPort();
          const t0 = performance.now();
          const before = host.syncCount;
          const read = await port.readWorkbook();
          const afterRead = host.syncCount;
          const analysis = analyse(read, { asOf: BENCH_AS_OF, precision: 0 });
          await port.live.writeStatistics(analysis);
          const total = host.syncCount - before;
          const ms = performance.now() - t0;
          const problems = analysis.stats.total + analysis.stats.selfFound.total;
          if (problems !== n) throw new Error(`模拟 Excel 读回 ${problems} 个问题，应为 ${n} 个`);
          syncs.set(`${platform}:${n}`, total);
          rows.push([
            platform === "PC" ? "desktop (PC)" : "Excel on the web",
            n.toLocaleString("en-US"),
            String(afterRead - before),
            String(total - (afterRead - before)),
            String(total),
            fmtMs(ms),
          ]);
        } finally {
          fake.uninstallFakeOffice();
        }
      }
    }
    tables.push({
      headers: [
        "host",
        "rows",
        "syncs: read",
        "syncs: write 整改统计",
        "syncs per click",
        "time on the fake host",
      ],
      rows,
    });
    const pc10 = syncs.get("PC:10")!;
    const pc10k = syncs.get("PC:10000")!;
    headline.push(`syncs per click: ${pc10} (10 rows), ${pc10k} (10,000 rows) on desktop`);
    notes.push(
      "One click = readWorkbook + analyseWorkbook + writeStatistics through createExcelWorkbookPort on the fake host (tests/support/fake-excel.ts), which counts context.sync() calls, including the one Excel.run makes for commands left queued. On the web, requests and responses are limited to 5 MB, so large ledgers are read and written in more round trips.",
      "The fake host's time is not Excel's: a real sync costs a round trip to Excel (milliseconds on desktop, far more on the web), which is why the count matters.",
    );
    if (verdict !== "missed" && pc10k > pc10 + 2) verdict = "missed";
    else if (verdict === "untested") verdict = "info";
  }
  // Part 3: the standalone page on generated ledgers of 1,000 and 10,000 rows.
  try {
    const open = await measureOpenToNumbers();
    tables.push({
      headers: ["rows (standalone page)", "first render", "open → numbers", "问题总数 shown"],
      rows: openRows(open),
    });
    const big = open.find((r) => r.rows === 10_000);
    if (big) headline.push(`open → numbers ${fmtMs(big.openToNumbersMs)} (10,000 rows)`);
    notes.push(
      `Open → numbers: a fresh Chromium context per run (median of ${OPEN_RUNS}, after one warm-up), the standalone page served from loopback; from choosing the generated ledger (bench/data.ts) with 选择台账文件 until 统计 shows 问题总数 — this loads exceljs and the core, reads the .xlsx in the page and analyses it. First render is the App's first commit (performance mark zhenggai:first-render) on the same page.`,
    );
  } catch (error) {
    headline.push(`open → numbers: 出错（${(error as Error).message.split("\n")[0]}）`);
  }
  return { id: 6, title: TITLE, goal: GOAL, verdict, headline: headline.join("; "), tables, notes };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes("--open-rows")) {
    const results = await measureOpenToNumbers();
    for (const r of results) {
      console.log(
        `${r.rows.toLocaleString("en-US")} rows: first render ${fmtMs(r.firstRenderMs)}, open → numbers ${fmtMs(r.openToNumbersMs)} (问题总数 ${r.shownTotal}, median of ${r.runs})`,
      );
    }
  }
}
