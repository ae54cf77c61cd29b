/**
 * From a document's paragraphs to ledger rows, 基本信息 and 报告正文.
 *
 * The document is read in four steps: tokens (typed or Word numbering, labelled lines), the
 * frame (title and opening before the first heading, the closing after the last section, the
 * sections 主要做法 / 整改完成情况 / 下一步 when the document has them), the outline of the
 * problem part, and the levels. A heading is a problem when 整改措施/整改成效/完成情况 lines
 * follow it (report and notice style) or when nothing is nested under it (feedback style);
 * the other headings group, and their levels become 方面 and 类别 in the order the document
 * nests them. Every paragraph ends up placed or named in a finding.
 */
import { parseDateText } from "../dates";
import { makeFinding } from "../findings";
import type { Finding, LedgerField, NarrativePart, Status } from "../model";
import { normaliseStatus } from "../normalise";
import { cleanText, looseKey } from "../text";
import { NARRATIVE_PART_ALIASES } from "../vocabulary";
import {
  emptyFacts,
  type Facts,
  readContacts,
  readCountSentence,
  readDateLine,
  readDocNumberLine,
  readOpening,
  readSignature,
  readTitle,
} from "./facts";
import {
  INLINE_STYLES,
  type LabelKind,
  type Marker,
  type MarkerStyle,
  markerFromLabel,
  readLabel,
  readMarker,
} from "./markers";
import type {
  ImportedNarrative,
  ImportedRow,
  ImportOptions,
  ImportResult,
  Placement,
  SourceParagraph,
} from "./model";

// ---------------------------------------------------------------------------------------------
// Tokens

interface Token {
  /** 0-based paragraph index. */
  readonly index: number;
  readonly text: string;
  readonly marker: Marker | undefined;
  /** Text after the marker. */
  readonly body: string;
  readonly label: { label: LabelKind; name: string; value: string } | undefined;
}

function tokenise(paragraphs: readonly SourceParagraph[]): Token[] {
  return paragraphs.map((p, index) => {
    const text = cleanText(p.text ?? "").text;
    let marker: Marker | undefined;
    let body = text;
    if (p.label && p.label.trim() !== "") {
      marker = markerFromLabel(p.label, p.list ? `${p.list.id}:${p.list.level}` : "label");
    } else {
      const typed = readMarker(text);
      if (typed) {
        marker = typed.marker;
        body = typed.rest;
      } else if (p.outlineLevel !== undefined && text !== "") {
        marker = { style: `outline:${p.outlineLevel}`, value: undefined, raw: "" };
      }
    }
    const label = marker && INLINE_STYLES.has(marker.style) ? undefined : readLabel(body);
    return { index, text, marker, body, label };
  });
}

const isBlank = (t: Token) => t.text === "";
const isHeadingMarker = (t: Token) => t.marker !== undefined && !INLINE_STYLES.has(t.marker.style);
const isForced = (t: Token) => t.label?.label.kind === "problem";
/** Ends like a finished sentence or heading: the next paragraph starts a new line of thought. */
const ENDS_SENTENCE = /[。！？；：!?;:”’）)》]$/u;
const joinBroken = (a: string, b: string) =>
  a === "" ? b : ENDS_SENTENCE.test(a) ? `${a}\n${b}` : `${a}${b}`;
const stripTrailingStop = (s: string) => s.replace(/[。．.；;，,\s]+$/u, "");
const chars = (s: string) => [...s].length;
const excerpt = (s: string) => (chars(s) > 24 ? `${[...s].slice(0, 24).join("")}…` : s);

// ---------------------------------------------------------------------------------------------
// Sections

type SectionKind = "practices" | "next" | "problems" | "suggestions" | "requirements" | "other";

