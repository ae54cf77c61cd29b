/**
 * `zhenggai template check <file.docx> [--json]`: checks a template against the tag list, the
 * same check `report` runs first. Exit 0 usable, 1 the template has errors, 2 not a usable file.
 */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { Command } from "commander";
import type { TemplateCheckResult } from "../../documents/api";
import { TEMPLATE_LIMITS } from "../../documents/gate/index";
import { checkTemplate } from "../../documents/template-check";
import {
  EXIT_HAS_ERRORS,
  EXIT_OK,
  EXIT_UNUSABLE,
  exitTwoOnUsageErrors,
  failUnusable,
} from "../options";

export function register(program: Command): void {
  const template = program.command("template").description("模板工具");
  exitTwoOnUsageErrors(
    template
      .command("check")
      .description(
        "检查 .docx 模板：列出使用的标签，指出不存在的标签（并提示相近的标签）和格式错误",
      )
      .argument("<file.docx>", "要检查的模板")
      .option("--json", "以 JSON 输出检查结果")
      .addHelpText("after", "\n退出码：0 模板可用；1 模板有错误；2 文件无法打开或不是 .docx。")
      .action(async (file: string, options: { json?: boolean }) => {
        process.exitCode = await runTemplateCheck(file, options);
      }),
  );
}

export function formatTemplateCheck(result: TemplateCheckResult, label: string): string {
  const out: string[] = [];
  const errors = result.findings.filter((f) => f.severity === "error");
  out.push(
    result.ok ? `模板“${label}”可以使用。` : `模板“${label}”有 ${errors.length} 处错误，不能使用：`,
  );
  for (const f of result.findings)
    out.push(`  ${f.severity === "error" ? "错误" : "警告"}  ${f.message}`);
  if (result.tagsUsed.length > 0)
    out.push(`使用的标签（${result.tagsUsed.length}个）：${result.tagsUsed.join("、")}`);
  if (result.ok && result.unusedFields.length > 0) {
    out.push(`未使用的标签（${result.unusedFields.length}个）：${result.unusedFields.join("、")}`);
  }
  out.push("标签一览见 docs/template-tags.md。");
  return `${out.join("\n")}\n`;
}

export async function runTemplateCheck(file: string, options: { json?: boolean }): Promise<number> {
  const bytes = await readTemplateFile(file);
  if (typeof bytes === "string") {
    failUnusable(bytes);
    return EXIT_UNUSABLE;
  }
  const result = checkTemplate(bytes, `模板“${basename(file)}”`);
  if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else if (result.unreadable) failUnusable(result.findings[0]?.message ?? "模板无法使用。");
  else process.stdout.write(formatTemplateCheck(result, basename(file)));
  if (result.unreadable) return EXIT_UNUSABLE;
  return result.ok ? EXIT_OK : EXIT_HAS_ERRORS;
}

/**
 * A template file's bytes, or a Chinese reason it cannot be read. The size is checked before
 * reading, so a huge file is refused without loading it.
 */
export async function readTemplateFile(file: string): Promise<Uint8Array | string> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) return `“${file}”是文件夹，不是 .docx 模板。`;
    if (info.size > TEMPLATE_LIMITS.maxBytes)
      return `模板“${basename(file)}”大小为 ${(info.size / 1024 / 1024).toFixed(1)} MB，超过上限 ${TEMPLATE_LIMITS.maxBytes / 1024 / 1024} MB；请删去文件中的大图片后再试。`;
    return new Uint8Array(await readFile(file));
  } catch {
    return `无法读取模板文件“${file}”：文件不存在或没有读取权限。`;
  }
}
