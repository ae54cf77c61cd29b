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
  options: { readonly marker: string; readonly crashOn?: string },
): Promise<SheetCounts & { marker: string }> {
  const { threadId, isMainThread } = await import("node:worker_threads");
  // Simulates a worker dying mid-job (a native crash, out of memory): exits the worker thread.
  if (options.crashOn && path.endsWith(options.crashOn) && !isMainThread) process.exit(3);
  const grid = await readWorkbookFile(path);
  return {
    marker: options.marker,
    threadId,
    sheets: grid.sheets.map((s) => ({ name: s.name, rows: s.cells.length })),
  };
}
