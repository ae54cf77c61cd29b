/**
 * What every JSON API plugin of the server (the template library, the submissions) sets up the
 * same way under its prefix: CORS for a bearer-token API, the binary upload's body parser and
 * limit, the error and not-found answers in `{ error: { code, message, details? } }`, and the
 * small request helpers (zod parsing into a Chinese 400, the upload's bytes, downloads' names).
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { describeError, errorBody, sendError } from "./errors";
import { badRequest, LibraryError } from "./library/errors";

export interface ApiSetup {
  /** How a 404 names the API: "模板库", "报送服务". */
  readonly api: string;
  /** How a 500 names the server: "模板库服务器", "报送服务器". */
  readonly server: string;
  readonly cors: {
    /** Response headers a browser may read (access-control-expose-headers). */
    readonly exposeHeaders: string;
    readonly allowMethods: string;
    readonly allowHeaders: string;
  };
  /** The file the API accepts as a request body. */
  readonly upload: {
    /** Its content type; application/octet-stream is accepted too. */
    readonly mime: string;
    readonly maxBytes: number;
    /** The 413 for a file over maxBytes (a JSON body over Fastify's limit gets the general one). */
    readonly tooLarge: string;
    /** The 415 for a body of another type. */
    readonly unsupported: string;
  };
}

/** Installs CORS, the upload parser and the error answers on an (encapsulated) plugin. */
export function setUpApi(app: FastifyInstance, setup: ApiSetup): void {
  // CORS: the task pane or dashboard may be served by another server than this API. Auth is a
  // bearer token, never a cookie, so any origin may call; what a browser must be allowed to
  // read are the headers of downloads.
  app.addHook("onRequest", async (_req, reply) => {
    reply.header("access-control-allow-origin", "*");
    reply.header("access-control-expose-headers", setup.cors.exposeHeaders);
  });
  app.options("/*", async (_req, reply) =>
    reply
      .header("access-control-allow-methods", setup.cors.allowMethods)
      .header("access-control-allow-headers", setup.cors.allowHeaders)
      .header("access-control-max-age", "600")
      .status(204)
      .send(),
  );

  app.addContentTypeParser(
    [setup.upload.mime, "application/octet-stream"],
    { parseAs: "buffer", bodyLimit: setup.upload.maxBytes },
    (_req, body, done) => done(null, body),
  );

  app.setErrorHandler((error: unknown, req, reply) => {
    if (error instanceof LibraryError)
      return reply.status(error.status).send(errorBody(error.code, error.message, error.details));
    // Everything else gets a message chosen from its code (src/server/errors.ts), never its
    // own English text; the two the API can say more precisely about come first.
    const described = describeError(error);
    const json = String(req.headers["content-type"] ?? "").includes("json");
    if (described.status === 413 && !json)
      return reply.status(413).send(errorBody("too_large", setup.upload.tooLarge));
    if (described.status === 415)
      return reply.status(415).send(errorBody("unsupported_media_type", setup.upload.unsupported));
    if (described.status >= 500) {
      req.log.error(error);
      return reply
        .status(500)
        .send(errorBody("internal", `${setup.server}内部错误，请稍后重试或联系管理员。`));
    }
    return sendError(reply, described);
  });

  app.setNotFoundHandler((req, reply) =>
    reply
      .status(404)
      .send(
        errorBody(
          "not_found",
          `${setup.api}没有这个接口：${req.method} ${req.url.length > 120 ? `${req.url.slice(0, 117)}…` : req.url}`,
        ),
      ),
  );
}

/** Parses with zod, turning failures into a Chinese 400. */
export function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.map(
    (i) => `${i.path.length ? `${i.path.join(".")}：` : ""}${i.message}`,
  );
  throw badRequest("invalid_request", `${what}不正确：${details.join("；")}`, details);
}

const auditQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) });

/** `?limit=` of an audit listing: 1–1000, default 200. */
export const auditLimit = (query: unknown): number => parse(auditQuery, query, "查询条件").limit;

/**
 * The uploaded file's bytes: a 415 when the body did not come through the upload parser (another
 * content type), a 400 when it is empty. The messages say which file the API wants.
 */
export function uploadedBytes(
  body: unknown,
  messages: { readonly unsupported: string; readonly empty: string },
): Uint8Array {
  if (!Buffer.isBuffer(body))
    throw new LibraryError(415, "unsupported_media_type", messages.unsupported);
  if (body.byteLength === 0) throw badRequest("empty_body", messages.empty);
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}

/** RFC 6266 / 5987 Content-Disposition for a Chinese file name. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
