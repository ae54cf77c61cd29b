/**
 * GB/T 9704 on the printed page: both documents of every example ledger rendered once by
 * LibreOffice (tests/support/rendered-pages.ts) and read line by line, as a reviewer would.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../../src/core";
import type { LedgerAnalysis } from "../../../src/core/model";
import type { DocumentKind } from "../../../src/documents/api";
import { renderDocument } from "../../../src/documents/render";
import { buildViewModel } from "../../../src/documents/view-model";
import { readWorkbookFile } from "../../../src/node/read-workbook";
import {
  bodyLines,
  type PageLine,
  type PageRule,
  pageNumberLine,
  type RenderedPage,
  renderPages,
} from "../../support/rendered-pages";
import {
  analysisOf,
  docxParagraphs,
  docxXml,
  parseReportSeed,
  REPORT_INFO,
  rowsFrom,
} from "../../unit/documents/helpers";

/** The type area's bottom edge: 35 mm above the page's bottom (GB/T 9704 5.2.2). */
const TYPE_AREA_BOTTOM_MM = 297 - 35;

interface Rendered {
  readonly name: string;
  readonly kind: DocumentKind;
  readonly titleLines: string[];
  readonly names: string[];
  readonly headings: string[];
  readonly signature: string;
  readonly date: string;
  readonly printer: string;
  readonly printDate: string;
  readonly cc: string;
  pages: RenderedPage[];
}

const squash = (s: string) => s.replace(/\s+/g, "");
const docs: Rendered[] = [];
const refused: string[] = [];

/**
 * Made-up ledgers of 1, 12, 48 and 200 problems (the seed's problems, repeated) whose closing
 * paragraph grows with the size, so the 署名 block lands at different places on its page.
 */
function sizedAnalyses(): { name: string; analysis: LedgerAnalysis }[] {
  const problems = parseReportSeed().problems;
  return [1, 12, 48, 200].map((n, k) => {
    const rows = rowsFrom(Array.from({ length: n }, (_, i) => problems[i % problems.length]!));
    const closing = "持续巩固整改成果，建立健全长效机制，".repeat(3 + 5 * k);
    const info = { ...REPORT_INFO, phone: "0393-1234567" };
    return {
      name: `${n}个问题`,
      analysis: analysisOf(rows, info, {
        asOf: "2024-01-05",
        nextSteps: [{ heading: "加强监督检查", text: `${closing}确保整改落到实处。` }],
      }),
    };
  });
}

/**
 * Reports of one problem whose closing paragraph leaves the 成文日期 on the last lines of its
 * page (9 and 12 repetitions: the date three lines and one line above the type area's bottom),
 * so the 版记 has no room beside the body there.
 */
function fullPageReports(): { name: string; docx: Uint8Array; date: string }[] {
  const problem = parseReportSeed().problems[0]!;
  return [9, 12].map((n) => {
    const analysis = analysisOf(
      rowsFrom([problem]),
      { ...REPORT_INFO, phone: "0393-1234567" },
      {
        asOf: "2024-01-05",
        nextSteps: [
          {
            heading: "加强监督检查",
            text: `${"持续巩固整改成果，建立健全长效机制，".repeat(n)}确保整改落到实处。`,
          },
        ],
      },
    );
    const template = readFileSync(join("templates", "报告.docx"));
    const result = renderDocument({ template, kind: "报告", analysis, force: true });
    if (!result.ok) throw new Error(result.findings.map((f) => f.message).join("\n"));
    const vm = buildViewModel(analysis, "报告");
    return { name: `版记另起一页 ${n}`, docx: result.docx, date: squash(String(vm.成文日期)) };
  });
}
const full: { name: string; date: string; pages: RenderedPage[] }[] = [];

