/**
 * A zip reader for files nobody vouches for (.docx templates, packs, .xlsx ledgers). It reads
 * the central directory itself and trusts none of it: every entry's local header must agree
 * with its directory record, entries may not overlap or share a name (OOXML part names are
 * case-insensitive, so neither may two names that differ only in case), and each entry is
 * inflated by a streaming inflater that stops the moment the output passes the size the
 * directory declared (the declared size is a ceiling, never a buffer that silently truncates)
 * or the archive's total budget. The CRC of every entry is checked. Browser-safe.
 */
import { Inflate } from "fflate";

export interface ZipLimits {
  /** Largest accepted archive, in bytes. */
  readonly maxBytes: number;
  /** Budget for the sum of the inflated sizes of all entries. */
  readonly maxUncompressed: number;
  /** Largest inflated size of one entry. */
  readonly maxEntryBytes: number;
  readonly maxEntries: number;
  /**
   * Highest inflated/compressed ratio of an entry bigger than 1 MB inflated. Deflate cannot
   * exceed about 1032:1; real XML stays below 100:1.
   */
  readonly maxRatio: number;
}

/** Why a zip was refused; `entry` names the part when one part is to blame. */
export type ZipRefusal =
  | "too-large"
  | "not-zip"
  | "zip64"
  | "encrypted"
  | "too-many-entries"
  | "unsafe-name"
  | "duplicate-name"
  | "overlap"
  | "header-mismatch"
  | "method"
  | "declared-too-large"
  | "ratio"
  | "inflates-past-declared"
  | "budget"
  | "corrupt-entry";

export interface ZipEntry {
  readonly name: string;
  /** Method 0 (stored) or 8 (deflated). */
  readonly method: number;
  readonly compressedSize: number;
  readonly declaredSize: number;
  readonly crc32: number;
  /** Offset of the compressed data in the archive. */
  readonly dataOffset: number;
}

export type ZipRead =
  | {
      readonly ok: true;
      /** Kept entries' bytes (every entry unless `keep` said otherwise), by name. */
      readonly files: Readonly<Record<string, Uint8Array>>;
      readonly entries: readonly ZipEntry[];
      /** Sum of the inflated sizes. */
      readonly inflated: number;
    }
  | {
      readonly ok: false;
      readonly reason: ZipRefusal;
      readonly entry?: string;
      /** One Chinese sentence naming the file (and the part, when there is one). */
      readonly message: string;
    };

export interface ZipReadOptions {
  /** Names the file in messages: 模板文件, 模板包, 文件“台账.xlsx”. */
  readonly what: string;
  /**
   * Which entries to keep in memory. The others are still inflated (to check their size and
   * CRC against the budget) but their bytes are dropped as they come.
   */
  readonly keep?: (name: string) => boolean;
  /** Sees every inflated chunk of every entry, e.g. to scan a worksheet without keeping it. */
  readonly onChunk?: (name: string, chunk: Uint8Array) => void;
}

const MB = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
const short = (name: string) => (name.length > 80 ? `${name.slice(0, 77)}…` : name);

/** CRC-32 (IEEE), table-driven. */
const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crcUpdate(crc: number, data: Uint8Array): number {
  let c = crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return c;
}

