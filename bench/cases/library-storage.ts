/**
 * Case 7: the template library's storage, SQLite file vs PostgreSQL, in the same run on the
 * same machine: publishes per second (one writer; eight writers on one name, which all queue
 * on that template's lock) and the latency of listing and downloading.
 *
 * Both engines commit durably: SQLite with WAL and synchronous=FULL, PostgreSQL (a throwaway
 * cluster from tests/support/postgres.ts, Debian's binaries) with fsync and synchronous_commit
 * on, over loopback TCP — what a county and a province each run. The repositories are measured
 * directly: over HTTP every publish also runs the template checks and a trial render, the same
 * on either engine.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { PostgresTemplateRepository } from "../../src/server/library/pg-repository";
import type { TemplateRepository } from "../../src/server/library/repository";
import { SqliteTemplateRepository } from "../../src/server/library/sqlite-repository";
import { postgresBinDir, startPostgres } from "../../tests/support/postgres";
import { fmtMs, fmtRatio, fmtSample, measure, type Sample } from "../harness";
import type { Pieces } from "../pieces";
import type { CaseResult } from "../report";

const TITLE = "Library storage: SQLite vs PostgreSQL (publish, list, download)";
const GOAL = "PostgreSQL within 3× SQLite's publish and list times on one machine";
/** Templates in the library when listing (each with VERSIONS versions). */
export const LIST_TEMPLATES = 200;
const VERSIONS = 3;
const PUBLISH_BATCH = 25;
const PUBLISH_ROUNDS = 6;
const WRITERS = 8;

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
/** A small .docx-shaped zip (~1 KB), different for every `text`. */
const docx = (text: string) =>
  zipSync({
    "[Content_Types].xml": strToU8("<Types/>"),
    "word/document.xml": strToU8(`<w:document><w:body><w:p>${text}</w:p></w:body></w:document>`),
  });

interface Engine {
  readonly name: "SQLite" | "PostgreSQL";
  readonly repo: TemplateRepository;
  readonly department: number;
}

let seq = 0;
const publish = (e: Engine, name: string) => {
  const bytes = docx(`${name} ${++seq}`);
  return e.repo.publishVersion(
    {
      name,
      kind: "报告",
      departmentId: e.department,
      author: "bench",
      note: "",
      bytes,
      sha256: sha(bytes),
    },
    "department:bench",
  );
};

