/**
 * The SubmissionRepository contract as a reusable suite: every implementation (SQLite here,
 * PostgreSQL in its own test) runs the same cases against a fresh, empty store.
 */
import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { STATUSES, type Status } from "../../../src/core/model";
import type {
  NewSubmission,
  SubmissionRepository,
} from "../../../src/server/submissions/repository";
import type { UnitFigures } from "../../../src/submissions/types";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

export function figuresFor(unit: string, total: number, done: number): UnitFigures {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  byStatus.已完成 = done;
  byStatus.正在推进 = total - done;
  return {
    unit,
    file: `${unit}.xlsx`,
    asOf: "2026-12-01",
    total,
    done,
    completionRate: total ? done / total : 0,
    byStatus,
    overdue: 0,
    selfFound: { total: 0, done: 0 },
    measures: total,
    rules: 1,
    errors: 0,
    warnings: 0,
    aspects: [],
    overdueItems: [],
  };
}

export function newSubmission(unitId: number, unit: string, text: string, done = 1): NewSubmission {
  const bytes = new TextEncoder().encode(text);
  return {
    unitId,
    fileName: `${unit}台账.xlsx`,
    bytes,
    sha256: sha(bytes),
    asOf: "2026-12-01",
    figures: figuresFor(unit, 3, done),
    findings: [
      {
        severity: "warning",
        code: "ledger.seq.gap",
        sheet: "整改台账",
        message: "提示",
        detail: "提示",
      },
    ],
  };
}

export function describeSubmissionRepository(
  label: string,
  make: () => Promise<SubmissionRepository>,
): void {
  describe(`SubmissionRepository contract: ${label}`, () => {
    let repo: SubmissionRepository;
    beforeEach(async () => {
      repo = await make();
    });
    afterEach(async () => {
      await repo.close();
    });

    it("creates accounts per role with unique names and finds them by token hash", async () => {
      const unit = await repo.createAccount("unit", "甲局", "h1", "admin");
      const office = await repo.createAccount("office", "甲局", "h2", "admin");
      expect(unit).toMatchObject({ role: "unit", name: "甲局", activeTokens: 1 });
      expect(office.role).toBe("office");
      await expect(repo.createAccount("unit", "甲局", "h3", "admin")).rejects.toMatchObject({
        status: 409,
      });
      expect((await repo.findAccountByTokenHash("h1"))?.id).toBe(unit.id);
      expect((await repo.findAccountByTokenHash("h2"))?.role).toBe("office");
      expect(await repo.findAccountByTokenHash("nope")).toBeUndefined();
      expect((await repo.listAccounts("unit")).map((a) => a.name)).toEqual(["甲局"]);
      expect(await repo.revokeTokens(unit.id, "admin")).toBe(1);
      expect(await repo.findAccountByTokenHash("h1")).toBeUndefined();
      await repo.issueToken(unit.id, "h4", "admin");
      expect((await repo.getAccount(unit.id))?.activeTokens).toBe(1);
      await expect(repo.issueToken(9999, "h5", "admin")).rejects.toMatchObject({ status: 404 });
    });

    it("numbers rounds per unit, keeps bytes and figures, lists newest first", async () => {
      const a = await repo.createAccount("unit", "甲局", "ha", "admin");
      const b = await repo.createAccount("unit", "乙局", "hb", "admin");
      const s1 = await repo.addSubmission(newSubmission(a.id, "甲局", "a1", 1), "unit:甲局");
      const s2 = await repo.addSubmission(newSubmission(b.id, "乙局", "b1", 2), "unit:乙局");
      const s3 = await repo.addSubmission(newSubmission(a.id, "甲局", "a2", 3), "unit:甲局");
      expect([s1.round, s2.round, s3.round]).toEqual([1, 1, 2]);
      expect(s3).toMatchObject({ unit: "甲局", unitId: a.id, size: 2, fileName: "甲局台账.xlsx" });
      expect(s3.figures.done).toBe(3);
      expect(s3.findings[0]?.code).toBe("ledger.seq.gap");
      const file = await repo.getSubmissionFile(s1.id);
      expect(new TextDecoder().decode(file?.bytes)).toBe("a1");
      expect(file?.submission.sha256).toBe(sha(new TextEncoder().encode("a1")));
      expect((await repo.listSubmissions({ unitId: a.id })).map((s) => s.round)).toEqual([2, 1]);
      expect((await repo.listSubmissions({})).map((s) => s.id)).toEqual([s3.id, s2.id, s1.id]);
      expect((await repo.latestPerUnit()).map((s) => s.id)).toEqual([s3.id, s2.id]);
      expect((await repo.latestPerUnit(s2.submittedAt)).map((s) => s.id)).toEqual(
        s1.submittedAt < s2.submittedAt ? [s1.id] : [],
      );
      expect(await repo.getSubmission(99999)).toBeUndefined();
      await expect(
        repo.addSubmission(newSubmission(9999, "无", "x"), "unit:无"),
      ).rejects.toMatchObject({ status: 404 });
      const office = await repo.createAccount("office", "巡察办", "ho", "admin");
      await expect(
        repo.addSubmission(newSubmission(office.id, "巡察办", "x"), "office:巡察办"),
      ).rejects.toMatchObject({ status: 404 });
    });

    it("assigns distinct consecutive rounds to concurrent submissions of one unit", async () => {
      const a = await repo.createAccount("unit", "甲局", "ha", "admin");
      const all = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          repo.addSubmission(newSubmission(a.id, "甲局", `v${i}`), "unit:甲局"),
        ),
      );
      expect(all.map((s) => s.round).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });

    it("audits every state change", async () => {
      const a = await repo.createAccount("unit", "甲局", "ha", "admin");
      await repo.issueToken(a.id, "hb", "admin");
      await repo.revokeTokens(a.id, "office:巡察办");
      await repo.addSubmission(newSubmission(a.id, "甲局", "z"), "unit:甲局");
      const audit = await repo.listAudit(10);
      expect(audit.map((e) => e.action)).toEqual([
        "submission.create",
        "token.revoke",
        "token.issue",
        "account.create",
      ]);
      expect(audit[0]).toMatchObject({ actor: "unit:甲局", target: "甲局" });
      expect(audit[0]?.detail).toMatchObject({ round: 1, size: 1 });
    });
  });
}
