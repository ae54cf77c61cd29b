import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { startPostgres } from "../support/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** A superuser URL of the run's PostgreSQL; each suite creates its own database there. */
    postgresAdminUrl: string;
  }
}

/**
 * Runs once before the suite: the browser and rendering tests need Debian packages, and the
 * library's contract tests a real PostgreSQL — one server for the whole run, shared by every
 * file (each suite in its own database), stopped when the run ends, passed or failed.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const script = fileURLToPath(new URL("../../scripts/ensure-system-deps.sh", import.meta.url));
  execFileSync("bash", [script], { stdio: "inherit" });
  const postgres = await startPostgres();
  project.provide("postgresAdminUrl", postgres.adminUrl);
  return () => postgres.stop();
}
