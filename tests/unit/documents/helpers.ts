/**
 * Test helpers for the documents: LedgerAnalysis fixtures parsed from the real seed documents
 * (so the expected text comes from the seeds, not from the code under test), a minimal .docx
 * builder for test templates, and a reader that turns a generated .docx back into paragraphs.
 */
import { readFileSync } from "node:fs";
import PizZip from "pizzip";
import type {
  BasicInfo,
  LedgerAnalysis,
  LedgerRow,
  NarrativeParagraph,
  Status,
} from "../../../src/core/model";
import { computeStats } from "../../../src/core/stats";

const SEEDS = new URL("../../../examples/seeds/", import.meta.url);
export const seedText = (name: string): string =>
  readFileSync(new URL(name, SEEDS), "utf8").replace(/\r\n?/g, "\n");

export const SEED_REPORT = "000_c7b0a0624ccb5840.txt";
export const SEED_NOTICE = "001_f84cbc671bac7b6c.txt";

export interface SeedProblem {
  aspect: string;
  category: string;
  problem: string;
  result: string;
  statusText: string;
}

function statusOf(text: string): Status {
  const t = text.replace(/[。.，,\s]/g, "");
  if (t.includes("长期坚持") && t.includes("完成")) return "已完成并长期坚持";
  if (t.startsWith("长期")) return "长期整改";
  if (t.includes("基本完成")) return "基本完成";
  if (t.includes("推进")) return "正在推进";
  if (t.includes("完成") && !t.includes("未")) return "已完成";
  return "未完成";
}

const lines = (text: string): string[] =>
  text
    .split("\n")
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ""))
    .filter((l) => l !== "");

/** Seed 001 (notice, two levels): 反馈问题 aspects, problems 1．…25． with 整改结果 / 整改情况. */
export function parseNoticeSeed(): {
  problems: SeedProblem[];
  practices: NarrativeParagraph[];
  nextSteps: NarrativeParagraph[];
} {
  const all = lines(seedText(SEED_NOTICE));
  const s1 = all.findIndex((l) => l.startsWith("一、"));
  const s2 = all.findIndex((l) => l.startsWith("二、"));
  const s3 = all.findIndex((l) => l.startsWith("三、"));
  const problems: SeedProblem[] = [];
  let aspect = "";
  let last: "result" | "other" = "other";
  for (const l of all.slice(s2 + 1, s3)) {
    const a = /^(?:（[一二三四五六七八九十]+）)?反馈问题：(.+?)。?$/.exec(l);
    const p = /^(\d+)[．.]\s*(.+)$/.exec(l);
    const current = problems[problems.length - 1];
    if (a) {
      aspect = a[1] ?? "";
      last = "other";
    } else if (p) {
      problems.push({ aspect, category: "", problem: p[2] ?? "", result: "", statusText: "" });
      last = "other";
    } else if (current && l.startsWith("整改结果：")) {
      current.statusText = l.slice(5);
      last = "other";
    } else if (current && l.startsWith("整改情况：")) {
      current.result = l.slice(5);
      last = "result";
    } else if (current && last === "result") {
      current.result += `\n${l}`;
    }
  }
  const practices: NarrativeParagraph[] = [];
  for (const l of all.slice(s1 + 1, s2)) {
    if (l.startsWith("截至")) break;
    if ([...l].length <= 30)
      practices.push({
        heading: l.replace(/^（[一二三四五六七八九十]+）/, "").replace(/[。.]$/, ""),
        text: "",
      });
    else {
      const cur = practices[practices.length - 1];
      if (cur && cur.text === "")
        practices[practices.length - 1] = { heading: cur.heading, text: l };
      else practices.push({ heading: "", text: l });
    }
  }
  const nextSteps: NarrativeParagraph[] = [];
  for (const l of all.slice(s3 + 1)) {
    const m = /^（[一二三四五六七八九十]+）(.+?。)(.+)$/.exec(l);
    if (m) nextSteps.push({ heading: (m[1] ?? "").replace(/。$/, ""), text: m[2] ?? "" });
  }
  return { problems, practices, nextSteps };
}

