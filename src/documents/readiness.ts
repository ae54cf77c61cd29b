/**
 * Whether each document can be made from what 基本信息 (completed by 设置) holds, and, when the
 * renderer refuses, where the fault is (台账 / 基本信息 / 设置 / 模板). One pure function: the
 * pane's 校验 shows it and 生成 explains a refusal with it, so the two never disagree.
 */
import { type CoreFindingCode, documentFindings, FINDING_CODES } from "../core/index";
import type { BasicInfo, Finding, InfoField } from "../core/model";
import type { UnitProfile } from "../core/profile";
import type { DocumentKind } from "./api";

export type ReadinessId =
  | "signer"
  | "docNumber"
  | "recipient"
  | "issuerMark"
  | "docDate"
  | "contacts";

export interface ReadinessItem {
  readonly id: ReadinessId;
  /** What the document needs, e.g. 签发人 or 联系方式. */
  readonly label: string;
  readonly ok: boolean;
  /** `error`: the document is not made without it; `warning`: it is, with a gap. */
  readonly severity: "error" | "warning";
  /** The renderer's own words when missing. */
  readonly message?: string;
  /** The 基本信息 key that supplies it. */
  readonly infoField: InfoField;
  /** The 设置 field that can supply it instead, when there is one. */
  readonly setting?: keyof UnitProfile;
}

interface Need {
  readonly id: ReadinessId;
  readonly label: string;
  readonly code: CoreFindingCode;
  readonly infoField: InfoField;
  readonly setting?: keyof UnitProfile;
}

const NEEDS: Record<DocumentKind, readonly Need[]> = {
  报告: [
    {
      id: "signer",
      label: "签发人",
      code: "document.signer.missing",
      infoField: "signer",
      setting: "signer",
    },
    {
      id: "docNumber",
      label: "发文字号",
      code: "document.docNumber.missing",
      infoField: "docNumber",
    },
    {
      id: "recipient",
      label: "主送机关",
      code: "document.recipient.missing",
      infoField: "recipient",
      setting: "recipient",
    },
    {
      id: "issuerMark",
      label: "发文机关标志",
      code: "document.issuerMark.missing",
      infoField: "issuerMark",
      setting: "issuerMark",
    },
    { id: "docDate", label: "成文日期", code: "document.docDate.missing", infoField: "docDate" },
  ],
  通报: [
    {
      id: "contacts",
      label: "联系方式",
      code: "document.contact.missing",
      infoField: "phone",
      setting: "phone",
    },
    { id: "docDate", label: "成文日期", code: "document.docDate.missing", infoField: "docDate" },
  ],
};

/** What one document needs from 基本信息 / 设置, each marked present or missing (the renderer's rules). */
export function documentReadiness(info: BasicInfo, kind: DocumentKind): ReadinessItem[] {
  const findings = documentFindings(info, kind);
  return NEEDS[kind].map((need) => {
    const missing = findings.find((f) => f.code === need.code);
    return {
      id: need.id,
      label: need.label,
      ok: !missing,
      severity: FINDING_CODES[need.code].severity === "error" ? "error" : "warning",
      infoField: need.infoField,
      ...(need.setting ? { setting: need.setting } : {}),
      ...(missing ? { message: missing.message } : {}),
    };
  });
}

export type FaultPlace = "台账" | "基本信息" | "设置" | "模板";

export interface RefusalExplanation {
  /** Findings grouped by where to fix them, in this order: 模板, 台账, 基本信息/设置. */
  readonly template: readonly Finding[];
  readonly ledger: readonly Finding[];
  /** The document's missing needs that block it (fix in 设置 when a setting exists, else 基本信息). */
  readonly needs: readonly ReadinessItem[];
  /** Other 基本信息 values the document needs (e.g. 党组织名称 for its title). */
  readonly info: readonly Finding[];
  /** Only ledger errors can be overridden (仍然生成); everything else must be fixed. */
  readonly canOverride: boolean;
  /** Where the fault is, for the refusal's title. */
  readonly places: readonly FaultPlace[];
}

/** The renderer's codes (src/documents/render.ts) for a ledger refusal and a missing value. */
/** template-check.ts's TEMPLATE_SHEET, written here so the pane's 校验 chunk needs no docxtemplater. */
const TEMPLATE_SHEET = "模板";
const LEDGER_ERRORS = "document.ledger.errors";
const VALUE_MISSING = "document.value.missing";

const READINESS_CODES = new Set<string>(
  Object.values(NEEDS).flatMap((needs) => needs.map((n) => n.code)),
);

/** A refusal's findings, sorted by where the clerk fixes them. */
export function explainRefusal(
  findings: readonly Finding[],
  info: BasicInfo,
  kind: DocumentKind,
): RefusalExplanation {
  const template: Finding[] = [];
  const ledger: Finding[] = [];
  const infoFindings: Finding[] = [];
  for (const f of findings) {
    if (f.severity !== "error" || f.code === LEDGER_ERRORS) continue;
    if (READINESS_CODES.has(f.code)) continue;
    if (
      f.sheet === TEMPLATE_SHEET ||
      f.code.startsWith("template.") ||
      f.code.startsWith("document.render")
    )
      template.push(f);
    else if (f.code === VALUE_MISSING) infoFindings.push(f);
    else ledger.push(f);
  }
  // Computed rather than taken from the findings: a ledger refusal comes before these checks,
  // and 仍然生成 would only meet them next.
  const needs = documentReadiness(info, kind).filter((n) => !n.ok && n.severity === "error");
  const places: FaultPlace[] = [];
  if (template.length) places.push("模板");
  if (ledger.length) places.push("台账");
  if (infoFindings.length || needs.some((n) => !n.setting)) places.push("基本信息");
  if (needs.some((n) => n.setting)) places.push("设置");
  return {
    template,
    ledger,
    needs,
    info: infoFindings,
    canOverride:
      ledger.length > 0 && template.length === 0 && needs.length === 0 && infoFindings.length === 0,
    places,
  };
}
