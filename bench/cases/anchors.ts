/**
 * Case 4: the same notice, same data, rendered by two other engines from templates rewritten
 * from ours (bench/anchors/build.ts), as ratios to our full render.
 */
import { writeFile } from "node:fs/promises";
import { createReport } from "docx-templates";
import Docxtemplater from "docxtemplater";
import { TemplateHandler } from "easy-template-x";
import PizZip from "pizzip";
import { forDocxTemplates, forEasyTemplateX } from "../anchors/build";
import { installCapture, optionsOf, takeCaptured } from "../capture";
import { BENCH_AS_OF, generateLedgerGrid } from "../data";
import { fmtRatio, fmtSample, measure } from "../harness";
import { isMissing, missingText, type Pieces } from "../pieces";
import type { CaseResult } from "../report";
import { E2E_ROWS } from "./e2e";

const TITLE = "Anchors: the same 通报 with docx-templates and easy-template-x";
const GOAL = "ours faster than both";

/** Visible text of a .docx body, non-empty paragraphs only, to check engines agree. */
export function bodyText(docx: Uint8Array): string {
  const xml = new PizZip(docx).file("word/document.xml")?.asText() ?? "";
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs
    .map((p) =>
      [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => m[1]!)
        .join("")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, "&"),
    )
    .filter((t) => t.trim() !== "")
    .join("\n");
}

export async function anchorsCase(pieces: Pieces): Promise<CaseResult> {
  const why = missingText(pieces.analyseWorkbook, pieces.documents, pieces.templates);
  if (
    why ||
    isMissing(pieces.analyseWorkbook) ||
    isMissing(pieces.documents) ||
    isMissing(pieces.templates)
  ) {
    return {
      id: 4,
      title: TITLE,
      goal: GOAL,
      verdict: "untested",
      headline: why ?? "",
      tables: [],
      notes: [],
    };
  }
  const { renderDocument } = pieces.documents;
  const template = pieces.templates.通报;
  const analysis = pieces.analyseWorkbook(generateLedgerGrid(E2E_ROWS), {
    asOf: BENCH_AS_OF,
    precision: 0,
  });

  installCapture();
  takeCaptured();
  const ours = async () => {
    const r = await renderDocument({ template, kind: "通报", analysis, force: true });
    if (!r.ok) throw new Error(`renderDocument 失败：${r.findings[0]?.message ?? ""}`);
    return r.docx;
  };
  const oursDocx = await ours();
  const captured = takeCaptured();
  if (!captured) {
    return {
      id: 4,
      title: TITLE,
      goal: GOAL,
      verdict: "untested",
      headline: "未测（文档引擎未调用 docxtemplater.render）",
      tables: [],
      notes: [],
    };
  }
  const data = captured.data as Record<string, unknown>;
  const options = optionsOf(captured.doc);

  const dt = forDocxTemplates(template, data);
  const etx = forEasyTemplateX(template, data);
  await writeFile(new URL("../anchors/通报.docx-templates.docx", import.meta.url), dt);
  await writeFile(new URL("../anchors/通报.easy-template-x.docx", import.meta.url), etx.template);

  const handler = new TemplateHandler();
  const etxTemplate = Buffer.from(etx.template);
  const variants = {
    ours,
    bare: () => {
      const doc = new Docxtemplater(new PizZip(template), options);
      doc.render(data);
      return doc.getZip().generate({ type: "uint8array", compression: "DEFLATE" });
    },
    docxTemplates: () => createReport({ template: dt, data, cmdDelimiter: ["{", "}"] }),
    easyTemplateX: async () =>
      new Uint8Array(await handler.process(etxTemplate, etx.data as never)),
  };
  // One checked run each: the anchors must produce the same visible text as ours.
  const ref = bodyText(oursDocx);
  const sameness: Record<string, string> = {};
  for (const [name, run] of Object.entries(variants)) {
    const text = bodyText((await run()) as Uint8Array);
    sameness[name] =
      text === ref
        ? "identical"
        : `${((text.length / ref.length) * 100).toFixed(1)}% of ours (length)`;
  }
  // The checked run above was the warm-up.
  const r = await measure(variants, { warmup: 0, rounds: 9, minRounds: 3, budgetMs: 15_000 });
  const vsOurs = (n: keyof typeof r) => fmtRatio(r[n].median / r.ours.median);
  const slower = Math.min(r.docxTemplates.median, r.easyTemplateX.median) / r.ours.median;
  return {
    id: 4,
    title: TITLE,
    goal: GOAL,
    verdict: slower > 1 ? "met" : "missed",
    headline: `docx-templates ${vsOurs("docxTemplates")}, easy-template-x ${vsOurs("easyTemplateX")} of ours`,
    tables: [
      {
        headers: ["engine", "median (p25–p75)", "÷ ours", "visible text vs ours"],
        rows: [
          [
            "ours: renderDocument (checks + view model + docxtemplater + zip)",
            fmtSample(r.ours),
            "1.00×",
            sameness.ours!,
          ],
          [
            "docxtemplater alone, same data (floor)",
            fmtSample(r.bare),
            vsOurs("bare"),
            sameness.bare!,
          ],
          [
            "docx-templates 4.15 (default: sandboxed JS per command)",
            fmtSample(r.docxTemplates),
            vsOurs("docxTemplates"),
            sameness.docxTemplates!,
          ],
          [
            "easy-template-x 7.2",
            fmtSample(r.easyTemplateX),
            vsOurs("easyTemplateX"),
            sameness.easyTemplateX!,
          ],
        ],
      },
    ],
    notes: [
      `Same data: the object our view model produced for ${E2E_ROWS} problems, captured at render. The anchors get it precomputed; ours starts from the analysis.`,
      "Anchor templates are our templates/通报.docx with the tag syntax rewritten (bench/anchors/build.ts; the rewritten files are written to bench/anchors/ on each run).",
    ],
  };
}
