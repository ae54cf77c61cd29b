import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import PizZip from "pizzip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOCX_MIME } from "../../../src/documents/api";
import { buildApp } from "../../../src/server/app";

let dir: string;
let app: FastifyInstance;

function put(path: string, content: string | Buffer) {
  const full = join(dir, path);
  mkdirSync(join(full, ".."), { recursive: true });
  writeFileSync(full, content);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zhenggai-app-"));
  put("dist/taskpane.html", "<!doctype html><title>整改台账助手</title>");
  put("dist/standalone.html", "<!doctype html><title>整改台账助手（单机网页版）</title>");
  put("examples/示例-整改台账.xlsx", Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  put("examples/seeds/secret.json", "{}");
  put("dist/static/taskpane-abc123.js", "console.log(1)");
  put("dist/.vite/manifest.json", "{}");
  put("node_modules/@microsoft/office-js/dist/office.js", "var Office = {};");
  put("node_modules/@microsoft/office-js/dist/zh-cn/office_strings.js", "var s;");
  put("assets/icon-32.png", Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  put("manifest.xml", '<?xml version="1.0"?><OfficeApp/>');
  const zip = new PizZip();
  zip.file("word/document.xml", "<w:document/>");
  put("templates/报告.docx", zip.generate({ type: "nodebuffer" }));
  put("templates/src/build.ts", "secret source");
  app = await buildApp({ rootDir: dir, distDir: join(dir, "dist"), library: false });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("buildApp", () => {
  it("serves the example ledgers at the top of examples/, nothing below", async () => {
    const example = await app.inject(`/examples/${encodeURIComponent("示例-整改台账.xlsx")}`);
    expect(example.statusCode).toBe(200);
    expect(example.headers["content-type"]).toContain("spreadsheetml");
    expect(example.rawPayload.subarray(0, 2).toString("latin1")).toBe("PK");
    expect((await app.inject("/examples/seeds/secret.json")).statusCode).toBe(404);
  });

  it("redirects / to the standalone pane (no office.js) and serves both pages uncached", async () => {
    const root = await app.inject("/");
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe("/standalone.html");
    const standalone = await app.inject("/standalone.html");
    expect(standalone.statusCode).toBe(200);
    expect(standalone.body).toContain("单机网页版");
    expect(standalone.headers["cache-control"]).toBe("no-cache");
    const page = await app.inject("/taskpane.html");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("整改台账助手");
    expect(page.headers["cache-control"]).toBe("no-cache");
  });

  it("serves hashed pane files as immutable and hides the build manifest", async () => {
    const js = await app.inject("/static/taskpane-abc123.js");
    expect(js.statusCode).toBe(200);
    expect(js.headers["cache-control"]).toContain("immutable");
    expect((await app.inject("/.vite/manifest.json")).statusCode).toBeGreaterThanOrEqual(400);
  });

  it("serves office.js and its localized files from @microsoft/office-js", async () => {
    const office = await app.inject("/office-js/office.js");
    expect(office.statusCode).toBe(200);
    expect(office.body).toContain("Office");
    expect((await app.inject("/office-js/zh-cn/office_strings.js")).statusCode).toBe(200);
  });

  it("serves the manifest, icons, and only the .docx templates", async () => {
    const manifest = await app.inject("/manifest.xml");
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers["content-type"]).toContain("application/xml");
    expect((await app.inject("/assets/icon-32.png")).statusCode).toBe(200);
    const template = await app.inject(`/templates/${encodeURIComponent("报告")}.docx`);
    expect(template.statusCode).toBe(200);
    expect(new PizZip(template.rawPayload).file("word/document.xml")).toBeTruthy();
    expect((await app.inject("/templates/src/build.ts")).statusCode).toBeGreaterThanOrEqual(400);
    expect((await app.inject("/templates/%E6%B2%A1%E6%9C%89.docx")).statusCode).toBe(404);
  });

  it("answers /healthz and mounts /api/downloads", async () => {
    expect((await app.inject("/healthz")).json()).toEqual({ ok: true });
    const zip = new PizZip();
    zip.file("a.txt", "x");
    const posted = await app.inject({
      method: "POST",
      url: `/api/downloads?name=${encodeURIComponent("通报.docx")}`,
      headers: { "content-type": DOCX_MIME },
      payload: zip.generate({ type: "nodebuffer" }),
    });
    expect(posted.statusCode).toBe(201);
    expect((await app.inject(posted.json().url)).statusCode).toBe(200);
  });
});

describe("buildApp without a build", () => {
  it("tells the user to run npm start", async () => {
    const bare = await buildApp({ rootDir: dir, distDir: join(dir, "no-dist"), library: false });
    const res = await bare.inject("/taskpane.html");
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain("npm start");
    await bare.close();
  });
});
