/**
 * Every error of the servers in `{ error: { code, message } }` with a Chinese message (issue 10,
 * item 7): the pane server with the library mounted, and the standalone library server. The
 * framework's own errors (an over-long or badly encoded path, unknown routes, bad JSON, a body
 * over the limit, a wrong content type) and anything thrown, checked with fastify inject; no
 * English internals reach any message.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { type AddressInfo, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOCX_MIME } from "../../../src/documents/api";
import { buildApp } from "../../../src/server/app";
import { MAX_PARAM_LENGTH } from "../../../src/server/errors";
import type { TemplateRepository } from "../../../src/server/library/repository";
import { buildLibraryServer } from "../../../src/server/library/server";
import { ADMIN_TOKEN } from "../library/helpers";
import { VALIDATOR } from "../library/templates";

const INTERNALS =
  /Bug :|Cannot set properties|undefined entity|FST_|Error:|not a valid url|Route [A-Z]+:/;
const CJK = /[\u4e00-\u9fff]/;

interface ErrorAnswer {
  status: number;
  code: string;
  message: string;
}

/** The answer as the API format, checked: JSON, `{error:{code,message}}`, Chinese, no internals. */
function answer(r: LightMyRequestResponse): ErrorAnswer {
  expect(r.headers["content-type"]).toMatch(/^application\/json/);
  expect(r.body).not.toMatch(INTERNALS);
  const body = r.json() as { error?: { code?: unknown; message?: unknown } };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(typeof body.error?.code).toBe("string");
  expect(typeof body.error?.message).toBe("string");
  const message = body.error!.message as string;
  expect(message).toMatch(CJK);
  return { status: r.statusCode, code: body.error!.code as string, message };
}

const ASTRAL = "𠀀"; // U+20000, four bytes in UTF-8: twelve characters percent-encoded
const astral = (n: number) => encodeURIComponent(ASTRAL.repeat(n));

let dir: string;
let pane: FastifyInstance;
let library: FastifyInstance;
let broken: FastifyInstance;

/** A repository whose every call fails the way a bug would. */
const brokenRepository = new Proxy({} as TemplateRepository, {
  get: (_target, key) =>
    key === "close"
      ? async () => {}
      : async () => {
          throw new TypeError("Cannot set properties of undefined (setting 'name')");
        },
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zhenggai-errors-"));
  mkdirSync(join(dir, "dist"), { recursive: true });
  writeFileSync(join(dir, "dist/taskpane.html"), "<!doctype html><title>整改台账助手</title>");
  mkdirSync(join(dir, "templates"), { recursive: true });
  pane = await buildApp({
    rootDir: dir,
    distDir: join(dir, "dist"),
    library: { dataDir: join(dir, "pane-library"), adminToken: ADMIN_TOKEN, validator: VALIDATOR },
  });
  pane.get("/boom", async () => {
    throw new TypeError("Cannot set properties of undefined (setting 'x')");
  });
  await pane.ready();
  library = await buildLibraryServer({
    dataDir: join(dir, "library"),
    adminToken: ADMIN_TOKEN,
    validator: VALIDATOR,
  });
  await library.ready();
  broken = await buildLibraryServer({
    dataDir: join(dir, "broken"),
    adminToken: ADMIN_TOKEN,
    validator: VALIDATOR,
    repository: brokenRepository,
  });
  await broken.ready();
});

