/**
 * Office.js errors → one error type with a Chinese message the task pane can show as is.
 * OfficeExtension.Error carries a `code` (Excel.ErrorCodes plus a few from the common runtime);
 * anything unknown keeps the host's own text after a generic Chinese sentence.
 */

export class OfficeAdapterError extends Error {
  override readonly name = "OfficeAdapterError";
  constructor(
    message: string,
    /** The Office error code (e.g. `ItemNotFound`) or our own (`TemplateTooLarge`…). */
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const PAYLOAD_CODES = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
]);

/** Whether the host refused a request or response for its size (Excel on the web: 5 MB). */
export function isPayloadLimitError(error: unknown): boolean {
  return PAYLOAD_CODES.has(officeErrorCode(error) ?? "");
}

export function officeErrorCode(error: unknown): string | undefined {
  if (error && typeof error === "object" && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

const MESSAGES: Record<string, string> = {
  AccessDenied:
    "Excel 拒绝了修改：工作表或工作簿可能受保护，或文件为只读。请撤销保护或另存后重试。",
  ApiNotFound: "当前 Excel 版本不支持此功能，请升级到 Microsoft 365 或使用 Excel 网页版。",
  Conflict: "其他人正在同时编辑此工作簿，操作发生冲突。请稍后重试。",
  GeneralException: "Excel 处理请求时出错，请稍后重试。",
  InactiveWorkbook: "工作簿已不在活动状态（可能已关闭或切换），请回到该工作簿后重试。",
  InsertDeleteConflict: "操作与工作表中的插入或删除冲突，请稍后重试。",
  InvalidArgument: "传给 Excel 的参数无效。",
  InvalidOperation: "Excel 不允许此操作。",
  InvalidOperationInCellEditMode: "Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑后重试。",
  InvalidReference: "引用的单元格区域无效。",
  ItemAlreadyExists: "要创建的对象已存在。",
  ItemNotFound: "找不到要操作的工作表或对象，它可能刚被删除或重命名。",
  MergedRangeConflict: "目标区域与合并单元格冲突。",
  NotImplemented: "当前 Excel 版本未实现此功能。",
  RequestAborted: "请求被中止，请重试。",
  RequestPayloadSizeLimitExceeded:
    "一次发送给 Excel 的数据超过了 Excel 网页版的 5 MB 上限。请减少数据量后重试。",
  ResponsePayloadSizeLimitExceeded:
    "一次从 Excel 读取的数据超过了 Excel 网页版的 5 MB 上限。请减少数据量后重试。",
  UnsupportedOperation: "Excel 不支持此操作。",
  UnsupportedSheet: "此类工作表（如图表工作表或宏表）不支持此操作。",
};

/**
 * Converts whatever an Office call threw into an OfficeAdapterError whose message starts with
 * what we were doing (`doing`, e.g. "读取工作簿") and says, in Chinese, what went wrong.
 */
export function toAdapterError(error: unknown, doing: string): OfficeAdapterError {
  if (error instanceof OfficeAdapterError) return error;
  const code = officeErrorCode(error) ?? "Unknown";
  const known = MESSAGES[code];
  const hostText = error instanceof Error ? error.message : String(error);
  const message = known
    ? `${doing}失败：${known}`
    : `${doing}失败：Excel 返回了错误（${code}）${hostText ? `：${hostText}` : ""}。`;
  return new OfficeAdapterError(message, code, { cause: error });
}

/** Runs an Office operation and converts its errors (see toAdapterError). */
export async function officeCall<T>(doing: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toAdapterError(error, doing);
  }
}
