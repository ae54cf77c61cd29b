import {
  type CellRange,
  cellOf,
  makeSheetGrid,
  type SheetGrid,
  type WorkbookGrid,
} from "../../../src/core/grid";

/** A sheet from plain JS values (cellOf each). */
export function sheet(
  name: string,
  rows: readonly (readonly unknown[])[],
  options: { hidden?: boolean; origin?: { row: number; col: number }; merges?: CellRange[] } = {},
): SheetGrid {
  return makeSheetGrid(
    name,
    rows.map((r) => r.map(cellOf)),
    options,
  );
}

export function workbook(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets };
}

export const HEADER = [
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
] as const;

/** A complete, valid row for HEADER with overrides by header name. */
export function row(
  seq: number,
  overrides: Partial<Record<(typeof HEADER)[number], unknown>> = {},
) {
  const base: Record<(typeof HEADER)[number], unknown> = {
    序号: seq,
    方面: "政治建设方面",
    问题: `问题${seq}`,
    整改措施: "一是加强学习；二是完善制度",
    责任领导: "张三",
    责任部门: "办公室",
    责任人: "李四",
    整改时限: "2023年12月31日",
    完成情况: "已完成",
    整改成效: "已整改到位",
    完成日期: "2023年12月1日",
    佐证材料: "会议记录",
  };
  const merged = { ...base, ...overrides };
  return HEADER.map((h) => merged[h]);
}

export const BASIC_INFO_ROWS: readonly (readonly unknown[])[] = [
  ["项目", "内容"],
  ["单位名称", "清丰县市政园林局"],
  ["党组织名称", "中共清丰县市政园林局党组"],
  ["巡察组", "县委第一巡察组"],
  ["巡察类型", "常规巡察"],
  ["巡察开始日期", "2023年7月28日"],
  ["巡察结束日期", "2023年9月11日"],
  ["反馈日期", "2023年10月23日"],
  ["发文字号", "清市政党组〔2024〕1号"],
  ["签发人", "常良涛"],
  ["主送机关", "县委巡察工作领导小组"],
  ["成文日期", "2024年1月10日"],
  ["联系电话", "0393-7221234"],
];
