/**
 * Builds ledger workbooks with exceljs: the blank template of `zhenggai init` and the example
 * ledgers built from the seeds. One builder, so the template and the examples share the
 * column layout, prompts and drop-downs a clerk sees.
 */
import type ExcelJS from "exceljs";
import {
  FIELD_LABEL,
  INFO_KEYS,
  INSPECTION_TYPES,
  type InfoField,
  LEDGER_FIELDS,
  type LedgerField,
  NARRATIVE_PARTS,
  type NarrativePart,
  RECTIFICATION_TYPES,
  SHEET,
  SOURCES,
  STATUSES,
} from "../core/model";
import { BODY_FONT, BORDER, styleHeader, TITLE_FONT, writeHeaderRow } from "./styles";
import { Workbook } from "./workbook-class";
import { stampWorkbook } from "./write";

export type LedgerCellValue = string | number | Date | null | undefined;

export interface InfoEntry {
  readonly field: InfoField;
  readonly value?: LedgerCellValue;
  /** Shown in the 说明 column: format and example, or where an example value came from. */
  readonly note?: string;
}

export interface NarrativeEntry {
  readonly part: NarrativePart;
  readonly heading: string;
  readonly text: string;
}

export interface LedgerWorkbookSpec {
  /** Merged title row above the header (real ledgers usually have one). */
  readonly title?: string;
  /** Columns in order; default: every field. */
  readonly columns?: readonly LedgerField[];
  /** Two-level header: 责任主体 over 责任领导/责任部门/责任人. */
  readonly twoLevelHeader?: boolean;
  /** Merge runs of equal 方面 (and 类别) cells vertically, as clerks do. */
  readonly mergeAspect?: boolean;
  readonly rows: readonly Partial<Record<LedgerField, LedgerCellValue>>[];
  /** Styled empty rows with drop-downs after the data, ready to fill in. */
  readonly preparedRows?: number;
  readonly info: readonly InfoEntry[];
  /** Omit to leave out the 报告正文 sheet. */
  readonly narrative?: readonly NarrativeEntry[];
  /** Date format of date cells; default `yyyy"年"m"月"d"日"`. */
  readonly dateFormat?: string;
}

// ---------------------------------------------------------------------------------------------
// Column layout

interface ColumnSpec {
  readonly width: number;
  readonly prompt: string;
  readonly list?: readonly string[];
  readonly date?: boolean;
}

const DATE_FORMAT = 'yyyy"年"m"月"d"日"';

/** Widths (characters) and input prompts (Excel caps a prompt at 255 characters). */
export const COLUMN_SPECS: Readonly<Record<LedgerField, ColumnSpec>> = {
  seq: { width: 6, prompt: "问题序号，如 1、2、3；可不填。填写时不能重复、不要跳号。" },
  aspect: {
    width: 18,
    prompt:
      "巡察反馈的问题方面（一级），如“贯彻落实党的理论路线方针政策不到位”。同一方面可合并单元格或只在第一行填写。",
  },
  category: { width: 16, prompt: "问题类别（二级，可不填）。三级台账填写：方面→类别→问题。" },
  problem: { width: 40, prompt: "反馈问题的具体表述，照反馈意见原文填写。" },
  measures: {
    width: 40,
    prompt: "整改措施。多条措施请编号：一是……二是……，或①②③，或 1. 2. 3.，每条计为一项措施。",
  },
  leader: { width: 10, prompt: "责任领导（牵头领导）姓名，如 张三。" },
  department: { width: 14, prompt: "责任部门（股室、科室），如 办公室。" },
  owner: { width: 10, prompt: "具体责任人姓名。" },
  deadline: {
    width: 14,
    prompt: "整改时限：填日期（如 2024-01-10 或 2024年1月10日），或填“立行立改”“长期坚持”“长期”。",
  },
  type: {
    width: 10,
    prompt: "整改类型：立行立改、限期整改、长期整改（可不填）。",
    list: RECTIFICATION_TYPES,
  },
  status: {
    width: 14,
    prompt: "完成情况，从下拉列表选择。已完成、已完成并长期坚持计为完成（销号）。",
    list: STATUSES,
  },
  result: { width: 40, prompt: "整改成效：做了什么、结果如何。完成（销号）的问题必须填写。" },
  doneDate: {
    width: 14,
    prompt: "完成（销号）日期，如 2024-01-10。完成的问题必须填写，不能早于反馈日期、不能晚于今天。",
    date: true,
  },
  evidence: {
    width: 20,
    prompt: "佐证材料名称或存放位置，如“党组会议纪要〔2023〕5号”。完成的问题建议填写。",
  },
  source: {
    width: 10,
    prompt: "问题来源：巡察反馈（默认，可不填）或 自查（举一反三自查发现，单独统计）。",
    list: SOURCES,
  },
  isPublic: {
    width: 8,
    prompt: "是否在整改进展情况通报中公开：是（默认，可不填）或 否。",
    list: ["是", "否"],
  },
  note: { width: 20, prompt: "备注（可不填）。" },
};

