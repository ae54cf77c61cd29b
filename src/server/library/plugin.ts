/**
 * The template library HTTP API as a Fastify plugin. Register it under a prefix, e.g.
 *
 *   await app.register(libraryPlugin, { prefix: "/api/library", dataDir });
 *
 * Errors are JSON `{ error: { code, message, details? } }` with Chinese messages.
 */
import { join } from "node:path";
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { DOCUMENT_KINDS, DOCX_MIME, type DocumentKind } from "../../documents/api";
import { DOCX_LIMITS } from "../../library/pack";
import { attachment, auditLimit, parse, setUpApi, uploadedBytes } from "../api-plugin";
import { sha256HexSync } from "../sha256";
import { badRequest, forbidden, notFound, unauthorized } from "./errors";
import { checkName } from "./names";
import { openTemplateRepository } from "./open-repository";
import { checkForPublish, type TemplateValidator } from "./publish-check";
import type { Department, TemplateRepository } from "./repository";
import { bearerToken, generateToken, hashToken, loadAdminToken, sameToken } from "./tokens";

export interface LibraryPluginOptions {
  /** Folder for library.sqlite and admin-token; default $ZHENGGAI_DATA_DIR or ./.data/library. */
  readonly dataDir?: string;
  /** Storage; default PostgreSQL at `databaseUrl`, else SQLite in dataDir (closed with the server). */
  readonly repository?: TemplateRepository;
  /** postgres://… for a PostgresTemplateRepository; the entry points pass $DATABASE_URL. */
  readonly databaseUrl?: string;
  /** Default: $ZHENGGAI_ADMIN_TOKEN, else <dataDir>/admin-token (generated on first start). */
  readonly adminToken?: string;
  /** Default: the documents module's checkTemplate + a trial render with the example ledger. */
  readonly validator?: TemplateValidator;
  /** Called once when a new admin token was generated; default prints it to stdout. */
  readonly onAdminTokenGenerated?: (token: string, file: string) => void;
}

/** The library database inside a data directory. */
export const libraryDbFile = (dataDir: string) => join(dataDir, "library.sqlite");
export const defaultDataDir = () =>
  process.env.ZHENGGAI_DATA_DIR ?? join(process.cwd(), ".data", "library");

const EXPOSED_HEADERS =
  "content-disposition, etag, x-template-version, x-template-sha256, x-template-deprecated";
const ALLOWED_HEADERS =
  "authorization, content-type, x-template-kind, x-template-author, x-template-note";

const kindSchema = z.enum(DOCUMENT_KINDS, { error: "类型（kind）只能是“报告”或“通报”" });
const listQuery = z.object({
  kind: kindSchema.optional(),
  department: z.string().trim().min(1).max(64).optional(),
  q: z.string().trim().max(64).optional(),
});
const versionParam = z.coerce
  .number({ error: "版本号须为正整数" })
  .int("版本号须为正整数")
  .positive("版本号须为正整数")
  .max(1_000_000_000, "版本号过大");
/** Free text shown to others (author, note): no control or bidi characters, line breaks kept in notes. */
const freeText = (max: number, what: string, keepNewlines: boolean) =>
  z
    .string()
    .transform((v) =>
      v
        .normalize("NFC")
        .replace(keepNewlines ? /\r\n?/g : /[\r\n]+/g, keepNewlines ? "\n" : " ")
        .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "")
        .trim(),
    )
    .pipe(z.string().max(max, `${what}最长 ${max} 个字符`));
const publishMeta = z.object({
  kind: kindSchema,
  author: freeText(64, "作者", false).optional(),
  note: freeText(500, "说明", true).optional(),
});
const departmentBody = z.object({ name: z.string({ error: "请提供部门名称 name" }) }).strict();
const departmentIdParam = z.coerce.number({ error: "部门编号须为正整数" }).int().positive();

function templateName(raw: unknown): string {
  const checked = checkName(typeof raw === "string" ? raw : "");
  if (!checked.ok) throw badRequest("invalid_name", checked.message);
  return checked.name;
}

/** Header values are ASCII; clients percent-encode Chinese (encodeURIComponent). */
function headerText(req: FastifyRequest, name: string): string | undefined {
  const raw = req.headers[name];
  if (typeof raw !== "string") return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    throw badRequest("invalid_header", `请求头 ${name} 须用 encodeURIComponent 编码。`);
  }
}

