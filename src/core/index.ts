/** The core's public API: pure functions from a WorkbookGrid to a LedgerAnalysis, and helpers. */
export { analyseWorkbook, findLedgerSheet, sheetRole } from "./analyse";
export {
  type DateParse,
  dateFromJs,
  dateFromSerial,
  daysBetween,
  formatChineseDate,
  parseDateCell,
  parseDateText,
  todayLocal,
} from "./dates";
export {
  buildFinding,
  type CodeInfo,
  type CoreFindingCode,
  cellPlace,
  cellTextFindings,
  detailOfMessage,
  FINDING_CODES,
  type FindingCatalogue,
  type FindingCode,
  type FindingCodeSets,
  type FindingOptions,
  findingMessage,
  type MessageLead,
  makeFinding,
  placeText,
  renderFindingsDoc,
} from "./findings";
export * from "./grid";
export { detectHeader, headerField } from "./header";
export {
  checkDocNumber,
  documentFindings,
  isAddress,
  isEmail,
  isPhone,
  isPhoneList,
  parsePeriod,
  readBasicInfo,
  validateBasicInfo,
} from "./info";
export { readLedger } from "./ledger";
export * from "./model";
export { readNarrative } from "./narrative";
export * as normalisers from "./normalise";
export {
  cellText,
  normaliseDeadline,
  normalisePublic,
  normaliseSource,
  normaliseStatus,
  normaliseType,
  numberText,
} from "./normalise";
export { parseChineseNumber, parseCount } from "./numbers";
export { findingsAfterProfile, mergeProfile, type UnitProfile, unitProfileSchema } from "./profile";
export { HALF_WIDTH_CODE, type PunctuationFix, punctuationFixes } from "./punctuation-fix";
export {
  classifyRuleTitles,
  type RuleText,
  type RuleTitle,
  type RuleTitleReason,
  type RuleTitles,
} from "./rules";
export * as schemas from "./schemas";
export {
  basicInfoSchema,
  deadlineSchema,
  infoCellSchemas,
  ledgerRowSchema,
  localDateSchema,
} from "./schemas";
export { SheetView } from "./sheet";
export {
  type CountBreakdown,
  computeStats,
  countBreakdown,
  countMeasures,
  extractRuleTitles,
  formatPercent,
  isDone,
  largestRemainder,
  type StatsOptions,
  splitDepartments,
} from "./stats";
export {
  aspectKey,
  NOT_DONE_STATUSES,
  type Summary,
  type SummaryAspect,
  type SummaryOptions,
  type SummaryTotals,
  type SummaryUnitFigures,
  type SummaryUnitRow,
  summarise,
  type UnusableUnit,
  unitFigures,
  unitNameOf,
} from "./summary";
export { cleanText, looseKey, stripEnumerator, toHalfWidth } from "./text";
export { validateDeclared, validateRows } from "./validate";
export * from "./vocabulary";
