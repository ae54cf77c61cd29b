import { describe, expect, it } from "vitest";
import { analyseWorkbook, type Finding, type LedgerAnalysis } from "../../../src/core/index";
import { HEADER, row, sheet, workbook } from "./helpers";

const AS_OF = "2024-01-10";
const codes = (a: LedgerAnalysis) => a.findings.map((f) => f.code);
const problems = (a: LedgerAnalysis) => a.findings.filter((f) => f.severity !== "info");
const only = (a: LedgerAnalysis, code: string): Finding[] =>
  a.findings.filter((f) => f.code === code);

describe("header detection", () => {
  it("finds the header under a merged title row", () => {
    const a = analyseWorkbook(
      workbook(
        sheet(
          "整改台账",
          [
            ["中共某局党组落实县委巡察反馈意见整改台账"],
            ["填报单位：某局", "", "", "", "", "", "", "", "", "", "", "2024年1月"],
            [...HEADER],
            row(1),
            row(2),
          ],
          { merges: [{ top: 0, left: 0, bottom: 0, right: 11 }] },
        ),
      ),
      { asOf: AS_OF },
    );
    expect(a.ledger?.headerRows).toEqual([3]);
    expect(a.ledger?.rows.map((r) => r.row)).toEqual([4, 5]);
    expect(problems(a).filter((f) => f.sheet === "整改台账")).toEqual([]);
  });

  it("reads a two-level header (责任主体 over 责任领导/责任部门/责任人) using merges and the row below", () => {
    const top = [
      "序号",
      "方面",
      "问题",
      "整改措施",
      "责任主体",
      "",
      "",
      "整改时限",
      "完成情况",
      "整改成效",
      "完成日期",
      "佐证材料",
    ];
    const sub = ["", "", "", "", "责任领导", "责任部门", "责任人", "", "", "", "", ""];
    const vertical = [0, 1, 2, 3, 7, 8, 9, 10, 11].map((c) => ({
      top: 0,
      left: c,
      bottom: 1,
      right: c,
    }));
    const a = analyseWorkbook(
      workbook(
        sheet("整改台账", [top, sub, row(1, { 责任部门: "财务股" }), row(2)], {
          merges: [{ top: 0, left: 4, bottom: 0, right: 6 }, ...vertical],
        }),
      ),
      { asOf: AS_OF },
    );
    expect(a.ledger?.headerRows).toEqual([1, 2]);
    expect(a.ledger?.columns).toMatchObject({
      leader: "E",
      department: "F",
      owner: "G",
      deadline: "H",
    });
    expect(a.ledger?.rows.map((r) => [r.row, r.department])).toEqual([
      [3, "财务股"],
      [4, "办公室"],
    ]);
    // The group title is not an "unknown column".
    expect(only(a, "ledger.header.unknownColumns")).toEqual([]);
  });

  it("reads a two-level header without merge information (adapter lost them)", () => {
    const top = [
      "序号",
      "方面",
      "问题",
      "整改措施",
      "责任主体",
      "",
      "",
      "整改时限",
      "完成情况",
      "整改成效",
    ];
    const sub = ["", "", "", "", "牵头领导", "责任股室", "具体责任人", "", "", ""];
    const a = analyseWorkbook(
      workbook(
        sheet("整改台账", [
          top,
          sub,
          [1, "甲", "问题", "措施", "张", "办公室", "李", "立行立改", "正在推进", ""],
        ]),
      ),
      { asOf: AS_OF },
    );
    expect(a.ledger?.headerRows).toEqual([1, 2]);
    expect(a.ledger?.rows[0]).toMatchObject({
      leader: "张",
      department: "办公室",
      owner: "李",
      status: "正在推进",
    });
  });

  it("joins the two levels when only together they name a field (整改 over 措施/时限/成效)", () => {
    const top = [
      "序号",
      "方面",
      "问题",
      "整改",
      "",
      "",
      "责任领导",
      "责任部门",
      "责任人",
      "完成情况",
    ];
    const sub = ["", "", "", "措施", "时限", "成效", "", "", "", ""];
    const a = analyseWorkbook(
      workbook(
        sheet(
          "整改台账",
          [top, sub, [1, "甲", "问题", "学习", "立行立改", "好", "张", "办公室", "李", "正在推进"]],
          {
            merges: [{ top: 0, left: 3, bottom: 0, right: 5 }],
          },
        ),
      ),
      { asOf: AS_OF },
    );
    expect(a.ledger?.headerRows).toEqual([1, 2]);
    expect(a.ledger?.columns).toMatchObject({ measures: "D", deadline: "E", result: "F" });
    expect(a.ledger?.rows[0]).toMatchObject({
      measures: "学习",
      deadline: { kind: "立行立改" },
      result: "好",
    });
  });

  it("maps columns in any order, by alias, with line breaks and full-width spaces in header text", () => {
    const header = [
      "完成\n情况",
      "反馈问题\n具体表现",
      "问题　类别",
      "整改\r\n举措",
      "牵头\n领导",
      "责任　股室",
      "具体责任人",
      "完成时限（年月日）",
      "*整改成效",
      "销号日期",
      "编号",
      "佐证资料",
    ];
    const a = analyseWorkbook(
      workbook(
        sheet("整改台账", [
          header,
          [
            "已销号",
            "问题一",
            "方面一",
            "措施",
            "张",
            "办公室",
            "李",
            "2023.12.31",
            "好",
            "2023/12/20",
            "1",
            "记录",
          ],
        ]),
      ),
      { asOf: AS_OF },
    );
    expect(a.ledger?.columns).toEqual({
      status: "A",
      problem: "B",
      aspect: "C",
      measures: "D",
      leader: "E",
      department: "F",
      owner: "G",
      deadline: "H",
      result: "I",
      doneDate: "J",
      seq: "K",
      evidence: "L",
    });
    expect(a.ledger?.rows[0]).toMatchObject({
      status: "已完成",
      aspect: "方面一",
      doneDate: "2023-12-20",
    });
    expect(problems(a).filter((f) => f.sheet === "整改台账")).toEqual([]);
  });

  it("ignores unknown columns and reports them once as info", () => {
    const a = analyseWorkbook(
      workbook(
        sheet("整改台账", [
          [...HEADER, "督办人", "联系电话"],
          [...row(1), "王", "123"],
          [...row(2), "赵", "456"],
        ]),
      ),
      { asOf: AS_OF },
    );
    const unknown = only(a, "ledger.header.unknownColumns");
    expect(unknown).toHaveLength(1);
    expect(unknown[0]!.severity).toBe("info");
    expect(unknown[0]!.message).toContain("“督办人”（M列）");
    expect(unknown[0]!.message).toContain("“联系电话”（N列）");
  });

  it("reports missing required columns once each, naming the column", () => {
    const header = HEADER.filter((h) => h !== "责任人" && h !== "整改时限");
    const a = analyseWorkbook(
      workbook(sheet("整改台账", [[...header], header.map((h) => (h === "序号" ? 1 : `值${h}`))])),
      {
        asOf: AS_OF,
      },
    );
    const missing = only(a, "ledger.header.missingColumn");
    expect(missing.map((f) => f.message)).toEqual([
      expect.stringContaining("没有“责任人”列"),
      expect.stringContaining("没有“整改时限”列"),
    ]);
    expect(missing.every((f) => f.severity === "error" && f.row === 1)).toBe(true);
  });

  it("reports a sheet with no recognisable header", () => {
    const a = analyseWorkbook(
      workbook(
        sheet("整改台账", [
          ["a", "b"],
          ["c", "d"],
        ]),
      ),
      { asOf: AS_OF },
    );
    expect(a.ledger).toBeUndefined();
    expect(codes(a)).toContain("ledger.header.notFound");
  });
});

