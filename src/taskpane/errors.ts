/**
 * What the pane says when something fails: always Chinese, always what to do. A stopped server
 * shows up as the browser's own English ("Failed to fetch", "Failed to fetch dynamically imported
 * module", "Importing a module script failed"); those become one message with a way out.
 */
export const SERVER_STOPPED = "服务已停止，请重新运行 npm start，然后点“重试”。";

const CONNECTION_FAILURE =
  /failed to fetch|networkerror|network error|load failed|importing a module script failed|error loading dynamically imported module|failed to load module script|ERR_CONNECTION|Unable to preload CSS/i;

/** Whether an error means the page could not reach its server (a fetch or a lazy chunk). */
export function isConnectionFailure(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return CONNECTION_FAILURE.test(message);
}

/** A Chinese message for any error: ours already are; Office's and the browser's are wrapped. */
export function describeError(error: unknown): string {
  if (isConnectionFailure(error)) return SERVER_STOPPED;
  const message = error instanceof Error ? error.message : String(error);
  if (/[\u4e00-\u9fff]/.test(message)) return message;
  return "操作未能完成。请点“重试”；如果问题持续，请关闭任务窗格后重新打开。";
}
