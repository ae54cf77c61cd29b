/**
 * The shape of examples/data/*.json (one example ledger per published report) and its
 * conversion into a workbook spec. Dates are YYYY-MM-DD strings in the JSON and real Excel
 * dates in the workbook.
 */
import { z } from "zod";
import {
  INFO_KEYS,
  type InfoField,
  LEDGER_FIELDS,
  type LedgerField,
  NARRATIVE_PARTS,
} from "../src/core/model";
import type { LedgerCellValue, LedgerWorkbookSpec } from "../src/xlsx/ledger-workbook";

const ledgerRowSchema = z
  .object(
    Object.fromEntries(LEDGER_FIELDS.map((f) => [f, z.string().optional()])) as Record<
      LedgerField,
      z.ZodOptional<z.ZodString>
    >,
  )
  .strict();

const infoFields = Object.keys(INFO_KEYS) as [InfoField, ...InfoField[]];

export const exampleDataSchema = z
  .object({
    file: z.string().regex(/\.xlsx$/),
    seed: z.string(),
    description: z.string(),
    layout: z
      .object({
        title: z.string().optional(),
        mergeAspect: z.boolean().optional(),
        twoLevelHeader: z.boolean().optional(),
      })
      .strict(),
    info: z.array(
      z
        .object({
          field: z.enum(infoFields),
          value: z.union([z.string(), z.number()]).optional(),
          note: z.string().optional(),
        })
        .strict(),
    ),
    narrative: z.array(
      z.object({ part: z.enum(NARRATIVE_PARTS), heading: z.string(), text: z.string() }).strict(),
    ),
    rows: z.array(ledgerRowSchema),
  })
  .strict();

export type ExampleData = z.infer<typeof exampleDataSchema>;
export type ExampleRow = ExampleData["rows"][number];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2023-10-23` → a Date whose UTC fields hold the day (how exceljs writes an Excel date). */
function cellValue(text: string | number | undefined): LedgerCellValue {
  if (typeof text === "number") return text;
  if (text === undefined || text === "") return undefined;
  const m = ISO_DATE.exec(text);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : text;
}

/** Columns used by an example: the fields any row fills, in the standard order. */
function usedColumns(rows: readonly ExampleRow[]): LedgerField[] {
  return LEDGER_FIELDS.filter((f) => f === "seq" || rows.some((r) => (r[f] ?? "") !== ""));
}

export function exampleWorkbookSpec(data: ExampleData): LedgerWorkbookSpec {
  return {
    title: data.layout.title,
    mergeAspect: data.layout.mergeAspect,
    twoLevelHeader: data.layout.twoLevelHeader,
    columns: usedColumns(data.rows),
    rows: data.rows.map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cellValue(v)])),
    ),
    preparedRows: 20,
    info: data.info.map((e) => ({ field: e.field, value: cellValue(e.value), note: e.note })),
    narrative: data.narrative,
  };
}
