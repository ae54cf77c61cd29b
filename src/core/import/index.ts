/** Import: a feedback document, report or notice → ledger rows, 基本信息, 报告正文 (pure). */
export { unitFromPartyOrg } from "./facts";
export { type Marker, type MarkerStyle, readLabel, readMarker } from "./markers";
export type {
  ImportedNarrative,
  ImportedRow,
  ImportOptions,
  ImportResult,
  Placement,
  SourceParagraph,
} from "./model";
export { parseFeedbackDocument } from "./parse";
export { decodeText, paragraphsFromText } from "./text";
