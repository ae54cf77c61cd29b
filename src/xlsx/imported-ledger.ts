/**
 * The workbook of `zhenggai import` and the pane's 从反馈意见导入: the layout of `zhenggai init`
 * (same columns, drop-downs, prompts, 基本信息 keys and notes) with the imported rows, merged
 * 方面/类别 cells, the 基本信息 the document states (说明 quotes the words it came from) and
 * the 报告正文 paragraphs. Browser-safe.
 */
import type { ImportResult } from "../core/import/model";
import { INFO_KEYS, type InfoField, type LedgerField } from "../core/model";
import {
  buildLedgerWorkbook,
  INFO_NOTES,
  type InfoEntry,
  type LedgerCellValue,
  type LedgerWorkbookSpec,
  type NarrativeEntry,
} from "./ledger-workbook";

const DATE_FIELDS: ReadonlySet<InfoField> = new Set<InfoField>([
  "inspectionStart",
  "inspectionEnd",
  "feedbackDate",
  "docDate",
  "printDate",
]);

function utcDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

const quote = (s: string) => {
  const t = s.replace(/\s+/gu, " ").trim();
  return [...t].length > 60 ? `${[...t].slice(0, 60).join("")}…` : t;
};

/** 基本信息 rows: every key, in the order of `init`; a value only where the document states it. */
export function importedInfoEntries(result: ImportResult): InfoEntry[] {
  return (Object.keys(INFO_KEYS) as InfoField[]).map((field) => {
    const value = result.info[field];
    if (value === undefined) return { field, note: INFO_NOTES[field] };
    const source = result.infoSources[field];
    const cell: LedgerCellValue = DATE_FIELDS.has(field) ? utcDate(String(value)) : value;
    return { field, value: cell, note: source ? `据原文：${quote(source)}` : "据原文" };
  });
}

/** Ledger rows as cells: the status as the core normalised it, else as written (check flags it). */
export function importedRows(
  result: ImportResult,
): Partial<Record<LedgerField, LedgerCellValue>>[] {
  return result.rows.map((r, i) => ({
    seq: i + 1,
    aspect: r.aspect,
    category: r.category,
    problem: r.problem,
    measures: r.measures,
    leader: r.leader,
    department: r.department,
    owner: r.owner,
    deadline: r.deadline,
    status: r.status ?? r.statusText,
    result: r.result,
    doneDate: r.doneDate,
    evidence: r.evidence,
    note: r.note,
  }));
}

export function importedNarrative(result: ImportResult): NarrativeEntry[] {
  if (result.narrative.length > 0) return result.narrative.map((n) => ({ ...n }));
  return [
    { part: "主要做法", heading: "", text: "" },
    { part: "下一步打算", heading: "", text: "" },
  ];
}

/** The ledger sheet's title row: what the rows were imported from. */
export function importedTitle(result: ImportResult): string {
  // Nothing imported (the pane's 新建台账表 on an empty workbook): no title row, as in `init`.
  if (!result.title && result.rows.length === 0) return "";
  return result.title ? `整改台账（据《${result.title}》导入）` : "整改台账（据反馈意见导入）";
}

export function importedLedgerSpec(result: ImportResult, preparedRows = 100): LedgerWorkbookSpec {
  return {
    title: importedTitle(result),
    mergeAspect: true,
    rows: importedRows(result),
    preparedRows,
    info: importedInfoEntries(result),
    narrative: importedNarrative(result),
  };
}

/** The whole workbook (整改台账, 基本信息, 报告正文); write it with writeXlsxDeterministic. */
export function buildImportedLedger(result: ImportResult, preparedRows = 100) {
  return buildLedgerWorkbook(importedLedgerSpec(result, preparedRows));
}
