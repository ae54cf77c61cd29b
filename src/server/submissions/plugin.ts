/**
 * The submissions (报送) HTTP API as a Fastify plugin, mounted next to the template library:
 *
 *   await app.register(submissionsPlugin, { prefix: "/api/submissions", dataDir });
 *
 * Roles by bearer token: the admin (the library's admin token) creates unit and office
 * accounts; a unit token submits its own ledger and reads only its own submissions (another
 * unit's: 403); an office token (or the admin) lists every unit with its latest submission and
 * downloads the 汇总 for an as-of date. Every uploaded ledger passes the untrusted-zip gate and
 * the same core as `zhenggai check`; its bytes, sha256 and figures are stored immutably, and the
 * repository audits every change. Errors are `{ error: { code, message, details? } }`.
 */
import { join } from "node:path";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { z } from "zod";
import { analyseWorkbook } from "../../core/index";
import type { LocalDate } from "../../core/model";
import { type SummaryUnitFigures, summarise, unitFigures } from "../../core/summary";
import { readZip, type ZipLimits } from "../../documents/gate/index";
import { type Account, SUBMISSION_FINDINGS_KEPT, type Submission } from "../../submissions/types";
import { gridFromXlsxBytes, WorkbookReadError } from "../../xlsx/bytes";
import { summaryWorkbookBytes } from "../../xlsx/summary-workbook";
import { attachment, auditLimit, parse, setUpApi, uploadedBytes } from "../api-plugin";
import { badRequest, forbidden, notFound, unauthorized } from "../library/errors";
import { checkName } from "../library/names";
import { defaultDataDir } from "../library/plugin";
import {
  bearerToken,
  generateToken,
  hashToken,
  loadAdminToken,
  sameToken,
} from "../library/tokens";
import { sha256HexSync } from "../sha256";
import type { SubmissionRepository } from "./repository";

export interface SubmissionsPluginOptions {
  /** Folder for submissions.sqlite and admin-token; default the library's data folder. */
  readonly dataDir?: string;
  /** Storage; default PostgreSQL at `databaseUrl`, else SQLite in dataDir (closed with the server). */
  readonly repository?: SubmissionRepository;
  /** postgres://… (the library's DATABASE_URL): the submissions live in the same database. */
  readonly databaseUrl?: string | undefined;
  /** Default: $ZHENGGAI_ADMIN_TOKEN, else <dataDir>/admin-token (the library's). */
  readonly adminToken?: string;
  /** The server's clock as a local date, for the as-of of a submission; default today (UTC). */
  readonly today?: () => LocalDate;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** An uploaded ledger: real ones are 20 KB – 2 MB; a workbook with pictures stays below 20 MB. */
export const LEDGER_LIMITS: ZipLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxUncompressed: 200 * 1024 * 1024,
  maxEntryBytes: 100 * 1024 * 1024,
  maxEntries: 2000,
  maxRatio: 200,
};

export const submissionsDbFile = (dataDir: string) => join(dataDir, "submissions.sqlite");

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateSchema = z
  .string()
  .regex(ISO_DATE, "日期须写成 YYYY-MM-DD")
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
      new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    "不是有效日期",
  );
const idParam = z.coerce.number({ error: "编号须为正整数" }).int().positive().max(1_000_000_000);
const accountBody = z
  .object({
    role: z.enum(["unit", "office"], {
      error: "role 只能是 unit（被巡察单位）或 office（巡察办）",
    }),
    name: z.string({ error: "请提供名称 name" }),
  })
  .strict();

/** The uploaded file's name (x-file-name, percent-encoded): a plain .xlsx name. */
function fileNameOf(req: FastifyRequest): string {
  const raw = req.headers["x-file-name"];
  let name = "台账.xlsx";
  if (typeof raw === "string" && raw !== "") {
    try {
      name = decodeURIComponent(raw);
    } catch {
      throw badRequest("invalid_header", "请求头 x-file-name 须用 encodeURIComponent 编码。");
    }
  }
  name = (name.split(/[\\/]/).pop() ?? "")
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "")
    .trim()
    .slice(0, 120);
  if (!/\.xlsx$/i.test(name)) name = `${name || "台账"}.xlsx`;
  return name;
}

