/**
 * Body sections the report and the notice share: the narrative loops (主要做法, 下一步打算), the
 * 方面 → 类别 → 问题 list, and the 版记. Loop and condition tags stand alone in their own
 * paragraphs so docxtemplater's paragraphLoop removes them without leaving empty lines; every
 * tag is written whole inside a single run.
 */
import { BLACK, CHAR_SMALL, RULE, TYPE_AREA } from "./layout";
import { bodyText, heading, keptBodyText, tagParagraph } from "./paragraphs";
import { STYLE } from "./styles";
import { paragraph, run, TAB, type TabStop } from "./wml";
import { el, type XmlElement } from "./xml";

/**
 * A narrative loop (主要做法 or 下一步打算): each item's 小标题 as a （一） heading in 楷体 when
 * there is one, then its 内容 as a body paragraph (line breaks kept by the renderer).
 */
export function narrativeLoop(
  loop: "主要做法" | "下一步打算",
  end: "body" | "closesBody" = "body",
): XmlElement[] {
  // When the loop closes the body, its last paragraph keeps with the 署名 that follows.
  const content =
    end === "closesBody"
      ? [
          tagParagraph("{^末段}"),
          bodyText("{内容}"),
          tagParagraph("{/末段}"),
          tagParagraph("{#末段}"),
          keptBodyText("{内容}"),
          tagParagraph("{/末段}"),
        ]
      : [bodyText("{内容}")];
  return [
    tagParagraph(`{#${loop}}`),
    tagParagraph("{#有小标题}"),
    heading(2, "{段落序号}{小标题}"),
    tagParagraph("{/有小标题}"),
    ...content,
    tagParagraph(`{/${loop}}`),
  ];
}

/** How each problem is followed: the report lists 整改措施/整改成效/完成情况, the notice 整改结果/整改情况. */
export type ProblemDetail = "report" | "notice";

function labelled(label: string, tag: string): XmlElement {
  return bodyText(`${label}：`, tag);
}

/**
 * 方面 （一） in 楷体, 类别 1. in 仿宋 (three-level ledgers only, hidden by {#有类别}), each
 * problem （1） (or 1. in two-level ledgers, as the view model numbers it) in 仿宋.
 */
export function problemList(detail: ProblemDetail): XmlElement[] {
  const details =
    detail === "report"
      ? [
          tagParagraph("{#整改措施}"),
          labelled("整改措施", "{整改措施}"),
          tagParagraph("{/整改措施}"),
          tagParagraph("{#有整改成效}"),
          labelled("整改成效", "{整改成效}"),
          tagParagraph("{/有整改成效}"),
          labelled("完成情况", "{完成情况}"),
        ]
      : [
          labelled("整改结果", "{完成情况}"),
          tagParagraph("{#有整改成效}"),
          labelled("整改情况", "{整改成效}"),
          tagParagraph("{/有整改成效}"),
        ];
  return [
    tagParagraph("{#方面}"),
    heading(2, "{方面序号}{方面名称}"),
    tagParagraph("{#类别}"),
    tagParagraph("{#有类别}"),
    heading(3, "{类别序号}{类别名称}"),
    tagParagraph("{/有类别}"),
    tagParagraph("{#问题}"),
    heading(4, "{问题序号}{问题}"),
    ...details,
    tagParagraph("{/问题}"),
    tagParagraph("{/类别}"),
    tagParagraph("{/方面}"),
  ];
}

const LABEL = "抄送：";
/**
 * Columns of the 版记 table: one 4号 character (the 印发 row's left space), the rest of the
 * "抄送：" label (the 抄送 row's first cell spans both), then the remainder of the type area.
 */
const COL = (() => {
  const space = CHAR_SMALL; // 280
  const label = LABEL.length * CHAR_SMALL; // 840
  return [space, label, TYPE_AREA.width - space - label] as const;
})();
/** The 印发 line's right tab: the end of its cell's text area (one character from the right). */
const PRINT_TAB = COL[1] + COL[2] - CHAR_SMALL;

function cell(
  width: number,
  span: number,
  margins: { left: number; right: number },
  format: { tabs?: readonly TabStop[] },
  ...runs: XmlElement[]
): XmlElement {
  return el(
    "w:tc",
    {},
    el(
      "w:tcPr",
      {},
      el("w:tcW", { "w:w": width, "w:type": "dxa" }),
      span > 1 && el("w:gridSpan", { "w:val": span }),
      el(
        "w:tcMar",
        {},
        el("w:left", { "w:w": margins.left, "w:type": "dxa" }),
        el("w:right", { "w:w": margins.right, "w:type": "dxa" }),
      ),
    ),
    // 版记 style (4号仿宋, left); the 印发 line adds its right tab directly.
    paragraph({ style: STYLE.colophon, ...(format.tabs ? { tabs: format.tabs } : {}) }, ...runs),
  );
}

