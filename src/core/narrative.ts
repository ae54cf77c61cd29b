/**
 * 报告正文: optional narrative paragraphs, columns 部分 | 小标题 | 内容. 部分 is 主要做法 or
 * 下一步打算 (with aliases); a merged or blank 部分 cell inherits from the row above.
 */
import { cellTextFindings, makeFinding } from "./findings";
import type { Finding, Narrative, NarrativeParagraph, NarrativePart } from "./model";
import { cellText } from "./normalise";
import type { SheetView } from "./sheet";
import { looseKey } from "./text";
import type { TextCell } from "./text-check";
import { NARRATIVE_HEADER_ALIASES, NARRATIVE_PART_ALIASES } from "./vocabulary";

export const EMPTY_NARRATIVE: Narrative = Object.freeze({ practices: [], nextSteps: [] });

const PART_LOOKUP: ReadonlyMap<string, NarrativePart> = (() => {
  const map = new Map<string, NarrativePart>();
  for (const [part, aliases] of Object.entries(NARRATIVE_PART_ALIASES) as [
    NarrativePart,
    readonly string[],
  ][]) {
    for (const a of aliases) map.set(looseKey(a), part);
  }
  return map;
})();

/** 部分 text → part; tolerant of numbering such as 一、主要做法 or （二）下一步工作打算. */
export function narrativePart(text: string): NarrativePart | undefined {
  const k = looseKey(text).replace(
    /^[一二三四五六七八九十\d]+[、.．]|^[(（][一二三四五六七八九十\d]+[)）]/u,
    "",
  );
  return PART_LOOKUP.get(k);
}

export function readNarrative(view: SheetView): {
  narrative: Narrative;
  findings: Finding[];
  /** Every 小标题 and 内容 cell read, with its address (for the text checks). */
  cells: TextCell[];
} {
  const findings: Finding[] = [];
  const cells: TextCell[] = [];
  const sheet = view.name;
  const matches = (t: string, aliases: readonly string[]) =>
    aliases.some((a) => looseKey(a) === looseKey(t));
  let header = -1;
  const cols = { part: -1, heading: -1, text: -1 };
  for (let r = 0; r < Math.min(10, view.rows) && header < 0; r++) {
    const found = { part: -1, heading: -1, text: -1 };
    for (let c = 0; c < view.cols; c++) {
      const t = cellText(view.value(r, c)).text;
      if (found.part < 0 && matches(t, NARRATIVE_HEADER_ALIASES.part)) found.part = c;
      else if (found.heading < 0 && matches(t, NARRATIVE_HEADER_ALIASES.heading)) found.heading = c;
      else if (found.text < 0 && matches(t, NARRATIVE_HEADER_ALIASES.text)) found.text = c;
    }
    if (found.part >= 0 && found.text >= 0) {
      header = r;
      Object.assign(cols, found);
    }
  }
  if (header < 0) {
    findings.push(
      makeFinding(
        "narrative.header.notFound",
        { sheet },
        `前10行中找不到“部分、小标题、内容”表头，报告正文未读取；请按 部分 | 小标题 | 内容 三列填写。`,
        { lead: "sheet" },
      ),
    );
    return { narrative: EMPTY_NARRATIVE, findings, cells };
  }
  const practices: NarrativeParagraph[] = [];
  const nextSteps: NarrativeParagraph[] = [];
  let part: NarrativePart | undefined;
  let partKnown = true;
  for (let r = header + 1; r < view.rows; r++) {
    if (view.isBlankRow(r)) continue;
    const partText = cellText(view.value(r, cols.part)).text;
    if (partText !== "") {
      part = narrativePart(partText);
      partKnown = part !== undefined;
      if (!part) {
        const cell = view.address(r, cols.part);
        findings.push(
          makeFinding(
            "narrative.part.unknown",
            { sheet, cell, row: view.sheetRow(r) },
            `部分“${partText}”无法识别，该行未使用；应为“主要做法”或“下一步打算”（也可写“下一步工作打算”“下一步工作安排”）。`,
            { params: { field: "part", value: partText } },
          ),
        );
      }
    }
    const read = (c: number, field: "heading" | "text", label: string): string => {
      if (c < 0 || view.isMergedContinuation(r, c))
        return c < 0 ? "" : cellText(view.value(r, c)).text;
      const t = cellText(view.value(r, c));
      const where = { sheet, cell: view.address(r, c), row: view.sheetRow(r) };
      findings.push(...cellTextFindings(t, where, label, field));
      if (t.text !== "") cells.push({ ...where, label, field, text: t.text });
      return t.text;
    };
    const heading = read(cols.heading, "heading", "小标题");
    const text = read(cols.text, "text", "内容");
    if (heading === "" && text === "") continue;
    if (!part || !partKnown) continue;
    (part === "主要做法" ? practices : nextSteps).push({ heading, text });
  }
  return { narrative: { practices, nextSteps }, findings, cells };
}
