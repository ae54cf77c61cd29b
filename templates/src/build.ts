/**
 * `npm run build:templates`: writes templates/报告.docx, 通报.docx and 汇总通报.docx from this source.
 * The output is byte-for-byte reproducible; a test checks the committed files equal a fresh build.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { noticeBody, reportBody, summaryNoticeBody } from "./documents";
import { packDocx } from "./docx";

export const TEMPLATE_FILES = {
  报告: "报告.docx",
  通报: "通报.docx",
  汇总通报: "汇总通报.docx",
} as const;
export type TemplateKind = keyof typeof TEMPLATE_FILES;

/** Builds both templates in memory. */
export function buildTemplates(): Record<TemplateKind, Uint8Array> {
  return {
    报告: packDocx("整改情况报告（模板）", reportBody()),
    通报: packDocx("整改进展情况的通报（模板）", noticeBody()),
    汇总通报: packDocx("巡察整改进展情况汇总通报（模板）", summaryNoticeBody()),
  };
}

/** Where the shipped templates live (templates/). */
export const TEMPLATES_DIR = fileURLToPath(new URL("..", import.meta.url));

function main(): void {
  const built = buildTemplates();
  for (const kind of Object.keys(TEMPLATE_FILES) as TemplateKind[]) {
    const path = `${TEMPLATES_DIR}${TEMPLATE_FILES[kind]}`;
    writeFileSync(path, built[kind]);
    console.log(`已生成 ${path}（${built[kind].length} 字节）`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