const libraryPluginImpl: FastifyPluginAsync<LibraryPluginOptions> = async (app, options) => {
  const dataDir = options.dataDir ?? defaultDataDir();
  const repo =
    options.repository ??
    (await openTemplateRepository({
      databaseUrl: options.databaseUrl,
      sqliteFile: libraryDbFile(dataDir),
    }));
  if (!options.repository) app.addHook("onClose", async () => repo.close());
  const adminToken =
    options.adminToken ??
    (() => {
      const loaded = loadAdminToken(dataDir);
      if (loaded.source === "generated" && loaded.file) {
        const show =
          options.onAdminTokenGenerated ??
          ((token: string, file: string) =>
            process.stdout.write(
              `模板库管理员令牌（只显示这一次，已保存到 ${file}，权限 0600）：\n${token}\n`,
            ));
        show(loaded.token, loaded.file);
      }
      return loaded.token;
    })();
  const validator = options.validator ?? (await import("./validator")).documentsValidator();

  setUpApi(app, {
    api: "模板库",
    server: "模板库服务器",
    // The task pane may be served by another server than the county's library; a browser must
    // be allowed to read the checksum headers of downloads.
    cors: {
      exposeHeaders: EXPOSED_HEADERS,
      allowMethods: "GET, HEAD, POST, OPTIONS",
      allowHeaders: ALLOWED_HEADERS,
    },
    upload: {
      mime: DOCX_MIME,
      maxBytes: DOCX_LIMITS.maxBytes,
      tooLarge: `模板文件超过上限 ${DOCX_LIMITS.maxBytes / 1024 / 1024} MB；请删去文件中的大图片后再试。`,
      unsupported: `请求体须是 .docx 文件内容（Content-Type: ${DOCX_MIME} 或 application/octet-stream），JSON 接口须用 application/json。`,
    },
  });

  const requireAdmin = (req: FastifyRequest) => {
    const token = bearerToken(req.headers.authorization);
    if (!token) throw unauthorized("需要管理员令牌（Authorization: Bearer <管理员令牌>）。");
    if (!sameToken(token, adminToken)) throw forbidden("not_admin", "管理员令牌不正确。");
  };

  /** The department of the bearer token; 401 without one, 403 for an unknown or revoked one. */
  const requireDepartment = async (req: FastifyRequest): Promise<Department> => {
    const token = bearerToken(req.headers.authorization);
    if (!token)
      throw unauthorized(
        "发布需要部门令牌（Authorization: Bearer <部门令牌>）；令牌由模板库管理员创建部门时给出。",
      );
    const dept = await repo.findDepartmentByTokenHash(hashToken(token));
    if (!dept)
      throw forbidden("invalid_token", "部门令牌无效或已被吊销；请向模板库管理员申请新的令牌。");
    return dept;
  };

  const isAdmin = (req: FastifyRequest) => {
    const token = bearerToken(req.headers.authorization);
    return token !== undefined && sameToken(token, adminToken);
  };

  const sendFile = async (reply: FastifyReply, name: string, version: number | "latest") => {
    const found = await repo.getVersionFile(name, version);
    if (!found)
      throw notFound(
        version === "latest"
          ? `模板“${name}”不存在，或所有版本都已停用。`
          : `模板“${name}”没有第 ${version} 版。`,
      );
    const v = found.version;
    return reply
      .header("content-type", DOCX_MIME)
      .header("content-disposition", attachment(`${name}-v${v.version}.docx`))
      .header("etag", `"${v.sha256}"`)
      .header("x-template-version", String(v.version))
      .header("x-template-sha256", v.sha256)
      .header("x-template-deprecated", v.deprecated ? "1" : "0")
      .header(
        "cache-control",
        version === "latest" ? "no-cache" : "public, max-age=31536000, immutable",
      )
      .send(Buffer.from(found.bytes));
  };

  // --- templates --------------------------------------------------------------------------

  app.get("/templates", async (req) => {
    const filter = parse(listQuery, req.query, "查询条件");
    return { templates: await repo.listTemplates(filter) };
  });

  app.get<{ Params: { name: string } }>("/templates/:name", async (req) => {
    const name = templateName(req.params.name);
    const detail = await repo.getTemplate(name);
    if (!detail) throw notFound(`模板“${name}”不存在。`);
    return detail;
  });

  app.get<{ Params: { name: string; v: string } }>(
    "/templates/:name/versions/:v/file",
    async (req, reply) =>
      sendFile(reply, templateName(req.params.name), parse(versionParam, req.params.v, "版本号")),
  );

  app.get<{ Params: { name: string } }>("/templates/:name/latest/file", async (req, reply) =>
    sendFile(reply, templateName(req.params.name), "latest"),
  );

  app.post<{ Params: { name: string }; Body: Buffer }>(
    "/templates/:name/versions",
    { bodyLimit: DOCX_LIMITS.maxBytes },
    async (req, reply) => {
      const dept = await requireDepartment(req);
      const name = templateName(req.params.name);
      const query = req.query as Record<string, unknown>;
      const meta = parse(
        publishMeta,
        {
          kind: query.kind ?? headerText(req, "x-template-kind"),
          author: query.author ?? headerText(req, "x-template-author"),
          note: query.note ?? headerText(req, "x-template-note"),
        },
        "发布参数",
      );
      const bytes = uploadedBytes(req.body, {
        unsupported: `请求体须是 .docx 文件内容（Content-Type: ${DOCX_MIME} 或 application/octet-stream）。`,
        empty: `请求体为空；请把 .docx 文件内容作为请求体上传（Content-Type: ${DOCX_MIME}）。`,
      });
      await checkForPublish(bytes, meta.kind as DocumentKind, validator);
      const version = await repo.publishVersion(
        {
          name,
          kind: meta.kind,
          departmentId: dept.id,
          author: meta.author || dept.name,
          note: meta.note ?? "",
          bytes,
          sha256: sha256HexSync(bytes),
        },
        `department:${dept.name}`,
      );
      return reply.status(201).send({ version });
    },
  );

  app.post<{ Params: { name: string; v: string } }>(
    "/templates/:name/versions/:v/deprecate",
    async (req) => {
      const name = templateName(req.params.name);
      const version = parse(versionParam, req.params.v, "版本号");
      const detail = await repo.getTemplate(name);
      if (!detail) throw notFound(`模板“${name}”不存在。`);
      let actor = "admin";
      if (!isAdmin(req)) {
        const dept = await requireDepartment(req);
        if (dept.id !== detail.template.departmentId)
          throw forbidden(
            "wrong_department",
            `模板“${name}”属于“${detail.template.department}”，只有该部门或管理员能停用它的版本。`,
          );
        actor = `department:${dept.name}`;
      }
      return { version: await repo.deprecateVersion(name, version, actor) };
    },
  );

  // --- departments (admin) ---------------------------------------------------------------

  app.post("/departments", async (req, reply) => {
    requireAdmin(req);
    const body = parse(departmentBody, req.body, "部门信息");
    const checked = checkName(body.name, "部门名称");
    if (!checked.ok) throw badRequest("invalid_name", checked.message);
    const token = generateToken();
    const department = await repo.createDepartment(checked.name, hashToken(token), "admin");
    return reply.status(201).send({
      department,
      token,
      message: "部门令牌只显示这一次，请立即交给该部门妥善保存；遗失后只能吊销并重新签发。",
    });
  });

  app.get("/departments", async (req) => {
    requireAdmin(req);
    return { departments: await repo.listDepartments() };
  });

  app.post<{ Params: { id: string } }>("/departments/:id/revoke", async (req) => {
    requireAdmin(req);
    const id = parse(departmentIdParam, req.params.id, "部门编号");
    return { revoked: await repo.revokeTokens(id, "admin") };
  });

  app.post<{ Params: { id: string } }>("/departments/:id/tokens", async (req, reply) => {
    requireAdmin(req);
    const id = parse(departmentIdParam, req.params.id, "部门编号");
    const token = generateToken();
    await repo.issueToken(id, hashToken(token), "admin");
    return reply.status(201).send({ token, message: "新令牌只显示这一次，请妥善保存。" });
  });

  app.get("/audit", async (req) => {
    requireAdmin(req);
    return { entries: await repo.listAudit(auditLimit(req.query)) };
  });
};

/** The plugin (encapsulated: its parsers and error handler apply under its prefix only). */
export const libraryPlugin = libraryPluginImpl;
export default libraryPluginImpl;

/** Used by tests and the CLI to type an app that has the plugin. */
export type LibraryApp = FastifyInstance;
