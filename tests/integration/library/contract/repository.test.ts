/**
 * Contract, at the storage seam: what every TemplateRepository must keep (repository.ts), run
 * once per engine. Two repository instances on one storage stand for two server processes.
 */
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LibraryError } from "../../../../src/server/library/errors";
import type { PublishInput, TemplateRepository } from "../../../../src/server/library/repository";
import { makeDocx } from "../helpers";
import { BACKENDS, type Storage } from "./backends";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

async function refusal(promise: Promise<unknown>): Promise<LibraryError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof LibraryError) return e;
    throw e;
  }
  throw new Error("expected a LibraryError");
}

describe.each(BACKENDS)("TemplateRepository contract on $name", (backend) => {
  let storage: Storage;
  let repo: TemplateRepository;
  let other: TemplateRepository;
  let deptA = 0;
  let deptB = 0;
  const input = (name: string, bytes: Uint8Array, over: Partial<PublishInput> = {}) => ({
    name,
    kind: "报告" as const,
    departmentId: deptA,
    author: "张三",
    note: "",
    bytes,
    sha256: sha(bytes),
    ...over,
  });

  beforeAll(async () => {
    storage = await backend.create();
    repo = await storage.open();
    other = await storage.open();
    deptA = (await repo.createDepartment("县委巡察办", sha(randomBytes(8)), "admin")).id;
    deptB = (await repo.createDepartment("县财政局", sha(randomBytes(8)), "admin")).id;
  });
  afterAll(async () => {
    await repo?.close();
    await other?.close();
    await storage?.dispose();
  });

  it("numbers 40 concurrent publishes of one name 1–40 across two instances, losing none", async () => {
    const bodies = Array.from({ length: 40 }, (_, i) => makeDocx([`第${i}份`]));
    const results = await Promise.all(
      bodies.map((b, i) =>
        (i % 2 ? other : repo).publishVersion(input("并发", b, { note: `n${i}` }), "t"),
      ),
    );
    expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    for (const [i, r] of results.entries()) {
      expect(r.note).toBe(`n${i}`);
      const got = await (i % 2 ? repo : other).getVersionFile("并发", r.version);
      expect(sha(got!.bytes)).toBe(sha(bodies[i]!));
      expect(got!.version).toEqual(r);
    }
    const audit = (await repo.listAudit(1000)).filter((e) => e.target === "并发");
    expect(audit.map((e) => e.detail.version).sort((a, b) => Number(a) - Number(b))).toEqual(
      results.map((r) => r.version).sort((a, b) => a - b),
    );
  });

  it("creates a new name once when two instances publish it first at the same moment", async () => {
    const [x, y] = [makeDocx(["甲"]), makeDocx(["乙"])];
    const both = await Promise.all([
      repo.publishVersion(input("同时新建", x), "t"),
      other.publishVersion(input("同时新建", y), "t"),
    ]);
    expect(both.map((v) => v.version).sort()).toEqual([1, 2]);
    expect((await repo.listTemplates({ q: "同时新建" })).map((t) => t.versionCount)).toEqual([2]);
  });

  it("refuses another department's name and another kind, storing and auditing nothing", async () => {
    const bytes = makeDocx(["所属"]);
    await repo.publishVersion(input("甲的模板", bytes), "department:县委巡察办");
    const auditBefore = (await repo.listAudit(1000)).length;
    const blobsBefore = await storage.blobCount();
    const foreign = await refusal(
      other.publishVersion(input("甲的模板", makeDocx(["冒用"]), { departmentId: deptB }), "t"),
    );
    expect([foreign.status, foreign.code]).toEqual([403, "wrong_department"]);
    expect(foreign.message).toContain("属于“县委巡察办”");
    const kind = await refusal(
      repo.publishVersion(input("甲的模板", makeDocx(["类型"]), { kind: "通报" }), "t"),
    );
    expect([kind.status, kind.code]).toEqual([409, "kind_mismatch"]);
    expect((await repo.listAudit(1000)).length).toBe(auditBefore);
    expect(await storage.blobCount()).toBe(blobsBefore);
    expect((await repo.getTemplate("甲的模板"))!.versions).toHaveLength(1);
  });

  it("keeps the summary, versions and latest in step through deprecations", async () => {
    for (const n of [1, 2, 3])
      await repo.publishVersion(input("停用", makeDocx([`v${n}`]), { note: `第${n}版` }), "t");
    const v3 = await repo.deprecateVersion("停用", 3, "admin");
    expect(v3.deprecated).toBe(true);
    expect(v3.deprecatedAt).toMatch(ISO);
    // Idempotent, also when two instances deprecate at once: one audit entry.
    const again = await Promise.all([
      repo.deprecateVersion("停用", 2, "admin"),
      other.deprecateVersion("停用", 2, "admin"),
    ]);
    expect(again[0]).toEqual(again[1]);
    expect(await repo.deprecateVersion("停用", 3, "admin")).toEqual(v3);
    const deprecations = (await repo.listAudit(1000)).filter(
      (e) => e.target === "停用" && e.action === "version.deprecate",
    );
    expect(deprecations.map((e) => e.detail)).toEqual([{ version: 2 }, { version: 3 }]);

    const detail = (await other.getTemplate("停用"))!;
    expect(detail.versions.map((v) => [v.version, v.deprecated, v.note])).toEqual([
      [3, true, "第3版"],
      [2, true, "第2版"],
      [1, false, "第1版"],
    ]);
    expect(detail.template).toMatchObject({ versionCount: 3, latest: detail.versions[2] });
    expect((await repo.getVersionFile("停用", "latest"))!.version.version).toBe(1);
    await repo.deprecateVersion("停用", 1, "admin");
    expect(await repo.getVersionFile("停用", "latest")).toBeUndefined();
    const [summary] = await repo.listTemplates({ q: "停用" });
    expect(summary!.latest).toBeUndefined();
    expect(summary!.versionCount).toBe(3);
    expect((await repo.getVersionFile("停用", 3))!.version.deprecated).toBe(true);
    expect(await repo.getVersionFile("停用", 4)).toBeUndefined();
    expect(await repo.getVersionFile("无此模板", 1)).toBeUndefined();
    const missing = await refusal(repo.deprecateVersion("停用", 9, "admin"));
    expect(missing.status).toBe(404);
  });

  it("lists in code-point order and searches literally, folding ASCII case only", async () => {
    const names = ["b模板", "A模板", "a_100%", "Éclair通报", "😀表情"];
    for (const name of names) await repo.publishVersion(input(name, makeDocx([name])), "t");
    const listed = (await repo.listTemplates({})).map((t) => t.name);
    const ours = listed.filter((n) => names.includes(n));
    expect(ours).toEqual([...names].sort()); // JS sort = UTF-16 order; equal to UTF-8 here
    expect((await repo.listTemplates({ q: "a模" })).map((t) => t.name)).toEqual(["A模板"]);
    expect((await repo.listTemplates({ q: "_1" })).map((t) => t.name)).toEqual(["a_100%"]);
    expect((await repo.listTemplates({ q: "0%" })).map((t) => t.name)).toEqual(["a_100%"]);
    expect(await repo.listTemplates({ q: "a%1" })).toEqual([]);
    expect(await repo.listTemplates({ q: "\\" })).toEqual([]);
    expect((await repo.listTemplates({ q: "éclair" })).map((t) => t.name)).toEqual([]);
    expect((await repo.listTemplates({ q: "Éclair" })).map((t) => t.name)).toEqual(["Éclair通报"]);
    expect((await repo.listTemplates({ q: "😀" })).map((t) => t.name)).toEqual(["😀表情"]);
    const byDept = await repo.listTemplates({ department: "县财政局" });
    expect(byDept).toEqual([]);
    const byKind = await repo.listTemplates({ kind: "通报", q: "模板" });
    expect(byKind).toEqual([]);
  });

  it("finds departments by token hash until revoked, counts active tokens, audits each change", async () => {
    const first = sha(randomBytes(8));
    const dept = await repo.createDepartment("县审计局", first, "admin");
    expect(dept).toMatchObject({ name: "县审计局", activeTokens: 1 });
    expect(dept.createdAt).toMatch(ISO);
    expect(await other.findDepartmentByTokenHash(first)).toEqual(dept);
    const second = sha(randomBytes(8));
    await repo.issueToken(dept.id, second, "admin");
    expect((await other.getDepartment(dept.id))!.activeTokens).toBe(2);
    expect(await repo.revokeTokens(dept.id, "admin")).toBe(2);
    expect(await repo.revokeTokens(dept.id, "admin")).toBe(0);
    expect(await other.findDepartmentByTokenHash(first)).toBeUndefined();
    expect(await other.findDepartmentByTokenHash(second)).toBeUndefined();
    expect(await other.findDepartmentByTokenHash(sha(randomBytes(8)))).toBeUndefined();
    expect((await repo.getDepartment(dept.id))!.activeTokens).toBe(0);
    expect(await repo.getDepartment(99_999)).toBeUndefined();
    expect((await refusal(repo.issueToken(99_999, sha(randomBytes(8)), "admin"))).status).toBe(404);
    expect((await refusal(repo.revokeTokens(99_999, "admin"))).status).toBe(404);
    const audit = (await repo.listAudit(4)).map((e) => [e.action, e.target, e.actor, e.detail]);
    expect(audit).toEqual([
      ["token.revoke", "县审计局", "admin", { departmentId: dept.id, revoked: 0 }],
      ["token.revoke", "县审计局", "admin", { departmentId: dept.id, revoked: 2 }],
      ["token.issue", "县审计局", "admin", { departmentId: dept.id }],
      ["department.create", "县审计局", "admin", { departmentId: dept.id }],
    ]);
    expect((await repo.listDepartments()).map((d) => d.name)).toEqual([
      "县委巡察办",
      "县财政局",
      "县审计局",
    ]);
  });

  it("creates a department name once when two instances race for it", async () => {
    const results = await Promise.allSettled([
      repo.createDepartment("县教育局", sha(randomBytes(8)), "admin"),
      other.createDepartment("县教育局", sha(randomBytes(8)), "admin"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(LibraryError);
    expect((refused.reason as LibraryError).status).toBe(409);
    expect((await repo.listAudit(1)).map((e) => [e.action, e.target])).toEqual([
      ["department.create", "县教育局"],
    ]);
  });

  it("audits a publish with its details, newest entry first, honouring the limit", async () => {
    const bytes = makeDocx(["审计"]);
    const v = await repo.publishVersion(input("审计模板", bytes), "department:县委巡察办");
    const [entry] = await other.listAudit(1);
    expect(entry).toMatchObject({
      actor: "department:县委巡察办",
      action: "template.publish",
      target: "审计模板",
      detail: {
        version: 1,
        kind: "报告",
        sha256: sha(bytes),
        size: bytes.byteLength,
        author: "张三",
      },
    });
    expect(entry!.at).toMatch(ISO);
    expect(v.createdAt).toMatch(ISO);
    const five = await repo.listAudit(5);
    expect(five).toHaveLength(5);
    expect(five.map((e) => e.id)).toEqual([...five.map((e) => e.id)].sort((a, b) => b - a));
  });

  it("refuses a look-alike of another department's template name (409), naming it", async () => {
    await repo.publishVersion(input("巡察整改报告ABC1", makeDocx(["原名"])), "t");
    const before = (await repo.listTemplates({})).length;
    // Full-width letters and digit, lower case: the same name to a reader.
    for (const lookAlike of ["巡察整改报告ａｂｃ１", "巡察整改报告abc1", "巡察整改报告ＡＢＣ1"]) {
      const e = await refusal(
        other.publishVersion(input(lookAlike, makeDocx(["仿冒"]), { departmentId: deptB }), "t"),
      );
      expect(e.status, lookAlike).toBe(409);
      expect(e.code).toBe("name_lookalike");
      expect(e.message).toBe(
        `模板名称“${lookAlike}”与已有的模板“巡察整改报告ABC1”（县委巡察办）只差大小写、全角半角或字形变体，容易混淆，不能同时存在；请另取一个名称（该部门可以用“巡察整改报告ABC1”发布新版本）。`,
      );
    }
    // The owner is refused too: one name, one template.
    const own = await refusal(
      repo.publishVersion(input("巡察整改报告abc1", makeDocx(["己"])), "t"),
    );
    expect(own.code).toBe("name_lookalike");
    expect(await repo.listTemplates({})).toHaveLength(before); // nothing stored
    expect((await repo.listAudit(1))[0]!.target).toBe("巡察整改报告ABC1");
    // The exact name still takes new versions.
    expect(
      (await other.publishVersion(input("巡察整改报告ABC1", makeDocx(["二"])), "t")).version,
    ).toBe(2);
  });

  it("lets only one of two look-alike names published at the same moment in", async () => {
    const results = await Promise.allSettled([
      repo.publishVersion(input("同时仿冒Ｘ", makeDocx(["甲"])), "t"),
      other.publishVersion(input("同时仿冒x", makeDocx(["乙"]), { departmentId: deptB }), "t"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(LibraryError);
    expect((failed.reason as LibraryError).code).toBe("name_lookalike");
    const names = (await repo.listTemplates({ q: "同时仿冒" })).map((t) => t.name);
    expect(names).toHaveLength(1);
  });

  it("refuses a department name that reads like an existing one (409), naming it", async () => {
    const before = (await repo.listDepartments()).length;
    // An ideographic space is NFKC for a space; spaces do not tell names apart.
    const e = await refusal(other.createDepartment("县财政局　", sha(randomBytes(8)), "admin"));
    expect(e.status).toBe(409);
    expect(e.code).toBe("name_lookalike");
    expect(e.message).toBe(
      "部门名称“县财政局　”与已有的部门“县财政局”只差大小写、全角半角或字形变体，容易混淆；请换一个名称。",
    );
    await repo.createDepartment("第1巡察组", sha(randomBytes(8)), "admin");
    const width = await refusal(other.createDepartment("第１巡察组", sha(randomBytes(8)), "admin"));
    expect(width.message).toContain("与已有的部门“第1巡察组”");
    const same = await refusal(repo.createDepartment("县委巡察办", sha(randomBytes(8)), "admin"));
    expect(same.code).toBe("department_exists");
    expect(await repo.listDepartments()).toHaveLength(before + 1);
  });

  it("keeps everything when reopened, and numbering continues", async () => {
    const before = await repo.getTemplate("并发");
    await other.close();
    other = await storage.open();
    expect(await other.getTemplate("并发")).toEqual(before);
    const next = await other.publishVersion(input("并发", makeDocx(["重开后"])), "t");
    expect(next.version).toBe(41);
    expect(await storage.check()).toEqual([]);
  });
});
