/**
 * Lower-case hex SHA-256 on the server, synchronous (node:crypto): stored bytes, uploads and
 * token hashes. Text is hashed as UTF-8. Code that also runs in the browser uses the async Web
 * Crypto twin, sha256Hex in src/library/hash.ts, which gives the same hex.
 */
import { createHash } from "node:crypto";

export const sha256HexSync = (data: Uint8Array | string): string =>
  createHash("sha256").update(data).digest("hex");
