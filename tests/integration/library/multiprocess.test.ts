/**
 * Two server processes on one SQLite file (say `npm start` and `zhenggai library serve` pointed
 * at the same data directory): concurrent publishes of one name through both still get distinct,
 * gap-free versions, because numbering happens inside BEGIN IMMEDIATE transactions.
 */
import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { LibraryClient } from "../../../src/library/client";
import { type ChildServer, killServer, spawnServer } from "./child";
import { ADMIN_TOKEN, makeDocx, tempDir } from "./helpers";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("two server processes sharing one database", () => {
  const tmp = tempDir();
  const servers: ChildServer[] = [];
  afterAll(async () => {
    for (const s of servers) await killServer(s, "SIGTERM");
    tmp.remove();
  });

  it("number concurrent publishes of one name without collisions", async () => {
    const env = { ZHENGGAI_ADMIN_TOKEN: ADMIN_TOKEN };
    servers.push(...(await Promise.all([spawnServer(tmp.dir, env), spawnServer(tmp.dir, env)])));
    const [a, b] = servers.map((s) => new LibraryClient(s.url));
    const { token } = await a!.createDepartment("县委巡察办", ADMIN_TOKEN);
    const bodies = Array.from({ length: 24 }, (_, i) => makeDocx(["{党组织名称}", `第${i}份`]));
    const results = await Promise.all(
      bodies.map((docx, i) => (i % 2 ? b! : a!).publish("共享模板", docx, { kind: "报告", token })),
    );
    expect(results.map((r) => r.version).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 24 }, (_, i) => i + 1),
    );
    // Each version holds the bytes its publisher sent, seen from either process.
    for (const [i, r] of results.entries()) {
      const got = await (i % 2 ? a! : b!).download("共享模板", r.version);
      expect(got.sha256).toBe(sha(bodies[i]!));
    }
  });
});
