/**
 * The small workbook port the task pane talks to. Two implementations: the Office.js adapter
 * (src/office) inside Excel, and the standalone one (an .xlsx opened in the page, via exceljs).
 * Components never touch Excel.* or exceljs directly.
 */
import type { WorkbookGrid } from "../core/grid";
import type { ImportResult } from "../core/import/model";
import type { LedgerAnalysis } from "../core/model";
import type { UnitProfile } from "../core/profile";
import type { PunctuationFix } from "../core/punctuation-fix";
import type { DocumentKind } from "../documents/api";

/** A template carried inside the workbook (custom XML part in Excel). */
export interface EmbeddedTemplate {
  readonly name: string;
  readonly kind: DocumentKind;
  readonly version: string;
  readonly sha256: string;
  /** Where it came from, e.g. `模板库：县委巡察办 v3` or `本机文件`. */
  readonly origin: string;
  readonly docx: Uint8Array;
}

/**
 * What a host can do to the workbook that is open in it, beyond reading: Excel can; a file opened
 * in the page cannot (the standalone port says `live: null`).
 */
export interface LiveWorkbook {
  /** Writes (replaces) the 整改统计 sheet; never touches the ledger sheet. */
  writeStatistics(analysis: LedgerAnalysis): Promise<void>;
  /** Activates the sheet and selects the cell (clicking a finding). */
  selectCell(sheet: string, address: string): Promise<void>;
  /** 规范台账: adds drop-down validation and date formats to the ledger sheet, nothing else. */
  normaliseLedger(): Promise<void>;
  /**
   * 规范台账's punctuation fix: writes `after` into exactly the cells listed, skipping any whose
   * value is no longer `before` (edited since the check). Returns how many cells were changed.
   */
  fixPunctuation(fixes: readonly PunctuationFix[]): Promise<number>;
  /**
   * 从反馈意见导入: adds the imported 整改台账 and 基本信息 (and 报告正文 when the document has
   * one) as NEW sheets. Each takes its own name only when the workbook has no such sheet (and,
   * for the ledger, no ledger at all); otherwise a new name such as 整改台账（导入）. Existing
   * sheets are never written.
   */
  addLedgerSheets(result: ImportResult): Promise<AddedLedgerSheets>;
  /**
   * Calls `handler` whenever a cell of any worksheet is edited (Excel's worksheets.onChanged,
   * ExcelApi 1.7); returns the unsubscribe. Hosts without the event never call it.
   */
  onChanged?(handler: () => void): () => void;
}

/** The sheets addLedgerSheets added, by role. */
export interface AddedLedgerSheets {
  readonly ledger: string;
  readonly info: string;
  readonly narrative: string | null;
}

/** Templates carried inside the workbook (custom XML parts in Excel). */
export interface EmbeddedTemplateStore {
  list(): Promise<EmbeddedTemplate[]>;
  /** Adds the template, replacing one of the same name. */
  embed(template: EmbeddedTemplate): Promise<void>;
  remove(name: string): Promise<void>;
}

/**
 * What the pane remembers for one workbook between sessions: the as-of date (统计截至日期) and the
 * template picked in 生成. Inside Excel it travels with the file (document settings); standalone
 * it is kept in this browser, keyed by the file name.
 */
export interface PaneChoices {
  /** YYYY-MM-DD. */
  readonly asOf?: string;
  /** 生成's template source (a local file cannot be remembered: its bytes are not kept). */
  readonly templateSource?: "builtin" | "embedded";
  /** The embedded template picked per kind when the workbook carries several (by name). */
  readonly templates?: Partial<Record<DocumentKind, string>>;
}

export interface PaneChoiceStore {
  /** What was kept for this workbook; `{}` when nothing (or nothing readable) was. */
  load(): Promise<PaneChoices>;
  /** Merges `choices` into what is kept (keys left out keep their value) and saves. */
  save(choices: PaneChoices): Promise<void>;
}

/**
 * A window of the host, larger than the pane, showing the generated document before it is saved
 * (Excel: Office.context.ui.displayDialogAsync with DialogApi 1.2's messageChild).
 */
export interface PreviewWindow {
  /**
   * Opens the document in the window; resolves once the window shows it with its page count.
   * `onSave` is called when the user clicks 保存 there (the pane saves: a dialog cannot
   * download on every platform), `onClosed` when the window is gone.
   */
  open(
    document: { readonly docx: Uint8Array; readonly fileName: string },
    events: { readonly onSave: () => void; readonly onClosed: () => void },
  ): Promise<OpenPreview>;
}

export interface OpenPreview {
  /** Pages the window drew. */
  readonly pages: number;
  close(): void;
}

/**
 * Capabilities are explicit: every port states `live`, `embedded`, `choices` and `previewWindow`,
 * as an object or `null`, and the UI shows a control only when its capability is there (no
 * optional methods, no `!`).
 */
export interface WorkbookPort {
  /** `excel` inside Excel (any platform), `standalone` for a file opened in the page. */
  readonly host: "excel" | "standalone";
  /** A label for the UI: the file name, or the workbook's name in Excel. */
  readonly label: string;
  /** Reads the ledger, 基本信息 and 报告正文 sheets (others may be left out). Never writes. */
  readWorkbook(): Promise<WorkbookGrid>;
  loadProfile(): Promise<UnitProfile | undefined>;
  saveProfile(profile: UnitProfile): Promise<void>;
  readonly live: LiveWorkbook | null;
  readonly embedded: EmbeddedTemplateStore | null;
  /** Per-workbook choices (as-of date, template); both hosts have it. */
  readonly choices: PaneChoiceStore | null;
  /**
   * A host window for the preview (Excel with DialogApi 1.2); `null` means the pane enlarges
   * the preview in place.
   */
  readonly previewWindow: PreviewWindow | null;
}
