/**
 * Publish tokens and the admin token. A token is 32 random bytes (base64url, `zg_` prefix so a
 * leaked one is recognisable); only its sha256 is stored, so a copied database publishes nothing.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sha256HexSync } from "../sha256";

export const generateToken = (): string => `zg_${randomBytes(32).toString("base64url")}`;

export const hashToken = (token: string): string => sha256HexSync(token);

/** Constant-time comparison of two tokens (by their hashes, so lengths always match). */
export function sameToken(a: string, b: string): boolean {
  return timingSafeEqual(
    createHash("sha256").update(a).digest(),
    createHash("sha256").update(b).digest(),
  );
}

/** The bearer token of an Authorization header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return m?.[1];
}

export interface AdminToken {
  readonly token: string;
  /** Where it came from; `generated` means it was just written to `file` and must be shown once. */
  readonly source: "env" | "file" | "generated";
  readonly file?: string;
}

/**
 * The admin token: ZHENGGAI_ADMIN_TOKEN when set; else <dataDir>/admin-token; else a new one
 * written there with mode 0600 (created exclusively, so two servers starting together cannot
 * both generate one).
 */
export function loadAdminToken(dataDir: string, env: NodeJS.ProcessEnv = process.env): AdminToken {
  const fromEnv = env.ZHENGGAI_ADMIN_TOKEN?.trim();
  if (fromEnv) {
    if (fromEnv.length < 16)
      throw new Error(
        "环境变量 ZHENGGAI_ADMIN_TOKEN 太短（至少 16 个字符），请换一个更长的随机值。",
      );
    return { token: fromEnv, source: "env" };
  }
  const file = join(dataDir, "admin-token");
  try {
    const token = readFileSync(file, "utf8").trim();
    if (token) return { token, source: "file", file };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  const token = generateToken();
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, `${token}\n`, { mode: 0o600, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST")
      return { token: readFileSync(file, "utf8").trim(), source: "file", file };
    throw e;
  }
  return { token, source: "generated", file };
}
