/**
 * The submissions store on a real PostgreSQL (started by tests/setup/global.ts): the same
 * contract suite as SQLite's, then what only the database can show — immutability enforced by
 * triggers, and the store living beside the template library in one database.
 */
import pg from "pg";
import { expect, inject, it } from "vitest";
import { PostgresTemplateRepository } from "../../../src/server/library/pg-repository";
import { PostgresSubmissionRepository } from "../../../src/server/submissions/pg-repository";
import { createDatabase } from "../../support/postgres";
import { describeSubmissionRepository, newSubmission } from "./repository-contract";

describeSubmissionRepository("PostgreSQL", async () =>
  PostgresSubmissionRepository.open(await createDatabase(inject("postgresAdminUrl"), "subs")),
);

it("the database itself refuses to change, delete or truncate stored submissions and audit", async () => {
  const url = await createDatabase(inject("postgresAdminUrl"), "subs");
  const repo = await PostgresSubmissionRepository.open(url);
  const a = await repo.createAccount("unit", "甲局", "h", "admin");
  await repo.addSubmission(newSubmission(a.id, "甲局", "x"), "unit:甲局");
  await repo.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const sql of [
      "UPDATE submissions SET round = 5",
      "DELETE FROM submissions",
      "TRUNCATE submissions CASCADE",
      "UPDATE submission_audit SET actor = 'x'",
      "DELETE FROM submission_audit",
    ])
      await expect(client.query(sql), sql).rejects.toThrow(/immutable/);
    const { rows } = await client.query("SELECT count(*)::int AS n FROM submissions");
    expect(rows[0].n).toBe(1);
  } finally {
    await client.end();
  }
});

it("shares one database with the template library, each with its own tables and migrations", async () => {
  const url = await createDatabase(inject("postgresAdminUrl"), "subs");
  // Opened together, as two servers starting at once would: the advisory lock orders them.
  const [library, submissions] = await Promise.all([
    PostgresTemplateRepository.open(url),
    PostgresSubmissionRepository.open(url),
  ]);
  const dept = await library.createDepartment("县财政局", "t1", "admin");
  const unit = await submissions.createAccount("unit", "县财政局", "t1", "admin");
  const s = await submissions.addSubmission(newSubmission(unit.id, "县财政局", "a"), "unit");
  expect(dept.name).toBe("县财政局");
  expect(s).toMatchObject({ round: 1, asOf: "2026-12-01" });
  expect((await library.listAudit(5)).map((e) => e.action)).toEqual(["department.create"]);
  expect((await submissions.listAudit(5)).map((e) => e.action)).toEqual([
    "submission.create",
    "account.create",
  ]);
  await Promise.all([library.close(), submissions.close()]);
  // Reopening applies nothing new and keeps the data.
  const again = await PostgresSubmissionRepository.open(url);
  expect((await again.listSubmissions({})).map((x) => x.id)).toEqual([s.id]);
  const file = await again.getSubmissionFile(s.id);
  expect(new TextDecoder().decode(file?.bytes)).toBe("a");
  await again.close();
});
