/**
 * `zhenggai library serve` in a child process, as an operator would run it.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const CLI = fileURLToPath(new URL("../../../bin/zhenggai.js", import.meta.url));

export interface ChildServer {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything the child printed on stdout so far. */
  stdout(): string;
}

/** Starts the server on a free port and resolves once it prints its URL. */
export function spawnServer(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
  extraArgs: readonly string[] = [],
): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    [CLI, "library", "serve", "--port", "0", "--data-dir", dataDir, ...extraArgs],
    { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  let err = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start in 30 s\n${out}\n${err}`));
    }, 30_000);
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const m = /模板库已启动：(https?:\/\/\S+?)（/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, stdout: () => out });
      }
    });
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString("utf8");
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before starting\n${out}\n${err}`));
    });
  });
}

/** Kills the child and waits until it is gone. */
export function killServer(server: ChildServer, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    server.child.once("exit", () => resolve());
    server.child.kill(signal);
  });
}

const execFileAsync = promisify(execFile);

/** Runs `zhenggai …`; never throws on a non-zero exit. */
export async function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [CLI, ...args], {
      env: { ...process.env, ...env },
      encoding: "utf8",
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, stdout: err.stdout ?? "", stderr: err.stderr ?? "" };
  }
}