/** Publishes per second over `count` publishes by `writers` concurrent writers of `name()`. */
async function publishRate(
  e: Engine,
  count: number,
  writers: number,
  name: (i: number) => string,
): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < count) await publish(e, name(next++));
    }),
  );
  return (count / (performance.now() - t0)) * 1000;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export async function libraryStorageCase(_pieces: Pieces): Promise<CaseResult> {
  if (!postgresBinDir())
    return {
      id: 7,
      title: TITLE,
      goal: GOAL,
      verdict: "untested",
      headline: "未测（PostgreSQL 未安装：运行 scripts/ensure-system-deps.sh）",
      tables: [],
      notes: [],
    };
  const dir = mkdtempSync(join(tmpdir(), "zhenggai-bench-library-"));
  const server = await startPostgres({ durable: true });
  const engines: Engine[] = [];
  try {
    const sqlite = new SqliteTemplateRepository(join(dir, "library.sqlite"));
    const pg = await PostgresTemplateRepository.open(await server.createDatabase("bench"));
    for (const [name, repo] of [
      ["SQLite", sqlite],
      ["PostgreSQL", pg],
    ] as const)
      engines.push({
        name,
        repo,
        department: (await repo.createDepartment("基准部门", sha(strToU8(name)), "admin")).id,
      });

    // Warm-up, then interleaved rounds (SQLite, PostgreSQL, PostgreSQL, SQLite, …) so drift in
    // the machine's load hits both alike.
    for (const e of engines) await publishRate(e, 10, 1, (i) => `预热${i}`);
    const single: Record<string, number[]> = { SQLite: [], PostgreSQL: [] };
    const queued: Record<string, number[]> = { SQLite: [], PostgreSQL: [] };
    for (let round = 0; round < PUBLISH_ROUNDS; round++) {
      const order = round % 2 ? [...engines].reverse() : engines;
      for (const e of order) {
        single[e.name]!.push(
          await publishRate(e, PUBLISH_BATCH, 1, (i) => `单写${round}-${i % 5}`),
        );
        queued[e.name]!.push(await publishRate(e, PUBLISH_BATCH, WRITERS, () => "同名并发"));
      }
    }

    // A library of LIST_TEMPLATES templates with VERSIONS versions each (the ones above are
    // part of it too), then list, search and download.
    for (const e of engines)
      for (let t = 0; t < LIST_TEMPLATES; t++)
        for (let v = 0; v < VERSIONS; v++) await publish(e, `模板${String(t).padStart(3, "0")}`);
    const variants: Record<string, () => Promise<unknown>> = {};
    for (const e of engines) {
      variants[`${e.name} list`] = () => e.repo.listTemplates({});
      variants[`${e.name} search`] = () => e.repo.listTemplates({ q: "模板1" });
      variants[`${e.name} detail`] = () => e.repo.getTemplate("同名并发");
      variants[`${e.name} download`] = () => e.repo.getVersionFile("模板123", "latest");
    }
    const lat = (await measure(variants, {
      warmup: 3,
      rounds: 41,
      minRounds: 11,
      budgetMs: 20_000,
    })) as Record<string, Sample>;
    const templates = (await engines[0]!.repo.listTemplates({})).length;
    const detailVersions = (await engines[0]!.repo.getTemplate("同名并发"))!.versions.length;

    const s = (e: string, what: string) => lat[`${e} ${what}`]!;
    const rate = (xs: number[]) => `${median(xs).toFixed(0)}/s`;
    const rows = engines.map((e) => [
      e.name,
      rate(single[e.name]!),
      rate(queued[e.name]!),
      fmtSample(s(e.name, "list")),
      fmtSample(s(e.name, "search")),
      fmtSample(s(e.name, "detail")),
      fmtSample(s(e.name, "download")),
    ]);
    const ratio = (a: number, b: number) => fmtRatio(a / b);
    rows.push([
      "PostgreSQL ÷ SQLite (time)",
      ratio(median(single.SQLite!), median(single.PostgreSQL!)),
      ratio(median(queued.SQLite!), median(queued.PostgreSQL!)),
      ratio(s("PostgreSQL", "list").median, s("SQLite", "list").median),
      ratio(s("PostgreSQL", "search").median, s("SQLite", "search").median),
      ratio(s("PostgreSQL", "detail").median, s("SQLite", "detail").median),
      ratio(s("PostgreSQL", "download").median, s("SQLite", "download").median),
    ]);
    const publishRatio = median(single.SQLite!) / median(single.PostgreSQL!);
    const listRatio = s("PostgreSQL", "list").median / s("SQLite", "list").median;
    return {
      id: 7,
      title: TITLE,
      goal: GOAL,
      verdict: publishRatio <= 3 && listRatio <= 3 ? "met" : "missed",
      headline:
        `publish (1 writer): SQLite ${rate(single.SQLite!)}, PostgreSQL ${rate(single.PostgreSQL!)}; ` +
        `list ${templates}: ${fmtMs(s("SQLite", "list").median)} vs ${fmtMs(s("PostgreSQL", "list").median)}`,
      tables: [
        {
          headers: [
            "engine",
            "publishes/s, 1 writer",
            `publishes/s, ${WRITERS} writers one name`,
            `list ${templates} templates`,
            "search (q)",
            `detail (${detailVersions} versions)`,
            "download latest",
          ],
          rows,
        },
      ],
      notes: [
        `Publish rates: median of ${PUBLISH_ROUNDS} interleaved rounds of ${PUBLISH_BATCH} publishes of ~1 KB files; every publish is a durable commit (SQLite synchronous=FULL; PostgreSQL ${server.version} fsync=on, synchronous_commit=on, loopback TCP).`,
        `The ${WRITERS}-writer column publishes one name: on PostgreSQL the writers queue on the template's row lock (SELECT … FOR UPDATE), on SQLite on the database's write lock; numbering stays 1…n either way.`,
        "The ratio row is PostgreSQL's time over SQLite's (for rates: SQLite's rate over PostgreSQL's), so above 1× means PostgreSQL is slower.",
        "Repositories are measured directly; over HTTP every publish also spends its template checks and trial render, the same on both engines.",
      ],
    };
  } finally {
    for (const e of engines) await e.repo.close().catch(() => {});
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
