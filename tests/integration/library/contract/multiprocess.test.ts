/**
 * Contract, across processes: two `zhenggai library serve` processes on one storage — one SQLite
 * file (say `npm start` and `library serve` on the same data directory), or one PostgreSQL
 * database (two instances behind a load balancer). 40 concurrent publishes of one name through
 * both get versions 1–40 with each one's bytes, because numbering is serialised per template
 * inside the storing transaction (BEGIN IMMEDIATE; SELECT … FOR UPDATE).
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LibraryClient } from "../../../../src/library/client";
import { type ChildServer, killServer, spawnServer } from "../child";
import { ADMIN_TOKEN, makeDocx } from "../helpers";
import { BACKENDS, type Storage } from "./backends";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

const PUBLISHES = 40;

describe.each(BACKENDS)("two server processes sharing one $name database", (backend) => {
  let storage: Storage;
  const servers: ChildServer[] = [];
  beforeAll(async () => {
    storage = await backend.create();
  });
  afterAll(async () => {
    for (const s of servers) await killServer(s, "SIGTERM");
    await storage?.dispose();
  });

  it("number 40 concurrent publishes of one name 1–40 without collisions or losses", async () => {
    const env = { ZHENGGAI_ADMIN_TOKEN: ADMIN_TOKEN };
    const start = () => spawnServer(storage.dataDir, env, storage.serveArgs);
    servers.push(...(await Promise.all([start(), start()])));
    const [a, b] = servers.map((s) => new LibraryClient(s.url));
    const { token } = await a!.createDepartment("县委巡察办", ADMIN_TOKEN);
    const bodies = Array.from({ length: PUBLISHES }, (_, i) =>
      makeDocx(["{党组织名称}", `第${i}份`]),
    );
    const results = await Promise.all(
      bodies.map((docx, i) => (i % 2 ? b! : a!).publish("共享模板", docx, { kind: "报告", token })),
    );
    expect(results.map((r) => r.version).sort((x, y) => x - y)).toEqual(
      Array.from({ length: PUBLISHES }, (_, i) => i + 1),
    );
    // Each version holds the bytes its publisher sent, seen from either process.
    for (const [i, r] of results.entries()) {
      const got = await (i % 2 ? a! : b!).download("共享模板", r.version);
      expect(got.sha256).toBe(sha(bodies[i]!));
    }
    // Nothing beyond the 40: no duplicate, no lost or orphan row; one audit entry per version.
    const detail = await a!.getTemplate("共享模板");
    expect(detail.versions).toHaveLength(PUBLISHES);
    const audit = await b!.audit(ADMIN_TOKEN, 1000);
    expect(audit.filter((e) => e.action === "template.publish")).toHaveLength(PUBLISHES);
    expect(await storage.check()).toEqual([]);
  }, 120_000);
});