describe("rows", () => {
  it("inherits a vertically merged 方面 (merges) and blank 方面 cells (no merges) from above", () => {
    const a = analyseWorkbook(
      workbook(
        sheet(
          "整改台账",
          [
            [...HEADER],
            row(1, { 方面: "一、政治建设" }),
            row(2, { 方面: "" }),
            row(3, { 方面: "" }),
            row(4, { 方面: "二、作风建设" }),
            row(5, { 方面: "" }),
          ],
          { merges: [{ top: 1, left: 1, bottom: 3, right: 1 }] },
        ),
      ),
      { asOf: AS_OF },
    );
    // Leading numbering is dropped: the documents number aspects themselves.
    expect(a.ledger?.rows.map((r) => r.aspect)).toEqual([
      "政治建设",
      "政治建设",
      "政治建设",
      "作风建设",
      "作风建设",
    ]);
    expect(a.ledger?.rows[1]?.cells.aspect).toBe("B2"); // the merge's cell, for "select cell"
    expect(a.stats.aspectCount).toBe(2);
    expect(problems(a).filter((f) => f.sheet === "整改台账")).toEqual([]);
  });

  it("reads three levels: 类别 inherits within its 方面 only", () => {
    const header = ["方面", "类别", ...HEADER.slice(2)];
    const r = (aspect: string, category: string, n: number) => [
      aspect,
      category,
      ...row(n).slice(2),
    ];
    const a = analyseWorkbook(
      workbook(
        sheet("整改台账", [
          header,
          r("甲", "1.政治站位", 1),
          r("", "", 2),
          r("", "2.学习", 3),
          r("乙", "", 4),
        ]),
      ),
      { asOf: AS_OF },
    );
    expect(a.ledger?.levels).toBe(3);
    expect(a.ledger?.rows.map((x) => [x.aspect, x.category])).toEqual([
      ["甲", "政治站位"],
      ["甲", "政治站位"],
      ["甲", "学习"],
      ["乙", ""],
    ]);
  });

  it("reads 方面/类别 from heading rows inside the data (seed 000's three levels)", () => {
    const header = HEADER.filter((h) => h !== "方面");
    const r = (n: number, problem: string) => row(n, { 问题: problem }).filter((_, i) => i !== 1);
    const a = analyseWorkbook(
      workbook(
        sheet(
          "整改台账",
          [
            header,
            ["（一）贯彻落实党的理论路线方针政策不到位"],
            ["1.政治站位不够高，政治建设不力"],
            r(1, "（1）贯彻落实习近平新时代中国特色社会主义思想有差距"),
            r(2, "（2）学习碎片化"),
            ["2.履职尽责有差距"],
            r(3, "问题三"),
            ["", "（二）落实全面从严治党责任有差距"],
            r(4, "问题四"),
          ],
          {
            merges: [
              { top: 1, left: 0, bottom: 1, right: 10 },
              { top: 2, left: 0, bottom: 2, right: 10 },
            ],
          },
        ),
      ),
      { asOf: AS_OF },
    );
    expect(a.ledger?.levels).toBe(3);
    expect(a.ledger?.rows.map((x) => [x.aspect, x.category, x.problem])).toEqual([
      [
        "贯彻落实党的理论路线方针政策不到位",
        "政治站位不够高，政治建设不力",
        "贯彻落实习近平新时代中国特色社会主义思想有差距",
      ],
      ["贯彻落实党的理论路线方针政策不到位", "政治站位不够高，政治建设不力", "学习碎片化"],
      ["贯彻落实党的理论路线方针政策不到位", "履职尽责有差距", "问题三"],
      ["落实全面从严治党责任有差距", "", "问题四"],
    ]);
    expect(a.stats.aspectCount).toBe(2);
    expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("without a 方面 column or heading rows, reports the missing column", () => {
    const header = HEADER.filter((h) => h !== "方面");
    const a = analyseWorkbook(
      workbook(sheet("整改台账", [header, row(1).filter((_, i) => i !== 1)])),
      { asOf: AS_OF },
    );
    expect(
      a.findings.filter((f) => f.code === "ledger.header.missingColumn").map((f) => f.message),
    ).toEqual([expect.stringContaining("没有“方面”列")]);
  });

  it("skips blank rows in the middle and at the end", () => {
    const a = analyseWorkbook(
      workbook(sheet("整改台账", [[...HEADER], row(1), [], ["", "　", ""], row(2), [], [], []])),
      { asOf: AS_OF },
    );
    expect(a.ledger?.rows.map((r) => r.row)).toEqual([2, 5]);
    expect(a.stats.total).toBe(2);
    expect(codes(a)).not.toContain("ledger.field.required");
  });

  it("skips footer lines under the table (填表人 / 审核人) with an info", () => {
    const a = analyseWorkbook(
      workbook(
        sheet("整改台账", [
          [...HEADER],
          row(1),
          [],
          ["填表人：张三", "", "", "", "审核人：李四"],
          ["注：本表一式两份"],
        ]),
      ),
      { asOf: AS_OF },
    );
    expect(a.ledger?.rows.map((r) => r.row)).toEqual([2]);
    expect(only(a, "ledger.row.skipped").map((f) => [f.severity, f.row])).toEqual([
      ["info", 4],
      ["info", 5],
    ]);
    expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("skips a repeated (print title) header row", () => {
    const a = analyseWorkbook(
      workbook(sheet("整改台账", [[...HEADER], row(1), [...HEADER], row(2)])),
      { asOf: AS_OF },
    );
    expect(a.ledger?.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(only(a, "ledger.header.repeated")).toHaveLength(1);
  });

  it("joins a problem that spans merged rows (one measure per row)", () => {
    const a = analyseWorkbook(
      workbook(
        sheet(
          "整改台账",
          [
            [...HEADER],
            row(1, { 整改措施: "一是学习" }),
            row(1, { 整改措施: "二是建章立制", 问题: "" }),
            row(2),
          ],
          {
            merges: [0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11].map((c) => ({
              top: 1,
              left: c,
              bottom: 2,
              right: c,
            })),
          },
        ),
      ),
      { asOf: AS_OF },
    );
    expect(a.ledger?.rows.map((r) => [r.row, r.measures])).toEqual([
      [2, "一是学习\n二是建章立制"],
      [4, "一是加强学习；二是完善制度"],
    ]);
    expect(a.stats.total).toBe(2);
    expect(a.stats.measures).toBe(4);
  });

  it("takes formula cached values and dates in every form the adapters give", () => {
    const a = analyseWorkbook(
      workbook(
        sheet("整改台账", [
          [...HEADER],
          row(1, { 完成日期: 45261, 整改时限: new Date(Date.UTC(2023, 11, 31)) }),
          row(2, { 完成日期: "２０２３年１２月１日", 整改时限: "2023/12/31" }),
          row(3, { 完成日期: "2023.12.01", 整改时限: 45291 }),
        ]),
      ),
      { asOf: AS_OF },
    );
    expect(a.ledger?.rows.map((r) => [r.doneDate, r.deadline])).toEqual([
      ["2023-12-01", { kind: "date", date: "2023-12-31" }],
      ["2023-12-01", { kind: "date", date: "2023-12-31" }],
      ["2023-12-01", { kind: "date", date: "2023-12-31" }],
    ]);
  });

  it("reports error cells (#N/A) naming the cell", () => {
    const a = analyseWorkbook(
      workbook(
        sheet("整改台账", [
          [...HEADER],
          row(1, { 责任部门: { error: "#N/A" }, 完成日期: { error: "#REF!" } }),
        ]),
      ),
      { asOf: AS_OF },
    );
    const errors = only(a, "cell.error");
    expect(errors.map((f) => f.cell)).toEqual(["F2", "K2"]);
    expect(errors[0]!.message).toContain("「整改台账」F2");
    expect(errors[0]!.message).toContain("#N/A");
    // The broken cells are not also reported as missing.
    expect(only(a, "ledger.doneDate.required")).toEqual([]);
    expect(only(a, "ledger.field.required")).toEqual([]);
  });

  it("reports removed XML-illegal characters naming the cell, and keeps them out of the rows", () => {
    const a = analyseWorkbook(
      workbook(sheet("整改台账", [[...HEADER], row(1, { 整改成效: "已整改\u000B到位\u0001" })])),
      {
        asOf: AS_OF,
      },
    );
    expect(a.ledger?.rows[0]?.result).toBe("已整改\n到位");
    const f = only(a, "text.illegalChars");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", cell: "J2", row: 2 });
    expect(f[0]!.message).toContain("U+000B");
  });

  it("respects the grid origin in every address", () => {
    const a = analyseWorkbook(
      workbook(
        sheet("整改台账", [[...HEADER], row(1, { 完成情况: "差不多" }), row(2)], {
          origin: { row: 4, col: 2 },
          merges: [],
        }),
      ),
      { asOf: AS_OF },
    );
    expect(a.ledger?.headerRows).toEqual([5]);
    expect(a.ledger?.columns.seq).toBe("C");
    expect(a.ledger?.rows.map((r) => r.row)).toEqual([6, 7]);
    const f = only(a, "ledger.status.unknown")[0]!;
    expect(f.cell).toBe("K6");
    expect(f.row).toBe(6);
  });

  it("merges in sheet coordinates line up with an origin offset", () => {
    const a = analyseWorkbook(
      workbook(
        sheet("整改台账", [[...HEADER], row(1, { 方面: "甲" }), row(2, { 方面: "" })], {
          origin: { row: 2, col: 1 },
          merges: [{ top: 3, left: 2, bottom: 4, right: 2 }],
        }),
      ),
      { asOf: AS_OF },
    );
    expect(a.ledger?.rows.map((r) => [r.aspect, r.cells.aspect])).toEqual([
      ["甲", "C4"],
      ["甲", "C4"],
    ]);
  });

  it("turns numbers and booleans in text fields into text", () => {
    const a = analyseWorkbook(
      workbook(
        sheet("整改台账", [[...HEADER], row(1, { 序号: 1, 责任人: 12345, 佐证材料: true })]),
      ),
      {
        asOf: AS_OF,
      },
    );
    expect(a.ledger?.rows[0]).toMatchObject({ seq: "1", owner: "12345", evidence: "是" });
  });
});

describe("sheet finding", () => {
  it("finds the ledger by alias with loose matching", () => {
    for (const name of [
      "台账",
      "整改台帐",
      "巡察整改台账",
      "问题整改台账",
      "整改清单",
      "整改　台账",
      " 整改台账 ",
      "某局巡察整改台账2024",
    ]) {
      const a = analyseWorkbook(
        workbook(sheet("说明", [["说明"]]), sheet(name, [[...HEADER], row(1)])),
        { asOf: AS_OF },
      );
      expect(a.ledger?.sheet, name).toBe(name);
    }
  });

  it("falls back to the first visible sheet whose header matches, and says so", () => {
    const a = analyseWorkbook(
      workbook(
        sheet("Sheet1", [["hello"]]),
        sheet("Sheet2", [[...HEADER], row(1)]),
        sheet("Sheet3", [[...HEADER], row(1), row(2)]),
      ),
      { asOf: AS_OF },
    );
    expect(a.ledger?.sheet).toBe("Sheet2");
    expect(codes(a)).toContain("workbook.ledger.byHeader");
  });

  it("a name containing 台账 needs a matching header; statistics sheets never qualify", () => {
    const a = analyseWorkbook(
      workbook(
        sheet("台账说明", [["填表说明"]]),
        sheet("台账统计表", [[...HEADER], row(1)]),
        sheet("Sheet3", [[...HEADER], row(1)]),
        sheet("某局整改台账2024", [[...HEADER], row(1)]),
      ),
      { asOf: AS_OF },
    );
    expect(a.ledger?.sheet).toBe("某局整改台账2024");
    expect(codes(a)).not.toContain("workbook.ledger.byHeader");
  });

  it("considers hidden sheets after visible ones", () => {
    const a = analyseWorkbook(
      workbook(
        sheet("整改台账", [[...HEADER], row(1)], { hidden: true }),
        sheet("台账", [[...HEADER], row(1), row(2)]),
      ),
      { asOf: AS_OF },
    );
    expect(a.ledger?.sheet).toBe("台账");
    const b = analyseWorkbook(
      workbook(sheet("整改台账", [[...HEADER], row(1)], { hidden: true }), sheet("封面", [["x"]])),
      {
        asOf: AS_OF,
      },
    );
    expect(b.ledger?.sheet).toBe("整改台账");
    expect(codes(b)).toContain("workbook.ledger.hidden");
  });

  it("never reads 整改统计 as the ledger", () => {
    const a = analyseWorkbook(workbook(sheet("整改统计", [[...HEADER], row(1)])), { asOf: AS_OF });
    expect(a.ledger).toBeUndefined();
    expect(codes(a)).toContain("workbook.ledger.missing");
  });

  it("validates a workbook that has only the ledger sheet, warning about what documents will lack", () => {
    const a = analyseWorkbook(workbook(sheet("整改台账", [[...HEADER], row(1)])), { asOf: AS_OF });
    expect(a.ledger?.rows).toHaveLength(1);
    expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(only(a, "workbook.info.missing")[0]?.severity).toBe("warning");
    expect(only(a, "workbook.narrative.missing")[0]?.severity).toBe("info");
    expect(a.info).toEqual({});
    expect(a.narrative).toEqual({ practices: [], nextSteps: [] });
  });
});
