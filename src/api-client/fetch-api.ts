/**
 * The one fetch of our JSON APIs (the template library, the submissions), shared by their
 * clients in the browser and in Node 20: a network failure and an error answer both become an
 * ApiError with a Chinese message. Global fetch only, no imports: the task pane loads this, and
 * its first load has a size budget (tests/integration/taskpane-bundle.test.ts).
 */

/** An error answer of one of our APIs (or a network failure: status 0), with its Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type ApiErrorClass = new (
  status: number,
  code: string,
  message: string,
  details?: readonly string[],
) => ApiError;

export interface ApiTarget {
  /** The API's base URL without a trailing slash (also named in messages). */
  readonly base: string;
  /** How messages name the server: "模板库", "报送服务器". */
  readonly server: string;
  readonly fetchImpl: typeof fetch;
  /** The client's own ApiError subclass, so callers can tell the APIs apart. */
  readonly errorClass: ApiErrorClass;
}

/** `http://host:port` or `http://host:port<prefix>` → the API base without a trailing slash. */
export function apiBase(serverUrl: string, prefix: string): string {
  const trimmed = serverUrl.trim().replace(/\/+$/, "");
  return trimmed.endsWith(prefix) ? trimmed : `${trimmed}${prefix}`;
}

export const bearer = (token: string): Record<string, string> => ({
  authorization: `Bearer ${token}`,
});

/** Fetches `path` under the target's base; resolves only with a 2xx response. */
export async function fetchApi(
  target: ApiTarget,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  let response: Response;
  try {
    response = await target.fetchImpl(`${target.base}${path}`, init);
  } catch (e) {
    // Node's fetch says only "fetch failed"; the reason is in `cause`. A browser's "Failed to
    // fetch" has none and stays in the message, where the pane recognises a stopped server.
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
    const hint = /CERT|SSL|TLS/i.test(reason)
      ? "服务器证书不受信任；请安装该证书（命令行可设置环境变量 NODE_EXTRA_CA_CERTS 指向证书文件）"
      : "请检查服务器地址和网络";
    throw new target.errorClass(
      0,
      "network",
      `连接${target.server}失败（${target.base}，${reason}）；${hint}。`,
    );
  }
  if (response.ok) return response;
  let body: { error?: { code?: string; message?: string; details?: string[] } } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not our JSON (a proxy's error page, say).
  }
  throw new target.errorClass(
    response.status,
    body.error?.code ?? "http_error",
    body.error?.message ?? `${target.server}返回错误 ${response.status}（${target.base}${path}）。`,
    body.error?.details ?? [],
  );
}

/** fetchApi, then the answer's JSON. */
export async function fetchJson<T>(
  target: ApiTarget,
  path: string,
  init: RequestInit = {},
): Promise<T> {
  return (await (await fetchApi(target, path, init)).json()) as T;
}
