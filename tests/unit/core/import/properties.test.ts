/**
 * Property: any nested outline written as text (two or three levels numbered 一、 （一） 1. 1、
 * （1） ① 一是, problems with detail paragraphs or report-style 整改措施/整改成效/完成情况 lines,
 * junk paragraphs anywhere) imports without throwing, and every paragraph is accounted for
 * exactly once: placed (placements[i] set) or listed in `unplaced` and named by a finding.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ImportResult,
  paragraphsFromText,
  parseFeedbackDocument,
} from "../../../../src/core/import";

const CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫";

/** The marker styles of the parser, each as a function from the 1-based number to the label. */
const STYLES: readonly ((n: number) => string)[] = [
  (n) => `${CN[n - 1]}、`,
  (n) => `（${CN[n - 1]}）`,
  (n) => `${n}.`,
  (n) => `${n}、`,
  (n) => `（${n}）`,
  (n) => CIRCLED[n - 1]!,
  (n) => `${CN[n - 1]}是`,
];

const HAN = [
  ..."党组织建设管理制度落实责任监督检查整改问题工作会议学习资金项目干部作风纪律规定执行",
];
const phrase = fc
  .array(fc.constantFrom(...HAN, ...HAN, "，", "《", "》", "2023年", "3项", "“", "”"), {
    minLength: 2,
    maxLength: 30,
  })
  .map((a) => a.join(""));
const sentence = phrase.map((s) => `${s}。`);
const heading = fc.tuple(phrase, fc.constantFrom("", "。", "；")).map(([s, end]) => s + end);

const STATUS = fc.constantFrom("已完成", "长期整改", "正在整改", "未完成", "推进中", "已完成。");
const reportLine = fc.oneof(
  sentence.map((s) => `整改措施：${s}`),
  sentence.map((s) => `整改成效：${s}`),
  STATUS.map((s) => `完成情况：${s}`),
  STATUS.map((s) => `整改情况：${s}`),
  sentence.map((s) => `责任单位：${s}`),
  sentence, // a measure's text running on over a second paragraph
);
const detailLine = fc.oneof(
  sentence,
  sentence.map((s) => `具体表现为：${s}`),
  sentence.map((s) => `问题表现：${s}`),
);
const junk = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  sentence,
  fc.constantFrom(
    "",
    "　　",
    "一、",
    "（一）",
    "①",
    "附件：整改台账",
    "联系电话：0393-7221234",
    "抄送：县委巡察办。",
    "2023年10月23日",
    "中共某某县委员会",
    "此页无正文",
    "1.5亿元资金未及时拨付。",
    "问题表现：",
    "完成情况：",
    "反馈问题：",
    "下一步工作打算",
    "一、主要做法",
    "三、意见建议",
    "共反馈4个方面74个问题，提出了4点意见建议。",
    "\u000B\u0000\uFFFE",
  ),
);

/** A problem: its heading, then detail paragraphs or report lines. */
const problem = fc.record({
  text: fc.oneof(sentence, heading),
  tail: fc.oneof(
    fc.array(detailLine, { maxLength: 3 }),
    fc.array(reportLine, { minLength: 1, maxLength: 5 }),
  ),
});

/** Nested children at a level: groups (with their own children) or problems at the leaves. */
function level(depth: number, leafDepth: number): fc.Arbitrary<unknown[]> {
  if (depth === leafDepth) {
    return fc
      .array(problem, { minLength: 1, maxLength: 4 })
      .map((ps) => ps.map((p) => [p.text, ...p.tail]));
  }
  return fc.array(fc.tuple(heading, level(depth + 1, leafDepth)), { minLength: 1, maxLength: 3 });
}

