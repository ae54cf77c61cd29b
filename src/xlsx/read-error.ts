/**
 * The one error of ledger reading: a workbook that cannot be used, with a one-line Chinese
 * reason (the CLI exits 2 with it, the server answers 400 with it, the task pane shows it).
 */
export type WorkbookReadErrorKind =
  | "missing" // no such file (readWorkbookFile)
  | "directory" // the path is a folder (readWorkbookFile)
  | "empty" // zero bytes
  | "encrypted" // password-protected OOXML (an OLE container with EncryptionInfo)
  | "xls" // Excel 97-2003 binary workbook
  | "not-xlsx" // anything else that is not an OOXML zip
  | "corrupt" // a zip that exceljs cannot read as a workbook
  | "too-large"; // past a reading limit (zip budget, rows, columns, cells, text length)

export class WorkbookReadError extends Error {
  override readonly name = "WorkbookReadError";
  constructor(
    readonly kind: WorkbookReadErrorKind,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}
