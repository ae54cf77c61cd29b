/**
 * `zhenggai summary` on a folder of 45 generated unit ledgers (the bench generator): the 汇总
 * workbook read back with exceljs has one row per unit equal to that unit's `check` figures,
 * a 合计 row equal to the sums of the counted units (rate from the sums), a unit with errors
 * listed, flagged and left out, the 方面 sheet and every overdue item with its unit.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import PizZip from "pizzip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BENCH_AS_OF, generateLedgerGrid, gridToXlsx } from "../../../bench/data";
import { type CheckJson, checkJson } from "../../../src/cli/check-output";
import { analyseWorkbook } from "../../../src/core/index";
import { DONE_STATUSES, STATUSES } from "../../../src/core/model";
import { formatPercent } from "../../../src/core/stats";
import { SUMMARY_TAGS } from "../../../src/documents/contract";
import { checkTemplate } from "../../../src/documents/template-check";
import { readWorkbookFile } from "../../../src/node/read-workbook";
import { buildTemplates, TEMPLATE_FILES, TEMPLATES_DIR } from "../../../templates/src/build";
import { convertToPdf, pageText, pdfInfo } from "../../../templates/src/libreoffice";
import { runCli } from "../cli/run-cli";

/** Non-empty paragraphs of the document body. */
function paragraphs(docx: Uint8Array): string[] {
  const xml = new PizZip(docx).file("word/document.xml")!.asText();
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [])
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .filter((t) => t.trim() !== "");
}

const UNITS = 45;
const BROKEN = 7; // this unit's ledger gets a completion date after the as-of date: an error
let dir: string;
let ledgers: string;
const checks = new Map<string, CheckJson>(); // unit name → its check --json
const unitName = (i: number) => `第${i + 1}测试单位`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zhenggai-summary-"));
  ledgers = join(dir, "台账");
  mkdirSync(ledgers);
  for (let i = 0; i < UNITS; i++) {
    const grid = generateLedgerGrid(12 + ((i * 7) % 40), { seed: 500 + i, unitName: unitName(i) });
    if (i === BROKEN) {
      const row = grid.sheets[0]!.cells[4]! as unknown as { t: string; v: unknown }[];
      row[9] = { t: "s", v: "已完成" };
      row[11] = { t: "d", v: new Date(Date.UTC(2030, 0, 1)) };
    }
    const path = join(ledgers, `${String(i + 1).padStart(2, "0")}.xlsx`);
    writeFileSync(path, await gridToXlsx(grid));
    const analysis = analyseWorkbook(await readWorkbookFile(path), {
      asOf: BENCH_AS_OF,
      precision: 2,
    });
    checks.set(unitName(i), checkJson(analysis));
  }
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Row = Record<string, ExcelJS.CellValue>;

function sheetRows(ws: ExcelJS.Worksheet): Row[] {
  const header = (ws.getRow(2).values as ExcelJS.CellValue[]).map((v) => String(v ?? ""));
  const rows: Row[] = [];
  for (let r = 3; r <= ws.rowCount; r++) {
    const values = ws.getRow(r).values as ExcelJS.CellValue[];
    const row: Row = {};
    header.forEach((h, c) => {
      if (h) row[h] = values[c] ?? null;
    });
    rows.push(row);
  }
  return rows;
}

