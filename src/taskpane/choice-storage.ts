/**
 * Standalone, the per-workbook choices (as-of date, template) are kept in this browser's local
 * storage, keyed by the file's name (the keys earlier versions used, so nothing is forgotten).
 * Inside Excel they live in the workbook instead (src/office/choices.ts).
 */
import { DOCUMENT_KINDS, type DocumentKind } from "../documents/api";
import type { PaneChoiceStore, PaneChoices } from "../ports/workbook";

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
      const asOf = storage.getItem(AS_OF_KEY + fileName);
      const source = storage.getItem(SOURCE_KEY + fileName);
      const templates: Partial<Record<DocumentKind, string>> = {};
      for (const kind of DOCUMENT_KINDS) {
        const name = storage.getItem(`${PICK_KEY}${fileName}:${kind}`);
        if (name) templates[kind] = name;
      }
      const choices: PaneChoices = {
        ...(asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? { asOf } : {}),
        ...(source === "builtin" || source === "embedded" ? { templateSource: source } : {}),
        ...(Object.keys(templates).length > 0 ? { templates } : {}),
      };
      return choices;
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
