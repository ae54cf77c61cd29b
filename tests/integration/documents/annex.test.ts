/**
 * The report's 附件 (--annex): the 清丰 example rendered with the ledger attached, converted by
 * LibreOffice (tests/support/rendered-pages.ts) and read page by page: the body on portrait
 * pages, the ledger table on landscape pages with its header row on each, every problem in the
 * table numbered as in the body, and the 版记 on the last, portrait page.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../../src/core";
import type { LedgerAnalysis } from "../../../src/core/model";
import { renderDocument } from "../../../src/documents/render";
import { buildViewModel } from "../../../src/documents/view-model";
import { readWorkbookFile } from "../../../src/node/read-workbook";
import { MARGIN, TWIPS_PER_MM } from "../../../templates/src/layout";
import { ANNEX_COLUMNS } from "../../../templates/src/sections";
import { bodyLines, type RenderedPage, renderPages } from "../../support/rendered-pages";
import { docxParagraphs, docxXml } from "../../unit/documents/helpers";

const squash = (s: string) => s.replace(/\s+/g, "");
const HEADERS = ANNEX_COLUMNS.map((c) => c.head);

let analysis: LedgerAnalysis;
let withAnnex: Uint8Array;
let without: Uint8Array;
let pages: RenderedPage[];
let plainPages: RenderedPage[];

function render(annex: boolean | undefined): Uint8Array {
  const template = readFileSync(join("templates", "报告.docx"));
  const result = renderDocument({
    template,
    kind: "报告",
    analysis,
    force: true,
    ...(annex !== undefined ? { annex } : {}),
  });
  if (!result.ok) throw new Error(result.findings.map((f) => f.message).join("\n"));
  return result.docx;
}

beforeAll(async () => {
  const read = analyseWorkbook(
    await readWorkbookFile(join("examples", "清丰县市政园林局-整改台账.xlsx")),
  );
  analysis = {
    ...read,
    info: {
      ...read.info,
      signer: read.info.signer || "张某某",
      docNumber: read.info.docNumber || "示例〔2024〕1号",
      recipient: read.info.recipient || "中共示例县委巡察工作领导小组办公室",
      printer: read.info.printer || "中共清丰县市政园林局党组办公室",
      printDate: read.info.printDate ?? read.info.docDate,
      cc: read.info.cc || "县委巡察办",
    },
  };
  withAnnex = render(true);
  without = render(undefined);
  [pages, plainPages] = renderPages([withAnnex, without]) as [RenderedPage[], RenderedPage[]];
}, 300_000);

const landscape = (p: RenderedPage) => p.widthMm > p.heightMm;

/** The column's x range on the landscape page, in mm (the table fills the type area). */
function columnRange(head: string): [number, number] {
  let left = MARGIN.left / TWIPS_PER_MM;
  for (const c of ANNEX_COLUMNS) {
    const right = left + c.width / TWIPS_PER_MM;
    if (c.head === head) return [left, right];
    left = right;
  }
  throw new Error(head);
}

/**
 * The text inside one column below the header row, line by line, page after page: words by
 * their own boxes, since one rendered line runs across the cells of a row.
 */
function columnLines(annexPages: readonly RenderedPage[], head: string): string[] {
  const [left, right] = columnRange(head);
  return annexPages.flatMap((page) => {
    const header = page.lines.find((l) => l.text === "完成时间");
    const below = (header?.bottom ?? 0) + 0.5;
    return bodyLines(page)
      .filter((l) => l.top >= below)
      .map((l) =>
        l.words
          .filter((w) => (w.left + w.right) / 2 > left && (w.left + w.right) / 2 < right)
          .map((w) => w.text)
          .join(""),
      )
      .filter((t) => t !== "");
  });
}

