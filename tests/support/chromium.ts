/**
 * Debian's Chromium (package `chromium`) driven by playwright-core, for the browser tests and
 * the task pane benchmark. Never a downloaded browser: tests/setup installs the package.
 */
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Quiet flags: no sandbox (root in CI), no GPU, no background traffic that would skew timings. */
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}
