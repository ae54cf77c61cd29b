/**
 * What a template must pass before the library accepts it. Cheap structural checks first (size,
 * zip bombs, DOCTYPE), then the template contract, then a trial render with an example ledger of
 * the template's kind — a template that cannot produce its document is refused at the door, not
 * discovered by a clerk on the day the report is due.
 */
import type { DocumentKind, RenderResult, TemplateCheckResult } from "../../documents/api";
import { inspectDocx } from "../../library/pack";
import { badRequest, LibraryError } from "./errors";

/** The documents module as the library needs it; injected so tests and other hosts can swap it. */
export interface TemplateValidator {
  /** Every tag in the contract, structure sound (documents' checkTemplate). */
  check(docx: Uint8Array): TemplateCheckResult | Promise<TemplateCheckResult>;
  /** Renders the template with an example ledger for `kind` (documents' renderDocument). */
  trialRender(docx: Uint8Array, kind: DocumentKind): RenderResult | Promise<RenderResult>;
}

const where = (f: { sheet: string; cell?: string }) =>
  f.sheet && f.cell ? `（${f.sheet} ${f.cell}）` : "";

/** Throws a LibraryError (400/413) with Chinese details when the template must be refused. */
export async function checkForPublish(
  docx: Uint8Array,
  kind: DocumentKind,
  validator: TemplateValidator,
): Promise<void> {
  const inspected = inspectDocx(docx);
  if (!inspected.ok) {
    const tooLarge =
      /超过上限/.test(inspected.message) && !/解压后|内部文件/.test(inspected.message);
    throw tooLarge
      ? new LibraryError(413, "too_large", inspected.message)
      : badRequest("not_a_valid_docx", inspected.message);
  }
  let check: TemplateCheckResult;
  try {
    check = await validator.check(docx);
  } catch (e) {
    if (e instanceof LibraryError) throw e;
    throw badRequest("template_check_failed", `模板无法读取：${(e as Error).message}`);
  }
  if (!check.ok) {
    const details = check.findings
      .filter((f) => f.severity === "error")
      .map((f) => `${f.message}${where(f)}`);
    throw badRequest(
      "template_check_failed",
      `模板未通过检查，共 ${details.length} 处错误；请按提示在 Word 或 WPS 中修改模板后重新发布。`,
      details,
    );
  }
  let render: RenderResult;
  try {
    render = await validator.trialRender(docx, kind);
  } catch (e) {
    if (e instanceof LibraryError) throw e;
    throw badRequest(
      "trial_render_failed",
      `模板试生成${kind}时出错：${(e as Error).message}；请检查模板中的循环和条件标记是否成对。`,
    );
  }
  if (!render.ok) {
    const details = render.findings
      .filter((f) => f.severity === "error")
      .map((f) => `${f.message}${where(f)}`);
    throw badRequest(
      "trial_render_failed",
      `用示例台账试生成${kind}失败；请按提示修改模板（并确认模板类型“${kind}”选对了）。`,
      details,
    );
  }
}
