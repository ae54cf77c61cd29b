/**
 * The submissions (报送) API mounted in the library server: 3 units submit two rounds each;
 * each unit sees its own history only (another unit's records: 403); the office lists units
 * with their latest submission and downloads the 汇总 whose totals are the sums of the latest
 * rounds; hostile uploads are refused by the gate; every change is audited; `zhenggai submit`
 * posts a ledger over HTTP.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BENCH_AS_OF, generateLedgerGrid, gridToXlsx } from "../../../bench/data";
import { analyseWorkbook } from "../../../src/core/index";
import { buildLibraryServer, startLibraryServer } from "../../../src/server/library/server";
import { XLSX_MIME } from "../../../src/server/submissions/plugin";
import { SubmissionsClient } from "../../../src/submissions/client";
import type { Submission, UnitOverview } from "../../../src/submissions/types";
import { gridFromXlsxBytes } from "../../../src/xlsx/bytes";
import { overlappingBomb, text } from "../../support/hostile-zip";
import { runCli } from "../cli/run-cli";

const ADMIN = "admin-token-for-the-submissions-test";
const UNITS = ["县市政园林局", "县教育局", "县卫健委"];
let dir: string;
let app: FastifyInstance;
const tokens = new Map<string, string>();
const ids = new Map<string, number>();
let officeToken = "";
/** Ledger bytes per unit and round (round 2 has more problems and another seed). */
const ledgers = new Map<string, Uint8Array[]>();

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function post(token: string, bytes: Uint8Array, name: string) {
  return app.inject({
    method: "POST",
    url: `/api/submissions/submissions?asOf=${BENCH_AS_OF}`,
    headers: { ...auth(token), "content-type": XLSX_MIME, "x-file-name": encodeURIComponent(name) },
    payload: Buffer.from(bytes),
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zhenggai-submissions-"));
  app = await buildLibraryServer({ dataDir: dir, adminToken: ADMIN, submissions: true });
  for (const [i, unit] of UNITS.entries()) {
    const made = await app.inject({
      method: "POST",
      url: "/api/submissions/accounts",
      headers: auth(ADMIN),
      payload: { role: "unit", name: unit },
    });
    expect(made.statusCode).toBe(201);
    tokens.set(unit, made.json().token);
    ids.set(unit, made.json().account.id);
    const rounds: Uint8Array[] = [];
    for (const round of [1, 2]) {
      const grid = generateLedgerGrid(10 + i * 5 + round * 3, {
        seed: 900 + i * 10 + round,
        unitName: `${unit}（台账）`,
      });
      rounds.push(await gridToXlsx(grid));
    }
    ledgers.set(unit, rounds);
  }
  const office = await app.inject({
    method: "POST",
    url: "/api/submissions/accounts",
    headers: auth(ADMIN),
    payload: { role: "office", name: "县委巡察办" },
  });
  officeToken = office.json().token;
}, 60_000);

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("submissions API", () => {
  it("stores two rounds per unit with sha256 and the core's figures", async () => {
    for (const round of [0, 1]) {
      for (const unit of UNITS) {
        const bytes = ledgers.get(unit)![round]!;
        const res = await post(tokens.get(unit)!, bytes, `${unit}台账.xlsx`);
        expect(res.statusCode, res.body).toBe(201);
        const s = res.json().submission as Submission;
        const expected = analyseWorkbook(await gridFromXlsxBytes(bytes, "x"), {
          asOf: BENCH_AS_OF,
        });
        expect(s).toMatchObject({
          unit,
          round: round + 1,
          fileName: `${unit}台账.xlsx`,
          size: bytes.length,
        });
        expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
        // The figures carry the account's name, whatever 基本信息 says.
        expect(s.figures).toMatchObject({
          unit,
          total: expected.stats.total,
          done: expected.stats.done,
          errors: 0,
        });
        expect(res.json().counted).toBe(true);
      }
    }
  });

  it("shows each unit its own history, newest first, and nothing of the others (403)", async () => {
    for (const unit of UNITS) {
      const mine = await app.inject({
        url: "/api/submissions/submissions",
        headers: auth(tokens.get(unit)!),
      });
      const list = mine.json().submissions as Submission[];
      expect(list.map((s) => [s.unit, s.round])).toEqual([
        [unit, 2],
        [unit, 1],
      ]);
    }
    const [a, b] = UNITS as [string, string];
    const theirs = await app.inject({
      url: `/api/submissions/submissions?unit=${ids.get(b)}`,
      headers: auth(tokens.get(a)!),
    });
    const bList = (
      await app.inject({ url: "/api/submissions/submissions", headers: auth(tokens.get(b)!) })
    ).json().submissions as Submission[];
    const one = await app.inject({
      url: `/api/submissions/submissions/${bList[0]!.id}`,
      headers: auth(tokens.get(a)!),
    });
    const file = await app.inject({
      url: `/api/submissions/submissions/${bList[0]!.id}/file`,
      headers: auth(tokens.get(a)!),
    });
    const progress = await app.inject({
      url: `/api/submissions/units/${ids.get(b)}/progress`,
      headers: auth(tokens.get(a)!),
    });
    const units = await app.inject({
      url: "/api/submissions/units",
      headers: auth(tokens.get(a)!),
    });
    const summary = await app.inject({
      url: "/api/submissions/summary.xlsx",
      headers: auth(tokens.get(a)!),
    });
    for (const r of [theirs, one, file, progress, units, summary]) expect(r.statusCode).toBe(403);
    expect(one.json().error.code).toBe("other_unit");
    // Its own file comes back byte for byte.
    const own = await app.inject({
      url: `/api/submissions/submissions/${bList[0]!.id}/file`,
      headers: auth(tokens.get(b)!),
    });
    expect(own.statusCode).toBe(200);
    expect(Buffer.from(own.rawPayload).equals(Buffer.from(ledgers.get(b)![1]!))).toBe(true);
    const noToken = await app.inject({ url: "/api/submissions/submissions" });
    expect(noToken.statusCode).toBe(401);
  });

  it("lets the office list units with their latest round and download the 汇总 of the latest rounds", async () => {
    const res = await app.inject({ url: "/api/submissions/units", headers: auth(officeToken) });
    const units = res.json().units as UnitOverview[];
    expect(units.map((u) => [u.unit.name, u.submissions, u.latest?.round])).toEqual(
      UNITS.map((u) => [u, 2, 2]),
    );
    const progress = await app.inject({
      url: `/api/submissions/units/${ids.get(UNITS[0]!)}/progress`,
      headers: auth(officeToken),
    });
    expect(progress.json().progress.map((p: { round: number }) => p.round)).toEqual([1, 2]);

    const xlsx = await app.inject({
      url: `/api/submissions/summary.xlsx?asOf=${BENCH_AS_OF}`,
      headers: auth(officeToken),
    });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("汇总")!;
    const header = (ws.getRow(2).values as unknown[]).map(String);
    const col = (name: string) => header.indexOf(name);
    const rows = Array.from(
      { length: ws.rowCount - 2 },
      (_, i) => ws.getRow(i + 3).values as unknown[],
    );
    expect(rows.map((r) => r[col("单位")])).toEqual([...UNITS, `合计（${UNITS.length}家单位）`]);
    let total = 0;
    let done = 0;
    for (const [i, unit] of UNITS.entries()) {
      const stats = analyseWorkbook(await gridFromXlsxBytes(ledgers.get(unit)![1]!, "x"), {
        asOf: BENCH_AS_OF,
      }).stats;
      expect([rows[i]![col("问题总数")], rows[i]![col("已完成")], rows[i]![col("超期")]]).toEqual([
        stats.total,
        stats.done,
        stats.overdue.length,
      ]);
      total += stats.total;
      done += stats.done;
    }
    expect([rows[3]![col("问题总数")], rows[3]![col("已完成")]]).toEqual([total, done]);
    // An as-of day before any submission: no unit yet.
    const early = await app.inject({
      url: "/api/submissions/summary.xlsx?asOf=2020-01-01",
      headers: auth(officeToken),
    });
    const wbEarly = new ExcelJS.Workbook();
    await wbEarly.xlsx.load(early.rawPayload as unknown as ArrayBuffer);
    expect(wbEarly.getWorksheet("汇总")!.getRow(3).getCell(col("单位")).value).toBe(
      "合计（0家单位）",
    );
  });

  it("refuses what is not a ledger through the gate, and only unit tokens submit", async () => {
    const unit = tokens.get(UNITS[0]!)!;
    const notXlsx = await post(unit, text("纯文本"), "a.xlsx");
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.message).toContain("a.xlsx");
    const bomb = await post(
      unit,
      overlappingBomb(40, 8 * 1024 * 1024, [], (i) => `xl/worksheets/s${i}.xml`),
      "bomb.xlsx",
    );
    expect(bomb.statusCode).toBe(400);
    expect(bomb.json().error.code).toMatch(/^ledger\./);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("杂项").getCell("A1").value = "这里没有台账";
    const noLedger = await post(
      unit,
      new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer),
      "b.xlsx",
    );
    expect(noLedger.json().error.code).toBe("ledger.missing");
    const byOffice = await post(officeToken, ledgers.get(UNITS[0]!)![0]!, "c.xlsx");
    expect(byOffice.statusCode).toBe(403);
    const list = await app.inject({ url: "/api/submissions/submissions", headers: auth(unit) });
    expect(list.json().submissions).toHaveLength(2); // nothing refused was stored
  });

  it("audits every change", async () => {
    const res = await app.inject({ url: "/api/submissions/audit", headers: auth(ADMIN) });
    const entries = res.json().entries as { action: string; actor: string }[];
    expect(entries.filter((e) => e.action === "account.create")).toHaveLength(4);
    const subs = entries.filter((e) => e.action === "submission.create");
    expect(subs).toHaveLength(6);
    expect(new Set(subs.map((e) => e.actor))).toEqual(new Set(UNITS.map((u) => `unit:${u}`)));
    expect(
      (await app.inject({ url: "/api/submissions/audit", headers: auth(officeToken) })).statusCode,
    ).toBe(403);
  });

  it("answers the framework's own errors as the library does: Chinese, chosen by code", async () => {
    const badJson = await app.inject({
      method: "POST",
      url: "/api/submissions/accounts",
      headers: { ...auth(ADMIN), "content-type": "application/json" },
      payload: "{name:",
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().error.code).toBe("invalid_json");
    expect(badJson.body).not.toMatch(/FST_|Unexpected token/);
    const csv = await app.inject({
      method: "POST",
      url: "/api/submissions/submissions",
      headers: { ...auth(tokens.get(UNITS[0]!)!), "content-type": "text/csv" },
      payload: "a,b",
    });
    expect(csv.statusCode).toBe(415);
    expect(csv.json().error.message).toContain(".xlsx");
    const missing = await app.inject(`/api/submissions/${"x".repeat(300)}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/^报送服务没有这个接口：GET /);
    expect(missing.json().error.message.length).toBeLessThan(200);
  });
});

describe("zhenggai submit", () => {
  let server: { app: FastifyInstance; url: string };
  let token = "";
  let admin: SubmissionsClient;
  const sub = mkdtempSync(join(tmpdir(), "zhenggai-submit-cli-"));
  beforeAll(async () => {
    server = await startLibraryServer({ dataDir: sub, adminToken: ADMIN, submissions: true });
    admin = new SubmissionsClient(server.url, ADMIN);
    token = (await admin.createAccount("unit", "县市政园林局")).token;
  });
  afterAll(async () => {
    await server.app.close();
    rmSync(sub, { recursive: true, force: true });
  });

  it("submits a ledger (exit 0) and a ledger with errors (stored, exit 1)", async () => {
    const grid = generateLedgerGrid(20, { seed: 77 });
    const good = join(sub, "台账.xlsx");
    writeFileSync(good, await gridToXlsx(grid));
    const ok = await runCli([
      "submit",
      good,
      "--server",
      server.url,
      "--token",
      token,
      "--as-of",
      BENCH_AS_OF,
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain("已报送（第1次）");
    const row = grid.sheets[0]!.cells[4]! as unknown as { t: string; v: unknown }[];
    row[9] = { t: "s", v: "已完成" };
    row[11] = { t: "d", v: new Date(Date.UTC(2030, 0, 1)) };
    const bad = join(sub, "有错误.xlsx");
    writeFileSync(bad, await gridToXlsx(grid));
    const flagged = await runCli([
      "submit",
      bad,
      "--server",
      server.url,
      "--token",
      token,
      "--as-of",
      BENCH_AS_OF,
    ]);
    expect(flagged.code).toBe(1);
    expect(flagged.stdout).toContain("第2次");
    expect(flagged.stderr).toContain("晚于统计截止日期");
    const wrong = await runCli(["submit", good, "--server", server.url, "--token", "zg_wrong"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("令牌无效");
    const history = await admin.submissions();
    expect(history.map((s) => [s.round, s.figures.errors > 0])).toEqual([
      [2, true],
      [1, false],
    ]);
  }, 60_000);
});

describe("submissions mounted in the full server (src/server/app.ts)", () => {
  it("serves /api/submissions next to the library, sharing its data folder and admin token", async () => {
    const { buildApp } = await import("../../../src/server/app");
    const tmp = mkdtempSync(join(tmpdir(), "zhenggai-submissions-app-"));
    const full = await buildApp({
      rootDir: tmp,
      distDir: join(tmp, "no-dist"),
      library: { dataDir: tmp, adminToken: ADMIN },
      submissions: true,
    });
    try {
      const made = await full.inject({
        method: "POST",
        url: "/api/submissions/accounts",
        headers: auth(ADMIN),
        payload: { role: "unit", name: "县审计局" },
      });
      expect(made.statusCode).toBe(201);
      const res = await full.inject({
        method: "POST",
        url: `/api/submissions/submissions?asOf=${BENCH_AS_OF}`,
        headers: { ...auth(made.json().token), "content-type": XLSX_MIME },
        payload: Buffer.from(ledgers.get(UNITS[0]!)![0]!),
      });
      expect(res.statusCode, res.body).toBe(201);
      const units = await full.inject({ url: "/api/submissions/units", headers: auth(ADMIN) });
      expect(units.json().units.map((u: UnitOverview) => [u.unit.name, u.latest?.round])).toEqual([
        ["县审计局", 1],
      ]);
    } finally {
      await full.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