const border = (size: number) => ({
  "w:val": "single",
  "w:sz": size,
  "w:space": 0,
  "w:color": BLACK,
});
const none = { "w:val": "nil" };

/**
 * 版记: a full-width borderless table whose only rules are horizontal: top and bottom 0.35 mm
 * (w:sz 8 eighths of a point = 1 pt), between rows 0.25 mm (w:sz 6 = 0.75 pt). The table
 * borders, not row borders, draw them, so removing the 抄送 row (no 抄送) still leaves the right
 * rules. 抄送 and 印发机关 stand one 4号 character in from the left, 印发日期 one in from the
 * right; a long 抄送 wraps under the first character after the colon (GB/T 9704 7.4.2). The
 * {#有抄送}/{#有印发} tags sit in different cells of their row, so docxtemplater keeps or drops
 * the whole row.
 */
export function colophon(): XmlElement[] {
  const outer = CHAR_SMALL;
  const table = el(
    "w:tbl",
    {},
    el(
      "w:tblPr",
      {},
      // Floating at the bottom of the type area of the page it lands on (GB/T 9704 7.4: the
      // 版记 closes the last page).
      el("w:tblpPr", {
        "w:leftFromText": 0,
        "w:rightFromText": 0,
        "w:topFromText": 0,
        "w:bottomFromText": 0,
        "w:vertAnchor": "margin",
        "w:horzAnchor": "margin",
        "w:tblpXSpec": "center",
        "w:tblpYSpec": "bottom",
      }),
      el("w:tblOverlap", { "w:val": "never" }),
      el("w:tblW", { "w:w": TYPE_AREA.width, "w:type": "dxa" }),
      el("w:jc", { "w:val": "center" }),
      el("w:tblInd", { "w:w": 0, "w:type": "dxa" }),
      el(
        "w:tblBorders",
        {},
        el("w:top", border(RULE.thick)),
        el("w:left", none),
        el("w:bottom", border(RULE.thick)),
        el("w:right", none),
        el("w:insideH", border(RULE.thin)),
        el("w:insideV", none),
      ),
      el("w:tblLayout", { "w:type": "fixed" }),
      el(
        "w:tblCellMar",
        {},
        el("w:left", { "w:w": outer, "w:type": "dxa" }),
        el("w:right", { "w:w": outer, "w:type": "dxa" }),
      ),
      el("w:tblLook", { "w:val": "0000" }),
    ),
    el(
      "w:tblGrid",
      {},
      COL.map((w) => el("w:gridCol", { "w:w": w })),
    ),
    el(
      "w:tr",
      {},
      el("w:trPr", {}, el("w:cantSplit")),
      cell(COL[0] + COL[1], 2, { left: outer, right: 0 }, {}, run(`{#有抄送}${LABEL}`)),
      // The label's own cell: a long 抄送 wraps under the first character after the colon; the
      // 句号 closes the last organ (GB/T 9704 7.4.2).
      cell(COL[2], 1, { left: 0, right: outer }, {}, run("{抄送}。{/有抄送}")),
    ),
    el(
      "w:tr",
      {},
      el("w:trPr", {}, el("w:cantSplit")),
      // 印发机关 one character in (this empty cell), 印发日期 one character from the right on a
      // right tab: one paragraph, so the line never wraps in a fixed-width cell. The condition
      // tags stand in different cells, so docxtemplater keeps or drops the whole row.
      cell(COL[0], 1, { left: 0, right: 0 }, {}, run("{#有印发}")),
      cell(
        COL[1] + COL[2],
        2,
        { left: 0, right: outer },
        { tabs: [{ kind: "right", pos: PRINT_TAB }] },
        run("{印发机关}", TAB, "{印发日期}印发{/有印发}"),
      ),
    ),
  );
  // The last paragraph anchors the floating table and keeps the body from ending in a table.
  return [
    tagParagraph("{#有版记}"),
    table,
    tagParagraph("{/有版记}"),
    paragraph({ snapToGrid: false, spacing: { line: 20 } }),
  ];
}
