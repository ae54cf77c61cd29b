/**
 * Builds the task pane with Vite's JS API and reads the build manifest (which chunks load
 * first, and how big they are). Used by `npm start` (prestart: `--if-stale`), the browser tests
 * and the task-pane benchmark. A script, not src: Vite is a devDependency.
 *
 *   tsx scripts/pane-build.ts [--if-stale]
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { Manifest } from "vite";
import {
  DASHBOARD_PAGE,
  DEFAULT_DIST,
  isPaneBuildFresh,
  PANE_MANIFEST_FILE,
  PANE_PAGE,
  PREVIEW_DIALOG_PAGE,
  PROJECT_ROOT,
  STANDALONE_PAGE,
} from "../src/server/static";

export { PROJECT_ROOT } from "../src/server/static";

export interface BuildPaneOptions {
  readonly outDir?: string;
  /** Extra HTML entries (relative to the project root), e.g. the browser tests' fake-host page. */
  readonly extraInputs?: Readonly<Record<string, string>>;
  readonly quiet?: boolean;
}

/** One JS chunk of a build, with the source modules bundled into it. */
export interface BuiltChunk {
  readonly file: string;
  readonly isEntry: boolean;
  /** Chunks loaded with it before it runs (static imports). */
  readonly imports: readonly string[];
  readonly dynamicImports: readonly string[];
  /** Absolute paths (or virtual ids) of the modules inside. */
  readonly moduleIds: readonly string[];
}

/** Builds the pane with vite.config.ts into outDir (default dist/). */
export async function buildPane(options: BuildPaneOptions = {}): Promise<string> {
  return (await buildPaneChunks(options)).outDir;
}

/** Builds like buildPane and also returns what went into each JS chunk. */
export async function buildPaneChunks(
  options: BuildPaneOptions = {},
): Promise<{ outDir: string; chunks: BuiltChunk[] }> {
  const outDir = options.outDir ?? DEFAULT_DIST;
  const { build } = await import("vite");
  const input: Record<string, string> = {
    taskpane: join(PROJECT_ROOT, PANE_PAGE),
    standalone: join(PROJECT_ROOT, STANDALONE_PAGE),
    dashboard: join(PROJECT_ROOT, DASHBOARD_PAGE),
    "preview-dialog": join(PROJECT_ROOT, PREVIEW_DIALOG_PAGE),
  };
  for (const [name, file] of Object.entries(options.extraInputs ?? {})) {
    input[name] = join(PROJECT_ROOT, file);
  }
  const result = await build({
    configFile: join(PROJECT_ROOT, "vite.config.ts"),
    root: PROJECT_ROOT,
    logLevel: options.quiet ? "warn" : "info",
    build: { outDir, emptyOutDir: true, rolldownOptions: { input } },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) =>
    "output" in r ? r.output : [],
  );
  const chunks: BuiltChunk[] = [];
  for (const item of outputs) {
    if (item.type !== "chunk") continue;
    chunks.push({
      file: item.fileName,
      isEntry: item.isEntry,
      imports: item.imports,
      dynamicImports: item.dynamicImports,
      moduleIds: item.moduleIds,
    });
  }
  return { outDir, chunks };
}

/** Source modules in the chunks an entry loads before it runs (static imports only). */
export function initialModules(chunks: readonly BuiltChunk[], entryFile?: string): string[] {
  const byFile = new Map(chunks.map((c) => [c.file, c]));
  const entries = chunks.filter((c) => (entryFile ? c.file === entryFile : c.isEntry));
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const dep of byFile.get(file)?.imports ?? []) visit(dep);
  };
  for (const e of entries) visit(e.file);
  return [...seen].flatMap((f) => byFile.get(f)?.moduleIds ?? []);
}

export function readPaneManifest(outDir = DEFAULT_DIST): Manifest {
  return JSON.parse(readFileSync(join(outDir, PANE_MANIFEST_FILE), "utf8")) as Manifest;
}

export interface ChunkSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface InitialLoad {
  /** JS files the entry loads before first render (the entry and its static imports). */
  readonly js: readonly ChunkSize[];
  readonly css: readonly ChunkSize[];
  /** Source modules (manifest keys) behind those chunks. */
  readonly sources: readonly string[];
  readonly jsGzipBytes: number;
}

function sizeOf(outDir: string, file: string): ChunkSize {
  const bytes = readFileSync(join(outDir, file));
  return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

/** What the page loads up front for an entry: follows static imports only, never dynamic ones. */
export function initialLoad(outDir = DEFAULT_DIST, entry = PANE_PAGE): InitialLoad {
  const manifest = readPaneManifest(outDir);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const dep of manifest[key]?.imports ?? []) visit(dep);
  };
  const entryKey =
    Object.keys(manifest).find((k) => k === entry || k.endsWith(`/${entry}`)) ??
    Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entryKey) throw new Error(`No entry ${entry} in the Vite manifest of ${outDir}`);
  visit(entryKey);
  const chunks = [...seen].map((k) => manifest[k]!);
  const js = [...new Set(chunks.map((c) => c.file))].map((f) => sizeOf(outDir, f));
  const css = [...new Set(chunks.flatMap((c) => c.css ?? []))].map((f) => sizeOf(outDir, f));
  return {
    js,
    css,
    sources: [...seen],
    jsGzipBytes: js.reduce((n, c) => n + c.gzipBytes, 0),
  };
}

/** Concatenated text of the initial JS, for checks that a heavy library is not in it. */
export function initialJsText(outDir = DEFAULT_DIST): string {
  return initialLoad(outDir)
    .js.map((c) => readFileSync(join(outDir, c.file), "utf8"))
    .join("\n");
}

export function relativeToRoot(path: string): string {
  return relative(PROJECT_ROOT, path) || ".";
}

async function main(args: readonly string[]): Promise<void> {
  if (args.includes("--if-stale") && isPaneBuildFresh()) {
    console.log("任务窗格已是最新构建（dist/），跳过构建。");
    return;
  }
  console.log("正在构建任务窗格……");
  await buildPane({ quiet: true });
  console.log("构建完成：dist/");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main(process.argv.slice(2));
}
