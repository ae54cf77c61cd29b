/**
 * One-time download links for Excel on Mac. Its task pane (WKWebView) cannot save a Blob, so
 * the pane POSTs the finished .docx here, gets a URL that works once and expires soon, and
 * opens it in the default browser with Office.context.ui.openBrowserWindow.
 */
import { randomBytes } from "node:crypto";
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { z } from "zod";
import { DOCX_MIME } from "../documents/api";

export interface DownloadStoreOptions {
  /** How long a link lives; default 5 minutes. */
  readonly ttlMs?: number;
  /** Largest accepted file; default 20 MiB. */
  readonly maxFileBytes?: number;
  /** Cap on everything held at once; default 200 MiB. */
  readonly maxTotalBytes?: number;
  /** Clock, for tests. */
  readonly now?: () => number;
}

interface StoredFile {
  readonly bytes: Buffer;
  readonly fileName: string;
  readonly expiresAt: number;
}

const ID_PATTERN = /^[0-9a-f]{32}$/;

/** The file name the pane asks for: a plain .docx name, no path, no control characters. */
const uploadQuerySchema = z.object({
  name: z
    .string()
    .trim()
    .min(6)
    .max(150)
    .regex(/^[^\\/:*?"<>|\u0000-\u001f]+\.docx$/i),
});

/** `Content-Disposition` with an ASCII fallback and the real (Chinese) name per RFC 5987/6266. */
export function contentDisposition(fileName: string): string {
  const stem = fileName.replace(/\.docx$/i, "");
  const asciiStem = stem
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/["\\%;]/g, "")
    .trim();
  const fallback = `${asciiStem || "document"}.docx`;
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function isZip(bytes: Buffer): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4
  );
}

function sendMessage(reply: FastifyReply, status: number, message: string) {
  return reply.code(status).type("application/json; charset=utf-8").send({ error: message });
}

/** Registers POST / and GET /:id under the prefix it is given (the app uses /api/downloads). */
export const downloadsPlugin: FastifyPluginAsync<DownloadStoreOptions> = async (app, options) => {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const maxFileBytes = options.maxFileBytes ?? 20 * 1024 * 1024;
  const maxTotalBytes = options.maxTotalBytes ?? 200 * 1024 * 1024;
  const now = options.now ?? Date.now;
  const files = new Map<string, StoredFile>();

  const sweep = () => {
    const t = now();
    for (const [id, file] of files) if (file.expiresAt <= t) files.delete(id);
  };
  const timer = setInterval(sweep, 30_000);
  timer.unref();
  app.addHook("onClose", async () => {
    clearInterval(timer);
    files.clear();
  });

  for (const type of [DOCX_MIME, "application/octet-stream"]) {
    app.addContentTypeParser(
      type,
      { parseAs: "buffer", bodyLimit: maxFileBytes },
      (_request, body, done) => done(null, body),
    );
  }

  app.setErrorHandler((error: { statusCode?: number }, _request, reply) => {
    if (error.statusCode === 413) {
      return sendMessage(
        reply,
        413,
        `文件超过 ${Math.round(maxFileBytes / 1024 / 1024)} MB，无法暂存下载。请减少台账内容后重试。`,
      );
    }
    if (error.statusCode === 415) {
      return sendMessage(reply, 415, "只接受 .docx 文件。");
    }
    app.log.error(error);
    return sendMessage(reply, error.statusCode ?? 500, "服务器处理下载时出错，请稍后重试。");
  });

  app.post("/", async (request, reply) => {
    const query = uploadQuerySchema.safeParse(request.query);
    if (!query.success) {
      return sendMessage(reply, 400, "文件名无效：需要以 .docx 结尾，且不含路径或特殊字符。");
    }
    const body = request.body;
    if (!Buffer.isBuffer(body) || !isZip(body)) {
      return sendMessage(reply, 400, "上传的内容不是 .docx 文件。");
    }
    sweep();
    let held = 0;
    for (const file of files.values()) held += file.bytes.length;
    if (held + body.length > maxTotalBytes) {
      return sendMessage(reply, 503, "服务器暂存的文件过多，请几分钟后再试。");
    }
    const id = randomBytes(16).toString("hex");
    const expiresAt = now() + ttlMs;
    files.set(id, { bytes: body, fileName: query.data.name, expiresAt });
    return reply.code(201).send({
      id,
      url: `${app.prefix}/${id}`,
      expiresAt: new Date(expiresAt).toISOString(),
    });
  });

  app.get<{ Params: { id: string } }>("/:id", async (request, reply) => {
    const { id } = request.params;
    const file = ID_PATTERN.test(id) ? files.get(id) : undefined;
    // One time only: whatever happens next, the link is gone.
    if (file) files.delete(id);
    if (!file || file.expiresAt <= now()) {
      return reply
        .code(404)
        .type("text/plain; charset=utf-8")
        .header("Cache-Control", "no-store")
        .send(
          `下载链接已失效（链接只能使用一次，且 ${Math.max(1, Math.round(ttlMs / 60_000))} 分钟内有效）。请回到任务窗格重新生成文档。`,
        );
    }
    return reply
      .type(DOCX_MIME)
      .header("Content-Disposition", contentDisposition(file.fileName))
      .header("Cache-Control", "no-store")
      .header("X-Content-Type-Options", "nosniff")
      .send(file.bytes);
  });
};
