/**
 * Builds the task pane (taskpane.html → dist/). `npm start` builds through src/server/static.ts
 * and serves dist/ with fastify; `npm run dev` runs this config's dev server, which also serves
 * office.js and the built-in templates the way the real server does.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

/** Dev only: /office-js/* and /templates/*.docx from the same places the server uses. */
function addinFiles(): Plugin {
  const mounts: Record<string, string> = {
    "/office-js/": join(root, "node_modules/@microsoft/office-js/dist"),
    "/templates/": join(root, "templates"),
  };
  return {
    name: "zhenggai-addin-files",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = decodeURIComponent((req.url ?? "").split("?")[0] ?? "");
        for (const [prefix, dir] of Object.entries(mounts)) {
          if (!url.startsWith(prefix)) continue;
          const file = normalize(join(dir, url.slice(prefix.length)));
          if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) break;
          const types: Record<string, string> = {
            ".js": "text/javascript; charset=utf-8",
            ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          };
          res.setHeader("Content-Type", types[extname(file)] ?? "application/octet-stream");
          createReadStream(file).pipe(res);
          return;
        }
        next();
      });
    },
  };
}

export default defineConfig({
  root,
  base: "./",
  plugins: [react(), addinFiles()],
  build: {
    outDir: "dist",
    // Not "assets": that path serves the add-in's icons (assets/ at the project root).
    assetsDir: "static",
    manifest: true,
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: {
        taskpane: join(root, "taskpane.html"),
        standalone: join(root, "standalone.html"),
        dashboard: join(root, "dashboard.html"),
        // 放大预览's dialog in Excel (Office.context.ui.displayDialogAsync).
        "preview-dialog": join(root, "preview-dialog.html"),
      },
    },
  },
  server: { port: 3000, strictPort: false },
});
