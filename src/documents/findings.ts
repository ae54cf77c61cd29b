/**
 * The catalogue of the documents' finding codes (template gate and check, rendering, the
 * library's trial render), beside the core's FINDING_CODES. It joins FindingCode through
 * FindingCodeSets, and docs/findings.md is generated from both (renderAllFindingsDoc).
 */
import { type FindingCatalogue, renderFindingsDoc } from "../core/index";
import { GATE_CODES } from "./gate/index";

/** The gate's codes (GATE_CODES, documented in docs/template-gate.md): all refuse the template. */
const GATE_FINDING_CODES = Object.fromEntries(
  Object.entries(GATE_CODES).map(([code, meaning]) => [code, { severity: "error", meaning }]),
) as { readonly [C in keyof typeof GATE_CODES]: { severity: "error"; meaning: string } };

export const DOCUMENT_FINDING_CODES = {
  ...GATE_FINDING_CODES,
  // Template check (template-check.ts)
  "template.unreadable": { severity: "error", meaning: "模板无法读取（不是有效的 Word 文档）" },
  "template.syntax.<id>": {
    severity: "error",
    meaning:
      "标签写法有误（花括号不全或多余、循环没有结束标签等）；<id> 是 docxtemplater 的错误编号",
  },
  "template.tag.unknown": { severity: "error", meaning: "标签不在标签列表中" },
  "template.tag.scope": { severity: "error", meaning: "标签写在了它所属的循环之外" },
  "template.tag.loop-as-text": { severity: "error", meaning: "循环标签被当作普通文字标签使用" },
  "template.tag.text-as-loop": { severity: "error", meaning: "文字标签被当作循环使用" },
  "template.expression": { severity: "error", meaning: "标签中的表达式或格式写法有误" },
  "template.braces.full-width": {
    severity: "warning",
    meaning: "标签用了全角花括号，不会被替换，会原样印出",
  },
  "template.tag.other-document": {
    severity: "warning",
    meaning: "模板使用了用于另一种文书的标签",
  },
  // Rendering (render.ts, summary-notice.ts)
  "document.ledger.errors": { severity: "error", meaning: "台账有错误，未生成文书（可仍然生成）" },
  "document.value.missing": { severity: "error", meaning: "文书需要的基本信息项目为空" },
  "document.render.failed": { severity: "error", meaning: "填写模板时出现意外错误，未生成文件" },
  "document.summary.empty": {
    severity: "error",
    meaning: "没有可以计入统计的单位，未生成汇总通报",
  },
  // The library's trial render (src/server/library/validator.ts)
  "library.trial.unfilled": {
    severity: "error",
    meaning: "试生成的文档中有未被填写的标签（图表、SmartArt、批注等处）",
  },
  "library.trial.value": {
    severity: "error",
    meaning: "试生成的文档中出现 undefined、NaN 等取不到值的文字",
  },
  "library.trial.output": { severity: "error", meaning: "试生成的文档不是完好的 Word 文档" },
} as const satisfies FindingCatalogue;

/** The documents' codes; `template.syntax.<id>` stands for one per docxtemplater error id. */
export type DocumentFindingCode =
  | Exclude<keyof typeof DOCUMENT_FINDING_CODES, "template.syntax.<id>">
  | `template.syntax.${string}`;

declare module "../core/findings" {
  interface FindingCodeSets {
    readonly documents: DocumentFindingCode;
  }
}

/** docs/findings.md: every catalogue, in sections. */
export function renderAllFindingsDoc(): string {
  return renderFindingsDoc(DOCUMENT_FINDING_CODES);
}
