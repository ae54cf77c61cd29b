/** Similarity for "您是不是想用 …？": edit distance and shared characters. */

export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
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

/** The closest known name, if it is close enough to be a plausible typo. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; d: number; s: number } | undefined;
  const len = [...name].length;
  for (const c of candidates) {
    const d = editDistance(name, c);
    const s = sharedChars(name, c);
    const close =
      d <= Math.max(1, Math.floor(len / 2)) || (s >= 2 && s >= 0.6 * Math.max(len, [...c].length));
    if (!close) continue;
    if (!best || d < best.d || (d === best.d && s > best.s)) best = { name: c, d, s };
  }
  return best?.name;
}
