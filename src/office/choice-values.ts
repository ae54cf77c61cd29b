/**
 * The checks of the pane's per-workbook choices, shared by both stores (the workbook's document
 * settings, src/office/choices.ts, and the standalone page's local storage,
 * src/taskpane/choice-storage.ts). No Office.js here: the standalone page loads it too.
 * What is read back is checked field by field: a value a newer or older version wrote that does
 * not fit is dropped, never an error.
 */
import { DOCUMENT_KINDS, type DocumentKind } from "../documents/api";
import type { PaneChoices } from "../ports/workbook";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The valid part of whatever is stored. */
export function parseChoices(raw: unknown): PaneChoices {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return {};
  const value = raw as Record<string, unknown>;
  const templates: Partial<Record<DocumentKind, string>> = {};
  const stored = value.templates;
  if (stored && typeof stored === "object" && !Array.isArray(stored)) {
    for (const kind of DOCUMENT_KINDS) {
      const name = (stored as Record<string, unknown>)[kind];
      if (typeof name === "string" && name !== "") templates[kind] = name;
    }
  }
  return {
    ...(typeof value.asOf === "string" && ISO_DATE.test(value.asOf) ? { asOf: value.asOf } : {}),
    ...(value.templateSource === "builtin" || value.templateSource === "embedded"
      ? { templateSource: value.templateSource }
      : {}),
    ...(Object.keys(templates).length > 0 ? { templates } : {}),
  };
}

/** `next` over `base`; the template names merge per kind. */
export function mergeChoices(base: PaneChoices, next: PaneChoices): PaneChoices {
  const templates = { ...base.templates, ...next.templates };
  return {
    ...base,
    ...next,
    ...(Object.keys(templates).length > 0 ? { templates } : {}),
  };
}
