/**
 * Draws the add-in icons (assets/icon-{16,32,64,80,128}.png): a red rounded square with a
 * white check mark. PNG chunks are written by hand (signature, IHDR, IDAT via zlib, IEND) so
 * the icons are reproducible without an image library: `npm run icons`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

const RED: readonly [number, number, number] = [0xc0, 0x1f, 0x1f];
const WHITE: readonly [number, number, number] = [0xff, 0xff, 0xff];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const body = Buffer.concat([head.subarray(4), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** Encodes RGBA pixels (row-major, 4 bytes each) as a PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  // compression, filter, interlace: 0
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

function insideRoundedSquare(x: number, y: number, radius: number): boolean {
  // Unit square [0,1]²; corners rounded with `radius`.
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= 0 && x <= 1 && y >= 0 && y <= 1;
}

function distanceToSegment(
  px: number,
  py: number,
  [ax, ay]: readonly [number, number],
  [bx, by]: readonly [number, number],
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const CHECK: readonly (readonly [number, number])[] = [
  [0.24, 0.52],
  [0.43, 0.71],
  [0.77, 0.31],
];

/** Draws one icon with 4×4 supersampling so the edges stay smooth at 16 px. */
export function drawIcon(size: number): Buffer {
  const samples = 4;
  const rgba = new Uint8Array(size * size * 4);
  const stroke = size <= 16 ? 0.085 : 0.065;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let mark = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = (x + (sx + 0.5) / samples) / size;
          const v = (y + (sy + 0.5) / samples) / size;
          if (!insideRoundedSquare(u, v, 0.2)) continue;
          bg++;
          const d = Math.min(
            distanceToSegment(u, v, CHECK[0]!, CHECK[1]!),
            distanceToSegment(u, v, CHECK[1]!, CHECK[2]!),
          );
          if (d <= stroke) mark++;
        }
      }
      const n = samples * samples;
      const i = (y * size + x) * 4;
      const w = bg === 0 ? 0 : mark / bg;
      for (let ch = 0; ch < 3; ch++) {
        rgba[i + ch] = Math.round(RED[ch]! * (1 - w) + WHITE[ch]! * w);
      }
      rgba[i + 3] = Math.round((bg / n) * 255);
    }
  }
  return encodePng(size, size, rgba);
}

function main(): void {
  const dir = new URL("../assets/", import.meta.url);
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    writeFileSync(new URL(`icon-${size}.png`, dir), drawIcon(size));
  }
  console.log(`icons written: ${ICON_SIZES.map((s) => `icon-${s}.png`).join(", ")}`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) main();
