/**
 * A standalone library server (no task pane): `zhenggai library serve` and the tests use it.
 */
import type { ServerOptions as HttpsServerOptions } from "node:https";
import Fastify, { type FastifyInstance } from "fastify";
import { ERROR_FORMAT_OPTIONS, installErrorFormat } from "../errors";
import type { SubmissionsPluginOptions } from "../submissions/plugin";
import { type LibraryPluginOptions, libraryPlugin } from "./plugin";
import { addSecurityHeaders } from "./security-headers";

export interface LibraryServerOptions extends LibraryPluginOptions {
  /** URL prefix of the API; default /api/library, as in the full server (one URL for clients). */
  readonly prefix?: string;
  readonly logger?: boolean;
  /**
   * Serve over HTTPS (key and cert). Needed when panes inside Excel call this server directly:
   * an https page may not fetch from an http server (mixed content).
   */
  readonly https?: Pick<HttpsServerOptions, "key" | "cert">;
  /**
   * Also serve the submissions (报送) API at /api/submissions, sharing the data folder and the
   * admin token; off unless asked for.
   */
  readonly submissions?: boolean | SubmissionsPluginOptions;
}

export async function buildLibraryServer(
  options: LibraryServerOptions = {},
): Promise<FastifyInstance> {
  const { prefix = "/api/library", logger = false, https, submissions, ...pluginOptions } = options;
  const app = (https
    ? Fastify({ ...ERROR_FORMAT_OPTIONS, logger, https })
    : Fastify({ ...ERROR_FORMAT_OPTIONS, logger })) as unknown as FastifyInstance;
  installErrorFormat(app);
  addSecurityHeaders(app);
  app.get("/healthz", async () => ({ ok: true }));
  await app.register(libraryPlugin, { prefix, ...pluginOptions });
  if (submissions) {
    const { submissionsPlugin } = await import("../submissions/plugin");
    await app.register(submissionsPlugin, {
      prefix: "/api/submissions",
      ...(pluginOptions.dataDir ? { dataDir: pluginOptions.dataDir } : {}),
      ...(pluginOptions.adminToken ? { adminToken: pluginOptions.adminToken } : {}),
      ...(pluginOptions.databaseUrl ? { databaseUrl: pluginOptions.databaseUrl } : {}),
      ...(submissions === true ? {} : submissions),
    });
  }
  return app;
}

/** Builds and listens; resolves to the server's origin (e.g. http://127.0.0.1:41234). */
export async function startLibraryServer(
  options: LibraryServerOptions & { readonly host?: string; readonly port?: number } = {},
): Promise<{ app: FastifyInstance; url: string }> {
  const { host = "127.0.0.1", port = 0, ...rest } = options;
  const app = await buildLibraryServer(rest);
  await app.listen({ host, port });
  const address = app.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  const scheme = rest.https ? "https" : "http";
  return { app, url: `${scheme}://${shownHost}:${actualPort}` };
}
