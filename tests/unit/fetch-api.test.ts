/**
 * The one fetch of both API clients: a network failure names the reason from `cause` (Node) or
 * keeps the browser's "Failed to fetch", an error answer keeps the server's code and message,
 * anything else gets a Chinese one; each client throws its own error class.
 */
import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/api-client/fetch-api";
import { LibraryApiError, LibraryClient } from "../../src/library/client";
import { SubmissionsApiError, SubmissionsClient } from "../../src/submissions/client";

const failing =
  (error: unknown): typeof fetch =>
  async () => {
    throw error;
  };
const answering =
  (status: number, body: string, seen?: RequestInit[]): typeof fetch =>
  async (_url, init) => {
    seen?.push(init ?? {});
    return new Response(body, { status });
  };

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error("expected an ApiError");
}

describe("fetchApi through the clients", () => {
  it("names the network failure's reason, with the certificate hint where it applies", async () => {
    const refused = Object.assign(new TypeError("fetch failed"), {
      cause: { code: "ECONNREFUSED" },
    });
    const lib = await caught(new LibraryClient("http://h:1", failing(refused)).listTemplates());
    expect(lib).toBeInstanceOf(LibraryApiError);
    expect(lib).toMatchObject({ status: 0, code: "network", name: "LibraryApiError" });
    expect(lib.message).toBe(
      "连接模板库失败（http://h:1/api/library，ECONNREFUSED）；请检查服务器地址和网络。",
    );
    const cert = Object.assign(new TypeError("fetch failed"), {
      cause: { code: "SELF_SIGNED_CERT_IN_CHAIN" },
    });
    const sub = await caught(new SubmissionsClient("http://h:1/", "t", failing(cert)).units());
    expect(sub).toBeInstanceOf(SubmissionsApiError);
    expect(sub.message).toContain("连接报送服务器失败（http://h:1/api/submissions");
    expect(sub.message).toContain("NODE_EXTRA_CA_CERTS");
    // The browser's own words stay, so the pane can tell a stopped server.
    const browser = await caught(
      new SubmissionsClient("http://h:1", "t", failing(new TypeError("Failed to fetch"))).units(),
    );
    expect(browser.message).toContain("Failed to fetch");
  });

  it("keeps the server's error answer, and words one that is not ours", async () => {
    const seen: RequestInit[] = [];
    const body = JSON.stringify({
      error: { code: "invalid_token", message: "令牌无效", details: ["甲"] },
    });
    const ours = await caught(
      new SubmissionsClient("http://h", "tok", answering(403, body, seen)).units(),
    );
    expect(ours).toMatchObject({
      status: 403,
      code: "invalid_token",
      message: "令牌无效",
      details: ["甲"],
    });
    expect((seen[0]!.headers as Record<string, string>).authorization).toBe("Bearer tok");
    const proxy = await caught(
      new LibraryClient("http://h", answering(502, "<html>")).listTemplates(),
    );
    expect(proxy).toMatchObject({ status: 502, code: "http_error", details: [] });
    expect(proxy.message).toBe("模板库返回错误 502（http://h/api/library/templates）。");
  });
});