function sectionKind(heading: string): SectionKind {
  const k = looseKey(heading).replace(/[。.]$/u, "");
  if (/下一步|今后(?:工作)?(?:打算|安排|计划)/u.test(k)) return "next";
  if (NARRATIVE_PART_ALIASES.主要做法.some((a) => k.includes(looseKey(a)))) return "practices";
  if (/主要做法|工作开展情况|组织(?:领导|开展|推进|实施)?|开展整改|整改工作(?:开展)?情况$/u.test(k))
    return /问题/u.test(k) ? "problems" : "practices";
  if (/意见建议|整改建议|^建议|工作建议/u.test(k)) return "suggestions";
  if (/整改要求|工作要求|有关要求/u.test(k)) return "requirements";
  if (
    /整改完成情况|整改事项|问题整改|整改情况$|整改进展|完成情况$|发现的(?:主要)?问题|存在的(?:主要)?问题|主要问题|问题清单/u.test(
      k,
    )
  )
    return "problems";
  return "other";
}

// ---------------------------------------------------------------------------------------------
// The outline of the problem part

/** Fields whose text may run over several paragraphs after the label. */
const LONG_FIELDS: ReadonlySet<LedgerField> = new Set<LedgerField>(["measures", "result", "note"]);
const ROW_FIELDS = [
  "measures",
  "result",
  "leader",
  "department",
  "owner",
  "deadline",
  "doneDate",
  "evidence",
  "note",
] as const;
type RowField = (typeof ROW_FIELDS)[number];

interface Node {
  readonly serial: number;
  readonly token: Token;
  /** Marker style, or "plain" for an unnumbered heading. */
  readonly style: MarkerStyle | "plain";
  readonly value: number | undefined;
  text: string;
  /** Paragraphs after the heading before any label (problem detail, or a broken line). */
  readonly extra: Token[];
  labelled: boolean;
  readonly fields: Partial<Record<RowField, string>>;
  statusText: string;
  readonly paragraphs: number[];
  rank: number;
  isProblem: boolean;
}

interface Outline {
  readonly nodes: Node[];
  readonly strays: Token[];
  readonly countSentences: Token[];
}

function looksLikeHeading(t: Token, maxChars: number): boolean {
  const inner = t.text.replace(/[。；;]$/u, "");
  return (
    t.label === undefined &&
    !isHeadingMarker(t) &&
    chars(t.text) <= maxChars &&
    !/[。；;！？]/u.test(inner)
  );
}