afterAll(async () => {
  await pane?.close();
  await library?.close();
  await broken?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each([
  ["the pane server", () => pane],
  ["the library server", () => library],
])("errors of %s", (_label, app) => {
  const api = "/api/library";

  it("lets a 64-character astral name through to the name check, and refuses longer ones in Chinese", async () => {
    const found = answer(await app().inject(`${api}/templates/${astral(64)}`));
    expect(found).toEqual({
      status: 404,
      code: "not_found",
      message: `模板“${ASTRAL.repeat(64)}”不存在。`,
    });
    const file = answer(await app().inject(`${api}/templates/${astral(64)}/latest/file`));
    expect(file.status).toBe(404);
    const long = answer(await app().inject(`${api}/templates/${astral(65)}`));
    expect(long).toEqual({
      status: 400,
      code: "invalid_name",
      message: "模板名称最长 64 个字符，当前为 65 个，请缩短。",
    });
    // Past the router's own limit (Fastify's English 414 before).
    for (const huge of [astral(MAX_PARAM_LENGTH), "a".repeat(MAX_PARAM_LENGTH + 1)]) {
      expect(answer(await app().inject(`${api}/templates/${huge}`))).toEqual({
        status: 414,
        code: "uri_too_long",
        message: `地址中的名称过长（超过 ${MAX_PARAM_LENGTH} 个字符）；名称最长 64 个字符，请缩短。`,
      });
    }
  });

  it("answers bad percent-encoding in a path with bad_url", async () => {
    for (const path of [
      `${api}/templates/%E6%A8%ZZ`,
      `${api}/templates/%`,
      `${api}/templates/a%E6`,
    ]) {
      const r = answer(await app().inject(path));
      expect(r.status, path).toBe(400);
      expect(r.code, path).toBe("bad_url");
      expect(r.message).toContain("编码无效");
    }
  });

  it("answers unknown routes and methods with not_found", async () => {
    const inside = answer(await app().inject(`${api}/nope`));
    expect(inside.status).toBe(404);
    // The pane server's static files own every other path, so its answer is the root one.
    expect(inside.code).toBe("not_found");
    expect(inside.message).toMatch(/^(模板库)?没有这个(接口|地址)：GET \/api\/library\/nope$/);
    const outside = answer(await app().inject({ method: "DELETE", url: "/nope/深处" }));
    expect(outside.status).toBe(404);
    expect(outside.code).toBe("not_found");
    expect(outside.message).toBe("没有这个地址：DELETE /nope/深处");
    const longUrl = answer(await app().inject(`/x/${"a".repeat(1000)}/y`));
    expect(longUrl.code).toBe("not_found");
    expect(longUrl.message.length).toBeLessThan(200);
  });

  it("answers bad JSON, a JSON body over the limit and a wrong content type in Chinese", async () => {
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const bad = answer(
      await app().inject({
        method: "POST",
        url: `${api}/departments`,
        headers: { ...auth, "content-type": "application/json" },
        payload: "{name:",
      }),
    );
    expect(bad).toMatchObject({ status: 400, code: "invalid_json" });
    const proto = answer(
      await app().inject({
        method: "POST",
        url: `${api}/departments`,
        headers: { ...auth, "content-type": "application/json" },
        payload: '{"name":"甲","__proto__":{"x":1}}',
      }),
    );
    expect(proto).toMatchObject({ status: 400, code: "invalid_json" });
    const empty = answer(
      await app().inject({
        method: "POST",
        url: `${api}/departments`,
        headers: { ...auth, "content-type": "application/json" },
        payload: "",
      }),
    );
    expect(empty).toMatchObject({ status: 400, code: "invalid_json" });
    const big = answer(
      await app().inject({
        method: "POST",
        url: `${api}/departments`,
        headers: { ...auth, "content-type": "application/json" },
        payload: JSON.stringify({ name: "长".repeat(2 * 1024 * 1024) }),
      }),
    );
    expect(big).toEqual({
      status: 413,
      code: "too_large",
      message: "请求体超过服务器接受的大小上限。",
    });
    const type = answer(
      await app().inject({
        method: "POST",
        url: `${api}/departments`,
        headers: { ...auth, "content-type": "text/csv" },
        payload: "name\n甲",
      }),
    );
    expect(type).toMatchObject({ status: 415, code: "unsupported_media_type" });
    const template = answer(
      await app().inject({
        method: "POST",
        url: `${api}/templates/${encodeURIComponent("大模板")}/versions?kind=报告`,
        headers: { authorization: "Bearer zg_x", "content-type": DOCX_MIME },
        payload: Buffer.alloc(6 * 1024 * 1024),
      }),
    );
    expect(template).toMatchObject({ status: 413, code: "too_large" });
    expect(template.message).toContain("模板文件超过上限 5 MB");
  });
});

describe("errors nobody planned for", () => {
  it("answers a request Node's HTTP parser rejects (headers too large, garbage) in format", async () => {
    const server = await buildLibraryServer({
      dataDir: join(dir, "raw"),
      adminToken: ADMIN_TOKEN,
      validator: VALIDATOR,
    });
    await server.listen({ host: "127.0.0.1", port: 0 });
    const { port } = server.server.address() as AddressInfo;
    const raw = (request: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(port, "127.0.0.1");
        let data = "";
        socket.on("data", (chunk) => {
          data += chunk.toString("utf8");
        });
        socket.on("close", () => resolve(data));
        socket.on("error", () => resolve(data));
        socket.write(request);
      });
    try {
      const big = await raw(
        `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`,
      );
      expect(big.split("\r\n")[0]).toBe("HTTP/1.1 431 Request Header Fields Too Large");
      const bigBody = JSON.parse(big.slice(big.indexOf("\r\n\r\n") + 4));
      expect(bigBody).toEqual({
        error: {
          code: "headers_too_large",
          message: "请求头过大（地址或 Cookie 太长），请缩短后重试。",
        },
      });
      const garbage = await raw("NOT HTTP AT ALL\r\n\r\n");
      expect(garbage.split("\r\n")[0]).toBe("HTTP/1.1 400 Bad Request");
      expect(JSON.parse(garbage.slice(garbage.indexOf("\r\n\r\n") + 4)).error.code).toBe(
        "bad_request",
      );
      expect(big + garbage).not.toMatch(INTERNALS);
    } finally {
      await server.close();
    }
  });

  it("answers a thrown error in a route of the pane server with a Chinese 500", async () => {
    const r = answer(await pane.inject("/boom"));
    expect(r).toEqual({
      status: 500,
      code: "internal",
      message: "服务器内部错误，请稍后重试；问题持续时请联系管理员。",
    });
  });

  it("answers a failing repository with the library's Chinese 500", async () => {
    for (const url of [
      "/api/library/templates",
      `/api/library/templates/${encodeURIComponent("某模板")}`,
    ]) {
      const r = answer(await broken.inject(url));
      expect(r).toEqual({
        status: 500,
        code: "internal",
        message: "模板库服务器内部错误，请稍后重试或联系管理员。",
      });
    }
  });

  it("answers the downloads API's refusals in the same format", async () => {
    const type = answer(
      await pane.inject({
        method: "POST",
        url: `/api/downloads?name=${encodeURIComponent("通报.docx")}`,
        headers: { "content-type": "image/png" },
        payload: "x",
      }),
    );
    expect(type).toEqual({
      status: 415,
      code: "unsupported_media_type",
      message: "只接受 .docx 文件。",
    });
    const name = answer(
      await pane.inject({
        method: "POST",
        url: "/api/downloads?name=../x.exe",
        headers: { "content-type": DOCX_MIME },
        payload: Buffer.from("PK\u0003\u0004"),
      }),
    );
    expect(name).toMatchObject({ status: 400, code: "bad_request" });
  });
});
