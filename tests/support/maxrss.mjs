// Loaded with `node --import`: prints the process's peak resident memory (KB) on exit, so a
// test can bound what one CLI run cost.
import { writeSync } from "node:fs";

process.on("exit", () => {
  writeSync(2, `\nmaxrss-kb=${process.resourceUsage().maxRSS}\n`);
});
