/**
 * Bounded ledger reading (issue 10, item 4): hostile .xlsx files built with the lying zip
 * writer are refused fast with a Chinese reason naming the sheet, by `zhenggai check`
 * (exit 2, time and peak memory measured on the child) and by the pane's reader; a far empty
 * styled cell or a merge past the data costs nothing and the ledger reads as usual.
 */
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readXlsxGrid, WorkbookFileError } from "../../../src/taskpane/standalone-port";
import { XLSX_LIMITS } from "../../../src/xlsx/bounds";
import { gridFromXlsxBytes, WorkbookReadError } from "../../../src/xlsx/bytes";
import {
  farCellXlsx,
  farEmptyStyledCellXlsx,
  hugeMergeXlsx,
  inflatingSheetXlsx,
  LEDGER_ROWS,
  str,
  xlsx,
} from "../../support/hostile-xlsx";
import { repoRoot, runCli } from "../cli/run-cli";

const FAR_MESSAGE =
  "工作表“整改台账”的单元格 XFD1048576 有内容，超出了可读取的范围 A1:IV65536（最多 65536 行、256 列）；请删去该单元格，或把台账复制到新的工作表后再试。";

let dir: string;
const files: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "zhenggai-bounded-"));
  const write = async (name: string, bytes: Uint8Array) => {
    files[name] = join(dir, name);
    await writeFile(files[name]!, bytes);
  };
  await write("far.xlsx", farCellXlsx());
  await write("merge.xlsx", hugeMergeXlsx());
  await write("merge-below.xlsx", hugeMergeXlsx("A3:XFD1048576"));
  await write("styled.xlsx", farEmptyStyledCellXlsx());
  await write("inflating.xlsx", inflatingSheetXlsx(400 * 1024 * 1024, false));
  await write("inflating-lie.xlsx", inflatingSheetXlsx(400 * 1024 * 1024, true));
  await runCli(["--help"]); // builds the bundle once, outside the timed runs
}, 120_000);

interface Measured {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  maxRssMb: number;
}

/** Runs the CLI with a hook that reports the child's own peak memory on exit. */
function measuredCli(args: readonly string[]): Promise<Measured> {
  const hook = join(repoRoot, "tests/support/maxrss.mjs");
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", `file://${hook}`, "bin/zhenggai.js", ...args],
      { cwd: repoRoot, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
      (error, stdout, stderr) => {
        const ms = performance.now() - started;
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        const kb = Number(/maxrss-kb=(\d+)/.exec(stderr)?.[1] ?? Number.NaN);
        resolve({
          code,
          stdout,
          stderr: stderr.replace(/\n?maxrss-kb=\d+\n/, ""),
          ms,
          maxRssMb: kb / 1024,
        });
      },
    );
  });
}

/**
 * The fastest of up to three runs: the suite runs test files in parallel on two cores, so one
 * run can wait for the CPU; what is measured is whether the file can be refused within the
 * bound, not the machine's load.
 */
async function fastestCli(args: readonly string[]): Promise<Measured> {
  let best = await measuredCli(args);
  for (let i = 1; i < 3 && best.ms >= 2000; i++) {
    const r = await measuredCli(args);
    if (r.ms < best.ms) best = r;
  }
  return best;
}

describe("zhenggai check on hostile ledgers", () => {
  it("refuses a value at XFD1048576 with exit 2 in under 2 s and under 200 MB", async () => {
    const r = await fastestCli(["check", files["far.xlsx"]!]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`zhenggai: ${FAR_MESSAGE}`);
    expect(r.stdout).toBe("");
    expect(r.ms).toBeLessThan(2000);
    expect(r.maxRssMb).toBeGreaterThan(10);
    expect(r.maxRssMb).toBeLessThan(200);
  });

  it("reads a whole-sheet merge A1:XFD1048576 in under 2 s and under 200 MB", async () => {
    // Clipped to the used area A1:J2, the merge covers the ledger (as Excel shows it): the
    // sheet is not a ledger any more, and that is said in Chinese.
    const r = await fastestCli(["check", files["merge.xlsx"]!]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("没有找到整改台账工作表");
    expect(r.ms).toBeLessThan(2000);
    expect(r.maxRssMb).toBeLessThan(200);
  });

  it("reads the ledger when a huge merge lies below it or a far cell is only styled", async () => {
    for (const name of ["merge-below.xlsx", "styled.xlsx"]) {
      const r = await measuredCli(["check", files[name]!, "--as-of", "2024-03-01", "--json"]);
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout) as { stats: { total: number; done: number } };
      expect(json.stats).toMatchObject({ total: 1, done: 1 });
      expect(r.ms).toBeLessThan(2000);
      expect(r.maxRssMb).toBeLessThan(200);
    }
  });

  it("refuses a 400 KB file whose sheet inflates to 400 MB, declared or lied about", async () => {
    const honest = await measuredCli(["check", files["inflating.xlsx"]!]);
    expect(honest.code).toBe(2);
    expect(honest.stderr).toContain(
      "文件“inflating.xlsx”中的“xl/worksheets/sheet1.xml”解压后为 400 MB，超过单个内部文件的上限 100 MB",
    );
    const lying = await measuredCli(["check", files["inflating-lie.xlsx"]!]);
    expect(lying.code).toBe(2);
    expect(lying.stderr).toContain(
      "文件“inflating-lie.xlsx”中的“xl/worksheets/sheet1.xml”解压后超过了目录中记录的大小",
    );
    for (const r of [honest, lying]) {
      expect(r.ms).toBeLessThan(2000);
      expect(r.maxRssMb).toBeLessThan(200);
    }
  });
});

