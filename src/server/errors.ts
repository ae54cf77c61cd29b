/**
 * One error format for every HTTP answer of the servers (the pane server and the library):
 * `{ error: { code, message } }` with a Chinese message, for the framework's own errors too
 * (a badly percent-encoded or over-long path, an unknown route, a bad JSON body, a body over
 * the limit) and for anything thrown. The message is chosen here from the error's code, never
 * copied from the error: framework and library internals ("FST_ERR_…", "Cannot set properties
 * of undefined", "Bug : …") stay in the log. Each app uses it with two lines:
 *
 *   const app = Fastify({ ...ERROR_FORMAT_OPTIONS, logger });
 *   installErrorFormat(app);
 */
import type { Duplex } from "node:stream";
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from "fastify";

/**
 * Longest URL parameter the router accepts (Fastify's default is 100): far above a 64-character
 * name of astral characters (128 UTF-16 units, 768 percent-encoded), so the name check, not
 * the router, answers a name that is too long.
 */
export const MAX_PARAM_LENGTH = 2048;

export interface ApiError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

export function errorBody(code: string, message: string, details?: readonly string[]) {
  return { error: { code, message, ...(details?.length ? { details } : {}) } };
}

const INTERNAL: ApiError = {
  status: 500,
  code: "internal",
  message: "服务器内部错误，请稍后重试；问题持续时请联系管理员。",
};

/** What to answer for an error Fastify or a handler raised (no Chinese message of its own). */
export function describeError(error: unknown): ApiError {
  const e = (error ?? {}) as { statusCode?: unknown; code?: unknown };
  const code = typeof e.code === "string" ? e.code : "";
  const status = typeof e.statusCode === "number" ? e.statusCode : 0;
  switch (code) {
    case "FST_ERR_BAD_URL":
    case "FST_ERR_INVALID_URL":
      return {
        status: 400,
        code: "bad_url",
        message:
          "地址不正确：其中的“%”编码无效或不完整；中文名称请用 encodeURIComponent 编码后再放进地址。",
      };
    case "FST_ERR_MAX_PARAM_LENGTH":
      return {
        status: 414,
        code: "uri_too_long",
        message: `地址中的名称过长（超过 ${MAX_PARAM_LENGTH} 个字符）；名称最长 64 个字符，请缩短。`,
      };
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return invalidJson;
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return { status: 413, code: "too_large", message: "请求体超过服务器接受的大小上限。" };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_ERR_CTP_INVALID_TYPE":
      return {
        status: 415,
        code: "unsupported_media_type",
        message: "不支持这种请求体类型（Content-Type）；JSON 接口请用 application/json。",
      };
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return {
        status: 400,
        code: "bad_request",
        message: "请求体的长度与 Content-Length 不符，请重新发送。",
      };
    case "FST_ERR_VALIDATION":
      return { status: 400, code: "invalid_request", message: "请求参数不正确，请检查后重试。" };
  }
  if (status === 413)
    return { status: 413, code: "too_large", message: "请求体超过服务器接受的大小上限。" };
  if (status === 415)
    return {
      status: 415,
      code: "unsupported_media_type",
      message: "不支持这种请求体类型（Content-Type）。",
    };
  // The JSON parser's own error (secure-json-parse: a syntax error or __proto__ in the body).
  if (status === 400 && error instanceof SyntaxError) return invalidJson;
  if (status === 403) return { status: 403, code: "forbidden", message: "不允许访问这个地址。" };
  if (status === 404) return { status: 404, code: "not_found", message: "没有找到请求的内容。" };
  if (status === 405)
    return { status: 405, code: "method_not_allowed", message: "此地址不支持这种请求方法。" };
  if (status >= 400 && status < 500)
    return { status, code: "bad_request", message: `请求不正确（HTTP ${status}），请检查后重试。` };
  return INTERNAL;
}

const invalidJson: ApiError = {
  status: 400,
  code: "invalid_json",
  message: '请求体不是有效的 JSON；请以 application/json 发送，如 {"name":"县委巡察办"}。',
};

/** A URL as shown in a message: bounded, so a hostile path cannot make a huge answer. */
function shownUrl(url: string): string {
  let shown = url;
  try {
    shown = decodeURI(url);
  } catch {
    // keep it encoded
  }
  return shown.length > 120 ? `${shown.slice(0, 117)}…` : shown;
}

export function sendError(reply: FastifyReply, e: ApiError) {
  return reply.status(e.status).send(errorBody(e.code, e.message));
}

/**
 * Requests Node's HTTP parser rejects before Fastify sees them (headers too large, not HTTP):
 * answered on the socket in the same format, as Fastify's default does in English.
 */
function clientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const [status, reason, code, message] =
    error.code === "ERR_HTTP_REQUEST_TIMEOUT"
      ? [408, "Request Timeout", "timeout", "请求超时，请重试。"]
      : error.code === "HPE_HEADER_OVERFLOW"
        ? [
            431,
            "Request Header Fields Too Large",
            "headers_too_large",
            "请求头过大（地址或 Cookie 太长），请缩短后重试。",
          ]
        : [400, "Bad Request", "bad_request", "请求不是有效的 HTTP 请求。"];
  const body = JSON.stringify(errorBody(code, message));
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}

/** Options every app is built with: long names reach the handlers; router errors in format. */
export const ERROR_FORMAT_OPTIONS = {
  routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
  clientErrorHandler: clientError,
  frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
    const described = describeError(error);
    if (described.status >= 500) request.log.error(error);
    return sendError(reply, described);
  },
} satisfies Partial<FastifyServerOptions>;

/** The root error and not-found handlers (plugins may still set their own under a prefix). */
export function installErrorFormat(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request, reply) => {
    const described = describeError(error);
    if (described.status >= 500) request.log.error(error);
    return sendError(reply, described);
  });
  // A path segment past the router's limit: the same answer whichever route (a catch-all for
  // static files, say) the router fell back to.
  app.addHook("onRequest", async (request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    if (path.length > MAX_PARAM_LENGTH && path.split("/").some((s) => s.length > MAX_PARAM_LENGTH))
      return sendError(reply, describeError({ code: "FST_ERR_MAX_PARAM_LENGTH" }));
  });
  app.setNotFoundHandler((request, reply) => {
    return sendError(reply, {
      status: 404,
      code: "not_found",
      message: `没有这个地址：${request.method} ${shownUrl(request.url)}`,
    });
  });
}