/** Today as YYYY-MM-DD (UTC). */
const todayUtc = (): LocalDate => new Date().toISOString().slice(0, 10);

type Caller =
  | { readonly kind: "admin"; readonly actor: "admin" }
  | { readonly kind: "office" | "unit"; readonly account: Account; readonly actor: string };

const plugin: FastifyPluginAsync<SubmissionsPluginOptions> = async (app, options) => {
  const dataDir = options.dataDir ?? defaultDataDir();
  let repo = options.repository;
  if (!repo) {
    const { openSubmissionRepository } = await import("./open-repository");
    const opened = await openSubmissionRepository({
      databaseUrl: options.databaseUrl,
      sqliteFile: submissionsDbFile(dataDir),
    });
    app.addHook("onClose", async () => opened.close());
    repo = opened;
  }
  const store = repo;
  const adminToken = options.adminToken ?? loadAdminToken(dataDir).token;
  const today = options.today ?? todayUtc;

  setUpApi(app, {
    api: "报送服务",
    server: "报送服务器",
    cors: {
      exposeHeaders: "content-disposition, x-submission-sha256",
      allowMethods: "GET, POST, OPTIONS",
      allowHeaders: "authorization, content-type, x-file-name",
    },
    upload: {
      mime: XLSX_MIME,
      maxBytes: LEDGER_LIMITS.maxBytes,
      tooLarge: `台账文件超过上限 ${LEDGER_LIMITS.maxBytes / 1024 / 1024} MB；请删去工作簿中的图片后再报送。`,
      unsupported: `请求体须是 .xlsx 文件内容（Content-Type: ${XLSX_MIME} 或 application/octet-stream）。`,
    },
  });

  /** Who calls: the admin, an office account or a unit account; 401 without a token, 403 for a bad one. */
  const caller = async (req: FastifyRequest): Promise<Caller> => {
    const token = bearerToken(req.headers.authorization);
    if (!token)
      throw unauthorized(
        "需要令牌（Authorization: Bearer <令牌>）；单位令牌和巡察办令牌由管理员创建账户时给出。",
      );
    if (sameToken(token, adminToken)) return { kind: "admin", actor: "admin" };
    const account = await store.findAccountByTokenHash(hashToken(token));
    if (!account) throw forbidden("invalid_token", "令牌无效或已被吊销；请向管理员申请新的令牌。");
    return { kind: account.role, account, actor: `${account.role}:${account.name}` };
  };
  const requireAdmin = async (req: FastifyRequest) => {
    const c = await caller(req);
    if (c.kind !== "admin") throw forbidden("not_admin", "只有管理员能管理账户和查看审计记录。");
    return c;
  };
  const requireOffice = async (req: FastifyRequest) => {
    const c = await caller(req);
    if (c.kind === "unit")
      throw forbidden(
        "not_office",
        "单位令牌只能报送和查看本单位的台账；汇总和各单位情况只对巡察办开放。",
      );
    return c;
  };
  /** A unit may read only its own unit's records. */
  const mayRead = (c: Caller, unitId: number) => {
    if (c.kind === "unit" && c.account.id !== unitId)
      throw forbidden("other_unit", "不能查看其他单位的报送记录。");
  };

  // --- accounts (admin) ------------------------------------------------------------------

  app.post("/accounts", async (req, reply) => {
    const admin = await requireAdmin(req);
    const body = parse(accountBody, req.body, "账户信息");
    const checked = checkName(body.name, body.role === "unit" ? "单位名称" : "账户名称");
    if (!checked.ok) throw badRequest("invalid_name", checked.message);
    const token = generateToken();
    const account = await store.createAccount(
      body.role,
      checked.name,
      hashToken(token),
      admin.actor,
    );
    return reply.status(201).send({
      account,
      token,
      message: "令牌只显示这一次，请立即交给对方妥善保存；遗失后只能吊销并重新签发。",
    });
  });

  app.get("/accounts", async (req) => {
    await requireOffice(req);
    const { role } = parse(
      z.object({ role: z.enum(["unit", "office"]).default("unit") }),
      req.query,
      "查询条件",
    );
    return { accounts: await store.listAccounts(role) };
  });

  app.post<{ Params: { id: string } }>("/accounts/:id/tokens", async (req, reply) => {
    const admin = await requireAdmin(req);
    const id = parse(idParam, req.params.id, "账户编号");
    const token = generateToken();
    await store.issueToken(id, hashToken(token), admin.actor);
    return reply.status(201).send({ token, message: "新令牌只显示这一次，请妥善保存。" });
  });

  app.post<{ Params: { id: string } }>("/accounts/:id/revoke", async (req) => {
    const admin = await requireAdmin(req);
    const id = parse(idParam, req.params.id, "账户编号");
    return { revoked: await store.revokeTokens(id, admin.actor) };
  });

  // --- submissions -----------------------------------------------------------------------

  app.post<{ Body: Buffer }>(
    "/submissions",
    { bodyLimit: LEDGER_LIMITS.maxBytes },
    async (req, reply) => {
      const c = await caller(req);
      if (c.kind !== "unit")
        throw forbidden("not_unit", "报送须使用单位令牌：台账记在令牌所属的单位名下。");
      const { asOf } = parse(z.object({ asOf: dateSchema.optional() }), req.query, "报送参数");
      const bytes = uploadedBytes(req.body, {
        unsupported: `请求体须是 .xlsx 文件内容（Content-Type: ${XLSX_MIME}）。`,
        empty: "请求体为空；请把台账 .xlsx 文件内容作为请求体上传。",
      });
      const fileName = fileNameOf(req);
      const what = `文件“${fileName}”`;
      // The untrusted-zip gate first (sizes, ratios, names, CRCs), before exceljs sees a byte.
      const gate = readZip(bytes, LEDGER_LIMITS, { what, keep: () => false });
      if (!gate.ok) throw badRequest(`ledger.${gate.reason}`, gate.message);
      let grid: Awaited<ReturnType<typeof gridFromXlsxBytes>>;
      try {
        grid = await gridFromXlsxBytes(bytes, fileName);
      } catch (error) {
        if (error instanceof WorkbookReadError)
          throw badRequest(`ledger.${error.kind}`, error.message);
        throw error;
      }
      const day = asOf ?? today();
      const analysis = analyseWorkbook(grid, { asOf: day, precision: 2 });
      if (!analysis.ledger)
        throw badRequest(
          "ledger.missing",
          `${what}中没有找到整改台账工作表（现有工作表：${grid.sheets.map((s) => s.name).join("、") || "无"}）。`,
        );
      const figures = { ...unitFigures(analysis, fileName), unit: c.account.name };
      const findings = analysis.findings
        .filter((f) => f.severity !== "info")
        .slice(0, SUBMISSION_FINDINGS_KEPT);
      const submission = await store.addSubmission(
        {
          unitId: c.account.id,
          fileName,
          bytes,
          sha256: sha256HexSync(bytes),
          asOf: day,
          figures,
          findings,
        },
        c.actor,
      );
      return reply.status(201).send({
        submission,
        counted: figures.errors === 0,
        message:
          figures.errors === 0
            ? `已报送（第${submission.round}次）：问题${figures.total}个，已完成${figures.done}个。`
            : `已收到（第${submission.round}次），但台账有${figures.errors}处错误，汇总时不计入；请改正后重新报送。`,
      });
    },
  );

  app.get("/submissions", async (req) => {
    const c = await caller(req);
    const { unit } = parse(z.object({ unit: idParam.optional() }), req.query, "查询条件");
    if (c.kind === "unit") {
      if (unit !== undefined) mayRead(c, unit);
      return { submissions: await store.listSubmissions({ unitId: c.account.id }) };
    }
    return { submissions: await store.listSubmissions(unit !== undefined ? { unitId: unit } : {}) };
  });

  app.get<{ Params: { id: string } }>("/submissions/:id", async (req) => {
    const c = await caller(req);
    const submission = await store.getSubmission(parse(idParam, req.params.id, "报送编号"));
    if (!submission) throw notFound("没有这条报送记录。");
    mayRead(c, submission.unitId);
    return { submission };
  });

  app.get<{ Params: { id: string } }>("/submissions/:id/file", async (req, reply) => {
    const c = await caller(req);
    const id = parse(idParam, req.params.id, "报送编号");
    const meta = await store.getSubmission(id);
    if (!meta) throw notFound("没有这条报送记录。");
    mayRead(c, meta.unitId);
    const found = await store.getSubmissionFile(id);
    if (!found) throw notFound("没有这条报送记录。");
    return reply
      .header("content-type", XLSX_MIME)
      .header("content-disposition", attachment(found.submission.fileName))
      .header("x-submission-sha256", found.submission.sha256)
      .header("cache-control", "private, max-age=31536000, immutable")
      .send(Buffer.from(found.bytes));
  });

  // --- the office ------------------------------------------------------------------------

  app.get("/units", async (req) => {
    await requireOffice(req);
    const [units, latest, all] = await Promise.all([
      store.listAccounts("unit"),
      store.latestPerUnit(),
      store.listSubmissions({}),
    ]);
    const byUnit = new Map(latest.map((s) => [s.unitId, s]));
    const counts = new Map<number, number>();
    for (const s of all) counts.set(s.unitId, (counts.get(s.unitId) ?? 0) + 1);
    return {
      units: units.map((unit) => {
        const last = byUnit.get(unit.id);
        return { unit, ...(last ? { latest: last } : {}), submissions: counts.get(unit.id) ?? 0 };
      }),
    };
  });

  app.get<{ Params: { id: string } }>("/units/:id/progress", async (req) => {
    const c = await caller(req);
    const id = parse(idParam, req.params.id, "单位编号");
    mayRead(c, id);
    const list = await store.listSubmissions({ unitId: id });
    return {
      progress: list
        .slice()
        .reverse()
        .map((s) => ({
          submissionId: s.id,
          round: s.round,
          submittedAt: s.submittedAt,
          asOf: s.asOf,
          total: s.figures.total,
          done: s.figures.done,
          completionRate: s.figures.completionRate,
          overdue: s.figures.overdue,
          errors: s.figures.errors,
        })),
    };
  });

  /**
   * The 汇总 workbook for an as-of day: each unit's newest submission whose own as-of day is on
   * or before it, re-analysed from its stored bytes on that day (超期 depends on it).
   */
  app.get("/summary.xlsx", async (req, reply) => {
    await requireOffice(req);
    const { asOf } = parse(z.object({ asOf: dateSchema.optional() }), req.query, "查询条件");
    const day = asOf ?? today();
    // Newest first: the first one met per unit whose as-of day is on or before `day`.
    const latest: Submission[] = [];
    const seen = new Set<number>();
    for (const s of await store.listSubmissions({})) {
      if (seen.has(s.unitId) || s.asOf > day) continue;
      seen.add(s.unitId);
      latest.push(s);
    }
    latest.sort((a, b) => a.unitId - b.unitId);
    const units: SummaryUnitFigures[] = [];
    for (const s of latest) {
      const found = await store.getSubmissionFile(s.id);
      if (!found) continue;
      const grid = await gridFromXlsxBytes(found.bytes, s.fileName);
      const figures = unitFigures(analyseWorkbook(grid, { asOf: day, precision: 2 }), s.fileName);
      units.push({ ...figures, unit: s.unit });
    }
    const bytes = await summaryWorkbookBytes(summarise(units, [], { asOf: day, precision: 2 }));
    return reply
      .header("content-type", XLSX_MIME)
      .header("content-disposition", attachment(`巡察整改汇总-${day}.xlsx`))
      .header("cache-control", "no-store")
      .send(Buffer.from(bytes));
  });

  app.get("/audit", async (req) => {
    await requireAdmin(req);
    return { entries: await store.listAudit(auditLimit(req.query)) };
  });
};

/** The plugin (encapsulated: its parsers and error handler apply under its prefix only). */
export const submissionsPlugin = plugin;
export default plugin;
