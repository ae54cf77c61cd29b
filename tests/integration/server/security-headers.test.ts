/**
 * Every response of the pane server and of the standalone library server carries the
 * Content-Security-Policy and X-Content-Type-Options: nosniff (src/server/library/security-headers.ts):
 * the pane page gets the page policy (scripts from this server only, never inline, framed only by
 * this server and Office on the web); API answers, errors and 404s get the resource policy.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../../src/server/app";
import { buildLibraryServer } from "../../../src/server/library/server";
import { ADMIN_TOKEN, tempDir } from "../library/helpers";

/** The CSP directives of a header value, by name. */
function directives(header: unknown): Map<string, string[]> {
  expect(typeof header).toBe("string");
  const map = new Map<string, string[]>();
  for (const part of String(header).split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

function expectPagePolicy(headers: Record<string, unknown>): void {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  const csp = directives(headers["content-security-policy"]);
  expect(csp.get("default-src")).toEqual(["'self'"]);
  const scripts = csp.get("script-src") ?? [];
  expect(scripts).toContain("'self'");
  expect(scripts.join(" ")).not.toMatch(/unsafe-inline|unsafe-eval|\*|data:|blob:/);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("base-uri")).toEqual(["'self'"]);
  expect(csp.get("frame-ancestors")).toEqual([
    "'self'",
    "https://*.officeapps.live.com",
    "https://*.office.com",
    "https://*.office365.com",
    "https://*.microsoft.com",
  ]);
}

function expectResourcePolicy(headers: Record<string, unknown>): void {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  const csp = directives(headers["content-security-policy"]);
  expect(csp.get("default-src")).toEqual(["'none'"]);
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
}

describe("security headers", () => {
  const tmp = tempDir("zhenggai-headers-");
  let app: FastifyInstance;
  let library: FastifyInstance;

  beforeAll(async () => {
    const dist = join(tmp.dir, "dist");
    mkdirSync(join(dist, "static"), { recursive: true });
    writeFileSync(join(dist, "standalone.html"), "<!doctype html><html><body></body></html>");
    writeFileSync(
      join(dist, "taskpane.html"),
      '<!doctype html><html><head><script type="module" src="./static/a.js"></script></head><body></body></html>',
    );
    writeFileSync(join(dist, "static/a.js"), "export {};\n");
    app = await buildApp({
      distDir: dist,
      library: { dataDir: join(tmp.dir, "library"), adminToken: ADMIN_TOKEN },
    });
    library = await buildLibraryServer({
      dataDir: join(tmp.dir, "library-2"),
      adminToken: ADMIN_TOKEN,
    });
  });
  afterAll(async () => {
    await app?.close();
    await library?.close();
    tmp.remove();
  });

  it("the pane page carries the page policy and nosniff", async () => {
    const res = await app.inject({ method: "GET", url: "/taskpane.html" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expectPagePolicy(res.headers);
  });

  it("only the add-in page may load from Microsoft's host; other pages load from here only", async () => {
    const addin = await app.inject({ method: "GET", url: "/taskpane.html" });
    const standalone = await app.inject({ method: "GET", url: "/standalone.html" });
    expect(standalone.statusCode).toBe(200);
    expectPagePolicy(standalone.headers);
    expect(directives(addin.headers["content-security-policy"]).get("script-src")).toContain(
      "https://appsforoffice.microsoft.com",
    );
    expect(directives(standalone.headers["content-security-policy"]).get("script-src")).toEqual([
      "'self'",
    ]);
  });

  it("a revalidated page (304, no content type) keeps the page policy: reloads still run", async () => {
    const first = await app.inject({ method: "GET", url: "/taskpane.html" });
    const etag = first.headers.etag;
    expect(etag).toBeDefined();
    const again = await app.inject({
      method: "GET",
      url: "/taskpane.html",
      headers: { "if-none-match": String(etag) },
    });
    expect(again.statusCode).toBe(304);
    expectPagePolicy(again.headers);
  });

  it("the pane's scripts, the API, its errors and 404s carry nosniff and the resource policy", async () => {
    const script = await app.inject({ method: "GET", url: "/static/a.js" });
    expect(script.statusCode).toBe(200);
    expectResourcePolicy(script.headers);

    const templates = await app.inject({ method: "GET", url: "/api/library/templates" });
    expect(templates.statusCode).toBe(200);
    expect(templates.json()).toBeTypeOf("object");
    expectResourcePolicy(templates.headers);

    const refused = await app.inject({ method: "GET", url: "/api/library/audit" });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expectResourcePolicy(refused.headers);

    const missing = await app.inject({ method: "GET", url: "/no-such-file.js" });
    expect(missing.statusCode).toBe(404);
    expectResourcePolicy(missing.headers);

    const health = await app.inject({ method: "GET", url: "/healthz" });
    expectResourcePolicy(health.headers);
  });

  it("the standalone library server (zhenggai library serve) sends them too", async () => {
    const templates = await library.inject({ method: "GET", url: "/api/library/templates" });
    expect(templates.statusCode).toBe(200);
    expectResourcePolicy(templates.headers);
    const refused = await library.inject({ method: "GET", url: "/api/library/audit" });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expectResourcePolicy(refused.headers);
    const health = await library.inject({ method: "GET", url: "/healthz" });
    expectResourcePolicy(health.headers);
  });
});
