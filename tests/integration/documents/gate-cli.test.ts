/**
 * The command line passes every hostile template of issue 10 through the template gate:
 * `template check` and `report --template` refuse each one fast, in Chinese, naming the part,
 * and `report` writes nothing. Every case runs the command functions in-process; two spawn the
 * real bin (wiring and time from a cold start).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runReport } from "../../../src/cli/commands/report";
import { runTemplateCheck } from "../../../src/cli/commands/template";
import { HOSTILE_CONTRACT, HOSTILE_TEMPLATES } from "../../support/hostile-templates";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const QF = join(root, "examples", "清丰县市政园林局-整改台账.xlsx");

let out = "";
let err = "";
let dir = "";
beforeEach(() => {
  out = "";
  err = "";
  dir = mkdtempSync(join(tmpdir(), "zg-gate-"));
  vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    err += String(s);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
  process.exitCode = undefined;
});

const ENGLISH_INTERNALS = /Bug :|undefined|Cannot |FST_ERR|Error:/;

describe("zhenggai template check / report --template on hostile templates", () => {
  for (const hostile of [...HOSTILE_TEMPLATES, ...HOSTILE_CONTRACT]) {
    it(`refuses ${hostile.name}`, async () => {
      const file = join(dir, "模板.docx");
      writeFileSync(file, hostile.bytes());
      let t = performance.now();
      const code = await runTemplateCheck(file, {});
      expect(performance.now() - t).toBeLessThan(2000);
      expect([1, 2]).toContain(code);
      const text = out + err;
      expect(text).toMatch(hostile.reason);
      expect(text).toContain("模板“模板.docx”");
      expect(text).not.toMatch(ENGLISH_INTERNALS);
      out = "";
      err = "";
      const outDir = join(dir, "out");
      t = performance.now();
      const report = await runReport([QF], { template: file, out: outDir, asOf: "2024-12-31" });
      expect(performance.now() - t).toBeLessThan(2000);
      expect(report).toBe(2);
      expect(err).toMatch(hostile.reason);
      expect(() => readdirSync(outDir)).toThrow(); // nothing written, not even the folder
    });
  }

  it("refuses a template file over 5 MB without reading it", async () => {
    const file = join(dir, "大.docx");
    writeFileSync(file, new Uint8Array(6 * 1024 * 1024));
    expect(await runTemplateCheck(file, {})).toBe(2);
    expect(err).toContain("模板“大.docx”大小为 6.0 MB，超过上限 5 MB");
  });

  it("the real bin refuses the overlapping bomb", async () => {
    const run = promisify(execFile);
    for (const name of ["overlapping entries"]) {
      const hostile = HOSTILE_TEMPLATES.find((h) => h.name.startsWith(name))!;
      const file = join(dir, `${name}.docx`);
      writeFileSync(file, hostile.bytes());
      const t = performance.now();
      const result = await run(process.execPath, ["bin/zhenggai.js", "template", "check", file], {
        cwd: root,
        encoding: "utf8",
      }).then(
        () => ({ code: 0, stdout: "", stderr: "" }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      const ms = performance.now() - t;
      expect(result.code, name).not.toBe(0);
      expect(result.stdout + result.stderr).toMatch(hostile.reason);
      expect(ms, `${name}: ${Math.round(ms)} ms including node + tsx start`).toBeLessThan(10_000);
    }
  });
});