/** Seed 000 (report, three levels): (一) aspects, 1. categories, （1） problems with 整改成效 / 完成情况. */
export function parseReportSeed(): { problems: SeedProblem[] } {
  const all = lines(seedText(SEED_REPORT));
  const s2 = all.findIndex((l) => l.startsWith("二、整改完成情况"));
  const s3 = all.findIndex((l) => l.startsWith("三、"));
  const problems: SeedProblem[] = [];
  let aspect = "";
  let category = "";
  let last: "result" | "other" = "other";
  for (const l of all.slice(s2 + 1, s3)) {
    const a = /^[（(]([一二三四五六七八九十]+)[)）](.+)$/.exec(l);
    const c = /^(\d+)[.．](.+)$/.exec(l);
    const p = /^（(\d+)）(.+)$/.exec(l);
    const current = problems[problems.length - 1];
    if (a) {
      aspect = a[2] ?? "";
      last = "other";
    } else if (c) {
      category = (c[2] ?? "").replace(/。$/, "");
      last = "other";
    } else if (p) {
      problems.push({ aspect, category, problem: p[2] ?? "", result: "", statusText: "" });
      last = "other";
    } else if (current && l.startsWith("整改成效：")) {
      current.result = l.slice(5);
      last = "result";
    } else if (current && l.startsWith("完成情况：")) {
      current.statusText = l.slice(5);
      last = "other";
    } else if (current && last === "result") {
      current.result += `\n${l}`;
    }
  }
  return { problems };
}

const DEPARTMENTS = ["办公室", "财务股", "人事股", "园林股", "市政股"];

export function rowsFrom(
  problems: readonly SeedProblem[],
  overrides: (i: number) => Partial<LedgerRow> = () => ({}),
): LedgerRow[] {
  return problems.map((p, i) => {
    const status = statusOf(p.statusText);
    const done = status === "已完成" || status === "已完成并长期坚持";
    return {
      row: i + 3,
      seq: String(i + 1),
      aspect: p.aspect,
      category: p.category,
      problem: p.problem,
      measures: "一是制定整改方案；二是建立整改台账。",
      leader: "张三",
      department: DEPARTMENTS[i % DEPARTMENTS.length] ?? "",
      owner: "李四",
      deadline: { kind: "date", date: "2023-12-31" },
      type: null,
      status,
      result: p.result,
      doneDate: done ? "2023-11-20" : null,
      evidence: "",
      source: "巡察反馈",
      isPublic: true,
      note: "",
      cells: {},
      ...overrides(i),
    };
  });
}

export function analysisOf(
  rows: LedgerRow[],
  info: BasicInfo,
  options: {
    asOf: string;
    practices?: NarrativeParagraph[];
    nextSteps?: NarrativeParagraph[];
    levels?: 2 | 3;
  },
): LedgerAnalysis {
  return {
    ledger: {
      sheet: "整改台账",
      headerRows: [2],
      columns: {},
      rows,
      levels: options.levels ?? (rows.some((r) => r.category !== "") ? 3 : 2),
    },
    info,
    narrative: { practices: options.practices ?? [], nextSteps: options.nextSteps ?? [] },
    findings: [],
    stats: computeStats(rows, { asOf: options.asOf, precision: 0 }),
  };
}

export const REPORT_INFO: BasicInfo = {
  unitName: "清丰县市政园林局",
  partyOrgName: "中共清丰县市政园林局党组",
  inspectionGroup: "县委第一巡察组",
  inspectionType: "常规巡察",
  inspectionStart: "2023-07-28",
  inspectionEnd: "2023-09-11",
  feedbackDate: "2023-10-23",
  suggestionCount: 4,
  issuerMark: "中共清丰县市政园林局党组文件",
  docNumber: "清市政党组〔2024〕1号",
  signer: "常良涛",
  recipient: "县委巡察工作领导小组办公室",
  docDate: "2024-01-05",
  cc: "县委巡察办",
  printer: "中共清丰县市政园林局党组办公室",
  printDate: "2024-01-05",
};