describe("the report with 附件 (--annex), rendered", () => {
  it("has the 附件说明 under the body, before the 署名 (GB/T 9704 7.3.4)", () => {
    const paras = docxParagraphs(withAnnex).map(squash);
    const note = paras.indexOf("附件：整改台账");
    expect(note).toBeGreaterThan(0);
    expect(paras[note - 1]).toBe(""); // one blank line below the body
    const signature = paras.findIndex(
      (p, i) => i > note && p === squash(String(analysis.info.partyOrgName)),
    );
    expect(signature).toBeGreaterThan(note);
  });

  it("sets the body portrait, the table landscape on its own pages, the 版记 on a last portrait page", () => {
    const first = pages.findIndex(landscape);
    const last = pages.length - 1 - [...pages].reverse().findIndex(landscape);
    expect(first).toBeGreaterThan(0);
    for (const page of pages.slice(0, first)) expect(page.heightMm).toBeGreaterThan(page.widthMm);
    for (const page of pages.slice(first, last + 1)) {
      expect(page.widthMm).toBeCloseTo(297, 0);
      expect(page.heightMm).toBeCloseTo(210, 0);
    }
    // The body ends with the 署名 and 附件说明 before the first landscape page.
    const bodyText = pages
      .slice(0, first)
      .flatMap((p) => p.lines.map((l) => l.text))
      .join("");
    expect(bodyText).toContain("附件：整改台账");
    // After the table: one portrait page, the 版记 on it.
    expect(pages.length - 1).toBe(last + 1);
    const colophon = pages[last + 1] as RenderedPage;
    expect(colophon.heightMm).toBeGreaterThan(colophon.widthMm);
    expect(colophon.lines.some((l) => l.text.includes(squash(String(analysis.info.printer))))).toBe(
      true,
    );
    // The annex's first page: "附件" at the top left in 黑体 3号, then the table's title.
    const annexFirst = bodyLines(pages[first] as RenderedPage);
    expect(annexFirst[0]?.text).toBe("附件");
    expect(annexFirst[0]?.left).toBeCloseTo(MARGIN.left / TWIPS_PER_MM, 0);
    expect(annexFirst[0]!.top).toBeLessThan(37 + 8);
    expect(annexFirst[1]?.text).toBe("整改台账");
  });

  it("sets the 版记 at the foot of the last, portrait page: its last rule on the type area's bottom", () => {
    const last = pages.at(-1) as RenderedPage;
    expect(last.heightMm).toBeGreaterThan(last.widthMm);
    // Three full-width rules (above 抄送, between, below 印发), the last on the bottom of the
    // portrait type area: 297 − 35 mm.
    const rules = last.rules ?? [];
    expect(rules).toHaveLength(3);
    for (const r of rules) {
      expect(Math.abs(r.left - MARGIN.left / TWIPS_PER_MM)).toBeLessThan(1);
      expect(Math.abs(r.right - (210 - MARGIN.right / TWIPS_PER_MM))).toBeLessThan(1);
    }
    const bottom = rules[2]!.bottom;
    expect(Math.abs(bottom - (297 - MARGIN.bottom / TWIPS_PER_MM)), `${bottom} mm`).toBeLessThan(1);
    // The page holds the 版记 only, under its first rule.
    const lines = bodyLines(last);
    const vm = buildViewModel(analysis, "报告");
    expect(lines.map((l) => l.text).join("")).toBe(
      squash(`抄送：${vm.抄送}。${vm.印发机关}${vm.印发日期}印发`),
    );
    for (const l of lines) expect(l.top).toBeGreaterThan(rules[0]!.top);
    // Without the 附件 too: the plain report's 版记 closes its last page the same way.
    const plainRules = plainPages.at(-1)?.rules ?? [];
    expect(plainRules).toHaveLength(3);
    expect(Math.abs(plainRules[2]!.bottom - bottom)).toBeLessThan(0.5);
  });

  it("repeats the header row at the top of every annex page", () => {
    const annexPages = pages.filter(landscape);
    expect(annexPages.length).toBeGreaterThan(1);
    for (const page of annexPages) {
      const tops = HEADERS.map((h) => page.lines.find((l) => l.text === h)?.top);
      expect(
        tops.every((t) => t !== undefined),
        `page ${page.number}`,
      ).toBe(true);
      // One row: all headers on the same line, above every other table line.
      const top = Math.min(...(tops as number[]));
      expect(Math.max(...(tops as number[])) - top).toBeLessThan(1);
      const tableLines = bodyLines(page).filter((l) => !["附件", "整改台账"].includes(l.text));
      expect(Math.min(...tableLines.map((l) => l.top))).toBeGreaterThanOrEqual(top - 0.5);
    }
  });

  it("lists every problem in the table, numbered as in the body", () => {
    const annexPages = pages.filter(landscape);
    const problems = (analysis.ledger?.rows ?? []).filter((r) => r.source === "巡察反馈");
    expect(problems.length).toBeGreaterThan(10);
    // The 问题 column, read down page after page, is the problems' text in order.
    expect(columnLines(annexPages, "问题").join("")).toBe(
      problems.map((r) => squash(r.problem)).join(""),
    );
    // The body numbers its problems in the 四级 headings; the table's 序号 are the same.
    const xml = docxXml(withAnnex);
    const bodyNumbers = [
      ...xml.matchAll(/<w:pStyle w:val="HeadingLevel4"\/>[\s\S]*?<w:t[^>]*>([^<]*)</g),
    ].map((m) => /^(（\d+）|\d+)/u.exec(squash(m[1] ?? ""))?.[1] ?? "?");
    expect(bodyNumbers).toHaveLength(problems.length);
    expect(columnLines(annexPages, "序号")).toEqual(bodyNumbers);
    // Each row's 责任单位 and 完成情况 stand in their columns.
    expect(columnLines(annexPages, "完成情况").join("")).toBe(
      problems.map((r) => r.status ?? "").join(""),
    );
  });

  it("leaves the report as it was without the option: one portrait section, no 附件", () => {
    const xml = docxXml(without);
    expect(xml.match(/<w:sectPr>/g)).toHaveLength(1);
    expect(xml).not.toContain("附件");
    expect(xml).not.toContain('w:orient="landscape"');
    expect(plainPages.every((p) => p.heightMm > p.widthMm)).toBe(true);
    expect(docxXml(render(false))).toBe(xml);
    // The annexed report's body pages are the plain report's pages, line for line, up to the 署名.
    const first = pages.findIndex(landscape);
    const bodyOf = (ps: readonly RenderedPage[]) =>
      ps.flatMap((p) => bodyLines(p).map((l) => l.text)).join("|");
    const plainBody = bodyOf(plainPages);
    const annexBody = bodyOf(pages.slice(0, first)).replace("||附件：整改台账", "");
    expect(plainBody.startsWith(annexBody.split("|附件：整改台账")[0] ?? "")).toBe(true);
  });
});
