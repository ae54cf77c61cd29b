/**
 * Title lines by meaning (GB/T 9704 7.3.3: 词意完整，排列对称，长短适宜，梯形或菱形). The title
 * breaks only between words — after the 党组织名称 (before 关于), after 关于, after the 巡察组
 * name, before 反馈意见 / 整改情况 / 整改进展情况 — never inside a name, and every line fits the
 * 2号 line of the type area. Pure: the view model writes the lines joined by "\n", which
 * docxtemplater (linebreaks on) turns into <w:br/> in the one title paragraph.
 */

/**
 * Characters of a 2号 (22 pt) line in the 156 mm type area: 22 pt = 22 × 25.4 / 72 = 7.761 mm,
 * 156 / 7.761 = 20.1 → 20 (the title is off the grid, so its characters sit at their own width).
 */
export const TITLE_LINE_CHARS = Math.floor(156 / ((22 * 25.4) / 72));

/** Names the title must never split (the unit's names and its inspection group). */
export interface TitleNames {
  readonly org?: string;
  readonly unit?: string;
  readonly group?: string;
}

/** An inspection group's name inside a title: 县委第一巡察组, 省委第二巡视组, 市委巡察组. */
const GROUP_NAME = /[省市县区州盟旗]委(?:第[一二三四五六七八九十]+)?巡[察视]组/gu;
/** The organisational suffix of a Party organisation's name, where a too-long name may break. */
const ORG_SUFFIX = /(?:机关委员会|总支部委员会|支部委员会|委员会|党总支|党支部|党工委|党组|党委)$/u;

interface Break {
  /** Index in the title: the break falls before this character. */
  readonly at: number;
  /** How much the break costs (0 = the natural place, higher = worse). */
  readonly cost: number;
}

/** Length in characters (code points). */
const len = (s: string) => [...s].length;

function spans(title: string, needle: string): [number, number][] {
  const out: [number, number][] = [];
  if (needle === "") return out;
  for (let i = title.indexOf(needle); i >= 0; i = title.indexOf(needle, i + 1)) {
    out.push([i, i + needle.length]);
  }
  return out;
}

function indexesOf(title: string, word: string): number[] {
  return spans(title, word).map(([s]) => s);
}

/** Where the title may break, and at what cost. Positions inside a name are left out. */
function wordBreaks(title: string, names: TitleNames): Break[] {
  const protectedSpans: [number, number][] = [];
  const org = names.org ?? "";
  const group = names.group ?? "";
  for (const name of [org, names.unit ?? "", group]) protectedSpans.push(...spans(title, name));
  for (const m of title.matchAll(GROUP_NAME)) protectedSpans.push([m.index, m.index + m[0].length]);

  const breaks: Break[] = [];
  const add = (at: number, cost: number) => breaks.push({ at, cost });
  for (const i of indexesOf(title, "关于")) {
    add(i, 0);
    // A line ending in 关于(落实) reads badly: only when nothing else fits.
    add(i + 2, 7);
    if (title.startsWith("关于落实", i)) add(i + 4, 6);
  }
  for (const [, end] of spans(title, org)) add(end, 0);
  for (const [, end] of spans(title, group)) add(end, 1);
  for (const m of title.matchAll(GROUP_NAME)) add(m.index + m[0].length, 1);
  // 巡察反馈意见, 巡察整改…: one phrase, broken before 巡察 and never after it.
  const afterInspection = (i: number) => /巡[察视]$/.test(title.slice(0, i));
  for (const word of ["反馈意见", "整改进展情况", "整改情况", "整改落实情况"]) {
    for (const i of indexesOf(title, word)) add(afterInspection(i) ? i - 2 : i, 1);
  }
  const inside = (at: number) => protectedSpans.some(([s, e]) => at > s && at < e);
  return breaks.filter((b) => b.at > 0 && b.at < title.length && !inside(b.at));
}

