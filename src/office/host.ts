/**
 * The Office host as the adapter sees it: Excel.run, requirement-set checks and the platform.
 * Read from globals at call time, so a test (or the browser test's fake host) can install
 * `Office`/`Excel` after this module is loaded.
 */

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

interface OfficeGlobals {
  Office?: typeof Office;
  Excel?: typeof Excel;
}

function globals(): OfficeGlobals {
  return globalThis as unknown as OfficeGlobals;
}

export function excelRun<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  const excel = globals().Excel;
  if (!excel || typeof excel.run !== "function") {
    throw new Error("Excel 接口不可用：请在 Excel 中打开任务窗格。");
  }
  return excel.run(batch);
}

/** Excel.run on an existing context (an event registration's), as removing a handler needs. */
export function excelRunOn<T>(
  context: OfficeExtension.ClientRequestContext,
  batch: (context: Excel.RequestContext) => Promise<T>,
): Promise<T> {
  const excel = globals().Excel;
  if (!excel || typeof excel.run !== "function") {
    return Promise.reject(new Error("Excel 接口不可用：请在 Excel 中打开任务窗格。"));
  }
  return excel.run(context as Excel.RequestContext, batch);
}

/** `isSetSupported('ExcelApi', version)`; false when the host cannot say. */
export function excelApiSupported(version: string): boolean {
  try {
    return globals().Office?.context?.requirements?.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false;
  }
}

/** Office.PlatformType as a string ("PC", "Mac", "OfficeOnline", …); "" when unknown. */
export function officePlatform(): string {
  try {
    return String(globals().Office?.context?.platform ?? "");
  } catch {
    return "";
  }
}

export function isExcelOnTheWeb(): boolean {
  return officePlatform() === "OfficeOnline";
}

export function documentSettings(): Office.Settings {
  const settings = globals().Office?.context?.document?.settings;
  if (!settings) throw new Error("无法访问工作簿设置：请在 Excel 中打开任务窗格。");
  return settings;
}

/**
 * The open file's name from `Office.context.document.url` (a path or a URL; "" for a new,
 * unsaved workbook), read without a round trip to Excel.
 */
export function documentFileName(): string {
  try {
    const url = String(globals().Office?.context?.document?.url ?? "");
    const last = url.split(/[\\/]/).pop() ?? "";
    try {
      return decodeURIComponent(last.split(/[?#]/)[0] ?? "");
    } catch {
      return last;
    }
  } catch {
    return "";
  }
}
