/**
 * What the browser tests of the pane set up the same way: the fake Office.js page script
 * (a fake Excel host bundled for the browser) and the server listening on loopback.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import type { FastifyInstance } from "fastify";
import { PROJECT_ROOT } from "../../scripts/pane-build";

/**
 * Bundles a fake Office.js entry of tests/browser for the page (an IIFE) into `outfile` and
 * returns its text, to serve in place of office.js.
 */
export async function buildFakeOffice(
  outfile: string,
  entry = "taskpane-fake-office.entry.ts",
): Promise<string> {
  await build({
    entryPoints: [join(PROJECT_ROOT, "tests/browser", entry)],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    outfile,
    logLevel: "warning",
  });
  return readFile(outfile, "utf8");
}

/** Starts `app` on 127.0.0.1 (`port` 0: any free one) and returns its base URL. */
export async function listenOnLoopback(app: FastifyInstance, port = 0): Promise<string> {
  await app.listen({ host: "127.0.0.1", port });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}
