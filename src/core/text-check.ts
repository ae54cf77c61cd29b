/**
 * Text that would embarrass the document (ledger.md): half-width punctuation between Chinese
 * characters, mojibake, unbalanced 《》“”（）, dates with missing pieces, problem text beginning
 * with digits; counts written inside 报告正文 that contradict the ledger; an as-of date after
 * 成文日期. Each is a warning naming the cell and the fix. Pure: cell texts in, findings out.
 */
import { formatChineseDate } from "./dates";
import { makeFinding } from "./findings";
import type { Finding, LedgerField, LedgerRow, LocalDate, NarrativeField } from "./model";

/** One cell's text with where it stands and what it is (the column's label). */
export interface TextCell {
  readonly sheet: string;
  readonly cell: string;
  readonly row: number;
  readonly label: string;
  /** The field the cell holds, for the findings' params. */
  readonly field: LedgerField | NarrativeField;
  readonly text: string;
}

const HAN = /\p{Script=Han}/u;
const HALF_WIDTH = /[,;:?!()]/;

/**
 * Whether a code point is a Han character (\p{Script=Han}): the CJK blocks by range, the few
 * Han marks among CJK symbols and radicals (〇, 々, 〡…) by the regex, which is slow per character.
 */
function isHan(cp: number): boolean {
  if (cp < 0x2e80) return false;
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) return true;
  if (cp <= 0x303f || (cp >= 0xf900 && cp <= 0xfaff) || cp >= 0x20000)
    return HAN.test(String.fromCodePoint(cp));
  return false;
}
const HALF_TO_FULL: Readonly<Record<string, string>> = {
  ",": "，",
  ";": "；",
  ":": "：",
  "?": "？",
  "!": "！",
  "(": "（",
  ")": "）",
};

/** Chinese context on a side: a Han character or Chinese punctuation. */
const isChinese = (ch: string | undefined): boolean =>
  ch !== undefined && (HAN.test(ch) || /[，。、；：？！“”‘’《》（）【】]/u.test(ch));

/**
 * Half-width , ; : ? ! ( ) next to Chinese text, with the text as it should read. A ( ) pair
 * counts when either side of it is Chinese (制度(试行) → 制度（试行）); "10:30", URLs and e-mail
 * stay as they are.
 */
export function halfWidthPunctuation(text: string): { marks: string[]; fixed: string } {
  // Nearly every cell has none: one scan instead of splitting the text into characters.
  if (!HALF_WIDTH.test(text)) return { marks: [], fixed: text };
  const chars = [...text];
  const marks: string[] = [];
  const out = chars.slice();
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const full = HALF_TO_FULL[ch];
    if (!full) continue;
    const before = chars[i - 1];
    const after = chars[i + 1];
    // A '?' inside Chinese text before a letter is mojibake, not a question mark.
    if (ch === "?" && after !== undefined && /[\p{L}\p{N}]/u.test(after) && isChinese(before))
      continue;
    let chinese = isChinese(before) || isChinese(after);
    if (!chinese && (ch === "(" || ch === ")")) {
      // (1) at the start of Chinese text: look past the bracket's content.
      const close = ch === "(" ? chars.indexOf(")", i) : -1;
      if (close > i && isChinese(chars[close + 1])) chinese = true;
    }
    if (!chinese) continue;
    marks.push(ch);
    out[i] = full;
  }
  return { marks, fixed: out.join("") };
}

// GB2312 level 1 (the 3755 common characters) and the whole GB2312 set, from the platform's
// GBK decoder: text whose Han characters fall outside them in bulk was decoded wrongly. A table
// by UTF-16 code unit (0 outside, 1 GB2312, 2 level 1): looked up for every Han character of
// every cell, so it must be cheap.
let gb2312: Uint8Array | undefined;
function gb2312Table(): Uint8Array {
  if (gb2312) return gb2312;
  const table = new Uint8Array(0x10000);
  try {
    const decoder = new TextDecoder("gbk");
    for (let a = 0xb0; a <= 0xf7; a++) {
      for (let b = 0xa1; b <= 0xfe; b++) {
        const ch = decoder.decode(new Uint8Array([a, b]));
        if (ch.length !== 1 || ch === "\ufffd") continue;
        table[ch.charCodeAt(0)] = a <= 0xd7 ? 2 : 1;
      }
    }
  } catch {
    // No GBK decoder on this platform: the density test is skipped.
  }
  gb2312 = table;
  return table;
}
let gb2312Known: boolean | undefined;

