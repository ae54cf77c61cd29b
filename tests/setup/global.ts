import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Runs once before the suite: the browser and rendering tests need Debian packages. */
export default function setup(): void {
  const script = fileURLToPath(new URL("../../scripts/ensure-system-deps.sh", import.meta.url));
  execFileSync("bash", [script], { stdio: "inherit" });
}
