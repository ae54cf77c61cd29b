/**
 * The `check` output mapping in-process: checkJson (the --json contract) and the text report,
 * on a small ledger built as a grid.
 */
import { describe, expect, it } from "vitest";
import {
  checkJson,
  displayWidth,
  findingLocation,
  formatCheckText,
  formatTable,
  messageWithoutLocation,
  sortFindings,
} from "../../../src/cli/check-output";
import { cellOf, makeSheetGrid } from "../../../src/core/grid";
import { analyseWorkbook } from "../../../src/core/index";

const header = [
  "序号",
  "方面",
  "问题",
  "整改措施",
  "责任领导",
  "责任部门",
  "责任人",
  "整改时限",
  "完成情况",
  "整改成效",
  "完成日期",
  "佐证材料",
  "来源",
  "公开",
];
const rows = [
  [
    1,
    "甲方面",
    "问题一",
    "一是建立《学习制度》；二是抓落实",
    "张三",
    "办公室",
    "李四",
    "2024-01-31",
    "已完成",
    "已建立《学习制度》。",
    "2024-01-20",
    "纪要",
    "",
    "",
  ],
  [
    2,
    "甲方面",
    "问题二",
    "整改",
    "张三",
    "财务股",
    "王五",
    "2024-01-31",
    "正在推进",
    "",
    "",
    "",
    "",
    "否",
  ],
  [
    3,
    "乙方面",
    "问题三",
    "整改",
    "赵六",
    "财务股",
    "钱七",
    "长期坚持",
    "长期整改",
    "",
    "",
    "",
    "",
    "",
  ],
  [
    4,
    "乙方面",
    "自查问题",
    "整改",
    "赵六",
    "办公室",
    "钱七",
    "2024-01-31",
    "已完成",
    "已改。",
    "2024-01-25",
    "记录",
    "自查",
    "",
  ],
];
const grid = {
  sheets: [
    makeSheetGrid(
      "整改台账",
      [header, ...rows].map((r) => r.map(cellOf)),
    ),
    makeSheetGrid(
      "基本信息",
      [
        ["项目", "内容"],
        ["反馈日期", "2023-12-01"],
        ["反馈问题数", 4],
      ].map((r) => r.map(cellOf)),
    ),
  ],
};
const analysis = analyseWorkbook(grid, { asOf: "2024-03-01", precision: 1 });