const PINYIN_TONE = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/u;
const LATIN1_MOJIBAKE = /[ÃÂâåäæçèéïð][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ¡-¿]/u;

// What one pass over a text finds, so the checks below run only where their marks occur.
const HAS_FFFD = 1;
const HAS_QUESTION = 2;
const HAS_HALF_WIDTH = 4;
const HAS_PAIR_MARK = 8;
const HAS_DAY = 16;
/** Latin-1 supplement or Latin Extended (pinyin tone letters, Latin-1 mojibake debris). */
const HAS_LATIN = 32;

/** The marks in a text and its Han characters outside GB2312 (all / level 1), in one pass. */
interface TextScan {
  readonly flags: number;
  readonly han: number;
  readonly outside: number;
  readonly rare: number;
}

function scanText(text: string): TextScan {
  const table = gb2312Table();
  let flags = 0;
  let han = 0;
  let outside = 0;
  let rare = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      // , ; : ? ! ( )
      if (
        unit === 0x2c ||
        unit === 0x3b ||
        unit === 0x3a ||
        unit === 0x21 ||
        unit === 0x28 ||
        unit === 0x29
      )
        flags |= HAS_HALF_WIDTH;
      else if (unit === 0x3f) flags |= HAS_QUESTION | HAS_HALF_WIDTH;
      continue;
    }
    if (unit < 0x2e80) {
      if (unit <= 0x24f) flags |= HAS_LATIN;
      // “ ”
      else if (unit === 0x201c || unit === 0x201d) flags |= HAS_PAIR_MARK;
      continue;
    }
    if (unit === 0x65e5)
      flags |= HAS_DAY; // 日
    else if (unit === 0x300a || unit === 0x300b || unit === 0xff08 || unit === 0xff09)
      flags |= HAS_PAIR_MARK; // 《 》 （ ）
    else if (unit === 0xfffd) flags |= HAS_FFFD;
    let cp = unit;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++; // the low surrogate
    }
    if (!isHan(cp)) continue;
    han++;
    const known = cp <= 0xffff ? table[cp]! : 0;
    if (known === 0) outside++;
    if (known !== 2) rare++;
  }
  return { flags, han, outside, rare };
}

/**
 * Why a text looks like mojibake, or undefined: U+FFFD, "?" inside Chinese text, pinyin tone
 * letters or Latin-1 sequences inside Chinese text, or Han characters outside GB2312 in bulk
 * (UTF-8 read as GBK gives 涓叡娓呬赴…).
 */
export function mojibakeReason(text: string, scan: TextScan = scanText(text)): string | undefined {
  if (scan.flags & HAS_FFFD) return "含有替换字符“�”";
  if (scan.flags & HAS_QUESTION) {
    const chars = [...text];
    for (let i = 1; i < chars.length - 1; i++) {
      if (chars[i] === "?" && HAN.test(chars[i - 1]!) && /[\p{L}\p{N}]/u.test(chars[i + 1]!)) {
        return "中文中夹有问号“?”";
      }
    }
  }
  const { han, outside, rare } = scan;
  if (han === 0) return undefined;
  if (scan.flags & HAS_LATIN) {
    if (PINYIN_TONE.test(text)) {
      const chars = [...text];
      for (let i = 0; i < chars.length; i++) {
        if (!PINYIN_TONE.test(chars[i]!)) continue;
        const near = chars.slice(Math.max(0, i - 3), i + 4).join("");
        if (HAN.test(near)) return "中文中夹有带声调的拼音字母";
      }
    }
    if (LATIN1_MOJIBAKE.test(text)) return "含有按西文编码误读的字符";
  }
  gb2312Known ??= gb2312Table().some((v) => v !== 0);
  if (!gb2312Known) return undefined;
  if (outside >= 3 && outside * 4 >= han) return "大量生僻字，像是按错误编码读取的文字";
  if (rare >= 4 && rare * 2 >= han) return "大量生僻字，像是按错误编码读取的文字";
  return undefined;
}

const PAIRS: readonly (readonly [number, number, string])[] = [
  [0x300a, 0x300b, "《》"],
  [0x201c, 0x201d, "“”"],
  [0xff08, 0xff09, "（）"],
];

