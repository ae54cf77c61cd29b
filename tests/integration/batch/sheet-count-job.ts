/**
 * A small real job for the pool tests that do not need the documents engine: reads the
 * workbook (Chinese WorkbookReadError for a bad file) and reports each sheet's row count.
 */
import { readWorkbookFile } from "../../../src/node/read-workbook";

export interface SheetCounts {
  readonly sheets: readonly { readonly name: string; readonly rows: number }[];
  readonly threadId: number;
}

export async function countSheets(
  path: string,
  options: { readonly marker: string },
): Promise<SheetCounts & { marker: string }> {
  const grid = await readWorkbookFile(path);
  const { threadId } = await import("node:worker_threads");
  return {
    marker: options.marker,
    threadId,
    sheets: grid.sheets.map((s) => ({ name: s.name, rows: s.cells.length })),
  };
}
