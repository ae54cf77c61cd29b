/**
 * Writes a command's output file (its folder made first); a failure is the Chinese message of
 * failUnusable naming the path and the system's reason, and false.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { failUnusable } from "./options";

export async function writeOutputFile(out: string, bytes: Uint8Array): Promise<boolean> {
  try {
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, bytes);
    return true;
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : String(error);
    failUnusable(`无法写入“${out}”（${reason}），请检查路径和权限。`);
    return false;
  }
}
