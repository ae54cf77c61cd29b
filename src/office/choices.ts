/**
 * The pane's per-workbook choices (as-of date, template) in the add-in's document settings
 * (key `zhenggai.paneChoices`), so that they travel with the workbook file like the unit profile.
 * What is read back is checked by ./choice-values.ts.
 *
 * Versions before 0.1's per-workbook choices kept the as-of date in the browser's local storage
 * under `zhenggai.asOf:<workbook name>`; a workbook whose settings have none yet takes that date,
 * and the next save writes it into the workbook, so the date a clerk set is not lost.
 */
import type { PaneChoiceStore } from "../ports/workbook";
import { mergeChoices, parseChoices } from "./choice-values";
import { documentFileName, documentSettings } from "./host";
import { saveSettings } from "./profile";

export const CHOICES_SETTING = "zhenggai.paneChoices";

/** The local-storage key earlier versions kept the as-of date under, by workbook name. */
export const LEGACY_AS_OF_KEY = "zhenggai.asOf:";

export function documentSettingsChoices(
  workbookName: () => string = documentFileName,
  storage: () => Storage | undefined = () => globalThis.localStorage,
): PaneChoiceStore {
  return {
    async load() {
      const choices = parseChoices(documentSettings().get(CHOICES_SETTING));
      if (choices.asOf) return choices;
      const name = workbookName();
      let legacy: string | null = null;
      try {
        legacy = name ? (storage()?.getItem(LEGACY_AS_OF_KEY + name) ?? null) : null;
      } catch {
        // Storage can be refused (private mode, policy): then there is nothing to carry over.
      }
      const carried = parseChoices({ asOf: legacy }).asOf;
      return carried ? { ...choices, asOf: carried } : choices;
    },
    async save(choices) {
      const settings = documentSettings();
      const merged = mergeChoices(parseChoices(settings.get(CHOICES_SETTING)), choices);
      settings.set(CHOICES_SETTING, merged);
      await saveSettings(settings, "统计截至日期和模板选择");
    },
  };
}
