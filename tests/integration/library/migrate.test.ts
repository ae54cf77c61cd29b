/**
 * `zhenggai library migrate`: a county's SQLite library of 50 versions is copied into an empty
 * PostgreSQL database exactly — ids, dates, tokens, deprecations, audit and every version's
 * bytes — and a server on PostgreSQL then serves it; a second run or a corrupt file is refused
 * without writing anything.
 */
import { createHash, randomBytes } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LibraryClient } from "../../../src/library/client";
import { PostgresTemplateRepository } from "../../../src/server/library/pg-repository";
import type { TemplateRepository } from "../../../src/server/library/repository";
import { SqliteTemplateRepository } from "../../../src/server/library/sqlite-repository";
import { createDatabase } from "../../support/postgres";
import { killServer, runCli, spawnServer } from "./child";
import { ADMIN_TOKEN, makeDocx, tempDir } from "./helpers";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
/** 30 + 15 + 5 = 50 versions. */
const PLAN = [
  ["县委巡察办整改报告", 30, "报告"],
  ["财政局整改通报", 15, "通报"],
  ["审计局报告", 5, "报告"],
] as const;

async function view(repo: TemplateRepository) {
  const templates = await repo.listTemplates({});
  const details = await Promise.all(templates.map((t) => repo.getTemplate(t.name)));
  return {
    templates,
    details,
    departments: await repo.listDepartments(),
    audit: await repo.listAudit(1000),
  };
}