const RESPONSIBLE: readonly LedgerField[] = ["leader", "department", "owner"];

// ---------------------------------------------------------------------------------------------
// 基本信息 notes

/** Format and example of each 基本信息 key, shown in the template's 说明 column. */
export const INFO_NOTES: Readonly<Record<InfoField, string>> = {
  unitName: "被巡察单位全称，如 清丰县市政园林局",
  partyOrgName: "党组织全称，报告和通报以它的名义发出，如 中共清丰县市政园林局党组",
  partyOrgShortName: "第二次提及时的简称，如 局党组、中心党委（可不填，由党组织名称推出）",
  inspectionGroup: "如 县委第一巡察组",
  inspectionType: "常规巡察、专项巡察、延伸巡察、集中巡察或机动巡察（下拉选择）",
  inspectionStart: "日期，如 2023-07-28；不晚于巡察结束日期",
  inspectionEnd: "日期，如 2023-09-11；不晚于反馈日期",
  feedbackDate: "反馈意见的日期，如 2023-10-23；不晚于成文日期",
  declaredAspects: "反馈意见中写明的问题方面数，如 4；与台账不符时校验报错",
  declaredProblems: "反馈意见中写明的问题总数，如 74；与台账不符时校验报错",
  suggestionCount: "反馈意见提出的意见建议数，如 4",
  issuerMark: "红头上的发文机关标志，如 中共清丰县市政园林局党组",
  docNumber: "代字〔年份〕序号号，用六角括号、不加“第”、序号不编虚位，如 清市政党组〔2024〕1号",
  signer: "签发人姓名（上报的报告必填），如 常良涛",
  recipient: "主送机关，如 县委巡察办",
  docDate: "成文日期，如 2024-01-10；年份须与发文字号一致",
  cc: "抄送机关，多个用顿号分隔（可不填）",
  printer: "印发机关，如 中共清丰县市政园林局党组办公室",
  printDate: "印发日期，如 2024-01-10",
  phone: "通报公布的联系电话，如 0393-7221234",
  address: "通报公布的邮政地址，如 清丰县某某路1号",
  email: "通报公布的电子邮箱，如 example@163.com",
};

const DATE_INFO: ReadonlySet<InfoField> = new Set<InfoField>([
  "inspectionStart",
  "inspectionEnd",
  "feedbackDate",
  "docDate",
  "printDate",
]);

// ---------------------------------------------------------------------------------------------
// Styles

function styleBody(cell: ExcelJS.Cell, date: boolean, dateFormat: string): void {
  cell.font = BODY_FONT;
  cell.border = BORDER;
  cell.alignment = { vertical: "top", wrapText: true };
  if (date) cell.numFmt = dateFormat;
}

/** exceljs has `worksheet.dataValidations` (range or cell address → rule) but does not type it. */
function validations(ws: ExcelJS.Worksheet): {
  add(address: string, rule: ExcelJS.DataValidation): void;
} {
  return (ws as unknown as { dataValidations: { add(a: string, r: ExcelJS.DataValidation): void } })
    .dataValidations;
}

