/**
 * A small zip writer that can lie, and the hostile files of issue 10 built with it. Every
 * entry point (CLI, pane, workbook embed, pack import, library) is tested with these files.
 *
 * The writer lays out local headers, data and the central directory by hand, so a test can
 * declare any size or CRC, point several directory records at overlapping data (the
 * "overlapping files" zip bomb: each entry quotes the next one's header in a stored deflate
 * block and all share one kernel), or repeat a name.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";

const enc = new TextEncoder();
export const text = (s: string): Uint8Array => enc.encode(s);

export interface RawEntry {
  readonly name: string;
  /** What the entry really holds once inflated (used for the CRC unless `crc` is given). */
  readonly data: Uint8Array;
  /** Stored (0) or deflated (8, default). */
  readonly method?: 0 | 8;
  /** Compressed bytes to write instead of deflating `data`. */
  readonly compressed?: Uint8Array;
  /** Lies: the sizes and CRC the central directory (and local header) declares. */
  readonly declaredSize?: number;
  readonly crc?: number;
}

function u16(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}
function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

function localHeader(
  name: Uint8Array,
  method: number,
  crc: number,
  csize: number,
  usize: number,
): Uint8Array {
  return Uint8Array.from([
    ...u32(0x04034b50),
    ...u16(20),
    ...u16(0x0800),
    ...u16(method),
    ...u16(0),
    ...u16(0x21),
    ...u32(crc),
    ...u32(csize),
    ...u32(usize),
    ...u16(name.length),
    ...u16(0),
    ...name,
  ]);
}

function centralRecord(
  name: Uint8Array,
  method: number,
  crc: number,
  csize: number,
  usize: number,
  offset: number,
): Uint8Array {
  return Uint8Array.from([
    ...u32(0x02014b50),
    ...u16(20),
    ...u16(20),
    ...u16(0x0800),
    ...u16(method),
    ...u16(0),
    ...u16(0x21),
    ...u32(crc),
    ...u32(csize),
    ...u32(usize),
    ...u16(name.length),
    ...u16(0),
    ...u16(0),
    ...u16(0),
    ...u16(0),
    ...u32(0),
    ...u32(offset),
    ...name,
  ]);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function endOfDirectory(count: number, size: number, offset: number): Uint8Array {
  return Uint8Array.from([
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(count),
    ...u16(count),
    ...u32(size),
    ...u32(offset),
    ...u16(0),
  ]);
}

/** Writes a zip of `entries`, each declaring whatever it is told to. Names may repeat. */
export function writeZip(entries: readonly RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = text(e.name);
    const method = e.method ?? 8;
    const body = e.compressed ?? (method === 8 ? deflateRawSync(e.data) : e.data);
    const crc = e.crc ?? crc32(e.data);
    const usize = e.declaredSize ?? e.data.length;
    const header = localHeader(name, method, crc, body.length, usize);
    chunks.push(header, body);
    central.push(centralRecord(name, method, crc, body.length, usize, offset));
    offset += header.length + body.length;
  }
  const cd = concat(central);
  return concat([...chunks, cd, endOfDirectory(entries.length, cd.length, offset)]);
}

/**
 * `size` bytes of zeros as a raw deflate stream, made cheaply: one 1 MiB block flushed to a
 * byte boundary (non-final), repeated, then an empty final block. About 1 KB per MiB.
 */
export function zerosDeflated(size: number): Uint8Array {
  const mib = 1024 * 1024;
  const block = deflateRawSync(new Uint8Array(mib), { finishFlush: constants.Z_SYNC_FLUSH });
  const parts: Uint8Array[] = [];
  for (let n = 0; n < Math.floor(size / mib); n++) parts.push(block);
  const rest = size % mib;
  if (rest)
    parts.push(deflateRawSync(new Uint8Array(rest), { finishFlush: constants.Z_SYNC_FLUSH }));
  parts.push(Uint8Array.from([0x03, 0x00])); // final, fixed Huffman, end of block
  return concat(parts);
}

/**
 * The overlapping-files bomb (D. Fifield, "A better zip bomb"): `count` entries whose data
 * overlap, each quoting the next entry's local header in a stored block and ending in one
 * shared kernel of `kernelSize` zeros. A 74 KB file of 50 such entries inflates to 50 kernels.
 * `prefix` entries (a real .docx's parts, say) come first and are ordinary.
 */
export function overlappingBomb(
  count: number,
  kernelSize: number,
  prefix: readonly RawEntry[] = [],
  name = (i: number) => `word/media/bomb${i}.xml`,
): Uint8Array {
  const kernel = zerosDeflated(kernelSize);
  const kernelOut = { size: kernelSize, crc: crc32(new Uint8Array(kernelSize)) };
  // Built backwards: entry i's data = stored block quoting header(i+1) + data(i+1).
  const headers: Uint8Array[] = new Array(count);
  const datas: Uint8Array[] = new Array(count);
  const sizes: number[] = new Array(count);
  const crcs: number[] = new Array(count);
  for (let i = count - 1; i >= 0; i--) {
    const nm = text(name(i));
    if (i === count - 1) {
      datas[i] = kernel;
      sizes[i] = kernelOut.size;
      crcs[i] = kernelOut.crc;
    } else {
      const next = headers[i + 1]!;
      const quote = Uint8Array.from([0x00, ...u16(next.length), ...u16(~next.length & 0xffff)]);
      datas[i] = concat([quote, next, datas[i + 1]!]);
      sizes[i] = next.length + sizes[i + 1]!;
      // CRC of (next header bytes + the inflated output of entry i+1): zlib's crc32 continues.
      crcs[i] = outputCrc(i + 1, headers, count, kernelSize);
    }
    // The compressed size runs from after this header to the end of the kernel.
    headers[i] = localHeader(nm, 8, crcs[i]!, datas[i]!.length, sizes[i]!);
  }
  // Layout: prefix entries, then H0 Q0 H1 Q1 … H(n-1) K — the data of entry i starts after Hi.
  const prefixChunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of prefix) {
    const nm = text(e.name);
    const body = deflateRawSync(e.data);
    const crc = crc32(e.data);
    const header = localHeader(nm, 8, crc, body.length, e.data.length);
    prefixChunks.push(header, body);
    central.push(centralRecord(nm, 8, crc, body.length, e.data.length, offset));
    offset += header.length + body.length;
  }
  const bombStart = offset;
  const bombBytes = concat([headers[0]!, datas[0]!]);
  let at = bombStart;
  for (let i = 0; i < count; i++) {
    central.push(centralRecord(text(name(i)), 8, crcs[i]!, datas[i]!.length, sizes[i]!, at));
    if (i < count - 1) at += headers[i]!.length + 5; // skip Hi and the 5-byte quote of H(i+1)
  }
  const cd = concat(central);
  const body = concat([...prefixChunks, bombBytes]);
  return concat([body, cd, endOfDirectory(prefix.length + count, cd.length, body.length)]);
}

/** CRC of what entry j-1 inflates to: headers j … count-1, then the kernel's zeros. */
function outputCrc(
  j: number,
  headers: readonly Uint8Array[],
  count: number,
  kernelSize: number,
): number {
  let crc = 0;
  for (let k = j; k < count; k++) crc = crc32(headers[k]!, crc);
  const mib = new Uint8Array(1024 * 1024);
  for (let left = kernelSize; left > 0; left -= mib.length)
    crc = crc32(mib.subarray(0, Math.min(left, mib.length)), crc);
  return crc;
}