describe("zhenggai library migrate (SQLite → PostgreSQL)", () => {
  const tmp = tempDir();
  const dataDir = join(tmp.dir, "county");
  const file = join(dataDir, "library.sqlite");
  const tokens = [sha(randomBytes(16)), sha(randomBytes(16)), sha(randomBytes(16))];
  const bodies = new Map<string, Uint8Array>();
  let databaseUrl = "";
  let source: Awaited<ReturnType<typeof view>>;

  beforeAll(async () => {
    databaseUrl = await createDatabase(inject("postgresAdminUrl"), "migrate");
    const repo = new SqliteTemplateRepository(file);
    const depts = [
      await repo.createDepartment("县委巡察办", tokens[0]!, "admin"),
      await repo.createDepartment("县财政局", tokens[1]!, "admin"),
    ];
    await repo.revokeTokens(depts[1]!.id, "admin");
    await repo.issueToken(depts[1]!.id, tokens[2]!, "admin");
    for (const [p, [name, count, kind]] of PLAN.entries()) {
      for (let v = 1; v <= count; v++) {
        // Every seventh carries 1 MB of incompressible media; version 2 repeats version 1's
        // bytes (stored once: 47 blobs for 50 versions).
        const bytes =
          v === 2
            ? bodies.get(`${name}#1`)!
            : makeDocx(
                [`${name}第${v}版`],
                v % 7 === 0 ? { "word/media/a.bin": randomBytes(1 << 20) } : {},
              );
        bodies.set(`${name}#${v}`, bytes);
        await repo.publishVersion(
          {
            name,
            kind,
            departmentId: depts[p % 2]!.id,
            author: `作者${v}`,
            note: v % 5 === 0 ? `第${v}版\n说明` : "",
            bytes,
            sha256: sha(bytes),
          },
          `department:${depts[p % 2]!.name}`,
        );
      }
    }
    for (const v of [3, 30]) await repo.deprecateVersion(PLAN[0][0], v, "admin");
    source = await view(repo);
    await repo.close();
  });
  afterAll(() => tmp.remove());

  it("copies a library of 50 versions exactly, every version's sha256 checked", async () => {
    const out = await runCli(["library", "migrate", "--data-dir", dataDir], {
      DATABASE_URL: databaseUrl,
    });
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("2 个部门，3 个令牌，3 个模板，50 个版本（47 个文件");
    expect(out.stdout).toContain("每个版本的 sha256 均已核对");

    const pg = await PostgresTemplateRepository.open(databaseUrl);
    try {
      expect(await view(pg)).toEqual(source);
      let versions = 0;
      for (const [name, count] of PLAN)
        for (let v = 1; v <= count; v++) {
          const got = await pg.getVersionFile(name, v);
          expect(sha(got!.bytes), `${name} v${v}`).toBe(sha(bodies.get(`${name}#${v}`)!));
          versions++;
        }
      expect(versions).toBe(50);
      expect(await pg.counts()).toEqual({ templates: 3, versions: 50, blobs: 47 });
      // Tokens: the same hashes, the revoked one still revoked.
      expect((await pg.findDepartmentByTokenHash(tokens[0]!))?.name).toBe("县委巡察办");
      expect(await pg.findDepartmentByTokenHash(tokens[1]!)).toBeUndefined();
      expect((await pg.findDepartmentByTokenHash(tokens[2]!))?.name).toBe("县财政局");
      // New rows continue after the copied ids and numbers.
      const dept = await pg.createDepartment("县审计局", sha(randomBytes(8)), "admin");
      expect(dept.id).toBe(3);
      const next = await pg.publishVersion(
        {
          name: PLAN[0][0],
          kind: "报告",
          departmentId: 1,
          author: "迁移后",
          note: "",
          bytes: makeDocx(["迁移后"]),
          sha256: sha(makeDocx(["迁移后"])),
        },
        "department:县委巡察办",
      );
      expect(next.version).toBe(31);
      const [entry] = await pg.listAudit(1);
      expect(entry!.id).toBe(source.audit[0]!.id + 2);
    } finally {
      await pg.close();
    }
  });

  it("is served by a server on PostgreSQL, every version downloadable with its sha256", async () => {
    const server = await spawnServer(
      join(tmp.dir, "province"),
      { ZHENGGAI_ADMIN_TOKEN: ADMIN_TOKEN },
      ["--database-url", databaseUrl],
    );
    try {
      expect(server.stdout()).toContain("存储 PostgreSQL");
      const client = new LibraryClient(server.url);
      const listed = await client.listTemplates();
      expect(listed.map((t) => [t.name, t.versionCount])).toEqual([
        ["县委巡察办整改报告", 31],
        ["审计局报告", 5],
        ["财政局整改通报", 15],
      ]);
      for (const [name, count] of PLAN)
        for (let v = 1; v <= count; v++)
          expect((await client.download(name, v)).sha256).toBe(sha(bodies.get(`${name}#${v}`)!));
      expect((await client.download(PLAN[1][0])).version).toBe(15);
    } finally {
      await killServer(server, "SIGTERM");
    }
  });

  it("refuses to copy into a library that is not empty, changing nothing", async () => {
    const pg = await PostgresTemplateRepository.open(databaseUrl);
    const before = await view(pg);
    const again = await runCli([
      "library",
      "migrate",
      "--data-dir",
      dataDir,
      "--database-url",
      databaseUrl,
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("已有模板库数据");
    expect(await view(pg)).toEqual(before);
    await pg.close();
  });

  it("refuses a SQLite file whose bytes do not match their sha256, writing nothing", async () => {
    const target = await createDatabase(inject("postgresAdminUrl"), "migrate_bad");
    const db = new Database(file);
    const victim = sha(bodies.get(`${PLAN[2][0]}#4`)!);
    db.prepare("UPDATE blobs SET data = ? WHERE sha256 = ?").run(
      Buffer.from(makeDocx(["被篡改"])),
      victim,
    );
    db.close();
    const out = await runCli([
      "library",
      "migrate",
      "--data-dir",
      dataDir,
      "--database-url",
      target,
    ]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(`sha256 为 ${victim} 的文件内容与校验值不符`);
    const pg = await PostgresTemplateRepository.open(target);
    expect(await pg.counts()).toEqual({ templates: 0, versions: 0, blobs: 0 });
    expect(await pg.listDepartments()).toEqual([]);
    await pg.close();
  });

  it("says what is missing: no database URL, no library, an unreachable server", async () => {
    const env = { DATABASE_URL: "" };
    const [noUrl, noLib, down] = await Promise.all([
      runCli(["library", "migrate", "--data-dir", dataDir], env),
      runCli(
        [
          "library",
          "migrate",
          "--data-dir",
          join(tmp.dir, "nothing"),
          "--database-url",
          databaseUrl,
        ],
        env,
      ),
      runCli(
        [
          "library",
          "migrate",
          "--data-dir",
          dataDir,
          "--database-url",
          "postgres://zhenggai:secret@127.0.0.1:1/none",
        ],
        env,
      ),
    ]);
    expect([noUrl.code, noUrl.stderr]).toEqual([2, expect.stringContaining("DATABASE_URL")]);
    expect([noLib.code, noLib.stderr]).toEqual([2, expect.stringContaining("找不到模板库数据库")]);
    expect(down.code).toBe(2);
    expect(down.stderr).toContain("无法连接 PostgreSQL");
    expect(down.stderr).not.toContain("secret");
  });
});