/** Fallback breaks inside a name too long for one line: after 中共, after the unit, before the suffix. */
function nameBreaks(title: string, names: TitleNames): Break[] {
  const breaks: Break[] = [];
  const org = names.org ?? "";
  for (const [start, end] of spans(title, org)) {
    if (org.startsWith("中共")) breaks.push({ at: start + 2, cost: 20 });
    const suffix = ORG_SUFFIX.exec(org);
    if (suffix) breaks.push({ at: end - suffix[0].length, cost: 20 });
    const unit = names.unit ?? "";
    const u = unit === "" ? -1 : org.indexOf(unit);
    if (u >= 0) {
      breaks.push({ at: start + u, cost: 20 });
      breaks.push({ at: start + u + unit.length, cost: 20 });
    }
  }
  return breaks.filter((b) => b.at > 0 && b.at < title.length);
}

/** 梯形: lengths never rise then fall back the other way; 菱形: rise to a middle peak, then fall. */
export function titleShape(lines: readonly string[]): "梯形" | "菱形" | null {
  const n = lines.map(len);
  const up = n.every((v, i) => i === 0 || v >= (n[i - 1] ?? 0));
  const down = n.every((v, i) => i === 0 || v <= (n[i - 1] ?? 0));
  if (up || down) return "梯形";
  // A valley (a line shorter than both neighbours) is neither shape.
  const valley = n.some((v, i) => i > 0 && i < n.length - 1 && v < n[i - 1]! && v < n[i + 1]!);
  return valley ? null : "菱形";
}

interface Choice {
  readonly lines: string[];
  readonly cost: number;
}

function cutAt(title: string, at: readonly number[]): string[] {
  const cuts = [0, ...at, title.length];
  return cuts.slice(1).map((end, i) => title.slice(cuts[i], end));
}

const LINE_COST = 3;

function score(lines: readonly string[], breakCost: number): number {
  const n = lines.map(len);
  const shape = titleShape(lines);
  // Each line costs: fewer lines win unless they need a bad break.
  let cost = n.length * LINE_COST + breakCost + (Math.max(...n) - Math.min(...n)) * 0.25;
  if (shape === null) cost += 50;
  // The standard's own trapezoid widens downwards; a top line longer than the next costs a little.
  if (n.length === 2 && n[0]! > n[1]!) cost += 0.5;
  return cost;
}

/** The cheapest cut using only these breaks; none if no cut fits. */
function bestCut(title: string, breaks: readonly Break[], max: number): Choice | undefined {
  const unique = [...new Map(breaks.map((b) => [b.at, b])).values()]
    .map((b) => ({
      at: b.at,
      cost: Math.min(...breaks.filter((o) => o.at === b.at).map((o) => o.cost)),
    }))
    .sort((a, b) => a.at - b.at)
    .slice(0, 16);
  let best: Choice | undefined;
  for (let mask = 0; mask < 1 << unique.length; mask++) {
    const chosen = unique.filter((_, i) => mask & (1 << i));
    const lines = cutAt(
      title,
      chosen.map((b) => b.at),
    );
    if (lines.some((l) => len(l) > max)) continue;
    const cost = score(
      lines,
      chosen.reduce((sum, b) => sum + b.cost, 0),
    );
    if (cost < (best?.cost ?? Number.POSITIVE_INFINITY)) best = { lines, cost };
  }
  return best;
}

/** Last resort for a title with no word break that fits: equal pieces of at most `max`. */
function evenPieces(title: string, max: number): string[] {
  const chars = [...title];
  const count = Math.ceil(chars.length / max);
  const size = Math.ceil(chars.length / count);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(""));
  return out;
}

/**
 * The title's lines. One line when it fits; otherwise lines that break only between words,
 * weighing few lines, natural breaks and a symmetric shape. A title that already has
 * line breaks ("\n", an explicit title) is kept as given.
 */
export function titleLines(
  title: string,
  names: TitleNames = {},
  max: number = TITLE_LINE_CHARS,
): string[] {
  const given = title.replace(/\r\n?/g, "\n");
  if (given.includes("\n")) {
    return given
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "");
  }
  if (len(given) <= max) return [given];
  const words = wordBreaks(given, names);
  return (
    bestCut(given, words, max)?.lines ??
    bestCut(given, [...words, ...nameBreaks(given, names)], max)?.lines ??
    evenPieces(given, max)
  );
}
