import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../../src/core";
import type { DocumentKind } from "../../../src/documents/api";
import { renderDocument } from "../../../src/documents/render";
import { readWorkbookFile } from "../../../src/node/read-workbook";
import { TEMPLATES_DIR } from "../../../templates/src/build";
import { convertToPdf, pageText, pdfInfo } from "../../../templates/src/libreoffice";

const root = join(TEMPLATES_DIR, "..");
const JOBS: { ledger: string; kind: DocumentKind }[] = [
  { ledger: "examples/清丰县市政园林局-整改台账.xlsx", kind: "报告" },
  { ledger: "examples/邵阳市园林绿化中心-整改台账.xlsx", kind: "通报" },
];

describe("shipped templates rendered by renderDocument from the example ledgers", () => {
  const docs: { docx: Uint8Array; xml: string }[] = [];
  let pdfs: string[] = [];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "zhenggai-examples-"));
    const paths: string[] = [];
    for (const [i, job] of JOBS.entries()) {
      const analysis = analyseWorkbook(await readWorkbookFile(join(root, job.ledger)));
      const template = readFileSync(join(TEMPLATES_DIR, `${job.kind}.docx`));
      const result = renderDocument({ template, kind: job.kind, analysis, force: true });
      if (!result.ok) throw new Error(result.findings.map((f) => f.message).join("；"));
      const xml = strFromU8(unzipSync(result.docx)["word/document.xml"] as Uint8Array);
      docs.push({ docx: result.docx, xml });
      const path = join(dir, `doc${i}.docx`);
      writeFileSync(path, result.docx);
      paths.push(path);
    }
    pdfs = convertToPdf(paths, dir);
  });

  it("keeps the layout: grid, explicit East Asian fonts, no leftover tags or undefined", () => {
    for (const { xml } of docs) {
      expect(xml).toContain('w:linePitch="579" w:charSpace="-842"');
      expect(xml).not.toMatch(/Theme=/);
      for (const f of xml.match(/<w:rFonts [^>]*>/g) ?? []) expect(f).toMatch(/w:eastAsia=/);
      expect(xml).not.toMatch(/\{[#/^]?[\u4e00-\u9fff]+\}/);
      expect(xml).not.toContain("undefined");
    }
    expect(docs[0]?.xml).toContain("签发人：");
    expect(docs[1]?.xml).toContain("欢迎广大干部群众对巡察整改落实情况进行监督");
  });

  it("LibreOffice makes A4 PDFs with the title on page 1", () => {
    const titles = ["关于落实县委第一巡察组反馈意见整改情况的报告", "关于巡察整改进展情况的通报"];
    pdfs.forEach((pdf, i) => {
      const info = pdfInfo(pdf);
      expect(info.pages).toBeGreaterThan(0);
      expect(info.pageSize).toMatch(/A4/);
      expect(pageText(pdf, 1)).toContain(titles[i]);
    });
  });
});
