/**
 * Contract, over HTTP: the template library on real loopback HTTP, run once per storage engine
 * (a SQLite file in a temp dir; a database on the run's real PostgreSQL). Publish, list,
 * versions, deprecate, tokens, audit, concurrency and the input limits must answer the same.
 */
import { createHash, randomBytes } from "node:crypto";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LibraryApiError, type LibraryClient } from "../../../../src/library/client";
import { ADMIN_TOKEN, documentXml, makeDocx, startTestServer, type TestServer } from "../helpers";
import { invalidTemplate, renderFailingTemplate, VALIDATOR, validTemplate } from "../templates";
import { BACKENDS, type Storage } from "./backends";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

async function apiError(promise: Promise<unknown>): Promise<LibraryApiError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof LibraryApiError) return e;
    throw e;
  }
  throw new Error("expected the library to refuse");
}

/** Raw POST of bytes, for requests the client would never send. */
async function rawPublish(
  server: TestServer,
  path: string,
  body: Uint8Array,
  headers: Record<string, string>,
): Promise<{
  status: number;
  body: { error?: { code: string; message: string; details?: string[] } };
}> {
  const response = await fetch(`${server.url}/api/library${path}`, {
    method: "POST",
    headers,
    body: body as Uint8Array<ArrayBuffer>,
  });
  return { status: response.status, body: (await response.json()) as never };
}