function readOutline(tokens: readonly Token[], facts: Facts): Outline {
  const nodes: Node[] = [];
  const strays: Token[] = [];
  const countSentences: Token[] = [];
  const lastValue = new Map<string, number>();
  const lastSerial = new Map<string, number>();
  const styleOrder: string[] = [];
  let state: "head" | "body" | "closed" = "head";
  let current: Node | undefined;
  let openField: RowField | "detail" | undefined;

  const significant = tokens.filter((t) => !isBlank(t));
  const nextOf = new Map<Token, Token | undefined>();
  significant.forEach((t, i) => {
    nextOf.set(t, significant[i + 1]);
  });

  const startsNode = (t: Token | undefined) =>
    t !== undefined && (isHeadingMarker(t) || isForced(t));
  const restartAllowed = (style: string) => {
    const mine = lastSerial.get(style) ?? -1;
    const at = styleOrder.indexOf(style);
    return styleOrder.slice(0, at).some((s) => (lastSerial.get(s) ?? -1) > mine);
  };
  /** A numbered paragraph inside a result's text is a new heading only if it continues a heading sequence. */
  const continuesSequence = (t: Token): boolean => {
    const m = t.marker!;
    if (m.style.startsWith("outline:")) return true;
    if (m.value === undefined || !styleOrder.includes(m.style)) return false;
    const last = lastValue.get(m.style) ?? 0;
    return m.value > last || (m.value === 1 && restartAllowed(m.style));
  };
  const addNode = (
    t: Token,
    style: MarkerStyle | "plain",
    value: number | undefined,
    text: string,
  ) => {
    const node: Node = {
      serial: nodes.length,
      token: t,
      style,
      value,
      text,
      extra: [],
      labelled: false,
      fields: {},
      statusText: "",
      paragraphs: [t.index + 1],
      rank: 0,
      isProblem: false,
    };
    nodes.push(node);
    if (style !== "plain") {
      if (!styleOrder.includes(style)) styleOrder.push(style);
      if (value !== undefined) lastValue.set(style, value);
      lastSerial.set(style, node.serial);
    }
    current = node;
    state = "head";
    openField = undefined;
  };
  const appendField = (node: Node, field: RowField, text: string) => {
    if (text === "") return;
    const old = node.fields[field];
    node.fields[field] = old ? `${old}\n${text}` : text;
  };

  for (const t of tokens) {
    if (isBlank(t)) continue;
    const next = nextOf.get(t);
    if (isHeadingMarker(t) && (state !== "body" || continuesSequence(t))) {
      const m = t.marker!;
      const label = t.label;
      const text = label?.label.kind === "problem" ? label.value : t.body;
      addNode(t, m.style, m.value, text);
      continue;
    }
    const label = t.label;
    if (label?.label.kind === "problem" && !isHeadingMarker(t)) {
      addNode(t, "plain", undefined, label.value);
      continue;
    }
    if (label?.label.kind === "field" && current) {
      const field = label.label.field;
      current.paragraphs.push(t.index + 1);
      if (field === "status") {
        current.statusText = current.statusText
          ? `${current.statusText}\n${label.value}`
          : label.value;
        current.labelled = true;
        openField = undefined;
        state = "closed";
      } else if ((ROW_FIELDS as readonly string[]).includes(field)) {
        appendField(current, field as RowField, label.value);
        if (field === "measures" || field === "result") current.labelled = true;
        openField = LONG_FIELDS.has(field) ? (field as RowField) : undefined;
        state = openField ? "body" : "closed";
      } else {
        // 整改类型, 来源, 公开 …: kept in 备注 so nothing is lost.
        appendField(current, "note", `${label.name}：${label.value}`);
        state = "closed";
      }
      continue;
    }
    if (label?.label.kind === "detail" && current) {
      current.extra.push({ ...t, text: label.value, body: label.value });
      current.paragraphs.push(t.index + 1);
      openField = "detail";
      state = "body";
      continue;
    }
    // A plain paragraph (or one numbered 一是/①).
    if (state === "head") {
      if (current) {
        current.extra.push(t);
        current.paragraphs.push(t.index + 1);
      } else if (readCountSentence(facts, t.text)) countSentences.push(t);
      else strays.push(t);
      continue;
    }
    if (state === "body") {
      const restartNext =
        next !== undefined &&
        ((isHeadingMarker(next) && next.marker!.value === 1) || isForced(next));
      if (looksLikeHeading(t, 40) && restartNext) {
        addNode(t, "plain", undefined, t.text);
        continue;
      }
      if (current && openField) {
        if (openField === "detail") current.extra.push(t);
        else appendField(current, openField, t.text);
        current.paragraphs.push(t.index + 1);
        continue;
      }
    }
    // closed: after 完成情况 and the like, only a heading or a count sentence can follow.
    if (looksLikeHeading(t, 60) && startsNode(next)) {
      addNode(t, "plain", undefined, t.text);
      continue;
    }
    if (readCountSentence(facts, t.text)) countSentences.push(t);
    else strays.push(t);
  }
  return { nodes, strays, countSentences };
}

