import Fastify, { type FastifyInstance } from "fastify";
import PizZip from "pizzip";
import { afterEach, describe, expect, it } from "vitest";
import { DOCX_MIME } from "../../../src/documents/api";
import { contentDisposition, downloadsPlugin } from "../../../src/server/downloads";

function docxBytes(text = "整改"): Buffer {
  const zip = new PizZip();
  zip.file(
    "word/document.xml",
    `<w:document><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
  );
  return zip.generate({ type: "nodebuffer" });
}

let app: FastifyInstance;
let clock = 1_000_000;

async function start(options: Parameters<typeof downloadsPlugin>[1] = {}) {
  app = Fastify();
  await app.register(downloadsPlugin, { prefix: "/api/downloads", now: () => clock, ...options });
  await app.ready();
}

function upload(body: Buffer, name = "中共某局党组关于巡察整改情况的报告.docx", type = DOCX_MIME) {
  return app.inject({
    method: "POST",
    url: `/api/downloads?name=${encodeURIComponent(name)}`,
    headers: { "content-type": type },
    payload: body,
  });
}

afterEach(async () => {
  await app?.close();
});

describe("one-time downloads", () => {
  it("stores a .docx and serves it exactly once, with the Chinese file name", async () => {
    await start();
    const bytes = docxBytes("巡察反馈的25个具体问题");
    const posted = await upload(bytes);
    expect(posted.statusCode).toBe(201);
    const { id, url } = posted.json() as { id: string; url: string };
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(url).toBe(`/api/downloads/${id}`);

    const first = await app.inject({ method: "GET", url });
    expect(first.statusCode).toBe(200);
    expect(first.headers["content-type"]).toBe(DOCX_MIME);
    expect(first.headers["cache-control"]).toBe("no-store");
    const disposition = String(first.headers["content-disposition"]);
    expect(disposition).toContain("attachment;");
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent("中共某局党组关于巡察整改情况的报告.docx")}`,
    );
    expect(first.rawPayload.equals(bytes)).toBe(true);
    const xml = new PizZip(first.rawPayload).file("word/document.xml")!.asText();
    expect(xml).toContain("巡察反馈的25个具体问题");

    const second = await app.inject({ method: "GET", url });
    expect(second.statusCode).toBe(404);
    expect(second.body).toContain("下载链接已失效");
  });

  it("gives every upload its own random id", async () => {
    await start();
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await upload(docxBytes())).json().id);
    expect(ids.size).toBe(5);
  });

  it("expires links after the time to live", async () => {
    await start({ ttlMs: 5 * 60_000 });
    const { url } = (await upload(docxBytes())).json() as { url: string };
    clock += 5 * 60_000 + 1;
    const late = await app.inject({ method: "GET", url });
    expect(late.statusCode).toBe(404);
  });

  it("still serves a link just before it expires", async () => {
    await start({ ttlMs: 5 * 60_000 });
    const { url } = (await upload(docxBytes())).json() as { url: string };
    clock += 5 * 60_000 - 1;
    expect((await app.inject({ method: "GET", url })).statusCode).toBe(200);
  });

  it("refuses files over the size cap with a Chinese message", async () => {
    await start({ maxFileBytes: 1024 });
    const big = Buffer.concat([docxBytes(), Buffer.alloc(4096, 1)]);
    const res = await upload(big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toContain("文件超过");
  });

  it("refuses more than the total it may hold", async () => {
    const one = docxBytes();
    await start({ maxTotalBytes: one.length * 2 + 10 });
    expect((await upload(one)).statusCode).toBe(201);
    expect((await upload(one)).statusCode).toBe(201);
    const third = await upload(one);
    expect(third.statusCode).toBe(503);
    expect(third.json().error).toContain("再试");
  });

  it("refuses bodies that are not a zip, and bad file names", async () => {
    await start();
    expect((await upload(Buffer.from("hello world"))).statusCode).toBe(400);
    expect((await upload(docxBytes(), "../../etc/passwd.docx")).statusCode).toBe(400);
    expect((await upload(docxBytes(), "报告.exe")).statusCode).toBe(400);
    const noName = await app.inject({
      method: "POST",
      url: "/api/downloads",
      headers: { "content-type": DOCX_MIME },
      payload: docxBytes(),
    });
    expect(noName.statusCode).toBe(400);
  });

  it("accepts application/octet-stream uploads too", async () => {
    await start();
    expect((await upload(docxBytes(), "report.docx", "application/octet-stream")).statusCode).toBe(
      201,
    );
  });

  it("answers 404 for ids that do not look like ours", async () => {
    await start();
    expect((await app.inject({ method: "GET", url: "/api/downloads/abc" })).statusCode).toBe(404);
  });
});

describe("contentDisposition", () => {
  it("encodes the Chinese name per RFC 5987 with an ASCII fallback", () => {
    const header = contentDisposition("关于巡察整改进展情况的通报(2024).docx");
    expect(header).toBe(
      `attachment; filename="(2024).docx"; filename*=UTF-8''${encodeURIComponent("关于巡察整改进展情况的通报")}%282024%29.docx`,
    );
    expect(contentDisposition("报告.docx")).toContain('filename="document.docx"');
    // Quotes cannot break out of the quoted fallback.
    expect(contentDisposition('a"b.docx')).toContain('filename="ab.docx"');
  });
});