function listFormula(values: readonly string[]): string {
  return `"${values.join(",")}"`;
}

// ---------------------------------------------------------------------------------------------
// Builder

/** Builds the workbook in memory; write it with writeXlsxDeterministic. */
export function buildLedgerWorkbook(spec: LedgerWorkbookSpec): ExcelJS.Workbook {
  const wb = new Workbook();
  stampWorkbook(wb);
  addLedgerSheet(wb, spec);
  addInfoSheet(wb, spec.info, spec.dateFormat ?? DATE_FORMAT);
  if (spec.narrative) addNarrativeSheet(wb, spec.narrative);
  return wb;
}

function addLedgerSheet(wb: ExcelJS.Workbook, spec: LedgerWorkbookSpec): void {
  const ws = wb.addWorksheet(SHEET.ledger, {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  const columns = spec.columns ?? LEDGER_FIELDS;
  const dateFormat = spec.dateFormat ?? DATE_FORMAT;
  ws.columns = columns.map((f) => ({ key: f, width: COLUMN_SPECS[f].width }));

  let headerTop = 1;
  if (spec.title) {
    const cell = ws.getCell(1, 1);
    cell.value = spec.title;
    cell.font = TITLE_FONT;
    cell.alignment = { vertical: "middle", horizontal: "center" };
    ws.mergeCells(1, 1, 1, columns.length);
    ws.getRow(1).height = 32;
    headerTop = 2;
  }

  const responsibleCols = columns
    .map((f, i) => (RESPONSIBLE.includes(f) ? i + 1 : -1))
    .filter((c) => c > 0);
  const twoLevel =
    spec.twoLevelHeader === true &&
    responsibleCols.length === RESPONSIBLE.length &&
    responsibleCols.every((c, i) => i === 0 || c === (responsibleCols[i - 1] ?? 0) + 1);
  const headerRows = twoLevel ? 2 : 1;
  const firstData = headerTop + headerRows;

  columns.forEach((field, i) => {
    const col = i + 1;
    if (twoLevel && RESPONSIBLE.includes(field)) {
      ws.getCell(headerTop + 1, col).value = FIELD_LABEL[field];
      styleHeader(ws.getCell(headerTop + 1, col));
    } else {
      ws.getCell(headerTop, col).value = FIELD_LABEL[field];
      if (twoLevel) {
        styleHeader(ws.getCell(headerTop + 1, col));
        ws.mergeCells(headerTop, col, headerTop + 1, col);
      }
    }
    styleHeader(ws.getCell(headerTop, col));
  });
  if (twoLevel) {
    const first = responsibleCols[0]!;
    const last = responsibleCols[responsibleCols.length - 1]!;
    ws.getCell(headerTop, first).value = "责任主体";
    for (let c = first; c <= last; c++) styleHeader(ws.getCell(headerTop, c));
    ws.mergeCells(headerTop, first, headerTop, last);
  }
  for (let r = headerTop; r < firstData; r++) ws.getRow(r).height = twoLevel ? 20 : 30;

  // Data rows, then prepared empty rows with the same styles.
  const prepared = spec.preparedRows ?? 0;
  const lastRow = firstData + spec.rows.length + prepared - 1;
  spec.rows.forEach((data, i) => {
    const r = firstData + i;
    columns.forEach((field, j) => {
      const value = data[field];
      const cell = ws.getCell(r, j + 1);
      if (value !== undefined && value !== null && value !== "") cell.value = value;
      styleBody(cell, COLUMN_SPECS[field].date === true || value instanceof Date, dateFormat);
    });
  });
  for (let r = firstData + spec.rows.length; r <= lastRow; r++) {
    columns.forEach((field, j) => {
      styleBody(ws.getCell(r, j + 1), COLUMN_SPECS[field].date === true, dateFormat);
    });
  }

  if (spec.mergeAspect) mergeRuns(ws, spec.rows, columns, firstData);

  // Drop-downs, date checks and prompts over every data and prepared row.
  if (lastRow >= firstData) {
    columns.forEach((field, j) => {
      const c = COLUMN_SPECS[field];
      const letter = ws.getColumn(j + 1).letter;
      const range = `${letter}${firstData}:${letter}${lastRow}`;
      const common = {
        allowBlank: true,
        showInputMessage: true,
        promptTitle: FIELD_LABEL[field],
        prompt: c.prompt,
      };
      if (c.list) {
        validations(ws).add(range, {
          ...common,
          type: "list",
          formulae: [listFormula(c.list)],
          showErrorMessage: true,
          errorStyle: "stop",
          errorTitle: `${FIELD_LABEL[field]}填写有误`,
          error: `请从下拉列表选择：${c.list.join("、")}。`,
        });
      } else if (c.date) {
        validations(ws).add(range, {
          ...common,
          type: "date",
          operator: "between",
          formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2099, 11, 31))],
          showErrorMessage: true,
          errorStyle: "stop",
          errorTitle: `${FIELD_LABEL[field]}填写有误`,
          error: "请填写日期，如 2024-01-10。",
        });
      } else {
        // Prompt only: exceljs writes type "any" as a validation without a rule.
        validations(ws).add(range, {
          ...common,
          type: "any",
          formulae: [],
        } as unknown as ExcelJS.DataValidation);
      }
    });
  }

  ws.views = [{ state: "frozen", xSplit: 0, ySplit: firstData - 1, topLeftCell: `A${firstData}` }];
  ws.autoFilter = {
    from: { row: firstData - 1, column: 1 },
    to: { row: firstData - 1, column: columns.length },
  };
  // Repeat the header on every printed page.
  ws.pageSetup.printTitlesRow = `${headerTop}:${firstData - 1}`;
}

