/**
 * The real TemplateValidator: the documents module's checkTemplate, and renderDocument with the
 * example ledger (sample-analysis.ts) for the trial render. The trial render also reads its own
 * output back, which catches what the tag check cannot see: tags the renderer never fills
 * because they sit in a part it does not template (charts, SmartArt, comments), and values
 * that came out as "undefined" / "NaN" / "[object Object]".
 */
import { strFromU8 } from "fflate";
import { buildFinding } from "../../core/findings";
import type { Finding } from "../../core/model";
import {
  checkTemplate,
  type DocumentFindingCode,
  LOOPS,
  renderDocument,
  TAG_NAMES,
} from "../../documents";
import { inspectDocx } from "../../library/pack";
import type { TemplateValidator } from "./publish-check";
import { sampleAnalysis } from "./sample-analysis";

const KNOWN = new Set<string>([...TAG_NAMES, ...LOOPS]);
/** `{名称}`, `{#名称}`, `{/名称}`, `{名称|格式}` as plain text after the XML markup is removed. */
const TAG_TEXT = /\{\s*[#/^@]?\s*([^{}|\s]{1,40})\s*(?:\|[^{}]*)?\}/gu;
const BROKEN_VALUE = /undefined|NaN|\[object Object\]/;

const error = (code: DocumentFindingCode, message: string): Finding =>
  buildFinding({ severity: "error", code, sheet: "模板" }, message, { lead: "none" });

/** Problems in a rendered .docx: unfilled contract tags anywhere, broken values in the text. */
export function outputProblems(files: Readonly<Record<string, Uint8Array>>): Finding[] {
  const findings: Finding[] = [];
  for (const [name, data] of Object.entries(files)) {
    if (!/\.xml$/i.test(name)) continue;
    const text = strFromU8(data).replace(/<[^>]*>/g, "");
    for (const m of text.matchAll(TAG_TEXT)) {
      if (!KNOWN.has(m[1]!)) continue;
      findings.push(
        error(
          "library.trial.unfilled",
          `模板的“${name}”中有未被填写的标记“${m[0]}”：图表、SmartArt、批注等处的标记不会被填写，请把它移到正文、页眉或页脚中。`,
        ),
      );
      break;
    }
    const broken =
      /^word\/(document|header\d*|footer\d*)\.xml$/i.test(name) && BROKEN_VALUE.exec(text);
    if (broken)
      findings.push(
        error(
          "library.trial.value",
          `试生成的文档“${name}”中出现了“${broken[0]}”，说明模板中有标记取不到值；请检查该处的标记和格式。`,
        ),
      );
  }
  return findings;
}

export function documentsValidator(): TemplateValidator {
  return {
    check: (docx) => checkTemplate(docx),
    trialRender: (docx, kind) => {
      const result = renderDocument({ template: docx, kind, analysis: sampleAnalysis() });
      if (!result.ok) return result;
      // The output must itself be a sound .docx, with every tag filled.
      const output = inspectDocx(result.docx, "试生成的文档");
      if (!output.ok)
        return { ok: false, findings: [error("library.trial.output", output.message)] };
      const problems = outputProblems(output.files);
      return problems.length > 0 ? { ok: false, findings: problems } : result;
    },
  };
}
