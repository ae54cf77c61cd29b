/** The server's sync sha256 and the browser's async one give the same hex; text is UTF-8. */
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/library/hash";
import { sha256HexSync } from "../../src/server/sha256";

describe("sha256HexSync", () => {
  it("matches the Web Crypto sha256Hex and hashes text as UTF-8", async () => {
    const bytes = new TextEncoder().encode("整改台账 abc");
    expect(sha256HexSync(bytes)).toBe(await sha256Hex(bytes));
    expect(sha256HexSync("整改台账 abc")).toBe(sha256HexSync(bytes));
    expect(sha256HexSync("")).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
  });
});
