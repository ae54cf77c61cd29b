/**
 * `zhenggai library serve --cert --key`: the library over HTTPS (panes inside Excel are https
 * pages and may not call an http server), used by the CLI with the certificate trusted.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:https";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChildServer, killServer, runCli, spawnServer } from "./child";
import { ADMIN_TOKEN, tempDir } from "./helpers";

function getJson(url: string, ca: Buffer): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    request(url, { ca }, (res) => {
      let data = "";
      res.on("data", (c: Buffer) => {
        data += c.toString("utf8");
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(data) }));
    })
      .on("error", reject)
      .end();
  });
}

describe("library over HTTPS", () => {
  const tmp = tempDir();
  const cert = join(tmp.dir, "cert.pem");
  const key = join(tmp.dir, "key.pem");
  let server: ChildServer;
  beforeAll(async () => {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-keyout",
        key,
        "-out",
        cert,
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
      ],
      { stdio: "ignore" },
    );
    server = await spawnServer(join(tmp.dir, "data"), { ZHENGGAI_ADMIN_TOKEN: ADMIN_TOKEN }, [
      "--cert",
      cert,
      "--key",
      key,
    ]);
  });
  afterAll(async () => {
    if (server) await killServer(server, "SIGTERM");
    tmp.remove();
  });

  it("serves the API over TLS and the CLI talks to it with the certificate trusted", async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const r = await getJson(`${server.url}/api/library/templates`, readFileSync(cert));
    expect(r).toEqual({ status: 200, body: { templates: [] } });
    const added = await runCli(
      ["library", "add-department", "县委巡察办", "--server", server.url],
      {
        ZHENGGAI_ADMIN_TOKEN: ADMIN_TOKEN,
        NODE_EXTRA_CA_CERTS: cert,
      },
    );
    expect(added.stderr).toBe("");
    expect(added.stdout).toContain("已新建部门“县委巡察办”");
    // Without trusting the certificate the client refuses, with a Chinese message.
    const untrusted = await runCli(["library", "list", "--server", server.url]);
    expect(untrusted.code).toBe(2);
    expect(untrusted.stderr).toContain("连接模板库失败");
    expect(untrusted.stderr).toContain("NODE_EXTRA_CA_CERTS");
  });

  it("refuses --cert without --key", async () => {
    const r = await runCli(["library", "serve", "--port", "0", "--cert", cert]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--cert 和 --key 须同时给出");
  });
});