/** Decides problems and groups, then the rank of every heading (unnumbered ones by position). */
function rankOutline(nodes: Node[]): void {
  const order: string[] = [];
  for (const n of nodes) if (n.style !== "plain" && !order.includes(n.style)) order.push(n.style);
  const styleRank = (n: Node) => order.indexOf(n.style as string);
  const reportStyle = nodes.some((n) => n.labelled);
  if (reportStyle) {
    const problemStyles = new Set(nodes.filter((n) => n.labelled).map((n) => n.style));
    nodes.forEach((n, i) => {
      const next = nodes[i + 1];
      const leaf =
        next === undefined ||
        next.style === "plain" ||
        n.style === "plain" ||
        styleRank(next) <= styleRank(n);
      n.isProblem = n.labelled || (problemStyles.has(n.style) && leaf);
    });
  } else {
    nodes.forEach((n, i) => {
      const next = nodes[i + 1];
      if (n.style === "plain") {
        n.isProblem = false;
        return;
      }
      n.isProblem = next === undefined || next.style === "plain" || styleRank(next) <= styleRank(n);
    });
  }
  // Ranks: numbered groups by style order; an unnumbered group next to its neighbours.
  const open: Node[] = [];
  nodes.forEach((n, i) => {
    if (n.isProblem) return;
    if (n.style !== "plain") n.rank = styleRank(n);
    else {
      const next = nodes.slice(i + 1).find((m) => m.style !== "plain");
      const nextRank = next ? styleRank(next) : Number.POSITIVE_INFINITY;
      const restart = next !== undefined && next.value === 1;
      const below = open.filter((g) => g.rank < nextRank);
      if (restart && below.length > 0) n.rank = Math.max(...below.map((g) => g.rank));
      else if (!restart && open.length > 0) n.rank = open[open.length - 1]!.rank;
      else n.rank = next ? nextRank - 0.5 : 0;
    }
    while (open.length > 0 && open[open.length - 1]!.rank >= n.rank) open.pop();
    open.push(n);
  });
}

// ---------------------------------------------------------------------------------------------
// Narrative sections

function readNarrativeSection(
  part: NarrativePart,
  tokens: readonly Token[],
  facts: Facts,
  placements: (Placement | undefined)[],
): ImportedNarrative[] {
  const out: { heading: string; text: string }[] = [];
  const significant = tokens.filter((t) => !isBlank(t));
  significant.forEach((t, i) => {
    const next = significant[i + 1];
    if (readCountSentence(facts, t.text)) {
      placements[t.index] = "info";
      return;
    }
    placements[t.index] = "narrative";
    if (isHeadingMarker(t)) {
      // （一）强化责任担当，切实扛牢主体责任。党委将……: the first sentence is the heading.
      const stop = t.body.indexOf("。");
      if (stop > 0 && stop < t.body.length - 1 && chars(t.body.slice(0, stop)) <= 40) {
        out.push({ heading: t.body.slice(0, stop), text: t.body.slice(stop + 1).trim() });
      } else out.push({ heading: stripTrailingStop(t.body), text: "" });
      return;
    }
    const last = out[out.length - 1];
    const headingLike =
      looksLikeHeading(t, 30) &&
      next !== undefined &&
      !isHeadingMarker(next) &&
      chars(next.text) > chars(t.text);
    if (headingLike) out.push({ heading: stripTrailingStop(t.text), text: "" });
    else if (last && (last.text === "" || last.heading !== ""))
      last.text = last.text ? `${last.text}\n${t.text}` : t.text;
    else out.push({ heading: "", text: t.text });
  });
  return out.map((e) => ({ part, heading: e.heading, text: e.text }));
}

// ---------------------------------------------------------------------------------------------
// The whole document

