/**
 * A library server killed with SIGKILL in the middle of publishes restarts with a consistent
 * database: every acknowledged publish is there, every listed version downloads and matches its
 * sha256, numbering has no gaps, and the audit log agrees with the versions.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { LibraryApiError, LibraryClient } from "../../../src/taskpane/templates/library-client";
import { type ChildServer, killServer, spawnServer } from "./child";
import { ADMIN_TOKEN, makeDocx, tempDir } from "./helpers";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const env = { ZHENGGAI_ADMIN_TOKEN: ADMIN_TOKEN };

describe("library server killed with SIGKILL during publishes", () => {
  const tmp = tempDir();
  const servers: ChildServer[] = [];
  afterAll(async () => {
    for (const s of servers) await killServer(s, "SIGKILL");
    tmp.remove();
  });

  it("restarts consistent, with every acknowledged publish intact", async () => {
    const first = await spawnServer(tmp.dir, env);
    servers.push(first);
    const client = new LibraryClient(first.url);
    const { token } = await client.createDepartment("县委巡察办", ADMIN_TOKEN);

    // Four writers publish to two names without pause; the server dies under them.
    const acked: Array<{ name: string; version: number; sha256: string }> = [];
    let failures = 0;
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const name = w % 2 === 0 ? "崩溃测试甲" : "崩溃测试乙";
        const docx = makeDocx(["{党组织名称}", `写入者${w}第${i}份`, "{成文日期}"]);
        try {
          const v = await client.publish(name, docx, { kind: "报告", token });
          acked.push({ name, version: v.version, sha256: sha(docx) });
        } catch (e) {
          if (!(e instanceof LibraryApiError) || e.status !== 0) throw e;
          failures++; // the connection died with the server
          return;
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acked.length < 12) await new Promise((r) => setTimeout(r, 10));
    await killServer(first, "SIGKILL");
    stop = true;
    await Promise.all(writers);
    expect(first.child.signalCode).toBe("SIGKILL");
    expect(acked.length).toBeGreaterThanOrEqual(12);

    // SQLite's own check on the file as the crash left it (WAL included).
    const file = join(tmp.dir, "library.sqlite");
    const db = new Database(file);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.pragma("foreign_key_check")).toEqual([]);
    db.close();

    const second = await spawnServer(tmp.dir, env);
    servers.push(second);
    const after = new LibraryClient(second.url);
    let versionsSeen = 0;
    for (const name of ["崩溃测试甲", "崩溃测试乙"]) {
      const detail = await after.getTemplate(name);
      const numbers = detail.versions.map((v) => v.version).sort((a, b) => a - b);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1)); // no gaps, no duplicates
      for (const v of detail.versions) {
        const got = await after.download(name, v.version); // verifies the stated sha256
        expect(got.sha256).toBe(v.sha256);
        expect(got.bytes.byteLength).toBe(v.size);
      }
      versionsSeen += numbers.length;
    }
    // Nothing acknowledged was lost, and it is the same bytes.
    for (const a of acked) {
      const got = await after.download(a.name, a.version);
      expect(got.sha256).toBe(a.sha256);
    }
    // At most the publishes in flight at the kill can be stored without an acknowledgement.
    expect(versionsSeen - acked.length).toBeGreaterThanOrEqual(0);
    expect(versionsSeen - acked.length).toBeLessThanOrEqual(4);
    const audit = await after.audit(ADMIN_TOKEN, 1000);
    expect(audit.filter((e) => e.action === "template.publish")).toHaveLength(versionsSeen);

    // The restarted server keeps numbering where the crash left it.
    const next = await after.publish("崩溃测试甲", makeDocx(["{党组织名称}", "重启后"]), {
      kind: "报告",
      token,
    });
    const before = (await after.getTemplate("崩溃测试甲")).versions.length;
    expect(next.version).toBe(before);
    // The kill did land in the middle of publishes: requests were in flight and died with it.
    expect(failures).toBeGreaterThanOrEqual(1);
    expect(failures).toBeLessThanOrEqual(4);
    console.info(
      `SIGKILL test: ${acked.length} acknowledged, ${versionsSeen} stored, ${failures} in flight`,
    );
  });
});