export const NOTICE_INFO: BasicInfo = {
  unitName: "邵阳市园林绿化中心",
  partyOrgName: "中共邵阳市园林绿化中心委员会",
  inspectionGroup: "市委第四巡察组",
  inspectionType: "延伸巡察",
  inspectionStart: "2023-03-21",
  inspectionEnd: "2023-06-07",
  feedbackDate: "2023-07-03",
  docDate: "2023-11-28",
  phone: "0739-5331851",
  address: "邵阳市宝庆中路309号市园林绿化中心三楼人事部",
  email: "2467373448@qq.com",
};

export function reportAnalysis(): LedgerAnalysis {
  return analysisOf(rowsFrom(parseReportSeed().problems), REPORT_INFO, { asOf: "2024-01-05" });
}

export function noticeAnalysis(overrides?: (i: number) => Partial<LedgerRow>): LedgerAnalysis {
  const seed = parseNoticeSeed();
  return analysisOf(rowsFrom(seed.problems, overrides), NOTICE_INFO, {
    asOf: "2023-11-28",
    practices: seed.practices,
    nextSteps: seed.nextSteps,
  });
}

// ---------------------------------------------------------------------------------------------
// Minimal .docx

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A paragraph; a string[] puts each piece in its own run (as Word does after edits). */
export type Para = string | string[];

export function paragraphXml(p: Para): string {
  const runs = (Array.isArray(p) ? p : [p])
    .map((t) => `<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`)
    .join("");
  return `<w:p>${runs}</w:p>`;
}

export function tableXml(rows: Para[][]): string {
  const tr = rows
    .map((cells) => `<w:tr>${cells.map((c) => `<w:tc>${paragraphXml(c)}</w:tc>`).join("")}</w:tr>`)
    .join("");
  return `<w:tbl>${tr}</w:tbl>`;
}

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Builds a .docx whose body is the given paragraphs (or raw XML strings starting with "<"). */
export function buildDocx(
  body: Array<Para | { xml: string }>,
  options: { header?: Para[]; footer?: Para[] } = {},
): Uint8Array {
  const zip = new PizZip();
  const bodyXml = body
    .map((b) => (typeof b === "object" && "xml" in b ? b.xml : paragraphXml(b)))
    .join("");
  const rels: string[] = [];
  let sect = "";
  const overrides: string[] = [
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
  ];
  if (options.header) {
    zip.file(
      "word/header1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${NS}>${options.header.map(paragraphXml).join("")}</w:hdr>`,
    );
    rels.push(
      '<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>',
    );
    overrides.push(
      '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>',
    );
    sect += '<w:headerReference w:type="default" r:id="rIdH"/>';
  }
  if (options.footer) {
    zip.file(
      "word/footer1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr ${NS}>${options.footer.map(paragraphXml).join("")}</w:ftr>`,
    );
    rels.push(
      '<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>',
    );
    overrides.push(
      '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>',
    );
    sect += '<w:footerReference w:type="default" r:id="rIdF"/>';
  }
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`,
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    "word/_rels/document.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${bodyXml}<w:sectPr>${sect}</w:sectPr></w:body></w:document>`,
  );
  return zip.generate({ type: "uint8array" });
}

const unesc = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Paragraph texts of one part of a .docx (line breaks as "\n", tabs as "\t"). */
export function docxParagraphs(docx: Uint8Array, part = "word/document.xml"): string[] {
  const xml = new PizZip(docx).file(part)?.asText() ?? "";
  const out: string[] = [];
  for (const m of xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>|<w:p(?:\s[^>]*)?\/>/g)) {
    const inner = m[1] ?? "";
    let text = "";
    for (const t of inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)) {
      if (t[0] === "<w:br/>") text += "\n";
      else if (t[0] === "<w:tab/>") text += "\t";
      else text += unesc(t[1] ?? "");
    }
    out.push(text);
  }
  return out;
}

export const docxXml = (docx: Uint8Array, part = "word/document.xml"): string =>
  new PizZip(docx).file(part)?.asText() ?? "";
