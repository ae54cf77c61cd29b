/**
 * .xlsx bytes → grid, refusing bytes that cannot be a workbook (old .xls, password-protected,
 * a Word file, a broken zip) with a WorkbookReadError carrying a one-line Chinese reason: the
 * CLI exits 2 with it, the server answers 400 with it, the task pane shows it. No fs and no
 * `node:` imports: the task pane uses this in the browser too.
 */
import { unzipSync } from "fflate";
import type { WorkbookGrid } from "../core/grid";
import { workbookGridFromXlsx } from "./grid";
import { WorkbookReadError } from "./read-error";

export { WorkbookReadError, type WorkbookReadErrorKind } from "./read-error";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** True when an OLE container holds an `EncryptionInfo` stream (how Office stores encrypted .xlsx). */
function isEncryptedOoxml(bytes: Uint8Array): boolean {
  // Directory entry names are UTF-16LE.
  const needle = [..."EncryptionInfo"].flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Classifies bytes that claim to be a workbook; throws WorkbookReadError when they cannot be
 * one. `label` names the file in the message.
 */
export function assertXlsxBytes(bytes: Uint8Array, label: string): void {
  if (bytes.length === 0)
    throw new WorkbookReadError("empty", `文件“${label}”是空文件（0 字节），不是 Excel 工作簿。`);
  if (startsWith(bytes, OLE_MAGIC)) {
    if (isEncryptedOoxml(bytes)) {
      throw new WorkbookReadError(
        "encrypted",
        `文件“${label}”设置了打开密码，无法读取：请在 Excel 中取消密码（文件→信息→保护工作簿）后另存再试。`,
      );
    }
    throw new WorkbookReadError(
      "xls",
      `文件“${label}”是旧版 Excel 97-2003 格式（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后再试。`,
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new WorkbookReadError(
      "not-xlsx",
      `文件“${label}”不是 Excel 工作簿（.xlsx），请选择台账的 .xlsx 文件。`,
    );
  }
}

/** The entry names of a zip, without inflating anything; undefined when it is not a zip. */
function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    return undefined;
  }
  return names;
}

/** A zip that is not a workbook (exceljs would read it as a workbook with no sheets). */
function assertWorkbookZip(bytes: Uint8Array, label: string): void {
  const names = zipEntryNames(bytes);
  if (names === undefined) {
    throw new WorkbookReadError(
      "corrupt",
      `文件“${label}”无法作为 Excel 工作簿读取：压缩包已损坏。`,
    );
  }
  if (names.includes("xl/workbook.xml")) return;
  const what = names.includes("word/document.xml")
    ? "是 Word 文档"
    : names.includes("ppt/presentation.xml")
      ? "是 PowerPoint 演示文稿"
      : "是压缩包";
  throw new WorkbookReadError(
    "not-xlsx",
    `文件“${label}”${what}，不是 Excel 工作簿（.xlsx），请选择台账的 .xlsx 文件。`,
  );
}

/** Parses .xlsx bytes, turning any failure into a WorkbookReadError. */
export async function gridFromXlsxBytes(bytes: Uint8Array, label: string): Promise<WorkbookGrid> {
  assertXlsxBytes(bytes, label);
  assertWorkbookZip(bytes, label);
  try {
    return await workbookGridFromXlsx(bytes, label);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new WorkbookReadError(
      "corrupt",
      `文件“${label}”无法作为 Excel 工作簿读取（文件可能已损坏或不是 .xlsx）：${detail}`,
    );
  }
}