/** Vertically merges runs of equal 方面 (and 类别 within one 方面), leaving the first cell's value. */
function mergeRuns(
  ws: ExcelJS.Worksheet,
  rows: LedgerWorkbookSpec["rows"],
  columns: readonly LedgerField[],
  firstData: number,
): void {
  const key = (i: number, field: LedgerField): string => {
    const v = rows[i]?.[field];
    return v === undefined || v === null ? "" : String(v);
  };
  for (const field of ["aspect", "category"] as const) {
    const col = columns.indexOf(field) + 1;
    if (col === 0) continue;
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      const same =
        i < rows.length &&
        key(i, field) === key(start, field) &&
        key(i, "aspect") === key(start, "aspect") &&
        key(start, field) !== "";
      if (same) continue;
      if (i - 1 > start) {
        for (let k = start + 1; k < i; k++) ws.getCell(firstData + k, col).value = null;
        ws.mergeCells(firstData + start, col, firstData + i - 1, col);
        ws.getCell(firstData + start, col).alignment = { vertical: "middle", wrapText: true };
      }
      start = i;
    }
  }
}

function addInfoSheet(
  wb: ExcelJS.Workbook,
  entries: readonly InfoEntry[],
  dateFormat: string,
): void {
  const ws = wb.addWorksheet(SHEET.info);
  ws.columns = [
    { key: "key", width: 16 },
    { key: "value", width: 44 },
    { key: "note", width: 70 },
  ];
  writeHeaderRow(ws, ["项目", "内容", "说明"]);
  entries.forEach((e, i) => {
    const r = i + 2;
    const keyCell = ws.getCell(r, 1);
    keyCell.value = INFO_KEYS[e.field];
    keyCell.font = { ...BODY_FONT, bold: true };
    keyCell.border = BORDER;
    keyCell.alignment = { vertical: "top" };
    const valueCell = ws.getCell(r, 2);
    if (e.value !== undefined && e.value !== null && e.value !== "") valueCell.value = e.value;
    styleBody(valueCell, DATE_INFO.has(e.field), dateFormat);
    const noteCell = ws.getCell(r, 3);
    if (e.note) noteCell.value = e.note;
    styleBody(noteCell, false, dateFormat);
    noteCell.font = { ...BODY_FONT, color: { argb: "FF595959" } };
    const prompt = INFO_NOTES[e.field];
    if (e.field === "inspectionType") {
      validations(ws).add(`B${r}`, {
        type: "list",
        allowBlank: true,
        formulae: [listFormula(INSPECTION_TYPES)],
        showInputMessage: true,
        promptTitle: INFO_KEYS[e.field],
        prompt,
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: "巡察类型",
        error: `一般为：${INSPECTION_TYPES.join("、")}。`,
      });
    } else if (DATE_INFO.has(e.field)) {
      validations(ws).add(`B${r}`, {
        type: "date",
        operator: "between",
        allowBlank: true,
        formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2099, 11, 31))],
        showInputMessage: true,
        promptTitle: INFO_KEYS[e.field],
        prompt,
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: `${INFO_KEYS[e.field]}填写有误`,
        error: "请填写日期，如 2024-01-10。",
      });
    } else if (
      e.field === "declaredAspects" ||
      e.field === "declaredProblems" ||
      e.field === "suggestionCount"
    ) {
      validations(ws).add(`B${r}`, {
        type: "whole",
        operator: "between",
        allowBlank: true,
        formulae: [0, 100000],
        showInputMessage: true,
        promptTitle: INFO_KEYS[e.field],
        prompt,
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: `${INFO_KEYS[e.field]}填写有误`,
        error: "请填写整数，如 74。",
      });
    }
  });
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2" }];
}

