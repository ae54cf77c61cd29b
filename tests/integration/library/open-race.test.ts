/**
 * Several processes opening one new database file at the same instant (two servers started
 * together behind a load balancer) must each come up: the schema version is read inside the
 * write lock, so only the first runs the migrations. CI once saw "table departments already
 * exists" from exactly this race.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "./helpers";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");

function openInChild(module: string, className: string, file: string, at: number, dir: string) {
  const script = `
    const { ${className} } = await import(${JSON.stringify(join(ROOT, module))});
    while (Date.now() < ${at}) {}
    new ${className}(${JSON.stringify(file)});
    console.log("ok");
  `;
  const scriptFile = join(dir, `${className}-open.mts`);
  writeFileSync(scriptFile, script);
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, [TSX, scriptFile], {
      stdio: ["ignore", "pipe", "pipe"],
      cwd: ROOT,
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString("utf8");
    });
    child.stderr.on("data", (c: Buffer) => {
      out += c.toString("utf8");
    });
    child.on("exit", (code) => resolve({ code, out }));
  });
}

describe("opening a new SQLite file from several processes at once", () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  for (const [module, className] of [
    ["src/server/library/sqlite-repository.ts", "SqliteTemplateRepository"],
    ["src/server/submissions/sqlite-repository.ts", "SqliteSubmissionRepository"],
  ] as const) {
    it(`${className}: every process migrates or finds the schema, none fails`, async () => {
      const file = join(tmp.dir, `${className}.sqlite`);
      // Children start in a few seconds; they all open the file at the same agreed instant.
      const at = Date.now() + 6_000;
      const results = await Promise.all(
        Array.from({ length: 4 }, () => openInChild(module, className, file, at, tmp.dir)),
      );
      for (const r of results) expect(r, r.out).toMatchObject({ code: 0 });
    }, 30_000);
  }
});