/** The first pair (《》, “”, （）) whose marks do not balance in the text, e.g. "《》". */
export function unbalancedPair(
  text: string,
  scan: TextScan | undefined = undefined,
): string | undefined {
  if (scan ? !(scan.flags & HAS_PAIR_MARK) : !/[《》“”（）]/u.test(text)) return undefined;
  // Every mark is one UTF-16 unit, so the text is walked by code unit.
  for (const [open, close, pair] of PAIRS) {
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit === open) depth++;
      else if (unit === close && --depth < 0) return pair;
    }
    if (depth !== 0) return pair;
  }
  return undefined;
}

/** Dates with missing pieces inside text: 2020717日, 1016日 (a 日 after three or more digits). */
export function brokenDates(text: string): string[] {
  const out: string[] = [];
  if (!text.includes("日")) return out;
  for (const m of text.normalize("NFKC").matchAll(/(?<![\d月.．\-/])\d{3,8}日/gu)) {
    out.push(m[0]);
  }
  return out;
}

/** Ledger fields that reach the documents, with their labels. */
const DOCUMENT_FIELDS = [
  ["aspect", "方面"],
  ["category", "类别"],
  ["problem", "问题"],
  ["measures", "整改措施"],
  ["result", "整改成效"],
] as const;

/** The ledger's cells that reach the documents. */
export function ledgerTextCells(sheet: string, rows: readonly LedgerRow[]): TextCell[] {
  const out: TextCell[] = [];
  // A merged cell (a 方面 over many rows) is one cell: report it once. Its rows are
  // consecutive, so the last address seen per field is enough — no set of every address.
  const last: (string | undefined)[] = DOCUMENT_FIELDS.map(() => undefined);
  for (const r of rows) {
    for (let f = 0; f < DOCUMENT_FIELDS.length; f++) {
      const [field, label] = DOCUMENT_FIELDS[f]!;
      const cell = r.cells[field];
      const text = r[field];
      if (!cell || !text || cell === last[f]) continue;
      last[f] = cell;
      out.push({ sheet, cell, row: r.row, label, field, text });
    }
  }
  return out;
}

/** The text warnings of every cell: punctuation, mojibake, brackets, dates, digit-initial 问题. */
export function textFindings(cells: readonly TextCell[]): Finding[] {
  const out: Finding[] = [];
  for (const c of cells) {
    const scan = scanText(c.text);
    const moji = mojibakeReason(c.text, scan);
    // In mojibake the marks are debris of the wrong decoding: re-copying fixes both.
    const half =
      moji || !(scan.flags & HAS_HALF_WIDTH) ? { marks: [] } : halfWidthPunctuation(c.text);
    const pair = unbalancedPair(c.text, scan);
    const dates = scan.flags & HAS_DAY ? brokenDates(c.text) : [];
    const digitInitial = c.label === "问题" && /^\s*[\d０-９]/u.test(c.text);
    // Nearly every cell is clean: the place is worded only for the few that get a warning.
    if (!moji && half.marks.length === 0 && !pair && dates.length === 0 && !digitInitial) continue;
    const where = { sheet: c.sheet, cell: c.cell, row: c.row };
    const options = { params: { field: c.field } };
    if (moji) {
      out.push(
        makeFinding(
          "text.mojibake",
          where,
          `${c.label}像是乱码（${moji}）：“${excerpt(c.text)}”。请从原文件重新复制这段文字（用UTF-8或正确的编码打开），不要把乱码写进文书。`,
          options,
        ),
      );
    }
    if (half.marks.length > 0) {
      const marks = [...new Set(half.marks)].map((m) => `“${m}”`).join("");
      const fixes = [...new Set(half.marks)].map((m) => `“${HALF_TO_FULL[m]}”`).join("");
      out.push(
        makeFinding(
          "text.halfWidthPunctuation",
          where,
          `${c.label}的中文里有${half.marks.length}个半角标点${marks}，公文应使用全角${fixes}；请改为全角（可用“规范台账”修正）。`,
          options,
        ),
      );
    }
    if (pair) {
      out.push(
        makeFinding(
          "text.unbalanced",
          where,
          `${c.label}中的${pair}不成对：“${excerpt(c.text)}”。请补全或删去多余的${pair[0]}或${pair[1]}。`,
          options,
        ),
      );
    }
    if (dates.length > 0) {
      out.push(
        makeFinding(
          "text.brokenDate",
          where,
          `${c.label}中的日期“${dates.join("”“")}”缺少年或月，像是复制时丢了字；请写完整，如“2020年7月17日”。`,
          options,
        ),
      );
    }
    if (digitInitial) {
      const lead = /^[\d０-９]+[.．、]?/u.exec(c.text.trim())?.[0] ?? "";
      out.push(
        makeFinding(
          "text.digitInitial",
          where,
          `问题以数字“${lead}”开头，排在序号后会读成小数（如“12.2017年…”）；文书中序号后写全角点“12．”，建议在开头加上主语或改写，避免与序号相连。`,
          options,
        ),
      );
    }
  }
  return out;
}