beforeAll(async () => {
  const ledgers = readdirSync("examples").filter((f) => f.endsWith("-整改台账.xlsx"));
  const files: Uint8Array[] = [];
  const jobs: { name: string; analysis: LedgerAnalysis }[] = [];
  for (const ledger of ledgers) {
    const read = analyseWorkbook(await readWorkbookFile(join("examples", ledger)));
    // Each example fills the 基本信息 its own document needs; the other document's required
    // values (签发人, 发文字号, 主送机关 / a contact) are supplied here so both render.
    const analysis = {
      ...read,
      info: {
        ...read.info,
        signer: read.info.signer || "张某某",
        docNumber: read.info.docNumber || "示例〔2024〕1号",
        recipient: read.info.recipient || "中共示例县委巡察工作领导小组办公室",
        phone: read.info.phone || "0393-1234567",
        // The 版记 of the report: a 16-character 印发机关 that wrapped in its cell.
        printer: read.info.printer || "中共濮上生态园区管理局党委办公室",
        printDate: read.info.printDate ?? read.info.docDate,
        cc: read.info.cc || "县委巡察办，县纪委监委派驻纪检监察组",
      },
    };
    jobs.push({ name: ledger, analysis });
  }
  jobs.push(...sizedAnalyses());
  for (const { name: ledger, analysis } of jobs) {
    for (const kind of ["报告", "通报"] as const) {
      const template = readFileSync(join("templates", `${kind}.docx`));
      const result = renderDocument({ template, kind, analysis, force: true });
      if (!result.ok) {
        refused.push(`${ledger} ${kind}`);
        continue;
      }
      const vm = buildViewModel(analysis, kind);
      const xml = docxXml(result.docx);
      const headings = [
        ...xml.matchAll(/<w:p><w:pPr><w:pStyle w:val="HeadingLevel\d"\/>[\s\S]*?<\/w:p>/g),
      ].map((m) =>
        squash([...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")),
      );
      const paras = docxParagraphs(result.docx);
      const sigIndex = paras.findIndex(
        (_, i) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(paras[i + 1] ?? "") && paras[i] === vm.署名,
      );
      docs.push({
        name: `${ledger} ${kind}`,
        kind,
        titleLines: String(vm.标题).split("\n"),
        names: [vm.党组织名称, vm.单位名称, vm.巡察组].map(String).filter((n) => n !== ""),
        headings,
        signature: squash(paras[sigIndex] ?? ""),
        date: squash(paras[sigIndex + 1] ?? ""),
        printer: squash(String(vm.印发机关)),
        printDate: squash(String(vm.印发日期)),
        cc: squash(String(vm.抄送 ?? "")),
        pages: [],
      });
      files.push(result.docx);
    }
  }
  const fullJobs = fullPageReports();
  renderPages([...files, ...fullJobs.map((j) => j.docx)]).forEach((pages, i) => {
    if (i < docs.length) (docs[i] as Rendered).pages = pages;
    else full.push({ ...(fullJobs[i - docs.length] as (typeof fullJobs)[number]), pages });
  });
}, 600_000);

describe("GB/T 9704 on the rendered page (LibreOffice, every example ledger)", () => {
  it("renders both documents of every example", () => {
    expect(refused).toEqual([]);
    // Three example ledgers and four sized ones, two documents each.
    expect(docs.length).toBe(14);
    for (const d of docs) expect(d.pages.length, d.name).toBeGreaterThan(1);
  });

  it("prints the title in its lines, no name split between two lines", () => {
    for (const d of docs) {
      const lines = d.pages[0]!.lines.map((l) => l.text);
      const start = lines.findIndex((_, i) => d.titleLines.every((t, j) => lines[i + j] === t));
      expect(start, `${d.name}: ${lines.slice(0, 8).join("｜")}`).toBeGreaterThanOrEqual(0);
      const printed = lines.slice(start, start + d.titleLines.length);
      expect(printed, d.name).toEqual(d.titleLines);
      const joined = printed.join("");
      for (const name of d.names) {
        if (!joined.includes(name)) continue;
        expect(
          printed.some((l) => l.includes(name)),
          `${d.name}: ${name} in ${printed.join("｜")}`,
        ).toBe(true);
      }
    }
  });

  it("never leaves 署名 and 成文日期 alone on a page", () => {
    for (const d of docs) {
      expect(d.signature, d.name).not.toBe("");
      for (const page of d.pages) {
        const texts = bodyLines(page).map((l) => l.text);
        const onlySignature = texts.every((t) => t === d.signature || t === d.date);
        expect(onlySignature, `${d.name} p${page.number}: ${texts.join("｜")}`).toBe(false);
      }
    }
  });

  it("sets 署名 and 成文日期 by GB/T 9704 7.3.5, measured on the page", () => {
    const CHAR_MM = 156.03 / 28;
    const RIGHT_EDGE_MM = 210 - 26;
    for (const d of docs) {
      const lines = d.pages.flatMap((p) => bodyLines(p));
      const i = lines.findIndex((l, k) => l.text === d.signature && lines[k + 1]?.text === d.date);
      expect(i, d.name).toBeGreaterThanOrEqual(0);
      const [sig, date] = [lines[i]!, lines[i + 1]!];
      const where = `${d.name}: 署名 ${sig.left.toFixed(1)}–${sig.right.toFixed(1)}, 日期 ${date.left.toFixed(1)}–${date.right.toFixed(1)}`;
      if (d.kind === "报告") {
        // With the seal: the date 右空四字, the 署名 centred over it — unless centred it would
        // run past the right edge (a 20-character name): then it ends at the edge.
        expect(Math.abs(RIGHT_EDGE_MM - 4 * CHAR_MM - date.right), where).toBeLessThan(1);
        const dateCentre = (date.left + date.right) / 2;
        const width = sig.right - sig.left;
        if (dateCentre + width / 2 <= RIGHT_EDGE_MM) {
          expect(Math.abs((sig.left + sig.right) / 2 - dateCentre), where).toBeLessThan(1);
        } else {
          expect(Math.abs(sig.right - RIGHT_EDGE_MM), where).toBeLessThan(1);
        }
      } else {
        // Without: the date starts two characters right of the 署名, and whichever ends further
        // right stands 右空二字.
        // (Within half a character: LibreOffice sets digits a little wider than the quarter
        // model — 2022年9月30日 measures 7.9 characters, not 7.75.)
        expect(Math.abs(date.left - sig.left - 2 * CHAR_MM), where).toBeLessThan(CHAR_MM / 2);
        const right = Math.max(sig.right, date.right);
        expect(Math.abs(RIGHT_EDGE_MM - 2 * CHAR_MM - right), where).toBeLessThan(1);
      }
    }
  });

  it("never ends a page with a heading", () => {
    for (const d of docs) {
      expect(d.headings.length, d.name).toBeGreaterThan(3);
      for (const page of d.pages.slice(0, -1)) {
        const last = bodyLines(page).at(-1)?.text ?? "";
        const heading = d.headings.find((h) => last.length >= 2 && h.endsWith(last));
        expect(heading, `${d.name} p${page.number} ends with ${last}`).toBeUndefined();
      }
    }
  });

  it("never leaves one line of a paragraph alone at a page's top or foot", () => {
    // A body line starts at the type area's left edge (28 mm) when it continues a paragraph,
    // two characters in (≈ 39.2 mm) when it opens one.
    const continues = (l?: { left: number }) => l !== undefined && Math.abs(l.left - 28) < 1;
    const opens = (l?: { left: number }) => l !== undefined && Math.abs(l.left - 39.2) < 1;
    for (const d of docs) {
      d.pages.slice(1).forEach((page, i) => {
        const before = bodyLines(d.pages[i]!);
        const here = bodyLines(page);
        const where = `${d.name} p${page.number}`;
        // Widow: a paragraph's last line alone at the top (the next line opens a paragraph).
        expect(continues(here[0]) && opens(here[1]), `${where} starts with ${here[0]?.text}`).toBe(
          false,
        );
        // Orphan: a paragraph's first line alone at the foot of the page before.
        expect(opens(before.at(-1)) && continues(here[0]), `${where}: ${before.at(-1)?.text}`).toBe(
          false,
        );
      });
    }
  });

  it("sets the 印发 line on one line", () => {
    const reports = docs.filter((d) => d.kind === "报告" && d.printer !== "");
    expect(reports.length).toBeGreaterThan(0);
    for (const d of reports) {
      const lines = d.pages.flatMap((p) => bodyLines(p).map((l) => ({ ...l, page: p.number })));
      const date = lines.find((l) => l.text.endsWith(`${d.printDate}印发`));
      const printer = lines.find((l) => l.text.startsWith(d.printer));
      expect(date, d.name).toBeDefined();
      expect(printer, d.name).toBeDefined();
      expect(printer!.page).toBe(date!.page);
      expect(Math.abs(printer!.top - date!.top), d.name).toBeLessThan(1);
    }
  });

  it("sets the 版记 at the foot of the last page, its last rule on the type area's bottom", () => {
    const TYPE_AREA = { left: 28, right: 210 - 26 };
    const reports = docs.filter((d) => d.kind === "报告");
    expect(reports.length).toBe(7);
    const measured: string[] = [];
    for (const d of docs) {
      const last = d.pages.at(-1) as RenderedPage;
      const rules = last.rules ?? [];
      const where = `${d.name} p${last.number}`;
      // The 通报 carries no 版记 (its tags have none): no rule on its last page.
      if (d.kind === "通报") {
        expect(rules, where).toEqual([]);
        continue;
      }
      // Three full-width rules: above 抄送, between 抄送 and 印发, below 印发.
      expect(rules.length, `${where}: ${JSON.stringify(rules)}`).toBe(3);
      const [top, middle, bottom] = rules as [PageRule, PageRule, PageRule];
      for (const r of rules) {
        expect(Math.abs(r.left - TYPE_AREA.left), where).toBeLessThan(1);
        expect(Math.abs(r.right - TYPE_AREA.right), where).toBeLessThan(1);
      }
      // The last rule's bottom edge on the type area's bottom (GB/T 9704 7.4: the 版记's last
      // element on the last line of the page).
      expect(
        Math.abs(bottom.bottom - TYPE_AREA_BOTTOM_MM),
        `${where}: ${bottom.bottom}`,
      ).toBeLessThan(1);
      measured.push(`${d.name}: ${bottom.bottom.toFixed(1)} mm`);
      // 抄送 between the first two rules, the 印发 line between the last two.
      const lines = bodyLines(last);
      const inside = (l: PageLine, a: PageRule, b: PageRule) =>
        l.top > a.bottom && l.bottom < b.top;
      const cc = lines.filter((l) => inside(l, top, middle)).map((l) => l.text);
      expect(cc.join(""), where).toBe(`抄送：${d.cc}。`);
      const print = lines.filter((l) => inside(l, middle, bottom)).map((l) => l.text);
      expect(print.join(""), where).toBe(`${d.printer}${d.printDate}印发`);
      // Nothing of the body under or behind the 版记: every other line ends above its first rule.
      for (const l of lines.filter((l) => !inside(l, top, bottom))) {
        expect(l.bottom, `${where}: ${l.text}`).toBeLessThan(top.top);
      }
    }
    expect(measured.length).toBe(7);
  });

  it("moves the 版记 to a new page when the body leaves no room at the foot of its last page", () => {
    expect(full).toHaveLength(2);
    for (const d of full) {
      const [before, last] = d.pages.slice(-2) as [RenderedPage, RenderedPage];
      const body = bodyLines(before);
      // The 成文日期 closes the body on the last lines of its page, the 版记 is not there…
      expect(body.at(-1)?.text, d.name).toBe(d.date);
      expect(body.at(-1)!.top, d.name).toBeGreaterThan(TYPE_AREA_BOTTOM_MM - 40);
      expect(
        body.some((l) => l.text.startsWith("抄送：")),
        d.name,
      ).toBe(false);
      // …but alone at the foot of the next page, its last rule on the type area's bottom.
      const lines = bodyLines(last).map((l) => l.text);
      expect(lines[0], d.name).toMatch(/^抄送：/);
      expect(lines.at(-1), d.name).toMatch(/印发$/);
      const rules = last.rules ?? [];
      expect(rules, d.name).toHaveLength(3);
      expect(Math.abs(rules[2]!.bottom - TYPE_AREA_BOTTOM_MM), d.name).toBeLessThan(1);
      expect(bodyLines(last)[0]!.top, d.name).toBeGreaterThan(rules[0]!.bottom);
    }
  });

  it("puts the page number's dash 7 ± 1 mm below the type area", () => {
    for (const d of docs) {
      for (const page of d.pages.slice(0, 2)) {
        expect(pageNumberLine(page), `${d.name} p${page.number}`).toBeDefined();
        const below = (page.dashTop ?? Number.NaN) - TYPE_AREA_BOTTOM_MM;
        expect(below, `${d.name} p${page.number}: ${below.toFixed(2)} mm`).toBeGreaterThanOrEqual(
          6,
        );
        expect(below, `${d.name} p${page.number}: ${below.toFixed(2)} mm`).toBeLessThanOrEqual(8);
      }
    }
  });
});