describe.each(BACKENDS)("template library over HTTP on $name", (backend) => {
  let storage: Storage;
  let server: TestServer;
  let client: LibraryClient;
  let tokenA = "";
  let tokenB = "";
  let deptAId = 0;
  let report: Uint8Array;
  let notice: Uint8Array;

  beforeAll(async () => {
    storage = await backend.create();
    server = await startTestServer(storage.dataDir, VALIDATOR, storage.databaseUrl);
    client = server.client;
    report = await validTemplate("报告");
    notice = await validTemplate("通报");
    const a = await client.createDepartment("县委巡察办", ADMIN_TOKEN);
    const b = await client.createDepartment("县财政局", ADMIN_TOKEN);
    tokenA = a.token;
    tokenB = b.token;
    deptAId = a.department.id;
  });
  afterAll(async () => {
    await server?.close();
    await storage?.dispose();
  });

  it("creates departments with one-time tokens stored only as hashes", async () => {
    expect(tokenA).toMatch(/^zg_[A-Za-z0-9_-]{43}$/);
    expect(tokenA).not.toBe(tokenB);
    const departments = await client.listDepartments(ADMIN_TOKEN);
    expect(departments.map((d) => d.name)).toEqual(["县委巡察办", "县财政局"]);
    expect(departments.every((d) => d.activeTokens === 1)).toBe(true);
    // The database holds the hash, never the token.
    const repo = await storage.open();
    const dept = await repo.findDepartmentByTokenHash(sha(strToU8(tokenA)));
    expect(dept?.name).toBe("县委巡察办");
    await repo.close();
    const stored = await storage.storedTokenHashes();
    expect(stored).toContain(sha(strToU8(tokenA)));
    expect(stored).not.toContain(tokenA);
    expect(stored.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    const dup = await apiError(client.createDepartment("县委巡察办", ADMIN_TOKEN));
    expect(dup.status).toBe(409);
    expect(dup.message).toContain("已存在");
  });

  it("refuses department management without the admin token", async () => {
    const none = await fetch(`${server.url}/api/library/departments`);
    expect(none.status).toBe(401);
    const wrong = await apiError(client.listDepartments("not-the-admin-token"));
    expect(wrong.status).toBe(403);
    expect(wrong.message).toContain("管理员令牌");
    const asDept = await apiError(client.createDepartment("冒名部门", tokenA));
    expect(asDept.status).toBe(403);
  });

  it("publishes, lists, downloads by version and latest, and deprecates", async () => {
    const v1 = await client.publish("巡察整改报告", report, {
      kind: "报告",
      token: tokenA,
      author: "张三",
      note: "首版",
    });
    expect(v1).toMatchObject({
      name: "巡察整改报告",
      version: 1,
      sha256: sha(report),
      author: "张三",
      note: "首版",
    });
    expect(v1.size).toBe(report.byteLength);
    const v2 = await client.publish("巡察整改报告", report, {
      kind: "报告",
      token: tokenA,
      note: "第二版",
    });
    expect(v2.version).toBe(2);
    expect(v2.author).toBe("县委巡察办"); // defaults to the department
    await client.publish("财政局通报", notice, { kind: "通报", token: tokenB });

    const all = await client.listTemplates();
    expect(
      all.map((t) => [t.name, t.kind, t.department, t.latest?.version, t.versionCount]),
    ).toEqual([
      ["巡察整改报告", "报告", "县委巡察办", 2, 2],
      ["财政局通报", "通报", "县财政局", 1, 1],
    ]);
    expect((await client.listTemplates({ kind: "通报" })).map((t) => t.name)).toEqual([
      "财政局通报",
    ]);
    expect((await client.listTemplates({ department: "县委巡察办" })).map((t) => t.name)).toEqual([
      "巡察整改报告",
    ]);
    expect((await client.listTemplates({ q: "整改" })).map((t) => t.name)).toEqual([
      "巡察整改报告",
    ]);
    expect(await client.listTemplates({ q: "%" })).toEqual([]); // LIKE wildcards are literal

    const got1 = await client.download("巡察整改报告", 1);
    expect(got1.version).toBe(1);
    expect(Buffer.from(got1.bytes).equals(Buffer.from(report))).toBe(true);
    const raw = await fetch(
      `${server.url}/api/library/templates/${encodeURIComponent("巡察整改报告")}/versions/1/file`,
    );
    expect(raw.headers.get("content-type")).toContain("wordprocessingml");
    expect(raw.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("巡察整改报告-v1.docx")}`,
    );
    expect(raw.headers.get("etag")).toBe(`"${sha(report)}"`);

    expect((await client.download("巡察整改报告")).version).toBe(2);
    // Deprecating v2: latest falls back to v1; v2 stays downloadable by number.
    await expect(client.deprecate("巡察整改报告", 2, tokenB)).rejects.toMatchObject({
      status: 403,
    });
    const dep = await client.deprecate("巡察整改报告", 2, tokenA);
    expect(dep.deprecated).toBe(true);
    expect((await client.download("巡察整改报告")).version).toBe(1);
    expect((await client.download("巡察整改报告", 2)).version).toBe(2);
    const detail = await client.getTemplate("巡察整改报告");
    expect(detail.versions.map((v) => [v.version, v.deprecated])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(detail.template.latest?.version).toBe(1);
    // The admin may deprecate too; with every version deprecated there is no latest.
    await client.deprecate("巡察整改报告", 1, ADMIN_TOKEN);
    const none = await apiError(client.download("巡察整改报告"));
    expect(none.status).toBe(404);
    expect(none.message).toContain("都已停用");
    const missing = await apiError(client.download("巡察整改报告", 9));
    expect(missing.status).toBe(404);
    expect(missing.message).toContain("没有第 9 版");

    const audit = await client.audit(ADMIN_TOKEN);
    const actions = audit.map((e) => `${e.action} ${e.target} ${e.actor}`).reverse();
    expect(actions).toEqual([
      "department.create 县委巡察办 admin",
      "department.create 县财政局 admin",
      "template.publish 巡察整改报告 department:县委巡察办",
      "template.publish 巡察整改报告 department:县委巡察办",
      "template.publish 财政局通报 department:县财政局",
      "version.deprecate 巡察整改报告 department:县委巡察办",
      "version.deprecate 巡察整改报告 admin",
    ]);
  });

  it("refuses publishing without a token, under another department's name, or with a revoked token", async () => {
    const noToken = await rawPublish(
      server,
      `/templates/${encodeURIComponent("无令牌")}/versions?kind=报告`,
      report,
      {
        "content-type": "application/octet-stream",
      },
    );
    expect(noToken.status).toBe(401);
    expect(noToken.body.error?.message).toContain("部门令牌");

    const bogus = await apiError(
      client.publish("无令牌", report, { kind: "报告", token: "zg_bogus" }),
    );
    expect(bogus.status).toBe(403);

    const foreign = await apiError(
      client.publish("财政局通报", notice, { kind: "通报", token: tokenA }),
    );
    expect(foreign.status).toBe(403);
    expect(foreign.message).toContain("属于“县财政局”");

    const kind = await apiError(
      client.publish("财政局通报", report, { kind: "报告", token: tokenB }),
    );
    expect(kind.status).toBe(409);
    expect(kind.message).toContain("是通报模板");

    // Revocation: the old token stops working at once; a new one can be issued.
    const deptC = await client.createDepartment("县审计局", ADMIN_TOKEN);
    await client.publish("审计通报", notice, { kind: "通报", token: deptC.token });
    expect(await client.revokeTokens(deptC.department.id, ADMIN_TOKEN)).toBe(1);
    const revoked = await apiError(
      client.publish("审计通报", notice, { kind: "通报", token: deptC.token }),
    );
    expect(revoked.status).toBe(403);
    expect(revoked.message).toContain("已被吊销");
    const fresh = await client.issueToken(deptC.department.id, ADMIN_TOKEN);
    expect((await client.publish("审计通报", notice, { kind: "通报", token: fresh })).version).toBe(
      2,
    );
    const audit = await client.audit(ADMIN_TOKEN, 3);
    expect(audit.map((e) => e.action)).toEqual(["template.publish", "token.issue", "token.revoke"]);
    expect(deptAId).toBeGreaterThan(0);
  });

  it("refuses bad names: path traversal, separators, control characters, too long", async () => {
    // ".." alone is resolved away by URL normalisation before it leaves the client: no route.
    const dotdot = await apiError(client.publish("..", report, { kind: "报告", token: tokenA }));
    expect(dotdot.status).toBe(404);
    const bad = [
      "../etc/passwd",
      "a/b",
      "a\\b",
      "报告\u0001",
      "报告\u202e",
      "x".repeat(65),
      " ",
      "a..b",
      ".隐藏",
      "a:b",
    ];
    const before = (await client.listTemplates()).length;
    for (const name of bad) {
      const e = await apiError(client.publish(name, report, { kind: "报告", token: tokenA }));
      expect(e.status, name).toBe(400);
      expect(e.code, name).toBe("invalid_name");
    }
    expect(await client.listTemplates()).toHaveLength(before); // nothing was stored
    // The encoded forms reach the name check (not just the router).
    const traversal = await apiError(
      client.publish("../x", report, { kind: "报告", token: tokenA }),
    );
    expect(traversal.status).toBe(400);
    expect(traversal.message).toMatch(/“\/”|“\.\.”/);
    const control = await apiError(
      client.publish("报告\u0007", report, { kind: "报告", token: tokenA }),
    );
    expect(control.message).toContain("控制字符");
    // NFC: the decomposed and composed forms name the same template.
    const composed = "Café通报";
    const decomposed = "Cafe\u0301通报";
    await client.publish(decomposed, notice, { kind: "通报", token: tokenA });
    expect((await client.getTemplate(composed)).template.name).toBe(composed);
    // 64 Chinese characters is the longest accepted name.
    const longest = "整".repeat(64);
    expect((await client.publish(longest, report, { kind: "报告", token: tokenA })).name).toBe(
      longest,
    );
    expect(await client.listTemplates({ q: "../" })).toEqual([]);
  });

  it("refuses invisible characters in names and look-alikes of another department's name", async () => {
    const invisible: Array<[string, string]> = [
      ["整改\u200b报告", "U+200B 零宽空格"],
      ["整改报告\u200e", "U+200E 从左到右标记（方向控制符）"],
      ["整改\u200f报告", "U+200F 从右到左标记（方向控制符）"],
      ["整改\u061c报告", "U+061C 阿拉伯文字母标记（方向控制符）"],
      ["整改\u00ad报告", "U+00AD 软连字符"],
      ["整改\u180e报告", "U+180E 蒙古文元音分隔符"],
      ["\ufeff整改报告", "U+FEFF 零宽不换行空格（BOM）"],
      ["整改报告\u3164", "U+3164 韩文填充符"],
      ["整改\u115f报告", "U+115F 韩文填充符"],
      ["整改\u1160报告", "U+1160 韩文填充符"],
      ["整改\u2066报告", "U+2066 方向控制符"],
      ["整改\u{e0041}报告", "U+E0041 不可见的格式字符"],
    ];
    const before = (await client.listTemplates()).length;
    for (const [name, what] of invisible) {
      const e = await apiError(client.publish(name, report, { kind: "报告", token: tokenB }));
      expect(e.status, what).toBe(400);
      expect(e.code, what).toBe("invalid_name");
      expect(e.message).toBe(
        `模板名称含有不可见的字符（${what}），看起来与别的名称一样却并不相同；请删去后重新输入（不要从其他文档直接粘贴）。`,
      );
    }
    const dept = await apiError(client.createDepartment("县委\u200d巡察办", ADMIN_TOKEN));
    expect(dept.status).toBe(400);
    expect(dept.message).toContain("部门名称含有不可见的字符（U+200D 零宽连字）");
    expect(await client.listTemplates()).toHaveLength(before);

    await client.publish("2024年第3轮整改报告", report, { kind: "报告", token: tokenA });
    const lookAlike = await apiError(
      client.publish("２０２４年第３轮整改报告", report, { kind: "报告", token: tokenB }),
    );
    expect(lookAlike.status).toBe(409);
    expect(lookAlike.code).toBe("name_lookalike");
    expect(lookAlike.message).toContain("与已有的模板“2024年第3轮整改报告”（县委巡察办）");
    expect((await client.listTemplates()).map((t) => t.name)).not.toContain(
      "２０２４年第３轮整改报告",
    );
  });

  it("refuses a kind other than 报告/通报 and an empty body", async () => {
    const e = await apiError(
      client.publish("类型错误", report, { kind: "公告" as never, token: tokenA }),
    );
    expect(e.status).toBe(400);
    expect(e.message).toContain("报告");
    const empty = await rawPublish(
      server,
      `/templates/${encodeURIComponent("空")}/versions?kind=报告`,
      new Uint8Array(0),
      {
        authorization: `Bearer ${tokenA}`,
        "content-type": "application/octet-stream",
      },
    );
    expect(empty.status).toBe(400);
    const json = await fetch(`${server.url}/api/library/templates/x/versions?kind=报告`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokenA}`, "content-type": "text/plain" },
      body: "hello",
    });
    expect(json.status).toBe(415);
  });

  it("refuses files over 5 MB before reading them", async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    const e = await apiError(client.publish("太大", big, { kind: "报告", token: tokenA }));
    expect(e.status).toBe(413);
    expect(e.message).toContain("5 MB");
  });

  it("refuses zip bombs from the central directory, before inflating", async () => {
    // 60 MB of zeros deflates to ~60 KB: declared size over the 50 MB limit.
    const bomb = makeDocx(["{单位名称}"], {
      "word/media/zeros.bin": new Uint8Array(60 * 1024 * 1024),
    });
    expect(bomb.byteLength).toBeLessThan(5 * 1024 * 1024);
    const e = await apiError(client.publish("炸弹", bomb, { kind: "报告", token: tokenA }));
    expect(e.status).toBe(400);
    expect(e.message).toContain("压缩炸弹");
    // Too many entries.
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 1500; i++) many[`word/x${i}.xml`] = strToU8("<a/>");
    const crowded = await apiError(
      client.publish("很多文件", makeDocx(["{单位名称}"], many), { kind: "报告", token: tokenA }),
    );
    expect(crowded.message).toContain("1503 个内部文件");
    // Entry names escaping the folder.
    const evil = await apiError(
      client.publish("穿越", makeDocx(["{单位名称}"], { "../../evil.xml": strToU8("<a/>") }), {
        kind: "报告",
        token: tokenA,
      }),
    );
    expect(evil.message).toContain("不安全的路径");
  });

  it("refuses things that are not .docx files", async () => {
    const notZip = await apiError(
      client.publish("文本", strToU8("hello"), { kind: "报告", token: tokenA }),
    );
    expect(notZip.status).toBe(400);
    expect(notZip.message).toContain("不是有效的压缩包");
    const noDocument = zipSync({ "[Content_Types].xml": strToU8("<Types/>") });
    const e = await apiError(client.publish("空壳", noDocument, { kind: "报告", token: tokenA }));
    expect(e.message).toContain("word/document.xml");
  });

  it("refuses a DOCTYPE or entity declaration in any XML part (UTF-8 and UTF-16)", async () => {
    const xxe = makeDocx([], {
      "word/document.xml": strToU8(
        documentXml(
          ["{单位名称}"],
          '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        ),
      ),
    });
    const e = await apiError(client.publish("XXE", xxe, { kind: "报告", token: tokenA }));
    expect(e.status).toBe(400);
    expect(e.message).toContain("DOCTYPE");
    expect(e.message).toContain("word/document.xml");
    // The same hidden in a UTF-16 settings part.
    const text = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x/>';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i);
    const hidden = makeDocx(["{单位名称}"], { "word/settings.xml": utf16 });
    const e16 = await apiError(client.publish("XXE16", hidden, { kind: "报告", token: tokenA }));
    expect(e16.message).toContain("word/settings.xml");
  });

  it("refuses unknown tags, naming the tag", async () => {
    const e = await apiError(
      client.publish("未知标记", await invalidTemplate("{单位名城}"), {
        kind: "报告",
        token: tokenA,
      }),
    );
    expect(e.status).toBe(400);
    expect(e.code).toBe("template_check_failed");
    expect(e.details.join("\n")).toContain("单位名城");
  });

  it("refuses a template whose trial render fails", async () => {
    const e = await apiError(
      client.publish("试生成失败", await renderFailingTemplate(), { kind: "报告", token: tokenA }),
    );
    expect(e.status).toBe(400);
    expect(e.code).toBe("trial_render_failed");
    expect(e.message).toContain("试生成");
    expect(e.details.join("\n")).toContain("word/charts/chart1.xml");
    expect(e.details.join("\n")).toContain("{单位名称}");
    expect((await client.listTemplates({ q: "试生成失败" })).length).toBe(0);
  });

  it("gives 20 concurrent publishes of one name 20 distinct versions and loses none", async () => {
    const bodies = Array.from({ length: 20 }, (_, i) => makeDocx(["{单位名称}", `第${i}份`]));
    const results = await Promise.all(
      bodies.map((b, i) =>
        client.publish("并发模板", b, { kind: "报告", token: tokenA, note: `并发${i}` }),
      ),
    );
    const versions = results.map((r) => r.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const [i, r] of results.entries()) {
      expect(r.note).toBe(`并发${i}`);
      const got = await client.download("并发模板", r.version);
      expect(got.sha256).toBe(sha(bodies[i]!));
    }
    expect((await client.getTemplate("并发模板")).versions).toHaveLength(20);
  });

  it("stores a template just under the 5 MB limit byte for byte, and identical bytes once", async () => {
    const media = randomBytes(5 * 1024 * 1024 - 64 * 1024);
    const big = makeDocx(["{党组织名称}", "大文件", "{成文日期}"], {
      "word/media/image1.bin": [media, { level: 0 }],
    });
    expect(big.byteLength).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(big.byteLength).toBeGreaterThan(4.9 * 1024 * 1024);
    const blobsBefore = await storage.blobCount();
    const v1 = await client.publish("大模板", big, { kind: "报告", token: tokenA });
    const v2 = await client.publish("大模板", big, { kind: "报告", token: tokenA });
    expect([v1.version, v2.version, v1.sha256, v2.size]).toEqual([1, 2, sha(big), big.byteLength]);
    expect(await storage.blobCount()).toBe(blobsBefore + 1);
    const got = await client.download("大模板", 2);
    expect(Buffer.from(got.bytes).equals(Buffer.from(big))).toBe(true);
  });

  it("takes kind/author/note from percent-encoded headers too", async () => {
    const r = await rawPublish(
      server,
      `/templates/${encodeURIComponent("头部元数据")}/versions`,
      report,
      {
        authorization: `Bearer ${tokenA}`,
        "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "x-template-kind": encodeURIComponent("报告"),
        "x-template-author": encodeURIComponent("李四"),
        "x-template-note": encodeURIComponent("页眉调整；第2版"),
      },
    );
    expect(r.status).toBe(201);
    expect((r.body as { version: { author: string; note: string } }).version).toMatchObject({
      author: "李四",
      note: "页眉调整；第2版",
    });
  });

  it("strips control and bidi characters from author and note, keeping line breaks in notes", async () => {
    const v = await client.publish("清洗元数据", report, {
      kind: "报告",
      token: tokenA,
      author: "张\u001b[31m三\u202e",
      note: "第一行\r\n第二行\u0007",
    });
    expect(v.author).toBe("张[31m三");
    expect(v.note).toBe("第一行\n第二行");
  });

  it("answers malformed JSON with a Chinese message", async () => {
    const r = await fetch(`${server.url}/api/library/departments`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: "{name:",
    });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("invalid_json");
    expect(body.error.message).toContain("不是有效的 JSON");
  });

  it("lets a pane served from another origin call it (CORS preflight, readable checksum headers)", async () => {
    const pre = await fetch(`${server.url}/api/library/templates/x/versions?kind=报告`, {
      method: "OPTIONS",
      headers: {
        origin: "https://localhost:3000",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-headers")).toContain("authorization");
    expect(pre.headers.get("access-control-allow-methods")).toContain("POST");
    const file = await fetch(
      `${server.url}/api/library/templates/${encodeURIComponent("头部元数据")}/latest/file`,
      { headers: { origin: "https://localhost:3000" } },
    );
    expect(file.headers.get("access-control-expose-headers")).toContain("x-template-sha256");
    const error = await fetch(
      `${server.url}/api/library/templates/${encodeURIComponent("无此模板")}`,
    );
    expect(error.status).toBe(404);
    expect(error.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("answers unknown routes and bad version numbers with Chinese JSON errors", async () => {
    const r = await fetch(`${server.url}/api/library/nope`);
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: { message: string } }).error.message).toContain(
      "没有这个接口",
    );
    const v = await fetch(`${server.url}/api/library/templates/x/versions/abc/file`);
    expect(v.status).toBe(400);
    expect(((await v.json()) as { error: { message: string } }).error.message).toContain("版本号");
  });
});

describe.each(BACKENDS)("library restart on $name", (backend) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await backend.create();
  });
  afterAll(async () => storage?.dispose());

  it("keeps templates, versions, deprecations and tokens across a restart", async () => {
    const report = await validTemplate("报告");
    const one = await startTestServer(storage.dataDir, VALIDATOR, storage.databaseUrl);
    const { token } = await one.client.createDepartment("县委巡察办", ADMIN_TOKEN);
    await one.client.publish("报告模板", report, { kind: "报告", token, note: "第一版" });
    await one.client.publish("报告模板", report, { kind: "报告", token, note: "第二版" });
    await one.client.deprecate("报告模板", 2, token);
    await one.close();

    const two = await startTestServer(storage.dataDir, VALIDATOR, storage.databaseUrl);
    try {
      const detail = await two.client.getTemplate("报告模板");
      expect(detail.versions.map((v) => [v.version, v.note, v.deprecated])).toEqual([
        [2, "第二版", true],
        [1, "第一版", false],
      ]);
      const latest = await two.client.download("报告模板");
      expect(latest.version).toBe(1);
      expect(Buffer.from(latest.bytes).equals(Buffer.from(report))).toBe(true);
      // The department token still works after the restart.
      expect((await two.client.publish("报告模板", report, { kind: "报告", token })).version).toBe(
        3,
      );
    } finally {
      await two.close();
    }
  });
});