function excerpt(text: string, max = 24): string {
  const one = text.replace(/\s+/gu, " ").trim();
  return [...one].length > max ? `${[...one].slice(0, max).join("")}…` : one;
}

// ---------------------------------------------------------------------------------------------
// Counts written inside 报告正文

export interface ActualCounts {
  readonly aspects: number;
  readonly problems: number;
  readonly measures: number;
}

/** Counts a 报告正文 paragraph states, with the words that state them. */
export function declaredInText(text: string): {
  aspects: { n: number; words: string }[];
  problems: { n: number; words: string }[];
  measures: { n: number; words: string }[];
} {
  const s = text.normalize("NFKC");
  const aspects: { n: number; words: string }[] = [];
  const problems: { n: number; words: string }[] = [];
  const measures: { n: number; words: string }[] = [];
  // 4个方面74个具体问题 / 4大方面74个问题 / 反馈的74个具体问题 / 巡察反馈问题74个
  for (const m of s.matchAll(/(\d+)(?:个|大)方面(?:的)?(\d+)(?:个|项|条)(?:具体)?问题/gu)) {
    aspects.push({ n: Number(m[1]), words: m[0] });
    problems.push({ n: Number(m[2]), words: m[0] });
  }
  for (const m of s.matchAll(/(?<!方面)反馈(?:的)?(\d+)(?:个|项|条)(?:具体)?问题/gu)) {
    problems.push({ n: Number(m[1]), words: m[0] });
  }
  for (const m of s.matchAll(/(?:制定|明确|细化)?整改措施(\d+)条|(\d+)条整改措施/gu)) {
    measures.push({ n: Number(m[1] ?? m[2]), words: m[0] });
  }
  return { aspects, problems, measures };
}

/** A warning for each count in 报告正文 that contradicts the ledger. */
export function declaredInTextFindings(
  cells: readonly TextCell[],
  actual: ActualCounts,
): Finding[] {
  const out: Finding[] = [];
  for (const c of cells) {
    const where = { sheet: c.sheet, cell: c.cell, row: c.row };
    const d = declaredInText(c.text);
    const check = (
      list: readonly { n: number; words: string }[],
      real: number,
      unit: string,
      what: string,
    ) => {
      const seen = new Set<number>();
      for (const { n, words } of list) {
        if (n === real || seen.has(n)) continue;
        seen.add(n);
        out.push(
          makeFinding(
            "narrative.count.mismatch",
            where,
            `${c.label}写的是“${words}”（${n}${unit}${what}），台账是${real}${unit}${what}；请改为${real}，或核对台账。`,
            { params: { field: c.field, value: words } },
          ),
        );
      }
    };
    check(d.aspects, actual.aspects, "个", "方面");
    check(d.problems, actual.problems, "个", "问题");
    check(d.measures, actual.measures, "条", "整改措施");
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/** 截至 may not be later than 成文日期: a report dated 2021年1月6日 cannot report today. */
export function asOfAfterDocDate(
  asOf: LocalDate,
  docDate: LocalDate | undefined,
  where: { readonly sheet: string; readonly cell?: string; readonly row?: number },
): Finding[] {
  if (!docDate || !(asOf > docDate)) return [];
  return [
    makeFinding(
      "info.asOf.afterDocDate",
      where,
      // Dates as the clerk reads them; the way to set the as-of date differs by place (the
      // pane's date field, `--as-of` on the command line), so the text names neither.
      `统计截至日期${formatChineseDate(asOf)}晚于成文日期${formatChineseDate(docDate)}，文书会写“截至”一个成文之后的日子；请把统计截至日期改为成文日期或更早，或改正成文日期。`,
      { params: { field: "docDate", value: docDate } },
    ),
  ];
}