/** A name that could escape the folder it is extracted to, or is not a plain relative path. */
export function unsafeEntryName(name: string): boolean {
  if (name.length === 0 || name.length > 512) return true;
  if (name.startsWith("/") || name.includes("\\") || /^[A-Za-z]:/.test(name)) return true;
  if (/[\u0000-\u001f\u007f\ufffd]/.test(name)) return true;
  return name.split("/").some((part) => part === ".." || part === ".");
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) =>
  (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

const utf8 = new TextDecoder("utf-8");

/** Slices of compressed data fed to the inflater at a time: bounds the overshoot past a ceiling. */
const PUSH_SLICE = 1024;

function refuse(reason: ZipRefusal, message: string, entry?: string): ZipRead {
  return { ok: false, reason, message, ...(entry !== undefined ? { entry } : {}) };
}

/** Reads and inflates an untrusted zip within `limits`; never throws. */
export function readZip(bytes: Uint8Array, limits: ZipLimits, options: ZipReadOptions): ZipRead {
  const { what } = options;
  const notZip = () =>
    refuse(
      "not-zip",
      `${what}不是有效的压缩包（.docx/.xlsx/.zip），可能已损坏；请用 Word、Excel 或 WPS 重新另存后再试。`,
    );
  if (bytes.byteLength > limits.maxBytes)
    return refuse(
      "too-large",
      `${what}大小为 ${MB(bytes.byteLength)}，超过上限 ${MB(limits.maxBytes)}；请删去文件中的大图片后再试。`,
    );
  // End of central directory: the last signature within the final 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return notZip();
  const diskEntries = u16(bytes, eocd + 8);
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff)
    return refuse("zip64", `${what}使用了 ZIP64 格式（超大压缩包），不予接受。`);
  if (diskEntries !== count || u16(bytes, eocd + 4) !== 0 || u16(bytes, eocd + 6) !== 0)
    return notZip(); // multi-disk archives
  if (count > limits.maxEntries)
    return refuse(
      "too-many-entries",
      `${what}包含 ${count} 个内部文件，超过上限 ${limits.maxEntries} 个，不予接受。`,
    );
  if (cdOffset + cdSize > eocd) return notZip();

  // Central directory: every record, checked against its local header.
  const entries: ZipEntry[] = [];
  const spans: Array<{ start: number; end: number; name: string }> = [];
  const names = new Set<string>();
  let declaredTotal = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cdOffset + cdSize || u32(bytes, p) !== 0x02014b50) return notZip();
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc32 = u32(bytes, p + 16);
    const compressedSize = u32(bytes, p + 20);
    const declaredSize = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const localOffset = u32(bytes, p + 42);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = utf8.decode(nameBytes);
    p += 46 + nameLen + extraLen + commentLen;
    if (p > cdOffset + cdSize) return notZip();
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || localOffset === 0xffffffff)
      return refuse("zip64", `${what}使用了 ZIP64 格式（超大压缩包），不予接受。`, name);
    if (unsafeEntryName(name))
      return refuse(
        "unsafe-name",
        `${what}中含有不安全的路径“${short(name)}”（含“..”、绝对路径或控制字符），不予接受。`,
        name,
      );
    const key = name.toLowerCase();
    if (names.has(key))
      return refuse(
        "duplicate-name",
        `${what}中的“${short(name)}”出现了不止一次（同名的内部文件），无法确定用哪一个，不予接受。`,
        name,
      );
    names.add(key);
    if (flags & 0x41)
      return refuse("encrypted", `${what}中的“${short(name)}”被加密，无法检查，不予接受。`, name);
    if (method !== 0 && method !== 8)
      return refuse(
        "method",
        `${what}中的“${short(name)}”使用了不支持的压缩方式，请用 Word、Excel 或 WPS 重新另存。`,
        name,
      );
    if (declaredSize > limits.maxEntryBytes)
      return refuse(
        "declared-too-large",
        `${what}中的“${short(name)}”解压后为 ${MB(declaredSize)}，超过单个内部文件的上限 ${MB(limits.maxEntryBytes)}（疑似“压缩炸弹”），不予接受。`,
        name,
      );
    declaredTotal += declaredSize;
    if (declaredTotal > limits.maxUncompressed)
      return refuse(
        "declared-too-large",
        `${what}解压后超过 ${MB(limits.maxUncompressed)} 的上限（疑似“压缩炸弹”），不予接受。`,
        name,
      );
    if (method === 0 && compressedSize !== declaredSize)
      return refuse(
        "header-mismatch",
        `${what}中“${short(name)}”的目录记录自相矛盾，文件已损坏或被篡改。`,
        name,
      );
    if (declaredSize > 1024 * 1024 && declaredSize > limits.maxRatio * Math.max(1, compressedSize))
      return refuse(
        "ratio",
        `${what}中的“${short(name)}”压缩比异常（${Math.round(declaredSize / Math.max(1, compressedSize))}:1，疑似“压缩炸弹”），不予接受。`,
        name,
      );
    // The local header must be where the directory says and name the same entry.
    if (localOffset + 30 > cdOffset || u32(bytes, localOffset) !== 0x04034b50) return notZip();
    const localNameLen = u16(bytes, localOffset + 26);
    const localExtraLen = u16(bytes, localOffset + 28);
    const localName = bytes.subarray(localOffset + 30, localOffset + 30 + localNameLen);
    const sameName =
      localName.length === nameBytes.length && localName.every((b, i) => b === nameBytes[i]);
    if (!sameName || u16(bytes, localOffset + 8) !== method)
      return refuse(
        "header-mismatch",
        `${what}中“${short(name)}”的目录记录与文件头不一致，文件已损坏或被篡改，不予接受。`,
        name,
      );
    const dataOffset = localOffset + 30 + localNameLen + localExtraLen;
    const end = dataOffset + compressedSize;
    if (end > cdOffset) return notZip();
    spans.push({ start: localOffset, end, name });
    entries.push({ name, method, compressedSize, declaredSize, crc32, dataOffset });
  }
  // Overlapping entries: the classic way to make a small file inflate many times over.
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.end)
      return refuse(
        "overlap",
        `${what}中的“${short(spans[i]!.name)}”与“${short(spans[i - 1]!.name)}”共用同一段数据（重叠的内部文件，疑似“压缩炸弹”），不予接受。`,
        spans[i]!.name,
      );
  }

  // Inflate, entry by entry, each bounded by its declared size and all by the budget.
  const files: Record<string, Uint8Array> = {};
  let inflated = 0;
  for (const entry of entries) {
    const keep = options.keep ? options.keep(entry.name) : true;
    const chunks: Uint8Array[] = [];
    let produced = 0;
    let crc = -1;
    let over: ZipRefusal | undefined;
    let ended = false;
    const take = (chunk: Uint8Array) => {
      if (over) return;
      produced += chunk.length;
      if (produced > entry.declaredSize) {
        over = "inflates-past-declared";
        return;
      }
      if (inflated + produced > limits.maxUncompressed) {
        over = "budget";
        return;
      }
      crc = crcUpdate(crc, chunk);
      options.onChunk?.(entry.name, chunk);
      if (keep) chunks.push(chunk);
    };
    const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    if (entry.method === 0) {
      take(data.slice());
      ended = true;
    } else {
      const inflater = new Inflate((chunk, final) => {
        take(chunk);
        if (final) ended = true;
      });
      try {
        for (let i = 0; i < data.length && !over && !ended; i += PUSH_SLICE) {
          const end = Math.min(data.length, i + PUSH_SLICE);
          inflater.push(data.subarray(i, end), end === data.length);
        }
        if (data.length === 0) inflater.push(new Uint8Array(0), true);
      } catch {
        return refuse(
          "corrupt-entry",
          `${what}中的“${short(entry.name)}”无法解压，文件已损坏；请用 Word、Excel 或 WPS 重新另存后再试。`,
          entry.name,
        );
      }
    }
    if (over === "inflates-past-declared")
      return refuse(
        over,
        `${what}中的“${short(entry.name)}”解压后超过了目录中记录的大小（目录被篡改，疑似“压缩炸弹”），不予接受。`,
        entry.name,
      );
    if (over === "budget")
      return refuse(
        over,
        `${what}解压后超过 ${MB(limits.maxUncompressed)} 的上限（疑似“压缩炸弹”），不予接受。`,
        entry.name,
      );
    if (!ended || produced !== entry.declaredSize || (crc ^ -1) >>> 0 !== entry.crc32)
      return refuse(
        "corrupt-entry",
        `${what}中“${short(entry.name)}”的内容与目录记录不符（大小或校验值不对），文件已损坏或被篡改。`,
        entry.name,
      );
    inflated += produced;
    if (keep) files[entry.name] = concat(chunks, produced);
  }
  return { ok: true, files, entries, inflated };
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
