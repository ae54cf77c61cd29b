// The CLI's bundled build: esbuild turns src/cli/main.ts and the batch worker into JavaScript
// under build/, split into chunks so each command loads only what it runs (`--help` loads no
// exceljs and no docxtemplater). Built on install (npm's prepare) and again on the first run after
// any input changed, so there is no build step to forget.
//
// Each build goes to its own folder and build/cli.json is then switched to it in one rename, so a
// zhenggai already running (or starting at the same moment) never sees a half-written build.
//
//   node bin/bundle.js        rebuild now
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = join(ROOT, "build");
const POINTER = join(OUT, "cli.json");
/** Whatever the build is made from; a change to any of them makes it stale. */
const INPUTS = ["src", "package.json", "package-lock.json", "tsconfig.json", "bin/bundle.js"];
/** Old builds are removed once nothing can still be running from them. */
const KEEP_OLD_MS = 60 * 60 * 1000;

function newestMtime(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const newestInput = () => Math.max(...INPUTS.map((p) => newestMtime(join(ROOT, p))));

/** The folder of the current build, or undefined when there is none or it is stale. */
export function freshBundle() {
  let pointer;
  try {
    pointer = JSON.parse(readFileSync(POINTER, "utf8"));
  } catch {
    return undefined;
  }
  const dir = join(OUT, String(pointer.dir));
  if (!existsSync(join(dir, "main.js"))) return undefined;
  return pointer.inputsMtime >= newestInput() ? dir : undefined;
}

/** Builds now; returns the new build's folder. */
export async function buildBundle() {
  const inputsMtime = newestInput(); // before building: an edit during the build makes it stale
  const { build } = await import("esbuild");
  const name = `cli-${Date.now().toString(36)}-${process.pid}`;
  const dir = join(OUT, name);
  await build({
    absWorkingDir: ROOT,
    entryPoints: { main: "src/cli/main.ts", "batch-worker": "src/node/batch-worker.ts" },
    outdir: dir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Packages load from node_modules as usual (better-sqlite3 is native); our code is bundled.
    packages: "external",
    // Chunks sit beside the entries: batch.ts finds ./batch-worker.js from whichever chunk it is in.
    chunkNames: "[name]-[hash]",
    sourcemap: "linked",
    charset: "utf8",
    logLevel: "warning",
  });
  mkdirSync(OUT, { recursive: true });
  const temp = `${POINTER}.${process.pid}`;
  writeFileSync(temp, JSON.stringify({ dir: name, inputsMtime }));
  renameSync(temp, POINTER);
  for (const old of readdirSync(OUT)) {
    const path = join(OUT, old);
    if (!old.startsWith("cli-") || old === name) continue;
    if (Date.now() - statSync(path).mtimeMs > KEEP_OLD_MS)
      rmSync(path, { recursive: true, force: true });
  }
  return dir;
}

/** The current build's folder, building first when it is missing or stale. */
export async function ensureBundle() {
  return freshBundle() ?? (await buildBundle());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = await buildBundle();
  console.log(`zhenggai: CLI built into ${dir}`);
}
