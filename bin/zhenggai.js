#!/usr/bin/env node
// The CLI is written in TypeScript and runs from its esbuild bundle (bin/bundle.js), rebuilt
// on the first run after any source changed, so `npx zhenggai` works straight after
// `npm install` with no build step to forget. Should esbuild be unusable on this machine, tsx
// compiles the sources on the fly instead (slower to start, same behaviour).
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ensureBundle } from "./bundle.js";

let main;
try {
  main = pathToFileURL(join(await ensureBundle(), "main.js")).href;
} catch (error) {
  if (process.env.ZHENGGAI_DEBUG) console.error("zhenggai: bundle unavailable:", error);
}
if (main) {
  await import(main);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