const CLOSING_START =
  /^(?:欢迎|如有意见|联系电话|联系方式|监督电话|举报电话|电子邮箱|邮政地址|（此件|\(此件|附件[：:]|抄送[：:])/u;

export function parseFeedbackDocument(
  paragraphs: readonly SourceParagraph[],
  options: ImportOptions = {},
): ImportResult {
  const source = options.source ?? "反馈意见";
  const tokens = tokenise(paragraphs);
  const placements: (Placement | undefined)[] = tokens.map((t) =>
    isBlank(t) ? "blank" : undefined,
  );
  const facts = emptyFacts();
  const findings: Finding[] = [];
  const unplaced = new Set<number>();
  const where = (t: Token) => ({ sheet: source, row: t.index + 1 });
  const report = (t: Token, why: string) => {
    if (placements[t.index] !== undefined || unplaced.has(t.index)) return;
    unplaced.add(t.index);
    findings.push(
      makeFinding(
        "import.paragraph.unplaced",
        where(t),
        `第${t.index + 1}段“${excerpt(t.text)}”${why}，未导入；如属于某个问题，请在台账中补录。`,
        { lead: "sheet" },
      ),
    );
  };

  // Frame: the opening runs up to the first heading; the closing is peeled off the end.
  const firstHeading = tokens.findIndex((t) => isHeadingMarker(t) || isForced(t));
  const bodyStart = firstHeading < 0 ? tokens.length : firstHeading;
  // The opening first: the closing's 署名 is then recognised as the organisation already named.
  readFrameOpening(tokens.slice(0, bodyStart), facts, placements, report);
  let bodyEnd = tokens.length;
  let afterPrintDate = false;
  for (let i = tokens.length - 1; i >= bodyStart; i--) {
    const t = tokens[i]!;
    if (isBlank(t)) continue;
    const text = t.text;
    const closing =
      CLOSING_START.test(text) ||
      (/联系电话|电子邮箱|联系方式/u.test(text) && readContacts(facts, text)) ||
      readDateLine(facts, text) ||
      /^(.*?)\s*\d{4}年\d{1,2}月\d{1,2}日印发$/u.test(text) ||
      (afterPrintDate && chars(text) <= 40) ||
      (!isHeadingMarker(t) && readSignature(facts, text));
    if (!closing) break;
    readContacts(facts, text);
    const cc = /^抄送[：:]\s*(.+)$/u.exec(text);
    if (cc) {
      facts.info.cc ??= stripTrailingStop(cc[1]!);
      facts.sources.cc ??= text;
    }
    // 版记: 印发机关 and 印发日期, on one line or in two table cells.
    const printed = /^(.*?)\s*(\d{4}年\d{1,2}月\d{1,2}日)印发$/u.exec(text);
    if (printed) {
      const d = parseDateText(printed[2]!);
      if (d.ok) {
        facts.info.printDate ??= d.date;
        facts.sources.printDate ??= text;
      }
      if (printed[1]) {
        facts.info.printer ??= printed[1].trim();
        facts.sources.printer ??= text;
      }
    } else if (afterPrintDate && !CLOSING_START.test(text)) {
      facts.info.printer ??= text;
      facts.sources.printer ??= text;
    }
    afterPrintDate = printed !== null;
    placements[i] = "info";
    bodyEnd = i;
  }

  // Sections.
  const body = tokens.slice(bodyStart, bodyEnd);
  const topStyle = body.find((t) => isHeadingMarker(t))?.marker?.style;
  const tops = body.filter((t) => topStyle !== undefined && t.marker?.style === topStyle);
  const kinds = tops.map((t) => sectionKind(t.body));
  const sectioned = kinds.some((k) => k !== "problems" && k !== "other");
  const narrative: ImportedNarrative[] = [];
  let regions: Token[][] = [body];
  if (sectioned) {
    const sections = tops.map((t, i) => {
      const from = body.indexOf(t);
      const to = i + 1 < tops.length ? body.indexOf(tops[i + 1]!) : body.length;
      return { heading: t, kind: kinds[i]!, tokens: body.slice(from + 1, to) };
    });
    // Stray paragraphs between the opening and the first section heading.
    for (const t of body.slice(0, body.indexOf(tops[0]!))) {
      if (!isBlank(t) && !readCountSentence(facts, t.text)) report(t, "不在任何部分中");
      else if (!isBlank(t)) placements[t.index] = "info";
    }
    const hasOther = sections.some((s) => s.kind === "other");
    regions = [];
    let merged: Token[] = [];
    for (const s of sections) {
      if (s.kind === "practices" || s.kind === "next") {
        placements[s.heading.index] = "section";
        narrative.push(
          ...readNarrativeSection(
            s.kind === "practices" ? "主要做法" : "下一步打算",
            s.tokens,
            facts,
            placements,
          ),
        );
      } else if (s.kind === "suggestions" || s.kind === "requirements") {
        placements[s.heading.index] = "section";
        const skipped = s.tokens.filter((t) => !isBlank(t));
        if (skipped.length > 0) {
          for (const t of skipped) unplaced.add(t.index);
          const first = skipped[0]!.index + 1;
          const last = skipped[skipped.length - 1]!.index + 1;
          findings.push(
            makeFinding(
              "import.section.skipped",
              where(s.heading),
              `第${s.heading.index + 1}段“${excerpt(s.heading.text)}”（第${first}${last > first ? `–${last}` : ""}段）是${s.kind === "suggestions" ? "意见建议" : "整改要求"}，不是问题，未导入台账；意见建议数请在基本信息中核对。`,
              { lead: "sheet" },
            ),
          );
        }
      } else if (hasOther) {
        // Aspects written as top-level headings next to narrative sections: the heading is an aspect.
        merged.push(s.heading, ...s.tokens);
      } else {
        placements[s.heading.index] = "section";
        regions.push(s.tokens);
      }
    }
    if (merged.length > 0) regions.push(merged);
    merged = [];
  }

  // The problem part.
  const rows: ImportedRow[] = [];
  let extraLevels = false;
  for (const region of regions) {
    const outline = readOutline(region, facts);
    rankOutline(outline.nodes);
    for (const t of outline.countSentences) placements[t.index] = "info";
    for (const t of outline.strays) report(t, "不是问题、方面或整改情况");
    const groupRanks = [
      ...new Set(outline.nodes.filter((n) => !n.isProblem).map((n) => n.rank)),
    ].sort((a, b) => a - b);
    if (groupRanks.length > 2) extraLevels = true;
    const open: Node[] = [];
    for (const n of outline.nodes) {
      if (!n.isProblem) {
        while (open.length > 0 && open[open.length - 1]!.rank >= n.rank) open.pop();
        open.push(n);
        const level = groupRanks.indexOf(n.rank);
        placements[n.token.index] = level === 0 ? "aspect" : "category";
        // A heading's own extra paragraphs: a broken line joins, anything else is reported.
        for (const t of n.extra) {
          if (!ENDS_SENTENCE.test(n.text) && chars(t.text) <= 40 && t.label === undefined) {
            n.text = joinBroken(n.text, t.text);
            placements[t.index] = level === 0 ? "aspect" : "category";
          } else report(t, "在标题之下、问题之前，不属于任何问题");
        }
        continue;
      }
      const aspect = open.find((g) => groupRanks.indexOf(g.rank) === 0);
      const deeper = open.filter((g) => groupRanks.indexOf(g.rank) > 0);
      const category = deeper[deeper.length - 1];
      let problem = n.text;
      for (const t of n.extra) problem = joinBroken(problem, t.text);
      const statusText = n.statusText.trim();
      const status: Status | null = statusText ? (normaliseStatus(statusText) ?? null) : null;
      for (const p of n.paragraphs)
        placements[p - 1] = p === n.token.index + 1 ? "problem" : "field";
      rows.push({
        aspect: aspect ? stripTrailingStop(aspect.text) : "",
        category: category ? stripTrailingStop(category.text) : "",
        problem,
        measures: n.fields.measures ?? "",
        result: n.fields.result ?? "",
        status,
        statusText,
        leader: n.fields.leader ?? "",
        department: n.fields.department ?? "",
        owner: n.fields.owner ?? "",
        deadline: n.fields.deadline ?? "",
        doneDate: n.fields.doneDate ?? "",
        evidence: n.fields.evidence ?? "",
        note: n.fields.note ?? "",
        paragraphs: n.paragraphs,
      });
      if (statusText && !status) {
        findings.push(
          makeFinding(
            "import.status.unknown",
            where(n.token),
            `第${n.token.index + 1}段的问题，完成情况“${excerpt(statusText)}”不是可识别的写法，已原样填入台账；请改为下拉列表中的一项。`,
            { lead: "sheet", params: { field: "status", value: statusText } },
          ),
        );
      }
      if (!aspect) {
        findings.push(
          makeFinding(
            "import.problem.noAspect",
            where(n.token),
            `第${n.token.index + 1}段的问题“${excerpt(problem)}”前没有方面标题，方面留空；请在台账中填写。`,
            { lead: "sheet", params: { field: "aspect" } },
          ),
        );
      }
    }
  }
  if (extraLevels) {
    findings.push(
      makeFinding(
        "import.levels.extra",
        { sheet: source },
        `「${source}」的问题有三层以上的标题；台账只有方面和类别两层，已取最上一层为方面、最近一层为类别，中间的标题未导入。`,
        // The sheet is part of the sentence here, not a place in front of it.
        { lead: "none" },
      ),
    );
  }
  // Anything still unplaced (in the opening or between sections) is reported.
  for (const t of tokens) if (placements[t.index] === undefined) report(t, "无法识别");
  if (rows.length === 0) {
    findings.push(
      makeFinding(
        "import.problems.none",
        { sheet: source },
        `「${source}」中没有识别出任何问题：问题应有编号（如 一、（一）1.（1）），或在“整改措施：”“整改成效：”“完成情况：”等行之前。`,
        { lead: "none" },
      ),
    );
  }
  const levels: 2 | 3 = rows.some((r) => r.category !== "") ? 3 : 2;
  return {
    title: facts.title ?? "",
    style: rows.some((r) => r.result || r.statusText || r.measures) ? "report" : "feedback",
    info: facts.info,
    infoSources: facts.sources,
    narrative,
    rows,
    levels,
    findings,
    placements,
    unplaced: [...unplaced].sort((a, b) => a - b).map((i) => i + 1),
  };
}

/** The opening: 版头 line, title lines, 主送机关, the opening paragraph(s). */
function readFrameOpening(
  tokens: readonly Token[],
  facts: Facts,
  placements: (Placement | undefined)[],
  report: (t: Token, why: string) => void,
): void {
  const significant = tokens.filter((t) => !isBlank(t));
  const titleLines: Token[] = [];
  let seenLong = false;
  // 版头: the lines above the 发文字号 line are the 发文机关标志.
  const docNumberAt = significant.findIndex((t) => readDocNumberLine(emptyFacts(), t.text));
  const mark = docNumberAt > 0 ? significant.slice(0, docNumberAt) : [];
  if (mark.length > 0 && mark.every((t) => chars(t.text) <= 40 && !/[，。；]/u.test(t.text))) {
    facts.info.issuerMark ??= mark.map((t) => t.text.replace(/[\s\u3000]+/gu, "")).join("");
    facts.sources.issuerMark ??= mark.map((t) => t.text).join(" ");
    for (const t of mark) placements[t.index] = "info";
  }
  for (const t of significant) {
    const text = t.text;
    if (placements[t.index] === "info") continue;
    if (readDocNumberLine(facts, text)) {
      placements[t.index] = "info";
      continue;
    }
    const compact = text.replace(/[\s\u3000]+/gu, "");
    if (!seenLong && /文件$/u.test(compact) && chars(compact) <= 30 && titleLines.length === 0) {
      facts.info.issuerMark ??= compact;
      facts.sources.issuerMark ??= text;
      placements[t.index] = "info";
      continue;
    }
    if (!seenLong && /^[^，。；]{2,40}[：:]$/u.test(compact) && titleLines.length > 0) {
      facts.info.recipient ??= compact.replace(/[：:]$/u, "");
      facts.sources.recipient ??= text;
      placements[t.index] = "info";
      continue;
    }
    if (!seenLong && chars(compact) <= 50 && !/[，。；]/u.test(compact)) {
      titleLines.push(t);
      placements[t.index] = "info";
      continue;
    }
    seenLong = true;
    if (readOpening(facts, text) || readCountSentence(facts, text)) placements[t.index] = "info";
    else report(t, "在开头部分，没有可读取的巡察信息");
  }
  if (titleLines.length > 0)
    facts.title = readTitle(
      facts,
      titleLines.map((t) => t.text),
    );
}
