/**
 * Case 8: how long a clerk waits for the command line, as a script or a batch file calls it —
 * a fresh `node bin/zhenggai.js` process each time (the bundled CLI; the bundle is built before
 * timing, as `npm install` does), wall time from spawn to exit.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { fmtMs, fmtSample, measure } from "../harness";
import type { CaseResult } from "../report";

const run = promisify(execFile);
const CLI = fileURLToPath(new URL("../../bin/zhenggai.js", import.meta.url));
/** The 25-problem example (built from seed 001). */
const LEDGER = fileURLToPath(
  new URL("../../examples/邵阳市园林绿化中心-整改台账.xlsx", import.meta.url),
);
const TITLE = "CLI start-up (node bin/zhenggai.js)";
const GOAL = "`--help` ≤ 0.25 s and `check` of the 25-problem example ≤ 0.6 s wall, median of 10";
const HELP_GOAL_MS = 250;
const CHECK_GOAL_MS = 600;

export async function cliStartupCase(): Promise<CaseResult> {
  const help = () => run(process.execPath, [CLI, "--help"]);
  // `check` exits 0 on this ledger (no errors); a non-zero exit would reject and fail the case.
  const check = () => run(process.execPath, [CLI, "check", LEDGER]);
  const r = await measure({ help, check }, { warmup: 1, rounds: 10, minRounds: 10 });
  const met = r.help.median <= HELP_GOAL_MS && r.check.median <= CHECK_GOAL_MS;
  return {
    id: 8,
    title: TITLE,
    goal: GOAL,
    verdict: met ? "met" : "missed",
    headline: `--help ${fmtMs(r.help.median)}, check ${fmtMs(r.check.median)}`,
    tables: [
      {
        headers: ["command", "median (p25–p75)", "goal"],
        rows: [
          ["zhenggai --help", fmtSample(r.help), fmtMs(HELP_GOAL_MS)],
          [
            "zhenggai check 邵阳…整改台账.xlsx (25 problems)",
            fmtSample(r.check),
            fmtMs(CHECK_GOAL_MS),
          ],
        ],
      },
    ],
    notes: [
      "Each run is a new Node process: module loading and the bundle's parse are included.",
      "`--help` loads no exceljs, docxtemplater or core (commands are loaded when they run).",
    ],
  };
}
