/**
 * Ledger workbooks for the fake Excel host (tests and the task pane's browser test): a merged
 * title row, a header row, N problems with merged 方面 cells, date serials with date formats,
 * plus 基本信息 and 报告正文. Counts are known in advance so tests can check the statistics.
 */
import { FIELD_LABEL, LEDGER_FIELDS } from "../../src/core/model";
import type { FakeCellInput, FakeWorkbookInput } from "./fake-excel";

/** Every column of the spec in its order except 类别 (the examples have two levels). */
export const LEDGER_HEADER: readonly string[] = LEDGER_FIELDS.filter((f) => f !== "category").map(
  (f) => FIELD_LABEL[f],
);

export const ASPECTS = [
  "贯彻落实党的路线方针政策和上级决策部署方面",
  "落实全面从严治党主体责任方面",
  "落实新时代党的组织路线方面",
  "落实巡察整改和其他监督发现问题整改方面",
] as const;
export const DEPARTMENTS = ["办公室", "财务股", "人事股"] as const;

/** 2024-03-31, 2024-03-01 and 2024-01-10 as Excel serials. */
export const SERIAL = { deadline: 45382, done: 45352, feedback: 45301 } as const;

export interface LedgerShape {
  readonly rows: number;
  /** Per problem i (0-based): status. Default: 3 of 5 已完成, then 正在推进, 长期整改. */
  readonly status?: (i: number) => string;
}

export function defaultStatus(i: number): string {
  return ["已完成", "已完成", "已完成", "正在推进", "长期整改"][i % 5]!;
}

export function expectedCounts(n: number, status: (i: number) => string = defaultStatus) {
  let done = 0;
  let overdue = 0;
  for (let i = 0; i < n; i++) {
    const s = status(i);
    if (s === "已完成") done++;
    else if (s === "正在推进") overdue++; // deadline 2024-03-31 < as-of 2024-06-30
  }
  return { total: n, done, overdue };
}

export const AS_OF = "2024-06-30";

export function ledgerRows(shape: LedgerShape): { rows: FakeCellInput[][]; merges: string[] } {
  const status = shape.status ?? defaultStatus;
  const rows: FakeCellInput[][] = [["某某局巡察整改台账"], [...LEDGER_HEADER]];
  const merges = ["A1:P1"];
  const perAspect = Math.ceil(shape.rows / ASPECTS.length);
  for (let i = 0; i < shape.rows; i++) {
    const aspectIndex = Math.floor(i / perAspect);
    const first = i % perAspect === 0;
    const s = status(i);
    const done = s === "已完成";
    const longTerm = s === "长期整改";
    rows.push([
      i + 1,
      first ? ASPECTS[aspectIndex]! : null,
      `问题${i + 1}：制度执行不严格，会议记录不规范`,
      `一是完善制度；二是加强学习；三是建立台账（第${i + 1}项）`,
      "张三",
      DEPARTMENTS[i % DEPARTMENTS.length]!,
      "李四",
      longTerm ? "长期坚持" : { v: SERIAL.deadline, fmt: "yyyy/m/d" },
      longTerm ? "长期整改" : "限期整改",
      s,
      done ? "已修订《会议管理办法》并严格执行" : "",
      done ? { v: SERIAL.done, fmt: "yyyy/m/d" } : null,
      done ? "会议记录" : "",
      "巡察反馈",
      "是",
      "",
    ]);
  }
  // 方面 merged down over each aspect's problems (sheet rows 3…).
  for (let a = 0; a * perAspect < shape.rows; a++) {
    const top = 3 + a * perAspect;
    const bottom = Math.min(2 + shape.rows, top + perAspect - 1);
    if (bottom > top) merges.push(`B${top}:B${bottom}`);
  }
  return { rows, merges };
}

export function ledgerWorkbook(
  shape: LedgerShape,
  host: Omit<FakeWorkbookInput, "sheets"> = {},
): FakeWorkbookInput {
  const ledger = ledgerRows(shape);
  return {
    name: "某某局巡察整改台账.xlsx",
    ...host,
    sheets: [
      { name: "整改台账", rows: ledger.rows, merges: ledger.merges },
      {
        name: "基本信息",
        rows: [
          ["项目", "内容"],
          ["单位名称", "某某局"],
          ["党组织名称", "中共某某局党组"],
          ["巡察组", "县委第一巡察组"],
          ["反馈日期", { v: SERIAL.feedback, fmt: 'yyyy"年"m"月"d"日"' }],
          ["反馈问题数", shape.rows],
        ],
      },
      {
        name: "报告正文",
        rows: [
          ["部分", "小标题", "内容"],
          ["主要做法", "加强组织领导", "成立整改工作领导小组。"],
          ["下一步打算", "巩固整改成果", "持续抓好整改落实。"],
        ],
      },
    ],
  };
}
