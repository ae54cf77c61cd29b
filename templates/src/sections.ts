/**
 * Body sections the report and the notice share: the narrative loops (主要做法, 下一步打算), the
 * 方面 → 类别 → 问题 list, and the 版记. Loop and condition tags stand alone in their own
 * paragraphs so docxtemplater's paragraphLoop removes them without leaving empty lines; every
 * tag is written whole inside a single run.
 */
import { BLACK, CHAR_SMALL, MARGIN, PAGE, RULE, TYPE_AREA } from "./layout";
import { bodyText, heading, keptBodyText, tagParagraph } from "./paragraphs";
import { sectPr } from "./parts";
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
 * right (an empty one-character first cell in each row, so the table needs no left cell margin,
 * which Word and LibreOffice would subtract from a floating table's position); a long 抄送 wraps
 * under the first character after the colon (GB/T 9704 7.4.2). The {#有抄送}/{#有印发} tags sit
 * in different cells of their row, so docxtemplater keeps or drops the whole row.
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
      // 版记 closes the last page, its last rule on the last line). Horizontally it is placed
      // from the page's edge at the left margin, not centred in the margins: LibreOffice
      // (writerfilter) keeps a floating table as a frame only when text could stand beside it,
      // and a table as wide as the type area anchored to the margins is imported inline, right
      // after the 成文日期. Placed from the page it becomes a frame at the foot of the page, as
      // in Word; when the body leaves no room (tblOverlap never) both move it, with its anchor
      // paragraph, to a new page.
      el("w:tblpPr", {
        "w:leftFromText": 0,
        "w:rightFromText": 0,
        "w:topFromText": 0,
        "w:bottomFromText": 0,
        "w:vertAnchor": "margin",
        "w:horzAnchor": "page",
        "w:tblpX": MARGIN.left,
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
        el("w:left", { "w:w": 0, "w:type": "dxa" }),
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
      // The empty first cell: 抄送 one character in, like 印发机关 below.
      cell(COL[0], 1, { left: 0, right: 0 }, {}, run("{#有抄送}")),
      cell(COL[1], 1, { left: 0, right: 0 }, {}, run(LABEL)),
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
  // The 1 pt paragraph before it opens the last section when the 附件 precedes: LibreOffice
  // sets a section's page style on its first paragraph, and a table it turns into a frame
  // loses it (the 版记 would stay on the last landscape page).
  return [hairline(), tagParagraph("{#有版记}"), table, tagParagraph("{/有版记}"), hairline()];
}

/** An empty 1 pt paragraph off the grid. */
function hairline(): XmlElement {
  return paragraph({ snapToGrid: false, spacing: { line: 20 } });
}

/**
 * The ledger table's columns (twips), filling the landscape type area: 297 − 28 − 26 mm wide.
 * Each header is written once; the row repeats on every page (w:tblHeader).
 */
export const ANNEX_COLUMNS = (() => {
  const width = PAGE.height - MARGIN.left - MARGIN.right; // 13777
  const fixed = { 序号: 1250, 责任单位: 1700, 完成情况: 1400, 完成时间: 1900 };
  const rest = width - fixed.序号 - fixed.责任单位 - fixed.完成情况 - fixed.完成时间;
  const problem = Math.round(rest * 0.42);
  return [
    { head: "序号", width: fixed.序号, tag: "{附件序号}" },
    { head: "问题", width: problem, tag: "{问题}" },
    { head: "整改措施", width: rest - problem, tag: "{整改措施}" },
    { head: "责任单位", width: fixed.责任单位, tag: "{责任部门}" },
    { head: "完成情况", width: fixed.完成情况, tag: "{完成情况}" },
    { head: "完成时间", width: fixed.完成时间, tag: "{完成时间}" },
  ] as const;
})();

/** A table cell: its paragraph in 附件表头 or 附件表格 (styles.ts). */
function annexCell(width: number, header: boolean, text: string): XmlElement {
  return el(
    "w:tc",
    {},
    el(
      "w:tcPr",
      {},
      el("w:tcW", { "w:w": width, "w:type": "dxa" }),
      el("w:vAlign", { "w:val": "center" }),
    ),
    paragraph(header ? STYLE.annexHead : STYLE.annexText, run(text)),
  );
}

/**
 * 附件 (report option 有附件): the body's section ends on its portrait page, then a landscape
 * section holds "附件" (黑体 3号, top left, GB/T 9704 8), the ledger's title and the table of
 * every feedback problem numbered as in the body; the 版记 that follows starts the last,
 * portrait section. The section breaks are paragraphs inside {#有附件}, so without it the
 * document keeps its single section.
 */
export function annexSection(): XmlElement[] {
  const border = { "w:val": "single", "w:sz": 4, "w:space": 0, "w:color": BLACK };
  const table = el(
    "w:tbl",
    {},
    el(
      "w:tblPr",
      {},
      el("w:tblW", { "w:w": ANNEX_COLUMNS.reduce((s, c) => s + c.width, 0), "w:type": "dxa" }),
      el("w:jc", { "w:val": "center" }),
      el(
        "w:tblBorders",
        {},
        ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"].map((side) =>
          el(side, border),
        ),
      ),
      el("w:tblLayout", { "w:type": "fixed" }),
      el(
        "w:tblCellMar",
        {},
        el("w:left", { "w:w": 80, "w:type": "dxa" }),
        el("w:right", { "w:w": 80, "w:type": "dxa" }),
      ),
      el("w:tblLook", { "w:val": "0000" }),
    ),
    el(
      "w:tblGrid",
      {},
      ANNEX_COLUMNS.map((c) => el("w:gridCol", { "w:w": c.width })),
    ),
    el(
      "w:tr",
      {},
      el("w:trPr", {}, el("w:cantSplit"), el("w:tblHeader")),
      ANNEX_COLUMNS.map((c) => annexCell(c.width, true, c.head)),
    ),
    // {#附件问题} in the first cell and {/附件问题} in the last: docxtemplater repeats the row.
    el(
      "w:tr",
      {},
      ANNEX_COLUMNS.map((c, i) =>
        annexCell(
          c.width,
          false,
          `${i === 0 ? "{#附件问题}" : ""}${c.tag}${i === ANNEX_COLUMNS.length - 1 ? "{/附件问题}" : ""}`,
        ),
      ),
    ),
  );
  return [
    tagParagraph("{#有附件}"),
    sectionBreak("portrait"),
    paragraph(STYLE.annexLabel, run("附件")),
    paragraph(STYLE.title, run("整改台账")),
    blankLineParagraph(),
    table,
    sectionBreak("landscape"),
    tagParagraph("{/有附件}"),
  ];
}

function blankLineParagraph(): XmlElement {
  return el("w:p");
}

/** The paragraph closing a section: a 1 pt line, so it never pushes onto a page of its own. */
function sectionBreak(orientation: "portrait" | "landscape"): XmlElement {
  return el(
    "w:p",
    {},
    el(
      "w:pPr",
      {},
      el("w:snapToGrid", { "w:val": "0" }),
      el("w:spacing", { "w:before": 0, "w:after": 0, "w:line": 20, "w:lineRule": "exact" }),
      sectPr(orientation),
    ),
  );
}
