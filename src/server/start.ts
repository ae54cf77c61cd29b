/**
 * `npm start`: serves the task pane built by its prestart step (scripts/pane-build.ts
 * --if-stale) on port 3000 — over
 * HTTPS with the Office add-in developer certificate when it is installed or can be installed,
 * otherwise over plain HTTP with a warning (Office only loads add-ins over HTTPS; the standalone
 * page works either way). PORT, HOST and HTTPS=0 override the defaults.
 *
 * The template library under /api/library keeps its data in SQLite (.data/library) unless
 * DATABASE_URL=postgres://… or `npm start -- --database-url postgres://…` points it at
 * PostgreSQL.
 */
import type { ServerOptions as HttpsServerOptions } from "node:https";
import { buildApp } from "./app";
import { DEFAULT_DIST, isPaneBuildFresh, STANDALONE_PAGE } from "./static";
import { redactUrl } from "./store/pg";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "localhost";

/** `--database-url <url>` or `--database-url=<url>`, else $DATABASE_URL; undefined = SQLite. */
function databaseUrl(argv: readonly string[] = process.argv.slice(2)): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--database-url") return argv[i + 1]?.trim() || undefined;
    if (arg.startsWith("--database-url="))
      return arg.slice("--database-url=".length).trim() || undefined;
  }
  return process.env.DATABASE_URL?.trim() || undefined;
}

async function httpsOptions(): Promise<HttpsServerOptions | undefined> {
  if (process.env.HTTPS === "0" || process.env.HTTPS === "false") return undefined;
  try {
    const devCerts = await import("office-addin-dev-certs");
    // Installing may ask for the system password once (Mac keychain, Windows certificate store).
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("timed out installing the certificate")), 120_000).unref(),
    );
    return await Promise.race([devCerts.getHttpsServerOptions(), timeout]);
  } catch (error) {
    console.warn(
      `\n⚠ 未能安装本机 HTTPS 开发证书，改用 HTTP 启动。\n  原因：${(error as Error).message.split("\n")[0]}\n` +
        "  单机网页版（WPS 用户）照常可用；但 Excel 只加载 HTTPS 的加载项。\n" +
        "  要在 Excel 中使用，请运行 npx office-addin-dev-certs install 后重新 npm start。\n",
    );
    return undefined;
  }
}

async function main(): Promise<void> {
  if (!isPaneBuildFresh()) {
    console.warn(
      "⚠ 任务窗格的构建（dist/）不存在或已过期；请用 npm start（会先构建）或 npm run build。",
    );
  }

  const https = await httpsOptions();
  const database = databaseUrl();
  const app = await buildApp({
    distDir: DEFAULT_DIST,
    logger: false,
    ...(https ? { https } : {}),
    ...(database ? { library: { databaseUrl: database } } : {}),
  });
  await app.listen({ port, host });
  const origin = `${https ? "https" : "http"}://${host}:${port}`;

  console.log(`
整改台账助手已启动：${origin}

  单机网页版（WPS 或不装加载项时使用）：在浏览器打开
    ${origin}/${STANDALONE_PAGE}
  然后打开或拖入一个 .xlsx 台账。

  Excel 加载项：
    Windows / Mac 桌面版 Excel：另开一个终端运行  npm run sideload
    Excel 网页版：插入 → 加载项 → 上传我的加载项 → 选择项目目录下的 manifest.xml
    停止旁加载：npm run stop

  巡察办进度看板：${origin}/dashboard.html（用巡察办账户的令牌登录）

  模板库：${origin}/api/library（${database ? `PostgreSQL ${redactUrl(database)}` : "SQLite，数据在 .data/library"}）
  健康检查：${origin}/healthz    按 Ctrl+C 停止服务。
`);

  const shutdown = () => {
    app.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  const e = error as NodeJS.ErrnoException;
  if (e.code === "EADDRINUSE") {
    console.error(
      `端口 ${port} 已被占用。请关闭占用它的程序，或用 PORT=3001 npm start 换一个端口。`,
    );
  } else {
    console.error("启动失败：", e.message ?? e);
  }
  process.exit(1);
});
