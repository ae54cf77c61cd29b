/**
 * The exceljs adapter cell by cell, and readWorkbookFile's refusals of unusable files.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { WorkbookGrid } from "../../../src/core/grid";
import { readWorkbookFile, WorkbookReadError } from "../../../src/node/read-workbook";
import { workbookGridFromXlsx } from "../../../src/xlsx/grid";
import { writeXlsxDeterministic } from "../../../src/xlsx/write";

let dir: string;
let grid: WorkbookGrid;

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "zhenggai-grid-"));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("偏移");
  // A table starting at C3, with numbers, formats, booleans and shared formulas.
  ws.getCell("C3").value = "数量";
  ws.getCell("D3").value = "比例";
  ws.getCell("E3").value = "日期";
  ws.getCell("F3").value = "是否";
  ws.getCell("C4").value = 3;
  ws.getCell("D4").value = 0.25;
  ws.getCell("D4").numFmt = "0.00%";
  ws.getCell("E4").value = new Date(Date.UTC(2024, 0, 10));
  ws.getCell("E4").numFmt = "yyyy-mm-dd";
  ws.getCell("F4").value = false;
  ws.getCell("C5").value = { formula: "C4*2", result: 6 };
  ws.getCell("C6").value = { sharedFormula: "C5", result: 12 } as ExcelJS.CellValue;
  ws.getCell("D5").value = { formula: "C4/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue;
  ws.getCell("D6").value = { formula: "NOW()" } as ExcelJS.CellValue; // never calculated
  ws.getCell("E5").value = "  带空格　";
  ws.getCell("E6").value = {
    text: { richText: [{ text: "富" }, { text: "链接" }] },
    hyperlink: "https://example.invalid",
  } as unknown as ExcelJS.CellValue;
  ws.getCell("G8").value = "";
  ws.mergeCells("C8:D9");
  wb.addWorksheet("空表");
  wb.addWorksheet("隐藏表", { state: "hidden" }).getCell("A1").value = 1;
  grid = await workbookGridFromXlsx(await bytesOf(wb));
});

describe("workbookGridFromXlsx", () => {
  it("puts the origin at the first used cell and extends the grid over merges", () => {
    const s = grid.sheets[0]!;
    expect(s.origin).toEqual({ row: 2, col: 2 });
    expect(s.cells).toHaveLength(7); // rows 3..9 (the merge C8:D9 reaches row 9)
    expect(s.cells[0]).toHaveLength(4); // C..F
    expect(s.merges).toEqual([{ top: 7, left: 2, bottom: 8, right: 3 }]);
  });

  it("types numbers with their format, dates, booleans, formulas and text exactly", () => {
    const c = grid.sheets[0]!.cells;
    expect(c[1]).toEqual([
      { t: "n", v: 3 },
      { t: "n", v: 0.25, fmt: "0.00%" },
      { t: "d", v: new Date(Date.UTC(2024, 0, 10)) },
      { t: "b", v: false },
    ]);
    expect(c[2]![0]).toEqual({ t: "n", v: 6 });
    expect(c[3]![0]).toEqual({ t: "n", v: 12 });
    expect(c[2]![1]).toEqual({ t: "e", v: "#DIV/0!" });
    expect(c[3]![1]).toEqual({ t: "empty" });
    expect(c[2]![2]).toEqual({ t: "s", v: "  带空格　" }); // trimming is the core's job
    expect(c[3]![2]).toEqual({ t: "s", v: "富链接" });
  });

  it("keeps empty and hidden sheets", () => {
    expect(grid.sheets.slice(1)).toEqual([
      { name: "空表", hidden: false, origin: { row: 0, col: 0 }, cells: [], merges: [] },
      {
        name: "隐藏表",
        hidden: true,
        origin: { row: 0, col: 0 },
        cells: [[{ t: "n", v: 1 }]],
        merges: [],
      },
    ]);
  });

  it("reads the values of sheets with tables, conditional formats, validations and images", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("整改台账");
    ws.addTable({
      name: "台账表",
      ref: "A1",
      headerRow: true,
      columns: [{ name: "问题" }, { name: "完成情况" }],
      rows: [
        ["问题一", "已完成"],
        ["问题二", "正在推进"],
      ],
    });
    ws.addConditionalFormatting({
      ref: "B2:B3",
      rules: [
        { type: "containsText", operator: "containsText", text: "推进", priority: 1, style: {} },
      ],
    });
    (ws as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations.add(
      "B2:B3",
      {
        type: "list",
        formulae: ['"已完成,正在推进"'],
      },
    );
    const png = Uint8Array.from(
      atob(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      ),
      (ch) => ch.charCodeAt(0),
    );
    const image = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" });
    ws.addImage(image, "D2:E4");
    ws.getCell("C2").value = { text: "纪要", hyperlink: "https://example.invalid/a" };
    const g = await workbookGridFromXlsx(await bytesOf(wb));
    expect(g.sheets[0]!.cells).toEqual([
      [{ t: "s", v: "问题" }, { t: "s", v: "完成情况" }, { t: "empty" }],
      [
        { t: "s", v: "问题一" },
        { t: "s", v: "已完成" },
        { t: "s", v: "纪要" },
      ],
      [{ t: "s", v: "问题二" }, { t: "s", v: "正在推进" }, { t: "empty" }],
    ]);
  });

  it("accepts an ArrayBuffer as well as a Uint8Array", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("表").getCell("B2").value = "值";
    const bytes = await bytesOf(wb);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const g = await workbookGridFromXlsx(buffer as ArrayBuffer);
    expect(g.sheets[0]!.cells).toEqual([[{ t: "s", v: "值" }]]);
    expect(g.sheets[0]!.origin).toEqual({ row: 1, col: 1 });
  });
});

describe("readWorkbookFile", () => {
  async function failure(path: string): Promise<WorkbookReadError> {
    try {
      await readWorkbookFile(path);
    } catch (error) {
      if (error instanceof WorkbookReadError) return error;
      throw error;
    }
    throw new Error(`${path} was read`);
  }

  it("reads a real file", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("整改台账").getCell("A1").value = "序号";
    const path = join(dir, "ok.xlsx");
    await writeFile(path, await writeXlsxDeterministic(wb));
    const g = await readWorkbookFile(path);
    expect(g.sheets.map((s) => s.name)).toEqual(["整改台账"]);
  });

  it("refuses unusable files with a one-line Chinese reason", async () => {
    const cases: Array<[string, Uint8Array | null, string, RegExp]> = [
      ["missing.xlsx", null, "missing", /找不到文件/],
      ["empty.xlsx", new Uint8Array(), "empty", /空文件/],
      [
        "text.xlsx",
        new TextEncoder().encode("序号,问题\n1,测试\n"),
        "not-xlsx",
        /不是 Excel 工作簿/,
      ],
      ["old.xls", oleFile("Workbook"), "xls", /97-2003.*另存为 \.xlsx/],
      ["locked.xlsx", oleFile("EncryptionInfo"), "encrypted", /打开密码/],
      [
        "other.xlsx",
        zipSync({ "a.txt": new TextEncoder().encode("x") }),
        "not-xlsx",
        /是压缩包，不是 Excel/,
      ],
      [
        "report.xlsx",
        zipSync({ "word/document.xml": new TextEncoder().encode("<w/>") }),
        "not-xlsx",
        /是 Word 文档/,
      ],
      ["cut.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "corrupt", /已损坏/],
    ];
    for (const [name, bytes, kind, message] of cases) {
      const path = join(dir, name);
      if (bytes) await writeFile(path, bytes);
      const error = await failure(path);
      expect([name, error.kind]).toEqual([name, kind]);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain("\n");
    }
    expect((await failure(dir)).kind).toBe("directory");
  });
});

/** A minimal OLE compound file header followed by a directory entry name in UTF-16LE. */
function oleFile(streamName: string): Uint8Array {
  const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const name = [...streamName].flatMap((ch) => [ch.charCodeAt(0), 0]);
  const bytes = new Uint8Array(1024);
  bytes.set(header, 0);
  bytes.set(name, 512);
  return bytes;
}
