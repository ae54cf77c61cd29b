/**
 * Benchmark data: ledgers of any size built from the real published documents in
 * examples/seeds (copies of ../shared/seeds), so the text the engines handle (long Chinese paragraphs, ①②③, 《…》 titles)
 * looks like production text. Deterministic: the same size always gives the same ledger.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import {
  type Cell,
  type CellRange,
  cellOf,
  makeSheetGrid,
  type WorkbookGrid,
} from "../src/core/grid";
import { FIELD_LABEL, LEDGER_FIELDS } from "../src/core/model";

const SEEDS_DIR = new URL("../examples/seeds/", import.meta.url);

export interface SeedText {
  readonly aspects: readonly string[];
  readonly problems: readonly string[];
  readonly results: readonly string[];
  readonly practices: readonly { heading: string; text: string }[];
}

const CN_NUM = "一二三四五六七八九十";

/** Pulls aspects, problems, results and narrative paragraphs out of the seed documents. */
export function loadSeedText(dir: string = SEEDS_DIR.pathname): SeedText {
  const aspects = new Set<string>();
  const problems: string[] = [];
  const results: string[] = [];
  const practices: { heading: string; text: string }[] = [];
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".txt")) : [];
  for (const file of files.sort()) {
    const lines = readFileSync(join(dir, file), "utf8")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    let section = 0; // which 一、二、三、 part we are in
    let heading = "";
    for (const line of lines) {
      const top = new RegExp(`^([${CN_NUM}])、(.+)$`).exec(line);
      if (top) {
        section = CN_NUM.indexOf(top[1]!) + 1;
        // Seed 002 lists its aspects as the top level.
        if (line.length > 10 && !/整改|打算|安排/.test(top[2]!)) aspects.add(clean(top[2]!));
        continue;
      }
      const second = new RegExp(`^[（(]([${CN_NUM}]+)[）)](.+)$`).exec(line);
      if (second) {
        const text = clean(second[2]!.replace(/^反馈问题：/, ""));
        if (section === 1) heading = text;
        else if (section === 2 && text.length >= 8) aspects.add(text);
        continue;
      }
      const result = /^整改(成效|情况)：(.+)$/.exec(line);
      if (result) {
        results.push(result[2]!);
        continue;
      }
      const problem = /^(?:[（(]\d+[）)]|\d+[．.、])\s*(.+)$/.exec(line);
      if (problem && problem[1]!.length >= 20) {
        problems.push(problem[1]!);
        continue;
      }
      if (section === 1 && heading && line.length > 40) practices.push({ heading, text: line });
    }
  }
  if (problems.length === 0 || results.length === 0 || aspects.size === 0) {
    throw new Error(`种子文本不可用：${dir} 中没有找到问题、整改成效或方面`);
  }
  return { aspects: [...aspects], problems, results, practices };
}

function clean(s: string): string {
  return s.replace(/[。；;，,]+$/, "").trim();
}

/** mulberry32: a tiny seeded PRNG, so generated ledgers are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPARTMENTS = [
  "办公室",
  "党建办",
  "财务股",
  "绿化股",
  "市政股",
  "环卫股",
  "供气管理股",
  "人事股",
  "规划股",
  "安全生产股",
];
const LEADERS = ["常良涛", "王建国", "李红梅", "赵志刚", "孙晓东"];
const OWNERS = ["张伟", "刘洋", "陈静", "杨帆", "黄磊", "周敏", "吴强", "郑丽", "冯涛", "何平"];
/** Status spellings as clerks type them (not only canonical ones), with weights. */
const STATUS_MIX: readonly [string, number][] = [
  ["已完成", 55],
  ["完成", 8],
  ["已完成并长期坚持", 12],
  ["基本完成", 5],
  ["长期整改", 10],
  ["正在推进", 7],
  ["未完成", 3],
];
const DONE = new Set(["已完成", "完成", "已完成并长期坚持"]);

/** Every column of the spec in its order except 类别 (the examples have two levels). */
export const LEDGER_HEADER: readonly string[] = LEDGER_FIELDS.filter((f) => f !== "category").map(
  (f) => FIELD_LABEL[f],
);

/** The as-of date the benchmarks analyse with (after every generated date). */
export const BENCH_AS_OF = "2024-01-05";
const FEEDBACK = Date.UTC(2023, 9, 23); // 2023-10-23
const DAY = 86_400_000;

export interface GenerateOptions {
  /** Seed for the PRNG; different seeds give different ledgers of the same size. */
  readonly seed?: number;
  /** Number of 方面 (aspects); the ledger is grouped into this many blocks. */
  readonly aspects?: number;
  readonly unitName?: string;
}

const utc = (ms: number): Date => new Date(Math.floor(ms / DAY) * DAY);

