/**
 * The web server: the built task pane, office.js, the add-in's manifest and icons, the built-in
 * templates, one-time downloads for Excel on Mac, and the template library API when present.
 *
 *   /                      → redirect to /standalone.html (the pane without office.js)
 *   /taskpane.html, /standalone.html, /static/*   the pane in Office and outside it (dist/)
 *   /office-js/*           @microsoft/office-js's dist (no CDN: works offline and on intranets)
 *   /manifest.xml, /assets/*    the add-in manifest, its icons and help page (/help.html → there)
 *   /templates/*.docx      the built-in templates
 *   /examples/*.xlsx       the example ledgers (打开示例台账 on the pane's first run)
 *   /api/downloads         one-time download links (POST a .docx, GET it once)
 *   /api/library           the template library (src/server/library/plugin.ts), when present
 *   /api/submissions       submissions (报送) to the inspection office, with the library
 *   /dashboard.html        the office's dashboard over them
 *   /healthz               liveness
 */
import { existsSync } from "node:fs";
import type { ServerOptions as HttpsServerOptions } from "node:https";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { type DownloadStoreOptions, downloadsPlugin } from "./downloads";
import { ERROR_FORMAT_OPTIONS, errorBody, installErrorFormat } from "./errors";
import { addSecurityHeaders } from "./library/security-headers";
import { DASHBOARD_PAGE, DEFAULT_DIST, PANE_PAGE, PROJECT_ROOT, STANDALONE_PAGE } from "./static";

export interface AppOptions {
  /** The built pane; default dist/ at the project root. */
  readonly distDir?: string;
  /** Project root (manifest.xml, assets/, templates/, node_modules/); default this checkout. */
  readonly rootDir?: string;
  /** Serve over HTTPS with these options (from office-addin-dev-certs). */
  readonly https?: HttpsServerOptions;
  readonly logger?: boolean;
  readonly downloads?: DownloadStoreOptions;
  /** Register the template library plugin (default true); an object is passed to it as options. */
  readonly library?: boolean | Readonly<Record<string, unknown>>;
  /**
   * Register the submissions (报送) API at /api/submissions beside the library (default: when
   * the library is mounted), sharing its data folder, admin token and database; the office's
   * dashboard (/dashboard.html) reads it.
   */
  readonly submissions?: boolean;
}

function officeJsDir(root: string): string | undefined {
  const dir = join(root, "node_modules/@microsoft/office-js/dist");
  return existsSync(join(dir, "office.js")) ? dir : undefined;
}

export async function buildApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const root = options.rootDir ?? PROJECT_ROOT;
  const dist = options.distDir ?? DEFAULT_DIST;
  const logger = options.logger ?? false;
  const app = (options.https
    ? Fastify({ ...ERROR_FORMAT_OPTIONS, logger, https: options.https })
    : Fastify({ ...ERROR_FORMAT_OPTIONS, logger })) as unknown as FastifyInstance;
  installErrorFormat(app);
  addSecurityHeaders(app);

  app.get("/healthz", async () => ({ ok: true }));
  app.get("/", async (_request, reply) => reply.redirect(`/${STANDALONE_PAGE}`));
  app.get("/dashboard", async (_request, reply) => reply.redirect(`/${DASHBOARD_PAGE}`));
  // The help page lives in assets/ (the manifest's SupportUrl); /help.html is the address people
  // type and older manifests used.
  app.get("/help.html", async (_request, reply) => reply.redirect("/assets/help.html"));

  if (existsSync(join(dist, PANE_PAGE))) {
    await app.register(fastifyStatic, {
      root: dist,
      prefix: "/",
      index: false,
      // Vite's build manifest is for tooling, not for browsers.
      // The API's paths are never files: an unknown one gets the API's own 404.
      allowedPath: (path) => !path.startsWith("/.vite") && !path.startsWith("/api/"),
      setHeaders: (reply, path) => {
        // Hashed file names never change; the page itself must always be revalidated.
        reply.header(
          "Cache-Control",
          path.endsWith(".html") ? "no-cache" : "public, max-age=31536000, immutable",
        );
      },
      cacheControl: false,
    });
  } else {
    app.get(`/${PANE_PAGE}`, async (_request, reply) =>
      reply
        .code(503)
        .type("text/plain; charset=utf-8")
        .send("任务窗格尚未构建。请在项目目录运行 npm start（它会先构建再启动）。"),
    );
  }

  const officeJs = officeJsDir(root);
  if (officeJs) {
    await app.register(fastifyStatic, {
      root: officeJs,
      prefix: "/office-js/",
      decorateReply: false,
      maxAge: "1d",
    });
  } else {
    app.log.warn("@microsoft/office-js is not installed: the pane will only run standalone");
  }

  const assets = join(root, "assets");
  if (existsSync(assets)) {
    await app.register(fastifyStatic, { root: assets, prefix: "/assets/", decorateReply: false });
  }

  const templates = join(root, "templates");
  if (existsSync(templates)) {
    await app.register(fastifyStatic, {
      root: templates,
      prefix: "/templates/",
      decorateReply: false,
      // Only the shipped .docx files at the top level, never the sources that build them.
      allowedPath: (path) => /^\/[^/]+\.docx$/i.test(path),
      cacheControl: false,
      setHeaders: (reply) => reply.header("Cache-Control", "no-cache"),
    });
  }

  const examples = join(root, "examples");
  if (existsSync(examples)) {
    await app.register(fastifyStatic, {
      root: examples,
      prefix: "/examples/",
      decorateReply: false,
      // Only the example ledgers at the top level, never the seeds and data that build them.
      allowedPath: (path) => /^\/[^/]+\.xlsx$/i.test(path),
      cacheControl: false,
      setHeaders: (reply) => reply.header("Cache-Control", "no-cache"),
    });
  }

  app.get("/manifest.xml", async (_request, reply) => {
    const manifest = join(root, "manifest.xml");
    if (!existsSync(manifest))
      return reply.code(404).send(errorBody("not_found", "manifest.xml 不存在。"));
    const { readFile } = await import("node:fs/promises");
    return reply.type("application/xml; charset=utf-8").send(await readFile(manifest));
  });

  await app.register(downloadsPlugin, { prefix: "/api/downloads", ...options.downloads });

  if (options.library !== false) {
    // Loaded only when mounted: it brings better-sqlite3 and the documents engine.
    const { libraryPlugin } = await import("./library/plugin");
    const libraryOptions = typeof options.library === "object" ? options.library : {};
    await app.register(libraryPlugin, { prefix: "/api/library", ...libraryOptions });
    if (options.submissions !== false) {
      const { submissionsPlugin } = await import("./submissions/plugin");
      const shared = libraryOptions as {
        dataDir?: string;
        adminToken?: string;
        databaseUrl?: string;
      };
      await app.register(submissionsPlugin, {
        prefix: "/api/submissions",
        ...(shared.dataDir ? { dataDir: shared.dataDir } : {}),
        ...(shared.adminToken ? { adminToken: shared.adminToken } : {}),
        ...(shared.databaseUrl ? { databaseUrl: shared.databaseUrl } : {}),
      });
    }
  }

  return app;
}
