/**
 * The pane's per-workbook choices (as-of date, template) in the add-in's document settings
 * (key `zhenggai.paneChoices`), so that they travel with the workbook file like the unit profile.
 * What is read back is checked by ./choice-values.ts.
 */
import type { PaneChoiceStore } from "../ports/workbook";
import { mergeChoices, parseChoices } from "./choice-values";
import { documentSettings } from "./host";
import { saveSettings } from "./profile";

export const CHOICES_SETTING = "zhenggai.paneChoices";

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