/** A ledger workbook grid with `rows` problems: 整改台账 (merged 方面), 基本信息, 报告正文. */
export function generateLedgerGrid(
  rows: number,
  options: GenerateOptions = {},
  text: SeedText = seedText(),
): WorkbookGrid {
  const rand = rng(options.seed ?? 20231023);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const totalWeight = STATUS_MIX.reduce((s, [, w]) => s + w, 0);
  const status = (): string => {
    let r = rand() * totalWeight;
    for (const [s, w] of STATUS_MIX) {
      r -= w;
      if (r < 0) return s;
    }
    return "已完成";
  };
  const aspectCount = Math.max(1, Math.min(options.aspects ?? 4, text.aspects.length, rows));
  const perAspect = Math.ceil(rows / aspectCount);

  const cells: Cell[][] = [];
  const merges: CellRange[] = [];
  const width = LEDGER_HEADER.length;
  cells.push([cellOf(`${options.unitName ?? "清丰县市政园林局"}巡察反馈问题整改台账`)]);
  merges.push({ top: 0, left: 0, bottom: 0, right: width - 1 });
  cells.push(LEDGER_HEADER.map(cellOf));
  for (let i = 0; i < rows; i++) {
    const aspectIndex = Math.floor(i / perAspect);
    const firstOfAspect = i % perAspect === 0;
    const s = status();
    const done = DONE.has(s);
    const selfFound = rand() < 0.05;
    const deadlineKind = rand();
    const deadline: Cell =
      deadlineKind < 0.15
        ? cellOf("立行立改")
        : deadlineKind < 0.25
          ? cellOf("长期坚持")
          : { t: "d", v: utc(FEEDBACK + (20 + Math.floor(rand() * 100)) * DAY) };
    const doneDate: Cell = done
      ? { t: "d", v: utc(FEEDBACK + (1 + Math.floor(rand() * 70)) * DAY) }
      : cellOf("");
    const problem = text.problems[i % text.problems.length]!;
    const result = text.results[(i * 7 + 3) % text.results.length]!;
    cells.push([
      cellOf(i + 1),
      firstOfAspect ? cellOf(text.aspects[aspectIndex % text.aspects.length]) : cellOf(""),
      cellOf(problem),
      cellOf(text.results[(i * 3 + 1) % text.results.length]),
      cellOf(pick(LEADERS)),
      cellOf(pick(DEPARTMENTS)),
      cellOf(pick(OWNERS)),
      deadline,
      cellOf(deadlineKind < 0.15 ? "立行立改" : deadlineKind < 0.25 ? "长期整改" : "限期整改"),
      cellOf(s),
      cellOf(done || rand() < 0.5 ? result : ""),
      doneDate,
      cellOf(done ? `${pick(DEPARTMENTS)}整改台账及会议记录` : ""),
      cellOf(selfFound ? "自查" : "巡察反馈"),
      cellOf(rand() < 0.03 ? "否" : "是"),
      cellOf(""),
    ]);
    if (firstOfAspect) {
      const last = Math.min(rows, i + perAspect) - 1;
      if (last > i) merges.push({ top: i + 2, left: 1, bottom: last + 2, right: 1 });
    }
  }
  const feedbackRows = cells.slice(2).filter((r) => r[13]?.t === "s" && r[13].v === "巡察反馈");
  const usedAspects = new Set<string>();
  let current = "";
  for (const r of cells.slice(2)) {
    if (r[1]?.t === "s") current = r[1].v;
    if (r[13]?.t === "s" && r[13].v === "巡察反馈") usedAspects.add(current);
  }

  const info: [string, unknown][] = [
    ["项目", "内容"],
    ["单位名称", options.unitName ?? "清丰县市政园林局"],
    ["党组织名称", `中共${options.unitName ?? "清丰县市政园林局"}党组`],
    ["巡察组", "县委第一巡察组"],
    ["巡察类型", "常规巡察"],
    ["巡察开始日期", new Date(Date.UTC(2023, 6, 28))],
    ["巡察结束日期", new Date(Date.UTC(2023, 8, 11))],
    ["反馈日期", new Date(FEEDBACK)],
    ["反馈方面数", usedAspects.size],
    ["反馈问题数", feedbackRows.length],
    ["意见建议数", 5],
    ["发文机关标志", `中共${options.unitName ?? "清丰县市政园林局"}党组文件`],
    ["发文字号", "清市政党组〔2024〕1号"],
    ["签发人", "常良涛"],
    ["主送机关", "县委巡察工作领导小组办公室"],
    ["成文日期", new Date(Date.UTC(2024, 0, 5))],
    ["抄送", "县委第一巡察组"],
    ["印发机关", `中共${options.unitName ?? "清丰县市政园林局"}党组办公室`],
    ["印发日期", new Date(Date.UTC(2024, 0, 5))],
    ["联系电话", "0393-7221234"],
    ["邮政地址", "河南省濮阳市清丰县中原路88号"],
    ["电子邮箱", "qfszyl@163.com"],
  ];
  const narrative: unknown[][] = [["部分", "小标题", "内容"]];
  for (const p of text.practices.slice(0, 4)) narrative.push(["主要做法", p.heading, p.text]);
  narrative.push(["下一步打算", "强化责任担当", text.practices[0]?.text ?? "持续抓好整改落实。"]);
  narrative.push(["下一步打算", "坚持长效治理", text.practices[1]?.text ?? "建立长效机制。"]);

  return {
    sheets: [
      makeSheetGrid("整改台账", cells, { merges }),
      makeSheetGrid(
        "基本信息",
        info.map((r) => r.map(cellOf)),
      ),
      makeSheetGrid(
        "报告正文",
        narrative.map((r) => r.map(cellOf)),
      ),
    ],
  };
}

let cachedText: SeedText | undefined;
export function seedText(): SeedText {
  cachedText ??= loadSeedText();
  return cachedText;
}

/** Writes a grid as an .xlsx (exceljs), keeping merges and date formats, for the e2e cases. */
export async function gridToXlsx(grid: WorkbookGrid): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of grid.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.cells.forEach((row, r) => {
      const values = row.map((c) => (c.t === "empty" ? null : c.v));
      const xrow = ws.getRow(sheet.origin.row + r + 1);
      values.forEach((v, c) => {
        if (v === null) return;
        const cell = xrow.getCell(sheet.origin.col + c + 1);
        cell.value = v as ExcelJS.CellValue;
        if (v instanceof Date) cell.numFmt = "yyyy-mm-dd";
      });
    });
    for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

export async function generateLedgerXlsx(
  rows: number,
  options: GenerateOptions = {},
): Promise<Uint8Array> {
  return gridToXlsx(generateLedgerGrid(rows, options));
}
