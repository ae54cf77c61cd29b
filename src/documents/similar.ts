/** Similarity for "您是不是想用 …？": edit distance and shared characters. */

/**
 * Pinyin input typos: characters of tag names and the same-sounding characters an IME offers
 * first. Such a substitution costs half, so {完成律} suggests {完成率} rather than {完成数}.
 */
const SOUND_ALIKE: Record<string, string> = {
  率: "律绿虑滤",
  期: "其七齐旗",
  数: "书树述术",
  号: "好豪",
  题: "提体",
  类: "累泪",
  情: "清请晴",
  况: "框矿",
  名: "明命",
  称: "成程",
  序: "需叙续",
  部: "不步布",
  门: "们",
  限: "线现",
  责: "则择",
  任: "人认",
  段: "断短",
  落: "络",
  容: "荣融",
  送: "松颂",
  抄: "超",
  印: "因应",
  发: "法",
  日: "如",
  电: "点店",
  话: "化画",
};

export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const a = x[i - 1] ?? "";
      const b = y[j - 1] ?? "";
      const cost =
        a === b ? 0 : SOUND_ALIKE[a]?.includes(b) || SOUND_ALIKE[b]?.includes(a) ? 0.5 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

function sharedChars(a: string, b: string): number {
  const pool = [...b];
  let n = 0;
  for (const ch of a) {
    const i = pool.indexOf(ch);
    if (i >= 0) {
      n++;
      pool.splice(i, 1);
    }
  }
  return n;
}

/** Known names close enough to be a plausible typo of `name`, best first. */
export function closestNames(name: string, candidates: readonly string[]): string[] {
  const len = [...name].length;
  const scored: { name: string; d: number; s: number }[] = [];
  for (const c of new Set(candidates)) {
    const d = editDistance(name, c);
    const s = sharedChars(name, c);
    const close =
      d <= Math.max(1, Math.floor(len / 2)) || (s >= 2 && s >= 0.6 * Math.max(len, [...c].length));
    if (close) scored.push({ name: c, d, s });
  }
  scored.sort((a, b) => a.d - b.d || b.s - a.s);
  return scored.map((x) => x.name);
}

/** The closest known name, if any. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  return closestNames(name, candidates)[0];
}
