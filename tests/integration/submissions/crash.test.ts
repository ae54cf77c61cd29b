/**
 * Submissions survive SIGKILL as the library's versions do: `zhenggai library serve
 * --submissions` killed while four writers submit restarts with every acknowledged submission
 * listed, its file matching its sha256, rounds per unit without gaps, and one audit entry per
 * submission. Two crash cycles on the same data folder.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { generateLedgerGrid, gridToXlsx } from "../../../bench/data";
import { SubmissionsApiError, SubmissionsClient } from "../../../src/submissions/client";
import { type ChildServer, killServer, spawnServer } from "../library/child";

const ADMIN = "admin-token-for-the-crash-test-0001";
const env = { ZHENGGAI_ADMIN_TOKEN: ADMIN };
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
let dir: string;
const ledgers: Uint8Array[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zhenggai-submissions-crash-"));
  for (let i = 0; i < 4; i++)
    ledgers.push(await gridToXlsx(generateLedgerGrid(15 + i, { seed: 40 + i })));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function submitUntilKilled(server: ChildServer, tokens: readonly string[]) {
  const acked: { id: number; sha256: string }[] = [];
  let stop = false;
  const writer = async (w: number) => {
    const client = new SubmissionsClient(server.url, tokens[w % tokens.length]!);
    for (let i = 0; !stop; i++) {
      const bytes = ledgers[(w + i) % ledgers.length]!;
      try {
        const r = await client.submit(`第${w}写入者第${i}份.xlsx`, bytes, "2024-01-05");
        acked.push({ id: r.submission.id, sha256: sha(bytes) });
      } catch (e) {
        if (!(e instanceof SubmissionsApiError) || e.status !== 0) throw e;
        return; // the connection died with the server
      }
    }
  };
  const writers = [0, 1, 2, 3].map(writer);
  // Kill mid-stream: after the first acknowledgement (a loaded machine may take seconds for
  // one), then at a random moment while the four writers go on.
  const started = Date.now();
  while (acked.length === 0 && Date.now() - started < 30_000)
    await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 800)));
  await killServer(server, "SIGKILL");
  stop = true;
  await Promise.all(writers);
  return acked;
}

it("keeps every acknowledged submission across SIGKILL, rounds without gaps, audited", async () => {
  let server = await spawnServer(dir, env, ["--submissions"]);
  const admin = new SubmissionsClient(server.url, ADMIN);
  const tokens = [
    (await admin.createAccount("unit", "崩溃测试甲局")).token,
    (await admin.createAccount("unit", "崩溃测试乙局")).token,
  ];
  const acked: { id: number; sha256: string }[] = [];
  for (let cycle = 0; cycle < 2; cycle++) {
    acked.push(...(await submitUntilKilled(server, tokens)));
    server = await spawnServer(dir, env, ["--submissions"]);
  }
  try {
    const client = new SubmissionsClient(server.url, ADMIN);
    const listed = await client.submissions();
    expect(acked.length).toBeGreaterThan(0);
    const byId = new Map(listed.map((s) => [s.id, s]));
    for (const a of acked) expect(byId.get(a.id)?.sha256).toBe(a.sha256);
    for (const unit of ["崩溃测试甲局", "崩溃测试乙局"]) {
      const rounds = listed
        .filter((s) => s.unit === unit)
        .map((s) => s.round)
        .sort((a, b) => a - b);
      expect(rounds).toEqual(rounds.map((_, i) => i + 1));
    }
    for (const s of listed.slice(0, 6)) {
      const res = await fetch(`${client.base}/submissions/${s.id}/file`, {
        headers: { authorization: `Bearer ${ADMIN}` },
      });
      expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(s.sha256);
    }
    const audit = await fetch(`${client.base}/audit?limit=1000`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    const entries = ((await audit.json()) as { entries: { action: string }[] }).entries;
    expect(entries.filter((e) => e.action === "submission.create")).toHaveLength(listed.length);
  } finally {
    await killServer(server, "SIGTERM");
  }
}, 120_000);
