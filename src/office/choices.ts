/**
 * The pane's per-workbook choices (as-of date, template) in the add-in's document settings
 * (key `zhenggai.paneChoices`), so that they travel with the workbook file like the unit profile.
 * What is read back is checked field by field: a value a newer or older version wrote that does
 * not fit is dropped, never an error.
 */
import { DOCUMENT_KINDS, type DocumentKind } from "../documents/api";
import type { PaneChoiceStore, PaneChoices } from "../ports/workbook";
import { documentSettings } from "./host";
import { saveSettings } from "./profile";

export const CHOICES_SETTING = "zhenggai.paneChoices";

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

export function documentSettingsChoices(): PaneChoiceStore {
  return {
    async load() {
      return parseChoices(documentSettings().get(CHOICES_SETTING));
    },
    async save(choices) {
      const settings = documentSettings();
      const merged = mergeChoices(parseChoices(settings.get(CHOICES_SETTING)), choices);
      settings.set(CHOICES_SETTING, merged);
      await saveSettings(settings, "统计截至日期和模板选择");
    },
  };
}
