/**
 * Case 6: the task pane — initial JS gzipped and time to first render (bench/taskpane.ts, from
 * the task pane engineer), and context.sync calls per one-click action against the fake Excel
 * host (read + analyse + write 整改统计) for 10 and 10,000 rows, desktop and web.
 */
import { existsSync } from "node:fs";
import type { Cell, WorkbookGrid } from "../../src/core/grid";
import { a1 } from "../../src/core/grid";
import { BENCH_AS_OF, generateLedgerGrid } from "../data";
import { fmtMs } from "../harness";
import { isMissing, missingText, type Piece, type Pieces, ROOT } from "../pieces";
import type { CaseResult, Table, Verdict } from "../report";

const TITLE = "Task pane: initial JS, first render, Office syncs per click";
const GOAL = "initial JS ≤ 250 KB gzipped; syncs per click independent of rows";
const SIZES = [10, 10_000] as const;
const PLATFORMS = ["PC", "OfficeOnline"] as const;

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
  return { id: 6, title: TITLE, goal: GOAL, verdict, headline: headline.join("; "), tables, notes };
}
