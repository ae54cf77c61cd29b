/**
 * Excel on the web refuses a request over 5 MB: a sheet bigger than the write budget is written
 * in row chunks, one sync each. Used by every sheet the adapter writes (整改统计, an imported
 * ledger's sheets).
 */

/** Request budget per sync on Excel on the web (the limit is 5 MB). */
export const WEB_WRITE_BYTES = 3_000_000;

export interface RowChunk {
  /** 0-based rows, `to` exclusive. */
  readonly from: number;
  readonly to: number;
}

const encoder = new TextEncoder();

/** Splits a layout's rows so that each chunk's values + formats stay under `maxBytes`. */
export function planWriteChunks(
  layout: { readonly values: readonly unknown[]; readonly formats: readonly unknown[] },
  maxBytes: number,
): RowChunk[] {
  const chunks: RowChunk[] = [];
  let from = 0;
  let bytes = 0;
  layout.values.forEach((row, r) => {
    const rowBytes =
      encoder.encode(JSON.stringify(row)).length +
      encoder.encode(JSON.stringify(layout.formats[r])).length;
    if (r > from && bytes + rowBytes > maxBytes) {
      chunks.push({ from, to: r });
      from = r;
      bytes = 0;
    }
    bytes += rowBytes;
  });
  chunks.push({ from, to: layout.values.length });
  return chunks;
}
