/** Counts written as text: 74, 74个, ７４, 七十四, 四点. */

const CN: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Chinese numerals up to 9999 (一百零三, 七十四, 十二). */
export function parseChineseNumber(s: string): number | undefined {
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return undefined;
  let total = 0;
  let digit = 0;
  let seenUnit = false;
  for (const ch of s) {
    const d = CN[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const unit = ch === "十" ? 10 : ch === "百" ? 100 : 1000;
    total += (digit === 0 && unit === 10 && !seenUnit ? 1 : digit) * unit;
    digit = 0;
    seenUnit = true;
  }
  return total + digit;
}

/** A non-negative count from text, tolerating a trailing measure word; undefined if not a count. */
export function parseCount(raw: string): number | undefined {
  const s = raw
    .normalize("NFKC")
    .trim()
    .replace(/[个项条点件方面类]+$/u, "");
  if (/^\d+$/.test(s)) return Number(s);
  return parseChineseNumber(s);
}
