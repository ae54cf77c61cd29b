/**
 * Reads a ledger workbook from disk. Files that cannot be used at all (missing, not an .xlsx,
 * encrypted, old .xls) become a WorkbookReadError with a one-line Chinese reason, so the CLI
 * can exit 2 with that line and the server can answer 400 with it.
 */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { WorkbookGrid } from "../core/grid";
import { gridFromXlsxBytes, WorkbookReadError } from "../xlsx/bytes";

export {
  assertXlsxBytes,
  gridFromXlsxBytes,
  WorkbookReadError,
  type WorkbookReadErrorKind,
} from "../xlsx/bytes";

/** Reads an .xlsx file into a grid. Throws WorkbookReadError for unusable files. */
export async function readWorkbookFile(path: string): Promise<WorkbookGrid> {
  const label = basename(path);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new WorkbookReadError("missing", `找不到文件“${path}”，请检查路径和文件名。`, path);
  }
  if (info.isDirectory()) {
    throw new WorkbookReadError("directory", `“${path}”是文件夹，不是 Excel 工作簿。`, path);
  }
  const bytes = new Uint8Array(await readFile(path));
  try {
    return await gridFromXlsxBytes(bytes, label);
  } catch (error) {
    if (error instanceof WorkbookReadError)
      throw new WorkbookReadError(error.kind, error.message, path);
    throw error;
  }
}
