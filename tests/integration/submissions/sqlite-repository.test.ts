import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { SqliteSubmissionRepository } from "../../../src/server/submissions/sqlite-repository";
import { describeSubmissionRepository, newSubmission } from "./repository-contract";

const dir = mkdtempSync(join(tmpdir(), "zg-subs-"));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeSubmissionRepository(
  "SQLite",
  async () => new SqliteSubmissionRepository(join(dir, `${n++}.sqlite`)),
);

it("the database itself refuses to change or delete a stored submission", async () => {
  const file = join(dir, "immutable.sqlite");
  const repo = new SqliteSubmissionRepository(file);
  const a = await repo.createAccount("unit", "甲局", "h", "admin");
  await repo.addSubmission(newSubmission(a.id, "甲局", "x"), "unit:甲局");
  await repo.close();
  const db = new Database(file);
  expect(() => db.prepare("UPDATE submissions SET round = 5").run()).toThrow(/immutable/);
  expect(() => db.prepare("DELETE FROM submissions").run()).toThrow(/immutable/);
  db.close();
});