/** The reading error of gridFromXlsxBytes, or a failure when the bytes were read. */
async function refusal(bytes: Uint8Array, label = "台账.xlsx"): Promise<WorkbookReadError> {
  try {
    await gridFromXlsxBytes(bytes, label);
  } catch (error) {
    if (error instanceof WorkbookReadError) return error;
    throw error;
  }
  throw new Error("the workbook was read");
}

describe("reading limits", () => {
  it("names the sheet and the cell past A1:IV65536, in any column or row", async () => {
    const wide = await refusal(
      xlsx([
        { name: "说明", xml: "<sheetData/>" },
        {
          name: "附表",
          xml: `<sheetData>${LEDGER_ROWS}<row r="3">${str("IW3", "宽")}</row></sheetData>`,
        },
      ]),
    );
    expect(wide.kind).toBe("too-large");
    expect(wide.message).toContain(
      "工作表“附表”的单元格 IW3 有内容，超出了可读取的范围 A1:IV65536",
    );
    const tall = await refusal(
      xlsx([
        { name: "台账", xml: `<sheetData><row r="65537">${str("A65537", "长")}</row></sheetData>` },
      ]),
    );
    expect(tall.message).toContain("工作表“台账”的单元格 A65537 有内容");
  });

  it("accepts values at the last readable cell IV65536", async () => {
    const grid = await gridFromXlsxBytes(
      xlsx([
        {
          name: "边界",
          xml: `<sheetData><row r="65536">${str("IV65536", "末")}</row></sheetData>`,
        },
      ]),
      "边界.xlsx",
    );
    const sheet = grid.sheets[0]!;
    expect(sheet.origin).toEqual({ row: 65535, col: 255 });
    expect(sheet.cells).toEqual([[{ t: "s", v: "末" }]]);
  });

  it("refuses a cell longer than Excel allows, naming the sheet and the cell", async () => {
    const long = "长".repeat(XLSX_LIMITS.maxTextLength + 1);
    const e = await refusal(
      xlsx([
        { name: "整改台账", xml: `<sheetData><row r="4">${str("C4", long)}</row></sheetData>` },
      ]),
    );
    expect(e.message).toBe(
      "工作表“整改台账”的单元格 C4 有 32768 个字符，超过单元格 32767 个字符的上限，无法读取。",
    );
  });

  it("refuses a sheet of more records than the limit, however empty they are", async () => {
    const rows = Array.from(
      { length: XLSX_LIMITS.maxRecords / 2 + 1 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="1"/></row>`,
    );
    const started = performance.now();
    const e = await refusal(
      xlsx([{ name: "格式表", xml: `<sheetData>${rows.join("")}</sheetData>` }]),
    );
    expect(e.message).toBe(
      "工作表“格式表”的行和单元格记录超过 1000000 个的上限，无法读取；请删去多余的空行、空列（含只设了格式的单元格）后再试。",
    );
    // Refused while scanning, before exceljs makes an object per record (it took minutes and
    // gigabytes); generous for a loaded machine: the file inflates to 20 MB.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("refuses merges covering more cells than the limit, and clips merges past the data", async () => {
    const e = await refusal(
      xlsx([
        {
          name: "整改台账",
          xml: `<sheetData>${LEDGER_ROWS}</sheetData><mergeCells><mergeCell ref="A3:IV65536"/></mergeCells>`,
        },
      ]),
    );
    expect(e.message).toContain(
      "工作表“整改台账”的合并单元格共覆盖超过 1000000 个单元格（如 A3:IV65536）",
    );
    const grid = await gridFromXlsxBytes(
      xlsx([
        {
          name: "整改台账",
          xml: `<sheetData>${LEDGER_ROWS}</sheetData><mergeCells><mergeCell ref="K1:XFD1"/><mergeCell ref="C2:D2"/><mergeCell ref="A2:B2"/></mergeCells>`,
        },
      ]),
      "台账.xlsx",
    );
    const sheet = grid.sheets[0]!;
    expect(sheet.cells).toHaveLength(2);
    expect(sheet.cells[0]).toHaveLength(10);
    // K1:XFD1 lies right of the data (A1:J2): clipped away; the others kept in sheet order,
    // their covered cells (B2, D2) empty although the file holds values there.
    expect(sheet.merges).toEqual([
      { top: 1, left: 0, bottom: 1, right: 1 },
      { top: 1, left: 2, bottom: 1, right: 3 },
    ]);
    expect(sheet.cells[1]![3]).toEqual({ t: "empty" });
    expect(sheet.cells[1]![1]).toEqual({ t: "empty" });
    expect(sheet.cells[1]![0]).toEqual({ t: "s", v: "思想建设方面" });
  });
});

describe("the pane's reader (standalone mode)", () => {
  it("gives the same message as zhenggai check for a far cell", async () => {
    const error = await readXlsxGrid(farCellXlsx(), "far.xlsx").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as Error).message).toBe(FAR_MESSAGE);
  });

  it("gives the zip reader's message for a sheet inflating past its declared size", async () => {
    const error = await readXlsxGrid(inflatingSheetXlsx(400 * 1024 * 1024, true), "台账.xlsx").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as Error).message).toContain(
      "文件“台账.xlsx”中的“xl/worksheets/sheet1.xml”解压后超过了目录中记录的大小",
    );
  });

  it("reads a whole-sheet merge without hanging", async () => {
    const started = performance.now();
    const grid = await readXlsxGrid(hugeMergeXlsx(), "merge.xlsx");
    expect(performance.now() - started).toBeLessThan(2000);
    expect(grid.sheets[0]!.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 9 }]);
  });
});
