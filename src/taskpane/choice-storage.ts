/**
 * Standalone, the per-workbook choices (as-of date, template) are kept in this browser's local
 * storage, keyed by the file's name (the keys earlier versions used, so nothing is forgotten).
 * Inside Excel they live in the workbook instead (src/office/choice-values.ts).
 */
import { DOCUMENT_KINDS, type DocumentKind } from "../documents/api";
import { parseChoices } from "../office/choice-values";
import type { PaneChoiceStore } from "../ports/workbook";

const AS_OF_KEY = "zhenggai.asOf:";
const SOURCE_KEY = "zhenggai.templateSource:";
const PICK_KEY = "zhenggai.template:";

export function browserChoiceStore(
  fileName: string,
  storage: Storage | undefined = globalThis.localStorage,
): PaneChoiceStore {
  return {
    async load() {
      if (!storage) return {};
      const templates: Partial<Record<DocumentKind, string>> = {};
      for (const kind of DOCUMENT_KINDS) {
        const name = storage.getItem(`${PICK_KEY}${fileName}:${kind}`);
        if (name) templates[kind] = name;
      }
      // The same field checks as the workbook's copy (src/office/choice-values.ts).
      return parseChoices({
        asOf: storage.getItem(AS_OF_KEY + fileName),
        templateSource: storage.getItem(SOURCE_KEY + fileName),
        templates,
      });
    },
    async save(choices) {
      if (!storage) return;
      if (choices.asOf) storage.setItem(AS_OF_KEY + fileName, choices.asOf);
      if (choices.templateSource) storage.setItem(SOURCE_KEY + fileName, choices.templateSource);
      for (const [kind, name] of Object.entries(choices.templates ?? {})) {
        if (name) storage.setItem(`${PICK_KEY}${fileName}:${kind}`, name);
      }
    },
  };
}
