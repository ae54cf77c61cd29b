/**
 * 从反馈意见导入 in the pane: a .docx or .txt the clerk chose → paragraphs → the same parser as
 * `zhenggai import`. Everything runs in the browser; the .docx reader (fflate) and the parser are
 * loaded only when a file is imported.
 */
import type { ImportResult, SourceParagraph } from "../core/import/model";

/** A file the pane cannot import; the message says what to do instead. */
export class FeedbackFileError extends Error {}

const extOf = (name: string) => /\.[^.]+$/u.exec(name.toLowerCase())?.[0] ?? "";

export async function readFeedbackFile(
  name: string,
  bytes: Uint8Array,
): Promise<SourceParagraph[]> {
  const ext = extOf(name);
  if (ext === ".pdf")
    throw new FeedbackFileError(
      `任务窗格暂不读取 PDF（“${name}”）：请用 Word 或 WPS 打开后另存为 .docx，或复制全部文字存为 .txt 再导入；命令行 zhenggai import 可以直接读取带文字层的 PDF。`,
    );
  if (ext === ".doc" || ext === ".wps")
    throw new FeedbackFileError(`“${name}”是旧版 Word/WPS 格式，请另存为 .docx 后再导入。`);
  if (ext === ".docx" || ext === ".docm") {
    const { DocxReadError, readDocxParagraphs } = await import("../docx/paragraphs");
    try {
      return readDocxParagraphs(bytes, name);
    } catch (error) {
      if (error instanceof DocxReadError) throw new FeedbackFileError(error.message);
      throw error;
    }
  }
  if (ext === ".txt" || ext === ".text" || ext === "") {
    const { decodeText, paragraphsFromText } = await import("../core/import");
    return paragraphsFromText(decodeText(bytes));
  }
  throw new FeedbackFileError(`无法导入“${name}”：只能导入 .docx 或 .txt 文件。`);
}

/** Reads and parses the file; a document without any problem is refused with a reason. */
export async function importFeedbackFile(name: string, bytes: Uint8Array): Promise<ImportResult> {
  const paragraphs = await readFeedbackFile(name, bytes);
  const { parseFeedbackDocument } = await import("../core/import");
  const result = parseFeedbackDocument(paragraphs, { source: name });
  if (result.rows.length === 0)
    throw new FeedbackFileError(
      `“${name}”中没有识别出任何问题，未生成台账：问题应有编号（如 一、（一）1.（1）），或后面跟着“整改成效：”“完成情况：”等行。`,
    );
  return result;
}

/** The standalone download: the workbook `zhenggai import` writes, built in the browser. */
export async function importedWorkbookBytes(result: ImportResult): Promise<Uint8Array> {
  const [{ buildImportedLedger }, { writeXlsxDeterministic }] = await Promise.all([
    import("../xlsx/imported-ledger"),
    import("../xlsx/write"),
  ]);
  return writeXlsxDeterministic(buildImportedLedger(result));
}

/** 清丰县反馈意见.docx → 清丰县反馈意见-整改台账.xlsx (as the CLI names it). */
export function importedWorkbookName(source: string): string {
  return `${source.replace(/\.[^.]+$/u, "")}-整改台账.xlsx`;
}