function addNarrativeSheet(wb: ExcelJS.Workbook, entries: readonly NarrativeEntry[]): void {
  const ws = wb.addWorksheet(SHEET.narrative);
  ws.columns = [
    { key: "part", width: 12 },
    { key: "heading", width: 26 },
    { key: "text", width: 90 },
  ];
  writeHeaderRow(ws, ["部分", "小标题", "内容"]);
  entries.forEach((e, i) => {
    const r = i + 2;
    const values = [e.part, e.heading, e.text];
    values.forEach((v, j) => {
      const cell = ws.getCell(r, j + 1);
      if (v) cell.value = v;
      styleBody(cell, false, DATE_FORMAT);
    });
  });
  const last = Math.max(entries.length + 1, 21);
  for (let r = entries.length + 2; r <= last; r++) {
    for (let c = 1; c <= 3; c++) styleBody(ws.getCell(r, c), false, DATE_FORMAT);
  }
  validations(ws).add(`A2:A${last}`, {
    type: "list",
    allowBlank: true,
    formulae: [listFormula(NARRATIVE_PARTS)],
    showInputMessage: true,
    promptTitle: "部分",
    prompt: "主要做法（报告“一、”部分）或 下一步打算（报告最后一部分）。",
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "部分填写有误",
    error: "请选择：主要做法 或 下一步打算。",
  });
  validations(ws).add(`B2:B${last}`, {
    type: "any",
    formulae: [],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: "小标题",
    prompt: "段落的小标题，如“加强组织领导”；可不填。",
  } as unknown as ExcelJS.DataValidation);
  validations(ws).add(`C2:C${last}`, {
    type: "any",
    formulae: [],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: "内容",
    prompt: "段落正文；单元格内换行（Alt+Enter）在文件中保留为换行。",
  } as unknown as ExcelJS.DataValidation);
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2" }];
}

/** The blank ledger of `zhenggai init`. */
export function buildBlankLedger(preparedRows = 200): ExcelJS.Workbook {
  const info = (Object.keys(INFO_KEYS) as InfoField[]).map((field) => ({
    field,
    note: INFO_NOTES[field],
  }));
  return buildLedgerWorkbook({
    rows: [],
    preparedRows,
    info,
    narrative: [
      { part: "主要做法", heading: "", text: "" },
      { part: "下一步打算", heading: "", text: "" },
    ],
  });
}
