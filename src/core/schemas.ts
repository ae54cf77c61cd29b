/**
 * zod schemas at the core's boundaries: the 基本信息 values as they come from cells (parsing
 * and validating each key), and the normalised shapes (LedgerRow, BasicInfo) that leave the
 * core — the server and the task pane validate payloads with these too.
 */
import { z } from "zod";
import { parseDateCell } from "./dates";
import type { Cell } from "./grid";
import {
  type BasicInfo,
  type InfoField,
  LEDGER_FIELDS,
  type LedgerField,
  type LedgerRow,
  RECTIFICATION_TYPES,
  SOURCES,
  STATUSES,
} from "./model";
import { cellText } from "./normalise";
import { parseCount } from "./numbers";

export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期应为 YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "日期不存在");

export const deadlineSchema = z.union([
  z.object({ kind: z.literal("date"), date: localDateSchema }).strict(),
  z.object({ kind: z.enum(["立行立改", "长期坚持", "长期"]) }).strict(),
]);

/** A normalised ledger row (the shape readLedger produces). */
export const ledgerRowSchema = z
  .object({
    row: z.number().int().positive(),
    seq: z.string(),
    aspect: z.string(),
    category: z.string(),
    problem: z.string(),
    measures: z.string(),
    leader: z.string(),
    department: z.string(),
    owner: z.string(),
    deadline: deadlineSchema.nullable(),
    type: z.enum(RECTIFICATION_TYPES).nullable(),
    status: z.enum(STATUSES).nullable(),
    result: z.string(),
    doneDate: localDateSchema.nullable(),
    evidence: z.string(),
    source: z.enum(SOURCES),
    isPublic: z.boolean(),
    note: z.string(),
    // An object per field, not a record: readLedger's row.cells makes each address on demand
    // (getters on its class), which a record parse would not see.
    cells: z
      .object(
        Object.fromEntries(LEDGER_FIELDS.map((f) => [f, z.string().optional()])) as {
          [F in LedgerField]: z.ZodOptional<z.ZodString>;
        },
      )
      .strict(),
  })
  .strict();

/**
 * LedgerRow (model.ts, readonly, what readers build) and this schema (what boundaries parse)
 * are one shape: each must be assignable to the other, or the build fails here. That is why
 * the analysis no longer parses every row it read (it cost ~12 % of a 50,000-row analysis);
 * the property tests parse them instead.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };
const ledgerRowMatchesSchema: Same<Mutable<LedgerRow>, z.infer<typeof ledgerRowSchema>> = true;
void ledgerRowMatchesSchema;

const cellSchema = z.custom<Cell>(
  (v) => typeof v === "object" && v !== null && "t" in v,
  "不是单元格",
);

/** 基本信息 text value: trimmed, XML-safe, line breaks kept; blank → undefined. */
const infoText = cellSchema.transform((cell, ctx) => {
  const t = cellText(cell);
  if (t.error !== undefined) {
    ctx.addIssue({ code: "custom", message: `是错误值 ${t.error}` });
    return z.NEVER;
  }
  return t.text === "" ? undefined : t.text;
});

const infoDate = cellSchema.transform((cell, ctx) => {
  if (cell.t === "e") {
    ctx.addIssue({ code: "custom", message: `是错误值 ${cell.v}` });
    return z.NEVER;
  }
  const d = parseDateCell(cell);
  if (!d) return undefined;
  if (!d.ok) {
    ctx.addIssue({ code: "custom", message: d.reason });
    return z.NEVER;
  }
  return d.date;
});

const infoCount = cellSchema.transform((cell, ctx) => {
  if (cell.t === "empty") return undefined;
  const n = cell.t === "n" ? cell.v : cell.t === "s" ? parseCount(cell.v) : undefined;
  if (cell.t === "s" && cell.v.trim() === "") return undefined;
  if (n === undefined || !Number.isInteger(n) || n < 0) {
    ctx.addIssue({ code: "custom", message: "应为非负整数（如 74 或 74个）" });
    return z.NEVER;
  }
  return n;
});

/** Per-key parsers from 基本信息 cells. */
export const infoCellSchemas: Readonly<Record<InfoField, z.ZodType<unknown, Cell>>> = {
  unitName: infoText,
  partyOrgName: infoText,
  partyOrgShortName: infoText,
  inspectionGroup: infoText,
  inspectionType: infoText,
  inspectionStart: infoDate,
  inspectionEnd: infoDate,
  feedbackDate: infoDate,
  declaredAspects: infoCount,
  declaredProblems: infoCount,
  suggestionCount: infoCount,
  issuerMark: infoText,
  docNumber: infoText,
  signer: infoText,
  recipient: infoText,
  docDate: infoDate,
  cc: infoText,
  printer: infoText,
  printDate: infoDate,
  phone: infoText,
  address: infoText,
  email: infoText,
};

/** Which 基本信息 keys hold dates and counts (for messages). */
export const INFO_DATE_FIELDS: ReadonlySet<InfoField> = new Set([
  "inspectionStart",
  "inspectionEnd",
  "feedbackDate",
  "docDate",
  "printDate",
]);
export const INFO_COUNT_FIELDS: ReadonlySet<InfoField> = new Set([
  "declaredAspects",
  "declaredProblems",
  "suggestionCount",
]);

/** Normalised 基本信息 (the BasicInfo shape). */
export const basicInfoSchema = z
  .object({
    unitName: z.string().optional(),
    partyOrgName: z.string().optional(),
    partyOrgShortName: z.string().optional(),
    inspectionGroup: z.string().optional(),
    inspectionType: z.string().optional(),
    inspectionStart: localDateSchema.optional(),
    inspectionEnd: localDateSchema.optional(),
    feedbackDate: localDateSchema.optional(),
    declaredAspects: z.number().int().nonnegative().optional(),
    declaredProblems: z.number().int().nonnegative().optional(),
    suggestionCount: z.number().int().nonnegative().optional(),
    issuerMark: z.string().optional(),
    docNumber: z.string().optional(),
    signer: z.string().optional(),
    recipient: z.string().optional(),
    docDate: localDateSchema.optional(),
    cc: z.string().optional(),
    printer: z.string().optional(),
    printDate: localDateSchema.optional(),
    phone: z.string().optional(),
    address: z.string().optional(),
    email: z.string().optional(),
  })
  .strict() satisfies z.ZodType<BasicInfo>;
