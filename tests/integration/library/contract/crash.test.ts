/**
 * Contract, under SIGKILL: a library server killed in the middle of publishes restarts with a
 * consistent library, on either engine: every acknowledged publish is there, every listed
 * version downloads and matches its sha256, numbering has no gaps, and the audit log agrees with
 * the versions. Three crash cycles on the same storage, each killed at a random moment under
 * four concurrent writers.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Zippable } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LibraryApiError, LibraryClient } from "../../../../src/library/client";
import { type ChildServer, killServer, spawnServer } from "../child";
import { ADMIN_TOKEN, makeDocx } from "../helpers";
import { BACKENDS, type Storage } from "./backends";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const env = { ZHENGGAI_ADMIN_TOKEN: ADMIN_TOKEN };
const NAMES = ["崩溃测试甲", "崩溃测试乙"];
const ROUNDS = 3;

interface Acked {
  readonly name: string;
  readonly version: number;
  readonly sha256: string;
}

/** Four writers publish without pause until the server dies under them. */
async function publishUntilKilled(
  server: ChildServer,
  token: string,
  round: number,
): Promise<{ acked: Acked[]; inFlight: number }> {
  const client = new LibraryClient(server.url);
  const acked: Acked[] = [];
  let inFlight = 0;
  let stop = false;
  const writer = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const name = NAMES[w % 2]!;
      // Every third one carries 2 MB of incompressible media, so that commits write megabytes
      // to the WAL and the kill can land inside a write, not only inside the checks.
      const media: Zippable =
        i % 3 === 2
          ? { "word/media/image1.bin": [randomBytes(2 * 1024 * 1024), { level: 0 }] }
          : {};
      const docx = makeDocx(
        ["{党组织名称}", `第${round}轮写入者${w}第${i}份`, "{成文日期}"],
        media,
      );
      try {
        const v = await client.publish(name, docx, { kind: "报告", token });
        acked.push({ name, version: v.version, sha256: sha(docx) });
      } catch (e) {
        if (!(e instanceof LibraryApiError) || e.status !== 0) throw e;
        inFlight++; // the connection died with the server
        return;
      }
    }
  };
  const writers = [0, 1, 2, 3].map(writer);
  while (acked.length < 8) await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, Math.random() * 200));
  await killServer(server, "SIGKILL");
  stop = true;
  await Promise.all(writers);
  expect(server.child.signalCode).toBe("SIGKILL");
  return { acked, inFlight };
}

describe.each(BACKENDS)(
  "library server on $name killed with SIGKILL during publishes",
  (backend) => {
    let storage: Storage;
    const servers: ChildServer[] = [];
    beforeAll(async () => {
      storage = await backend.create();
    });
    afterAll(async () => {
      for (const s of servers) await killServer(s, "SIGKILL");
      await storage?.dispose();
    });

    it("restarts consistent after each kill, with every acknowledged publish intact", async () => {
      const spawn = () => spawnServer(storage.dataDir, env, storage.serveArgs);
      const first = await spawn();
      servers.push(first);
      const { token } = await new LibraryClient(first.url).createDepartment(
        "县委巡察办",
        ADMIN_TOKEN,
      );
      const allAcked: Acked[] = [];
      let server = first;
      let inFlightTotal = 0;
      const log: string[] = [];

      for (let round = 1; round <= ROUNDS; round++) {
        const { acked, inFlight } = await publishUntilKilled(server, token, round);
        allAcked.push(...acked);
        inFlightTotal += inFlight;

        // The engine's own checks on what the crash left (for SQLite: integrity_check and
        // foreign_key_check on the file, WAL included; for both: every blob matches its hash).
        expect(await storage.check()).toEqual([]);

        server = await spawn();
        servers.push(server);
        const after = new LibraryClient(server.url);
        let stored = 0;
        for (const name of NAMES) {
          const detail = await after.getTemplate(name);
          const numbers = detail.versions.map((v) => v.version).sort((a, b) => a - b);
          expect(numbers).toEqual(numbers.map((_, i) => i + 1)); // no gaps, no duplicates
          for (const v of detail.versions) {
            const got = await after.download(name, v.version); // verifies the stated sha256
            expect(got.sha256).toBe(v.sha256);
            expect(got.bytes.byteLength).toBe(v.size);
          }
          stored += numbers.length;
        }
        // Nothing acknowledged in any round was lost, and it is the same bytes.
        for (const a of allAcked)
          expect((await after.download(a.name, a.version)).sha256).toBe(a.sha256);
        // Only publishes in flight at a kill may be stored without an acknowledgement.
        expect(stored).toBeGreaterThanOrEqual(allAcked.length);
        expect(stored - allAcked.length).toBeLessThanOrEqual(inFlightTotal);
        const audit = await after.audit(ADMIN_TOKEN, 1000);
        expect(audit.filter((e) => e.action === "template.publish")).toHaveLength(stored);
        log.push(
          `round ${round}: ${acked.length} acknowledged, ${inFlight} in flight, ${stored} stored in all`,
        );
      }

      // The kills did land in the middle of publishes.
      expect(inFlightTotal).toBeGreaterThanOrEqual(ROUNDS);
      // The last restarted server keeps numbering where the crashes left it.
      const last = new LibraryClient(server.url);
      const before = (await last.getTemplate(NAMES[0]!)).versions.length;
      const next = await last.publish(NAMES[0]!, makeDocx(["{党组织名称}", "重启后"]), {
        kind: "报告",
        token,
      });
      expect(next.version).toBe(before + 1);
      console.info(`SIGKILL test on ${backend.name}: ${log.join("; ")}`);
    }, 180_000);
  },
);
