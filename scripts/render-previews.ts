/**
 * `npm run docs:previews`: renders the 报告 and the 通报 from the example ledgers with the shipped
 * templates (readWorkbookFile → analyseWorkbook → renderDocument), converts them with LibreOffice
 * (a Word-grid preview copy, see templates/src/libreoffice.ts) and writes the first two pages of
 * each as small PNGs into docs/images/.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyseWorkbook } from "../src/core";
import type { DocumentKind } from "../src/documents/api";
import { renderDocument } from "../src/documents/render";
import { readWorkbookFile } from "../src/node/read-workbook";
import { convertToPdf, pdfToPng, writePreviewCopy } from "../templates/src/libreoffice";

const root = fileURLToPath(new URL("..", import.meta.url));
const JOBS: { ledger: string; kind: DocumentKind; name: string }[] = [
  { ledger: "examples/清丰县市政园林局-整改台账.xlsx", kind: "报告", name: "report" },
  { ledger: "examples/邵阳市园林绿化中心-整改台账.xlsx", kind: "通报", name: "notice" },
];

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "zhenggai-previews-"));
  const copies: string[] = [];
  for (const job of JOBS) {
    const analysis = analyseWorkbook(await readWorkbookFile(join(root, job.ledger)));
    const template = readFileSync(join(root, "templates", `${job.kind}.docx`));
    const result = renderDocument({ template, kind: job.kind, analysis, force: true });
    if (!result.ok)
      throw new Error(`${job.ledger}: ${result.findings.map((f) => f.message).join("；")}`);
    const docx = join(work, `${job.name}.docx`);
    writeFileSync(docx, result.docx);
    copies.push(writePreviewCopy(docx, work));
  }
  const pdfs = convertToPdf(copies, work);
  pdfs.forEach((pdf, i) => {
    const name = JOBS[i]?.name ?? `doc${i}`;
    pdfToPng(pdf, join(root, "docs/images", name), 2, 60);
    console.log(`docs/images/${name}-01.png, ${name}-02.png`);
  });
}

await main();