describe("zhenggai summary on 45 unit ledgers", () => {
  let units: Row[];
  let total: Row;
  let wb: ExcelJS.Workbook;
  let stdout: string;
  let stderr: string;
  let notice: string;

  beforeAll(async () => {
    const out = join(dir, "汇总.xlsx");
    notice = join(dir, "汇总通报.docx");
    const result = await runCli([
      "summary",
      ledgers,
      "--out",
      out,
      "--notice",
      notice,
      "--as-of",
      BENCH_AS_OF,
    ]);
    stdout = result.stdout;
    stderr = result.stderr;
    // One unit is flagged: the summary is written and the exit code says so.
    expect(result.code, result.stderr).toBe(1);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const rows = sheetRows(wb.getWorksheet("汇总")!);
    total = rows.at(-1)!;
    units = rows.slice(0, -1);
  }, 180_000);

  it("lists every unit once, in file order, with its own check figures", () => {
    expect(units.map((u) => u.单位)).toEqual(Array.from({ length: UNITS }, (_, i) => unitName(i)));
    for (const u of units) {
      const s = checks.get(String(u.单位))!.stats;
      const doneByStatus = STATUSES.filter((x) => DONE_STATUSES.has(x)).reduce(
        (n, x) => n + s.byStatus[x],
        0,
      );
      expect(u.问题总数).toBe(s.total);
      expect(u.已完成).toBe(s.done);
      expect(u.已完成).toBe(doneByStatus);
      expect(u.完成率 as number).toBeCloseTo(s.completionRate, 12);
      for (const st of STATUSES.filter((x) => !DONE_STATUSES.has(x)))
        expect(u[st]).toBe(s.byStatus[st]);
      expect(u.超期).toBe(s.overdue);
      expect(u.自查).toBe(s.selfFound);
      expect(u.整改措施).toBe(s.measures);
      expect(u.制度).toBe(s.rules);
      expect(u.错误数).toBe(
        checks.get(String(u.单位))!.findings.filter((f) => f.severity === "error").length,
      );
    }
  });

  it("flags the unit with errors and leaves it out of the 合计 row, computed from sums", () => {
    const broken = units[BROKEN]!;
    expect(broken.错误数).toBe(1);
    expect(String(broken.备注)).toContain("未计入合计");
    expect(units.filter((u) => u.错误数 !== 0)).toHaveLength(1);
    const counted = [...checks.entries()].filter(([name]) => name !== unitName(BROKEN));
    const sum = (pick: (s: CheckJson["stats"]) => number) =>
      counted.reduce((n, [, c]) => n + pick(c.stats), 0);
    expect(total.单位).toBe(`合计（${UNITS - 1}家单位）`);
    expect(total.问题总数).toBe(sum((s) => s.total));
    expect(total.已完成).toBe(sum((s) => s.done));
    expect(total.完成率 as number).toBeCloseTo(sum((s) => s.done) / sum((s) => s.total), 12);
    // Not the average of the units' rates (the ledgers differ in size, so the two differ).
    const mean = sum((s) => s.completionRate) / counted.length;
    expect(Math.abs((total.完成率 as number) - mean)).toBeGreaterThan(1e-6);
    for (const st of STATUSES.filter((x) => !DONE_STATUSES.has(x)))
      expect(total[st]).toBe(sum((s) => s.byStatus[st]));
    expect(total.超期).toBe(sum((s) => s.overdue));
    expect(total.自查).toBe(sum((s) => s.selfFound));
    expect(total.整改措施).toBe(sum((s) => s.measures));
    expect(total.制度).toBe(sum((s) => s.rules));
    const rate = `${((100 * sum((s) => s.done)) / sum((s) => s.total)).toFixed(2)}%`;
    expect(stdout).toContain(
      `计入 ${UNITS - 1} 家单位：问题 ${sum((s) => s.total)} 个，已完成 ${sum((s) => s.done)} 个，完成率 ${rate}`,
    );
    expect(stderr).toContain(`未计入（08.xlsx）：${unitName(BROKEN)} 的台账有 1 处错误`);
  });

  it("adds up each 方面 across the counted units", () => {
    const aspects = sheetRows(wb.getWorksheet("方面汇总")!);
    const expected = new Map<string, { total: number; done: number; units: number }>();
    for (const [name, c] of checks) {
      if (name === unitName(BROKEN)) continue;
      for (const a of c.stats.byAspect) {
        const e = expected.get(a.name) ?? { total: 0, done: 0, units: 0 };
        expected.set(a.name, {
          total: e.total + a.total,
          done: e.done + a.done,
          units: e.units + 1,
        });
      }
    }
    expect(aspects.map((a) => a.方面).sort()).toEqual([...expected.keys()].sort());
    for (const a of aspects) {
      const e = expected.get(String(a.方面))!;
      expect([a.问题总数, a.已完成, a.单位数]).toEqual([e.total, e.done, e.units]);
    }
    expect(aspects.reduce((n, a) => n + (a.问题总数 as number), 0)).toBe(total.问题总数);
  });

  it("lists every overdue item of the counted units with its unit", () => {
    const overdue = sheetRows(wb.getWorksheet("超期问题")!);
    expect(overdue).toHaveLength(total.超期 as number);
    const expected = [...checks]
      .filter(([name]) => name !== unitName(BROKEN))
      .flatMap(([unit, c]) => c.stats.overdueItems.map((o) => `${unit}|${o.seq}|${o.daysOverdue}`))
      .sort();
    expect(overdue.map((o) => `${o.单位}|${o.台账序号}|${o.超期天数}`).sort()).toEqual(expected);
  });

  it("writes the 汇总通报 whose sentences carry the summary's numbers", () => {
    const docx = new Uint8Array(readFileSync(notice));
    expect(checkTemplate(docx, "汇总通报", SUMMARY_TAGS).findings).toEqual([
      expect.objectContaining({ code: "template.gate.no-contract-tag" }),
    ]); // filled: no tag is left in the document
    const text = paragraphs(docx);
    // The file's own properties: the notice's title and date, never the template's (“（模板）”).
    const core = new PizZip(docx).file("docProps/core.xml")!.asText();
    expect(core).toContain(`<dc:title>${text.find((p) => p.endsWith("通报"))}</dc:title>`);
    expect(core).not.toContain("模板");
    expect(core).toMatch(/<dcterms:created[^>]*>2024-01-05T00:00:00Z<\/dcterms:created>/);
    const n = total.问题总数 as number;
    const m = total.已完成 as number;
    const rate = formatPercent(m / n, 2);
    const progress = text.find((p) => p.startsWith("截至2024年1月5日，"))!;
    expect(progress).toContain(
      `截至2024年1月5日，${UNITS - 1}家单位巡察反馈问题${n}个，已整改销号问题${m}个，占${rate}`,
    );
    expect(progress).toContain(`建立完善规章制度${total.制度}个`);
    // The not-done shares of the sentence and the done share add up to exactly 100%.
    const percents = [...progress.matchAll(/占(\d+\.\d{2})%/g)].map((x) => Number(x[1]));
    expect(Math.round(percents.reduce((a, b) => a + b, 0) * 100)).toBe(10_000);
    for (const st of STATUSES.filter((x) => !DONE_STATUSES.has(x))) {
      const count = total[st] as number;
      if (count > 0) expect(progress).toContain(`${st}问题${count}个`);
    }
    expect(progress).toContain(
      `另有1家单位的台账存在错误或无法读取，未计入上述统计：${unitName(BROKEN)}。`,
    );
    // One paragraph per counted unit with its own figures; the flagged unit is named apart.
    for (const u of units.filter((_, i) => i !== BROKEN)) {
      const line = text.find((p) => p.includes(`${u.单位}：反馈问题`))!;
      expect(line).toContain(
        `反馈问题${u.问题总数}个，已完成${u.已完成}个，完成率${formatPercent(u.完成率 as number, 2)}；超期未完成${u.超期}个`,
      );
    }
    expect(text.some((p) => p.includes(`${unitName(BROKEN)}：反馈问题`))).toBe(false);
    expect(text).toContain(`${unitName(BROKEN)}（台账有1处错误）。`);
    expect(text.filter((p) => /已超期\d+天/.test(p))).toHaveLength(total.超期 as number);
  });

  it("lays the 汇总通报 out like the other documents (GB/T 9704 page and styles)", () => {
    const docx = unzipSync(new Uint8Array(readFileSync(notice)));
    const doc = strFromU8(docx["word/document.xml"]!);
    const styles = strFromU8(docx["word/styles.xml"]!);
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(doc).toContain(
      '<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-842"/>',
    );
    expect(doc).not.toMatch(/<w:rFonts |<w:sz /);
    expect(styles).toMatch(
      /<w:rPrDefault><w:rPr><w:rFonts w:ascii="仿宋_GB2312"[^>]*w:eastAsia="仿宋_GB2312"/,
    );
    // The built-in template equals its reproducible build and passes its own contract's check.
    const built = buildTemplates().汇总通报;
    expect(
      readFileSync(join(TEMPLATES_DIR, TEMPLATE_FILES.汇总通报)).equals(Buffer.from(built)),
    ).toBe(true);
    const check = checkTemplate(built, "汇总通报", SUMMARY_TAGS);
    expect(check.findings.filter((f) => f.severity === "error")).toEqual([]);
    // The unit contract does not know the summary's loops, nor the summary the unit's.
    expect(checkTemplate(built).ok).toBe(false);
    expect(
      checkTemplate(readFileSync(join(TEMPLATES_DIR, "报告.docx")), "报告", SUMMARY_TAGS).ok,
    ).toBe(false);
  });

  it("renders in LibreOffice: A4 pages, the title and the figures on page 1", () => {
    const pdf = convertToPdf([notice], join(dir, "pdf"))[0]!;
    const info = pdfInfo(pdf);
    expect(info.pageSize).toMatch(/A4/);
    expect(info.pages).toBeGreaterThan(1);
    const first = pageText(pdf, 1).replace(/\s+/g, "");
    expect(first).toContain("关于巡察整改进展情况的通报");
    expect(first).toContain(
      `${UNITS - 1}家单位巡察反馈问题${total.问题总数}个，已整改销号问题${total.已完成}个`,
    );
  }, 200_000);

  it("agrees with the real `zhenggai check --json` of the flagged unit and of a counted one", async () => {
    for (const i of [BROKEN, 20]) {
      const file = join(ledgers, `${String(i + 1).padStart(2, "0")}.xlsx`);
      const r = await runCli(["check", file, "--json", "--as-of", BENCH_AS_OF, "--precision", "2"]);
      const json = JSON.parse(r.stdout) as CheckJson;
      expect(json.stats).toEqual(checks.get(unitName(i))!.stats);
      expect(units[i]!.问题总数).toBe(json.stats.total);
    }
  }, 60_000);
});
