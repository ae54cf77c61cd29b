/**
 * A real, throwaway PostgreSQL server for the tests and the benchmark: Debian's `postgresql`
 * binaries (found by glob, newest version first), a cluster made with initdb in a temporary
 * directory, pg_ctl on a free loopback port, its socket inside that directory. As root the
 * server runs as the unprivileged `postgres` user (PostgreSQL refuses to run as root).
 *
 * `stop()` stops it immediately and deletes the directory. Should the process that started it
 * die without calling stop (SIGKILL, a crashed test runner), a small watchdog shell notices the
 * parent is gone and does the same, so no postgres is left running.
 */
import { execFile, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const execFileAsync = promisify(execFile);

/** The bin directory of the newest installed PostgreSQL (/usr/lib/postgresql/<n>/bin). */
export function postgresBinDir(root = "/usr/lib/postgresql"): string | undefined {
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions[0] && join(root, versions[0], "bin");
}

export interface PostgresServer {
  readonly port: number;
  /** URL of the maintenance database `postgres`, superuser `zhenggai`, no password. */
  readonly adminUrl: string;
  readonly dir: string;
  /** The PostgreSQL major version, e.g. "15". */
  readonly version: string;
  /** URL of a database of this name (not created; see createDatabase). */
  urlOf(database: string): string;
  /** Creates a fresh database with a unique name from `prefix`; returns its URL. */
  createDatabase(prefix?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /**
   * fsync and synchronous_commit (default false: a test cluster; the tests kill the application
   * server, never PostgreSQL, so durability against power loss is not what they measure). The
   * benchmark turns them on to compare with SQLite's synchronous=FULL fairly.
   */
  readonly durable?: boolean;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

/** The user the server runs as: ourselves, or `postgres` (else `nobody`) when we are root. */
function serverUser(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ["postgres", "nobody"]) {
    const line = readFileSync("/etc/passwd", "utf8")
      .split("\n")
      .find((l) => l.startsWith(`${name}:`));
    if (line) {
      const [, , uid, gid] = line.split(":");
      return { name, uid: Number(uid), gid: Number(gid) };
    }
  }
  throw new Error("running as root but there is no postgres or nobody user to run PostgreSQL as");
}

let counter = 0;

/**
 * Creates a fresh database with a unique name from `prefix` on the server of `adminUrl` (any
 * database URL of a superuser there); returns the new database's URL.
 */
export async function createDatabase(adminUrl: string, prefix = "zg"): Promise<string> {
  const name = `${prefix}_${process.pid}_${++counter}_${Date.now().toString(36)}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, "_");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function startPostgres(options: StartOptions = {}): Promise<PostgresServer> {
  const bin = postgresBinDir();
  if (!bin)
    throw new Error(
      "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); run scripts/ensure-system-deps.sh as root",
    );
  const version = bin.split("/").at(-2) ?? "?";
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), "zhenggai-pg-"));
  const data = join(dir, "data");
  if (user) chownSync(dir, user.uid, user.gid);
  const as = (cmd: string, args: string[]): [string, string[]] =>
    user ? ["runuser", ["-u", user.name, "--", join(bin, cmd), ...args]] : [join(bin, cmd), args];
  const run = async (cmd: string, args: string[]) => {
    const [file, argv] = as(cmd, args);
    try {
      await execFileAsync(file, argv, { cwd: dir, encoding: "utf8" });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; message: string };
      let log = "";
      try {
        log = readFileSync(join(dir, "server.log"), "utf8").slice(-2000);
      } catch {}
      throw new Error(
        `${cmd} failed: ${err.message}\n${err.stdout ?? ""}${err.stderr ?? ""}${log}`,
      );
    }
  };

  await run("initdb", [
    "-D",
    data,
    "-U",
    "zhenggai",
    "--auth=trust",
    "-E",
    "UTF8",
    "--locale=C.UTF-8",
    "--no-sync",
  ]);
  const durable = options.durable ? "on" : "off";
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses=127.0.0.1",
      "-c max_connections=200",
      "-c shared_buffers=32MB",
      `-c fsync=${durable}`,
      `-c synchronous_commit=${durable}`,
      `-c full_page_writes=${durable}`,
    ].join(" ");
    try {
      await run("pg_ctl", [
        "-D",
        data,
        "-l",
        join(dir, "server.log"),
        "-o",
        settings,
        "-w",
        "-t",
        "60",
        "start",
      ]);
      break;
    } catch (e) {
      // Another process may have taken the port between our probe and the server's bind.
      if (attempt >= 3) {
        rmSync(dir, { recursive: true, force: true });
        throw e;
      }
    }
  }

  const [ctlFile, ctlArgs] = as("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
  const stopCommand = [ctlFile, ...ctlArgs].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  // The watchdog: stops the server and removes its directory once our process is gone.
  const watchdog = spawn(
    "bash",
    [
      "-c",
      `while kill -0 ${process.pid} 2>/dev/null && [ -d '${data}' ]; do sleep 2; done; ` +
        `if [ -d '${data}' ]; then ${stopCommand} >/dev/null 2>&1; rm -rf '${dir}'; fi`,
    ],
    { detached: true, stdio: "ignore" },
  );
  watchdog.unref();

  const urlOf = (database: string) =>
    `postgres://zhenggai@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  let stopped = false;
  return {
    port,
    adminUrl: urlOf("postgres"),
    dir,
    version,
    urlOf,
    createDatabase: (prefix = "zg") => createDatabase(urlOf("postgres"), prefix),
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        watchdog.kill();
      }
    },
  };
}
