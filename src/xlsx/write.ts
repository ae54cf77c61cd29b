/**
 * Byte-for-byte reproducible .xlsx output. exceljs stamps every zip entry with the current
 * time, so the same workbook written twice differs; committed examples and `init` output must
 * not. We fix the document dates and re-pack the zip with one fixed timestamp.
 */
import type ExcelJS from "exceljs";
import { unzipSync, type Zippable, zipSync } from "fflate";

/** The fixed timestamp for generated files (document properties and zip entries). */
export const FIXED_TIMESTAMP = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

/** Sets the workbook's document properties to fixed values (call before adding content or after). */
export function stampWorkbook(workbook: ExcelJS.Workbook, creator = "zhenggai 整改台账助手"): void {
  workbook.creator = creator;
  workbook.lastModifiedBy = creator;
  workbook.created = FIXED_TIMESTAMP;
  workbook.modified = FIXED_TIMESTAMP;
}

/** Writes the workbook to .xlsx bytes that depend only on its content. */
export async function writeXlsxDeterministic(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  stampWorkbook(workbook, workbook.creator || undefined);
  const raw = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return repackZip(raw);
}

/** Re-packs a zip with a fixed modification time on every entry, keeping the entry order. */
export function repackZip(bytes: Uint8Array): Uint8Array {
  // Zip (DOS) times are local wall-clock fields: build the date from local fields so the bytes
  // are the same in every time zone.
  const mtime = new Date(2024, 0, 1, 0, 0, 0);
  const entries = unzipSync(bytes);
  const out: Zippable = {};
  // [Content_Types].xml must stay first; unzipSync keeps the archive's order.
  for (const [name, data] of Object.entries(entries)) {
    out[name] = [data, { mtime, level: 6 }];
  }
  return zipSync(out, { mtime });
}
