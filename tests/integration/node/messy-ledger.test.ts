/**
 * A messy real-world ledger written by exceljs in the test (title row, two-level header with
 * merges, merged 方面 column, serial / text / full-width dates, formula cells, error cells, rich
 * text, hyperlinks, a hidden sheet, blank rows), read back through the exceljs adapter and the
 * core, with exact assertions on the grid, the ledger rows and the findings.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { LedgerAnalysis, WorkbookGrid } from "../../../src/core/index";
import { analyseWorkbook } from "../../../src/core/index";
import { workbookGridFromXlsx } from "../../../src/xlsx/grid";

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

async function messyWorkbookBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const junk = wb.addWorksheet("旧表", { state: "veryHidden" });
  junk.getCell("A1").value = "作废";

  const ws = wb.addWorksheet("问题整改台账");
  // Row 1: title merged across the table.
  ws.getCell("A1").value = "某某局落实巡察反馈意见整改台账";
  ws.mergeCells("A1:M1");
  // Rows 2-3: two-level header; single-level headers are merged vertically.
  const top = [
    "序号",
    "问题\n方面",
    "巡察反馈问题",
    "整改　措施",
    "责任主体",
    "",
    "",
    "完成时限",
    "完成情况",
    "整改成效",
    "销号日期",
    "佐证材料",
    "备注",
  ];
  top.forEach((h, i) => {
    if (h) ws.getCell(2, i + 1).value = h;
  });
  for (const col of [1, 2, 3, 4, 8, 9, 10, 11, 12, 13]) ws.mergeCells(2, col, 3, col);
  ws.mergeCells("E2:G2");
  ws.getCell("E3").value = "牵头领导";
  ws.getCell("F3").value = "责任股室";
  ws.getCell("G3").value = " 具体责任人 ";

  // Rows 4-6: one 方面 merged over three problems.
  ws.getRow(4).values = [
    1,
    undefined,
    { richText: [{ text: "学习", font: { bold: true } }, { text: "不深入。" }] },
    "一是制定学习计划；二是每月集中学习",
    "张三",
    "办公室",
    "李四",
    utc(2023, 12, 31),
    "已完成",
    "修订《中心组学习制度》，集中学习12次。",
    45280, // a plain serial number: 2023-12-20
    { text: "会议纪要.pdf", hyperlink: "https://example.invalid/minutes.pdf" },
  ];
  ws.getRow(5).values = [
    2,
    undefined,
    "制度执行不严格。",
    "①完善制度②加强检查",
    "张三",
    "办公室",
    "王五",
    "２０２３年１２月３１日",
    "完成。",
    "制定《考勤管理办法》。",
    "2023.12.25",
    "考勤记录",
  ];
  ws.getRow(6).values = [
    3,
    undefined,
    "宣传工作薄弱。",
    "加强宣传",
    { formula: 'CONCATENATE("赵","六")', result: "赵六" },
    "宣传股",
    "钱七",
    "长期坚持",
    { formula: 'IF(TRUE,"正在推进","")', result: "正在推进" },
    "已开展宣传两次。",
  ];
  ws.getCell("B4").value = "政治建设方面";
  ws.mergeCells("B4:B6");
  // Row 7 blank in the middle; row 8 a second 方面 with an #N/A status.
  ws.getRow(8).values = [
    4,
    "作风建设方面",
    "考勤不严。",
    "严格考勤",
    "孙八",
    "人事股",
    "周九",
    utc(2024, 1, 31),
    { error: "#N/A" },
  ];
  // Rows 9-10: blank rows at the end that only carry borders (real sheets have many).
  for (const r of [9, 10]) ws.getCell(r, 3).border = { top: { style: "thin" } };

  const info = wb.addWorksheet("基本信息");
  info.addRows([
    ["项目", "内容"],
    ["单位名称", "某某局"],
    ["反馈日期", utc(2023, 10, 23)],
    ["反馈问题数", { formula: "2+2", result: 4 }],
  ]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

let grid: WorkbookGrid;
let analysis: LedgerAnalysis;

beforeAll(async () => {
  grid = await workbookGridFromXlsx(await messyWorkbookBytes());
  analysis = analyseWorkbook(grid, { asOf: "2024-03-01", precision: 2 });
});

describe("workbookGridFromXlsx on a messy ledger", () => {
  it("keeps every sheet in tab order, with its visibility", () => {
    expect(grid.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["旧表", true],
      ["问题整改台账", false],
      ["基本信息", false],
    ]);
  });

  it("returns a rectangular grid from A1 with the merges as 0-based inclusive ranges", () => {
    const sheet = grid.sheets[1]!;
    expect(sheet.origin).toEqual({ row: 0, col: 0 });
    expect(sheet.cells).toHaveLength(8); // rows 1-8: the border-only rows 9-10 hold no value
    expect(new Set(sheet.cells.map((r) => r.length))).toEqual(new Set([13]));
    expect(sheet.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 12 });
    expect(sheet.merges).toContainEqual({ top: 1, left: 4, bottom: 1, right: 6 });
    expect(sheet.merges).toContainEqual({ top: 3, left: 1, bottom: 5, right: 1 });
    expect(sheet.merges).toHaveLength(13);
  });

  it("reduces rich text, hyperlinks, formulas, dates and errors to typed cells", () => {
    const cells = grid.sheets[1]!.cells;
    expect(cells[3]![2]).toEqual({ t: "s", v: "学习不深入。" });
    expect(cells[3]![11]).toEqual({ t: "s", v: "会议纪要.pdf" });
    expect(cells[3]![7]).toEqual({ t: "d", v: utc(2023, 12, 31) });
    expect(cells[3]![10]).toEqual({ t: "n", v: 45280 });
    expect(cells[5]![4]).toEqual({ t: "s", v: "赵六" });
    expect(cells[5]![8]).toEqual({ t: "s", v: "正在推进" });
    expect(cells[7]![8]).toEqual({ t: "e", v: "#N/A" });
    // Covered cells of a merge read as empty, as Office.js reports them.
    expect(cells[4]![1]).toEqual({ t: "empty" });
    expect(cells[6]!.every((c) => c.t === "empty")).toBe(true);
    expect(grid.sheets[2]!.cells[3]).toEqual([
      { t: "s", v: "反馈问题数" },
      { t: "n", v: 4 },
    ]);
  });
});

describe("analyseWorkbook on the messy ledger", () => {
  it("finds the ledger under its alias and the two-level header below the title", () => {
    const ledger = analysis.ledger!;
    expect(ledger.sheet).toBe("问题整改台账");
    expect(ledger.headerRows).toEqual([2, 3]);
    expect(ledger.columns).toMatchObject({
      seq: "A",
      aspect: "B",
      problem: "C",
      measures: "D",
      leader: "E",
      department: "F",
      owner: "G",
      deadline: "H",
      status: "I",
      result: "J",
      doneDate: "K",
      evidence: "L",
      note: "M",
    });
  });

  it("reads four problems, skipping blank rows, inheriting the merged 方面", () => {
    const rows = analysis.ledger!.rows;
    expect(rows.map((r) => [r.row, r.seq, r.aspect, r.problem, r.status])).toEqual([
      [4, "1", "政治建设方面", "学习不深入。", "已完成"],
      [5, "2", "政治建设方面", "制度执行不严格。", "已完成"],
      [6, "3", "政治建设方面", "宣传工作薄弱。", "正在推进"],
      [8, "4", "作风建设方面", "考勤不严。", null],
    ]);
    expect(rows.map((r) => r.deadline)).toEqual([
      { kind: "date", date: "2023-12-31" },
      { kind: "date", date: "2023-12-31" },
      { kind: "长期坚持" },
      { kind: "date", date: "2024-01-31" },
    ]);
    expect(rows.map((r) => r.doneDate)).toEqual(["2023-12-20", "2023-12-25", null, null]);
    expect(rows[0]!.evidence).toBe("会议纪要.pdf");
    expect(rows[2]!.leader).toBe("赵六");
    expect(rows[0]!.owner).toBe("李四");
  });

  it("reports the #N/A status and the overdue row; the declared count matches", () => {
    const errors = analysis.findings.filter((f) => f.severity === "error");
    // Every error is about I8 (the core may also say the status is missing there).
    expect(new Set(errors.map((f) => `${f.sheet}!${f.cell}`))).toEqual(
      new Set(["问题整改台账!I8"]),
    );
    expect(errors.find((f) => f.code === "cell.error")?.message).toContain("#N/A");
    expect(analysis.findings.some((f) => f.code.startsWith("info.declared"))).toBe(false);
    // The mess itself (title, two-level header, merges, blank rows) raises nothing.
    expect(
      analysis.findings.filter((f) => f.sheet === "问题整改台账" && f.severity !== "error"),
    ).toEqual([]);
    const s = analysis.stats;
    expect([s.total, s.done, s.completionRateText]).toEqual([4, 2, "50.00%"]);
    expect(s.overdue.map((o) => [o.row, o.deadline, o.daysOverdue])).toEqual([
      [8, "2024-01-31", 30],
    ]);
    expect(s.rules).toEqual(["中心组学习制度", "考勤管理办法"]);
    expect(s.measures).toBe(6);
  });
});