/** The document: opening, outline with numbered headings, closing; junk spliced in anywhere. */
const documentText = fc
  .record({
    levels: fc.constantFrom(2, 3),
    styles: fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6], { minLength: 3, maxLength: 3 }),
    title: fc.option(
      fc.constantFrom("关于巡察反馈意见的整改情况报告", "县委第一巡察组关于巡察某局党组的反馈意见"),
    ),
    opening: fc.option(
      fc.constantFrom(
        "根据县委统一部署，2023年7月28日至9月11日，县委第一巡察组对某局党组开展了常规巡察，并于2023年10月23日反馈了巡察意见，共反馈4个方面74个问题。",
        "现将巡察发现的问题反馈如下：",
      ),
    ),
    closing: fc.array(
      fc.constantFrom("县委第一巡察组", "2023年10月23日", "联系电话：0393-1234567"),
      {
        maxLength: 3,
      },
    ),
  })
  .chain((frame) =>
    fc.record({
      frame: fc.constant(frame),
      body: level(0, frame.levels - 1),
      junk: fc.array(fc.tuple(fc.nat(), junk), { maxLength: 6 }),
      newline: fc.constantFrom("\n", "\r\n"),
    }),
  )
  .map(({ frame, body, junk, newline }) => {
    const lines: string[] = [];
    if (frame.title) lines.push(frame.title);
    if (frame.opening) lines.push(frame.opening);
    const write = (items: string[][] | [string, unknown][], depth: number) => {
      items.forEach((item, i) => {
        const label = STYLES[frame.styles[depth]!]!(i + 1);
        if (depth === frame.levels - 1) {
          const [text, ...tail] = item as string[];
          lines.push(`${label}${text}`, ...tail);
        } else {
          const [text, children] = item as [string, string[][] | [string, unknown][]];
          lines.push(`${label}${text}`);
          write(children, depth + 1);
        }
      });
    };
    write(body as [string, unknown][], 0);
    lines.push(...frame.closing);
    for (const [at, line] of junk) lines.splice(at % (lines.length + 1), 0, line);
    return lines.join(newline);
  });

/** Paragraph numbers (1-based) each finding names as not imported. */
function reportedParagraphs(result: ImportResult): Map<number, number> {
  const named = new Map<number, number>();
  const add = (n: number) => named.set(n, (named.get(n) ?? 0) + 1);
  for (const f of result.findings) {
    if (f.code === "import.paragraph.unplaced") {
      expect(f.row).toBeDefined();
      expect(f.message).toContain(`第${f.row}段`);
      add(f.row!);
    } else if (f.code === "import.section.skipped") {
      const m = /（第(\d+)(?:–(\d+))?段）/u.exec(f.message);
      expect(m, f.message).not.toBeNull();
      const from = Number(m![1]);
      const to = Number(m![2] ?? m![1]);
      for (let n = from; n <= to; n++) if (result.unplaced.includes(n)) add(n);
    }
  }
  return named;
}

function expectEveryParagraphAccounted(text: string): ImportResult {
  const paragraphs = paragraphsFromText(text);
  const result = parseFeedbackDocument(paragraphs, { source: "随机.txt" });
  expect(result.placements).toHaveLength(paragraphs.length);
  const unplaced = new Set(result.unplaced);
  expect(unplaced.size).toBe(result.unplaced.length);
  const named = reportedParagraphs(result);

  // Problem and field paragraphs belong to exactly one row.
  const owner = new Map<number, number>();
  result.rows.forEach((row, r) => {
    for (const p of row.paragraphs) {
      expect(owner.has(p), `paragraph ${p} in two rows`).toBe(false);
      owner.set(p, r);
    }
  });

  paragraphs.forEach((p, i) => {
    const n = i + 1;
    const placement = result.placements[i];
    const isUnplaced = unplaced.has(n);
    // Exactly one of: placed, or reported.
    expect(placement !== undefined, `paragraph ${n} “${p.text}”`).toBe(!isUnplaced);
    if (isUnplaced) {
      // Named by exactly one finding (a skipped 意见建议 section names its whole range once).
      expect(named.get(n), `paragraph ${n} “${p.text}” unplaced but not named`).toBe(1);
      return;
    }
    expect(named.has(n), `paragraph ${n} placed and also reported`).toBe(false);
    if (placement === "problem" || placement === "field")
      expect(owner.has(n), `paragraph ${n} placed as ${placement} in no row`).toBe(true);
    else expect(owner.has(n), `paragraph ${n} is ${placement} but in a row`).toBe(false);
  });
  // A row holds the paragraphs it was read from, and they are placed as problem/field.
  for (const row of result.rows) {
    expect(["problem", "field"]).toContain(result.placements[row.paragraphs[0]! - 1]);
    for (const p of row.paragraphs)
      expect(["problem", "field"]).toContain(result.placements[p - 1]);
  }
  return result;
}

describe("import property: every paragraph is placed or reported", () => {
  it("random nested outlines with report lines and junk import without throwing", () => {
    let withRows = 0;
    fc.assert(
      fc.property(documentText, (text) => {
        if (expectEveryParagraphAccounted(text).rows.length > 0) withRows++;
      }),
      { numRuns: 300 },
    );
    // The generator makes real outlines: most documents give rows (not only findings).
    expect(withRows).toBeGreaterThan(200);
  });

  it("arbitrary text (not an outline at all) imports without throwing, fully accounted", () => {
    const lines = fc.array(fc.oneof(junk, sentence, reportLine, detailLine), { maxLength: 30 });
    fc.assert(
      fc.property(lines, (ls) => {
        expectEveryParagraphAccounted(ls.join("\n"));
      }),
      { numRuns: 300 },
    );
  });
});
