/** The documents module's public API (browser-safe). */
export * from "./api";
export {
  FORMATTERS,
  findTag,
  LOOPS,
  resolveTag,
  TAG_NAMES,
  TAGS,
  type TagDef,
  type TagKind,
} from "./contract";
export {
  DOCUMENT_FINDING_CODES,
  type DocumentFindingCode,
  renderAllFindingsDoc,
} from "./findings";
export { chineseDate, chineseNumber, chineseOrdinal, shortChineseDate, xmlSafe } from "./format";
export { fileNameFromTitle, renderDocument } from "./render";
export { closestName } from "./similar";
export { checkTemplate, TEMPLATE_CODES, TEMPLATE_SHEET } from "./template-check";
export { buildViewModel, deriveTitle, type ViewData, type ViewModelOptions } from "./view-model";
