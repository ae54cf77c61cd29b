/**
 * Where the built task pane lives and whether it is stale. The build itself is
 * scripts/pane-build.ts (Vite is a devDependency: nothing under src loads it at run time);
 * `npm start` runs it first (prestart) when dist/ is stale.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const DEFAULT_DIST = join(PROJECT_ROOT, "dist");
/** The page Office loads (the manifest's SourceLocation) and the standalone URL. */
export const PANE_PAGE = "taskpane.html";
/** The pane outside Office (no office.js): where `/` leads and the standalone URL. */
export const STANDALONE_PAGE = "standalone.html";
/** The inspection office's dashboard, built beside the pane. */
export const DASHBOARD_PAGE = "dashboard.html";
/** 放大预览's dialog page inside Excel (opened by the pane with displayDialogAsync). */
export const PREVIEW_DIALOG_PAGE = "preview-dialog.html";
/** Written by every Vite build; its time stamps the build. */
export const PANE_MANIFEST_FILE = ".vite/manifest.json";

/** Inputs whose change means the pane must be rebuilt. */
const SOURCES = [
  "src/taskpane",
  "src/dashboard",
  "src/submissions",
  "src/core",
  "src/documents",
  "src/office",
  "src/ports",
  "src/library",
  "src/xlsx",
  "src/docx",
  "taskpane.html",
  "standalone.html",
  "dashboard.html",
  "preview-dialog.html",
  "vite.config.ts",
  "package-lock.json",
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/ holds a build newer than every source it was built from. */
export function isPaneBuildFresh(outDir = DEFAULT_DIST, root = PROJECT_ROOT): boolean {
  const stamp = join(outDir, PANE_MANIFEST_FILE);
  if (!existsSync(stamp) || !existsSync(join(outDir, PANE_PAGE))) return false;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.every((p) => newestMtime(join(root, p)) <= built);
}