describe("checkJson", () => {
  const json = checkJson(analysis);

  it("maps the statistics with every status and counts", () => {
    const s = json.stats;
    expect([s.asOf, s.precision, s.total, s.done]).toEqual(["2024-03-01", 1, 3, 1]);
    expect(s.completionRate).toBeCloseTo(1 / 3, 12);
    expect(s.completionRateText).toBe("33.3%");
    expect(s.byStatus).toEqual({
      已完成: 1,
      已完成并长期坚持: 0,
      基本完成: 0,
      长期整改: 1,
      正在推进: 1,
      延期整改: 0,
      未完成: 0,
    });
    expect(Object.values(s.statusShares).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    expect([s.selfFound, s.selfFoundDone, s.overdue, s.nonPublic]).toEqual([1, 1, 1, 1]);
    expect(s.overdueItems).toEqual([
      {
        row: 3,
        seq: "2",
        aspect: "甲方面",
        problem: "问题二",
        department: "财务股",
        deadline: "2024-01-31",
        status: "正在推进",
        daysOverdue: 30,
      },
    ]);
    expect([s.rules, s.ruleTitles]).toEqual([1, ["学习制度"]]);
    expect([s.declaredProblems, s.declaredAspects]).toEqual([4, null]);
    expect(s.byAspect.map((g) => [g.name, g.total, g.done, g.completionRate])).toEqual([
      ["甲方面", 2, 1, 0.5],
      ["乙方面", 1, 0, 0],
    ]);
    expect(s.byDepartment.map((g) => [g.name, g.total, g.done])).toEqual([
      ["办公室", 1, 1],
      ["财务股", 2, 0],
    ]);
  });

  it("gives every finding the same keys, null when a location part is absent", () => {
    expect(json.findings.length).toBe(analysis.findings.length);
    for (const f of json.findings) {
      expect(Object.keys(f)).toEqual(["severity", "code", "sheet", "cell", "row", "message"]);
    }
    const order = json.findings.map((f) => f.severity);
    expect(order).toEqual(
      [...order].sort(
        (a, b) => ["error", "warning", "info"].indexOf(a) - ["error", "warning", "info"].indexOf(b),
      ),
    );
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe("text report helpers", () => {
  it("sorts findings by severity and formats locations", () => {
    const f = [
      {
        severity: "info",
        code: "narrative.part.unknown",
        sheet: "报告正文",
        message: "",
        detail: "",
      },
      {
        severity: "error",
        code: "ledger.status.unknown",
        sheet: "整改台账",
        cell: "K5",
        row: 5,
        message: "",
        detail: "",
      },
      {
        severity: "warning",
        code: "ledger.seq.gap",
        sheet: "整改台账",
        row: 7,
        message: "",
        detail: "",
      },
    ] as const;
    expect(sortFindings(f).map((x) => x.code)).toEqual([
      "ledger.status.unknown",
      "ledger.seq.gap",
      "narrative.part.unknown",
    ]);
    expect(f.map(findingLocation)).toEqual(["报告正文", "整改台账!K5", "整改台账 第7行"]);
  });

  it("drops the location the core repeats at the start of a message", () => {
    const f = {
      severity: "error",
      code: "ledger.field.required",
      sheet: "整改台账",
      cell: "K5",
      message: "「整改台账」K5：完成情况为空。",
    } as const;
    expect(messageWithoutLocation(f)).toBe("完成情况为空。");
    expect(messageWithoutLocation({ ...f, message: "别的说法。" })).toBe("别的说法。");
    expect(
      messageWithoutLocation({
        ...f,
        cell: undefined,
        message: "「整改台账」表头下面没有任何问题行。",
      }),
    ).toBe("表头下面没有任何问题行。");
  });

  it("aligns CJK text by display width", () => {
    expect(displayWidth("完成率ab")).toBe(8);
    expect(
      formatTable(
        ["方面", "数"],
        [
          ["甲", "10"],
          ["乙乙乙", "2"],
        ],
      ),
    ).toEqual(["方面    数", "------  --", "甲      10", "乙乙乙   2"]);
  });

  it("prints the findings and the statistics table", () => {
    const text = formatCheckText(analysis, "台账.xlsx");
    expect(text).toContain(
      "台账.xlsx：工作表“整改台账”，3 个反馈问题、1 个自查问题，统计截至 2024-03-01",
    );
    expect(text).toMatch(/完成率\s+33\.3%/);
    expect(text).toMatch(/正在推进\s+1（33\.3%）/);
    expect(text).toMatch(/超期未完成\s+1/);
    expect(text).toContain("制度（1 项）：《学习制度》");
    expect(text).toMatch(/甲方面\s+2\s+1\s+50\.0%/);
    expect(text.trimEnd().split("\n").at(-1)).toBe(
      "结论：有 1 项错误，请先在台账中修正，再生成整改情况报告和通报。",
    );
  });
});

describe("制度 in check: the titles counted and those left out", () => {
  const ruleRows = [
    [
      ...rows[0]!.slice(0, 3),
      "一是修订《公务接待管理办法》；二是认真学习《中华人民共和国招投标法》",
      ...rows[0]!.slice(4, 9),
      "组织观看《抉择》，建立《材料入库单》。",
      ...rows[0]!.slice(10),
    ],
  ];
  const a = analyseWorkbook(
    {
      sheets: [
        makeSheetGrid(
          "整改台账",
          [header, ...ruleRows].map((r) => r.map(cellOf)),
        ),
      ],
    },
    { asOf: "2024-03-01" },
  );

  it("--json lists both, with the row and the reason", () => {
    const s = checkJson(a).stats;
    expect([s.rules, s.ruleTitles]).toEqual([1, ["公务接待管理办法"]]);
    expect(s.ruleTitlesLeftOut).toEqual([
      { title: "中华人民共和国招投标法", reason: "法律或上级条例", row: 2 },
      { title: "抉择", reason: "仅学习、执行或对照", row: 2 },
      { title: "材料入库单", reason: "不是制度名称", row: 2 },
    ]);
  });

  it("the text report prints the count, the titles and the table of those left out", () => {
    const text = formatCheckText(a, "台账.xlsx");
    expect(text).toContain("制度（1 项）：《公务接待管理办法》");
    expect(text).toContain("未计入制度数的书名号标题（3 项）");
    expect(text).toMatch(/2\s+《中华人民共和国招投标法》\s+法律或上级条例/);
    expect(text).toMatch(/2\s+《抉择》\s+仅学习、执行或对照/);
    expect(text).toMatch(/2\s+《材料入库单》\s+不是制度名称/);
  });
});
