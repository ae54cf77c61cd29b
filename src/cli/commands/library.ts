/**
 * `zhenggai library …`: run a shared template library and talk to one.
 *
 *   serve            a library server without the task pane
 *   add-department   create a department and print its publish token (once)
 *   list             templates in the library
 *   publish          check and publish a .docx as a new version
 *   pull             download a version (default: the newest not deprecated)
 *   backup           online backup of the database, checked
 *   migrate          copy a SQLite library into PostgreSQL, every version's sha256 checked
 *   departments, revoke, issue-token   department administration (admin token)
 *   deprecate        mark a version deprecated
 *
 * Tokens may come from the environment (ZHENGGAI_ADMIN_TOKEN, ZHENGGAI_LIBRARY_TOKEN) so they
 * stay out of shell history. Exit codes: 0 ok, 1 the library refused the input, 2 it cannot be
 * used (no connection, bad token, missing file).
 */
import { existsSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { type Command, Option } from "commander";
import { DOCUMENT_KINDS, type DocumentKind } from "../../documents/api";
import { LibraryApiError, LibraryClient } from "../../library/client";

class CliExit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Runs an action, printing Chinese errors and setting the exit code instead of a stack trace. */
const run =
  <A extends unknown[]>(action: (...args: A) => Promise<void>) =>
  async (...args: A): Promise<void> => {
    try {
      await action(...args);
    } catch (e) {
      if (e instanceof LibraryApiError) {
        process.stderr.write(`错误：${e.message}\n`);
        for (const d of e.details) process.stderr.write(`  - ${d}\n`);
        // 400/409/413 = the template or name was refused; anything else = cannot proceed.
        process.exitCode = [400, 409, 413].includes(e.status) ? 1 : 2;
      } else if (e instanceof CliExit) {
        process.stderr.write(`错误：${e.message}\n`);
        process.exitCode = e.code;
      } else throw e;
    }
  };

const requireValue = (value: string | undefined, what: string, env: string): string => {
  if (value?.trim()) return value.trim();
  throw new CliExit(2, `缺少${what}：请用选项给出，或设置环境变量 ${env}。`);
};

const formatDate = (iso: string | undefined) => (iso ? iso.slice(0, 10) : "—");

export function register(program: Command): void {
  const library = program
    .command("library")
    .description("模板库：各部门共享经过检查的 .docx 模板（服务器与客户端）");

  library
    .command("serve")
    .description("启动模板库服务器（不含任务窗格）")
    .option("--port <端口>", "监听端口（0 表示任选空闲端口）", "8790")
    .option("--host <地址>", "监听地址（供全县访问时用 0.0.0.0）", "127.0.0.1")
    .option(
      "--data-dir <目录>",
      "数据目录（library.sqlite 与 admin-token 存放处；默认 $ZHENGGAI_DATA_DIR 或 .data/library）",
    )
    .option(
      "--database-url <URL>",
      "PostgreSQL 数据库地址 postgres://…（默认取环境变量 DATABASE_URL；不给则用数据目录中的 SQLite）",
    )
    .option("--cert <文件>", "HTTPS 证书（PEM）；Excel 中的任务窗格直接访问本服务器时需要")
    .option("--key <文件>", "HTTPS 私钥（PEM），与 --cert 一起使用")
    .option(
      "--submissions",
      "同时提供报送接口 /api/submissions（巡察办收集各单位台账，数据存于数据目录）",
    )
    .action(
      run(
        async (opts: {
          submissions?: boolean;
          port: string;
          host: string;
          dataDir?: string;
          databaseUrl?: string;
          cert?: string;
          key?: string;
        }) => {
          const port = Number(opts.port);
          if (!Number.isInteger(port) || port < 0 || port > 65535)
            throw new CliExit(2, `端口“${opts.port}”不正确，应为 0–65535 的整数。`);
          const { startLibraryServer } = await import("../../server/library/server");
          const { defaultDataDir } = await import("../../server/library/plugin");
          const dataDir = resolve(opts.dataDir ?? defaultDataDir());
          if (!opts.cert !== !opts.key) throw new CliExit(2, "--cert 和 --key 须同时给出。");
          let https: { cert: Buffer; key: Buffer } | undefined;
          if (opts.cert && opts.key) {
            try {
              https = { cert: await readFile(opts.cert), key: await readFile(opts.key) };
            } catch {
              throw new CliExit(
                2,
                `无法读取证书或私钥（${opts.cert}，${opts.key}），请检查路径和权限。`,
              );
            }
          }
          const { describeStorage } = await import("../../server/library/open-repository");
          const { libraryDbFile } = await import("../../server/library/plugin");
          const databaseUrl = (opts.databaseUrl ?? process.env.DATABASE_URL)?.trim() || undefined;
          let started: Awaited<ReturnType<typeof startLibraryServer>>;
          try {
            started = await startLibraryServer({
              host: opts.host,
              port,
              dataDir,
              ...(databaseUrl ? { databaseUrl } : {}),
              ...(https ? { https } : {}),
              ...(opts.submissions ? { submissions: true } : {}),
            });
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code === "EADDRINUSE")
              throw new CliExit(2, `端口 ${port} 已被占用，请用 --port 换一个端口。`);
            // Database problems (unreachable, wrong encoding, newer schema) come in Chinese.
            if (/[\u4e00-\u9fff]/.test((e as Error).message))
              throw new CliExit(2, (e as Error).message);
            throw e;
          }
          const { app, url } = started;
          const storage = await describeStorage({
            databaseUrl,
            sqliteFile: libraryDbFile(dataDir),
          });
          process.stdout.write(`模板库已启动：${url}（数据目录 ${dataDir}，存储 ${storage}）\n`);
          if (opts.submissions) process.stdout.write(`报送接口：${url}/api/submissions\n`);
          const stop = () => {
            app.close().then(
              () => process.exit(0),
              () => process.exit(1),
            );
          };
          process.once("SIGINT", stop);
          process.once("SIGTERM", stop);
        },
      ),
    );

  library
    .command("backup <备份文件>")
    .description("在线备份模板库数据库（服务器无需停止），并检查备份的完整性")
    .option("--data-dir <目录>", "数据目录（默认 $ZHENGGAI_DATA_DIR 或 .data/library）")
    .action(
      run(async (out: string, opts: { dataDir?: string }) => {
        const { defaultDataDir, libraryDbFile } = await import("../../server/library/plugin");
        const { SqliteTemplateRepository } = await import("../../server/library/sqlite-repository");
        const file = libraryDbFile(resolve(opts.dataDir ?? defaultDataDir()));
        if (!existsSync(file))
          throw new CliExit(2, `找不到模板库数据库 ${file}，请用 --data-dir 指定数据目录。`);
        const repo = new SqliteTemplateRepository(file);
        try {
          const { templates, versions } = await repo.backup(resolve(out));
          process.stdout.write(
            `已备份到 ${resolve(out)}：${templates} 个模板，${versions} 个版本，完整性检查通过。\n`,
          );
        } finally {
          await repo.close();
        }
      }),
    );

  library
    .command("migrate")
    .description(
      "把 SQLite 模板库（数据目录中的 library.sqlite）原样复制到空的 PostgreSQL 数据库，逐版核对 sha256",
    )
    .option(
      "--data-dir <目录>",
      "SQLite 模板库的数据目录（默认 $ZHENGGAI_DATA_DIR 或 .data/library）",
    )
    .option(
      "--database-url <URL>",
      "目标 PostgreSQL 地址 postgres://…（默认取环境变量 DATABASE_URL）",
    )
    .action(
      run(async (opts: { dataDir?: string; databaseUrl?: string }) => {
        const databaseUrl = requireValue(
          opts.databaseUrl ?? process.env.DATABASE_URL,
          "目标数据库地址（--database-url）",
          "DATABASE_URL",
        );
        const { defaultDataDir, libraryDbFile } = await import("../../server/library/plugin");
        const { migrateSqliteToPostgres } = await import(
          "../../server/library/migrate-to-postgres"
        );
        const { redactUrl } = await import("../../server/store/pg");
        const file = libraryDbFile(resolve(opts.dataDir ?? defaultDataDir()));
        if (!existsSync(file))
          throw new CliExit(2, `找不到模板库数据库 ${file}，请用 --data-dir 指定数据目录。`);
        let report: Awaited<ReturnType<typeof migrateSqliteToPostgres>>;
        try {
          report = await migrateSqliteToPostgres(file, databaseUrl);
        } catch (e) {
          throw new CliExit(2, (e as Error).message);
        }
        const mb = (report.bytes / 1024 / 1024).toFixed(1);
        process.stdout.write(
          `已把 ${file} 复制到 ${redactUrl(databaseUrl)}：${report.departments} 个部门，` +
            `${report.tokens} 个令牌，${report.templates} 个模板，${report.versions} 个版本` +
            `（${report.blobs} 个文件，${mb} MB），${report.audit} 条审计记录；` +
            "每个版本的 sha256 均已核对，两边内容一致。\n" +
            "部门编号和令牌不变。管理员令牌不在数据库中：请在新服务器上设置 ZHENGGAI_ADMIN_TOKEN（或复制 admin-token 文件）。\n",
        );
      }),
    );

  library
    .command("add-department <名称>")
    .description("新建部门并签发发布令牌（令牌只显示这一次）")
    .requiredOption("--server <URL>", "模板库地址，如 http://10.1.2.3:8790")
    .option("--admin-token <令牌>", "管理员令牌（默认取环境变量 ZHENGGAI_ADMIN_TOKEN）")
    .action(
      run(async (name: string, opts: { server: string; adminToken?: string }) => {
        const admin = requireValue(
          opts.adminToken ?? process.env.ZHENGGAI_ADMIN_TOKEN,
          "管理员令牌",
          "ZHENGGAI_ADMIN_TOKEN",
        );
        const created = await new LibraryClient(opts.server).createDepartment(name, admin);
        process.stdout.write(
          `已新建部门“${created.department.name}”（编号 ${created.department.id}）。\n` +
            `发布令牌（只显示这一次，请交给该部门妥善保存）：\n${created.token}\n`,
        );
      }),
    );

  const adminToken = (value: string | undefined) =>
    requireValue(value ?? process.env.ZHENGGAI_ADMIN_TOKEN, "管理员令牌", "ZHENGGAI_ADMIN_TOKEN");
  const departmentId = (raw: string) => {
    const id = Number(raw);
    if (!Number.isInteger(id) || id < 1)
      throw new CliExit(2, `部门编号“${raw}”不正确，应为正整数（见 departments 命令）。`);
    return id;
  };

  library
    .command("departments")
    .description("列出部门及其有效令牌数（管理员）")
    .requiredOption("--server <URL>", "模板库地址")
    .option("--admin-token <令牌>", "管理员令牌（默认取环境变量 ZHENGGAI_ADMIN_TOKEN）")
    .action(
      run(async (opts: { server: string; adminToken?: string }) => {
        const departments = await new LibraryClient(opts.server).listDepartments(
          adminToken(opts.adminToken),
        );
        for (const d of departments)
          process.stdout.write(
            `${d.id}\t${d.name}\t有效令牌 ${d.activeTokens} 个\t${formatDate(d.createdAt)}\n`,
          );
        if (departments.length === 0) process.stdout.write("还没有部门。\n");
      }),
    );

  library
    .command("revoke <部门编号>")
    .description("吊销该部门的全部令牌（管理员）；之后可用 issue-token 签发新令牌")
    .requiredOption("--server <URL>", "模板库地址")
    .option("--admin-token <令牌>", "管理员令牌（默认取环境变量 ZHENGGAI_ADMIN_TOKEN）")
    .action(
      run(async (id: string, opts: { server: string; adminToken?: string }) => {
        const revoked = await new LibraryClient(opts.server).revokeTokens(
          departmentId(id),
          adminToken(opts.adminToken),
        );
        process.stdout.write(`已吊销部门 ${id} 的 ${revoked} 个令牌。\n`);
      }),
    );

  library
    .command("issue-token <部门编号>")
    .description("为部门签发新令牌（管理员；令牌只显示这一次）")
    .requiredOption("--server <URL>", "模板库地址")
    .option("--admin-token <令牌>", "管理员令牌（默认取环境变量 ZHENGGAI_ADMIN_TOKEN）")
    .action(
      run(async (id: string, opts: { server: string; adminToken?: string }) => {
        const token = await new LibraryClient(opts.server).issueToken(
          departmentId(id),
          adminToken(opts.adminToken),
        );
        process.stdout.write(`新令牌（只显示这一次，请交给该部门妥善保存）：\n${token}\n`);
      }),
    );

  library
    .command("deprecate <名称>")
    .description("停用模板的某个版本（本部门令牌或管理员令牌）；停用后 latest 不再指向它")
    .requiredOption("--version <版本>", "版本号")
    .requiredOption("--server <URL>", "模板库地址")
    .option("--token <令牌>", "部门令牌或管理员令牌（默认取环境变量 ZHENGGAI_LIBRARY_TOKEN）")
    .action(
      run(async (name: string, opts: { version: string; server: string; token?: string }) => {
        const version = Number(opts.version);
        if (!Number.isInteger(version) || version < 1)
          throw new CliExit(2, `版本号“${opts.version}”不正确，应为正整数。`);
        const token = requireValue(
          opts.token ?? process.env.ZHENGGAI_LIBRARY_TOKEN,
          "令牌",
          "ZHENGGAI_LIBRARY_TOKEN",
        );
        const v = await new LibraryClient(opts.server).deprecate(name, version, token);
        process.stdout.write(`已停用“${v.name}”第 ${v.version} 版。\n`);
      }),
    );

  library
    .command("list")
    .description("列出模板库中的模板")
    .requiredOption("--server <URL>", "模板库地址")
    .addOption(new Option("--kind <类型>", "只列出报告或通报").choices([...DOCUMENT_KINDS]))
    .option("--department <部门>", "只列出该部门的模板")
    .option("--q <关键词>", "名称中含有的文字")
    .option("--json", "输出 JSON")
    .action(
      run(
        async (opts: {
          server: string;
          kind?: DocumentKind;
          department?: string;
          q?: string;
          json?: boolean;
        }) => {
          const templates = await new LibraryClient(opts.server).listTemplates({
            ...(opts.kind ? { kind: opts.kind } : {}),
            ...(opts.department ? { department: opts.department } : {}),
            ...(opts.q ? { q: opts.q } : {}),
          });
          if (opts.json) {
            process.stdout.write(`${JSON.stringify(templates, null, 2)}\n`);
            return;
          }
          if (templates.length === 0) {
            process.stdout.write("模板库中没有符合条件的模板。\n");
            return;
          }
          for (const t of templates) {
            const latest = t.latest
              ? `第 ${t.latest.version} 版，${formatDate(t.latest.createdAt)}`
              : "所有版本均已停用";
            process.stdout.write(
              `${t.name}\t${t.kind}\t${t.department}\t${latest}\t共 ${t.versionCount} 版\n`,
            );
          }
        },
      ),
    );

  library
    .command("publish <file.docx>")
    .description("检查并发布模板的新版本")
    .requiredOption("--name <名称>", "模板名称（1–64 个字符）")
    .addOption(
      new Option("--kind <类型>", "模板类型").choices([...DOCUMENT_KINDS]).makeOptionMandatory(),
    )
    .requiredOption("--server <URL>", "模板库地址")
    .option("--token <令牌>", "部门发布令牌（默认取环境变量 ZHENGGAI_LIBRARY_TOKEN）")
    .option("--note <说明>", "本版说明")
    .option("--author <作者>", "作者（默认为部门名称）")
    .action(
      run(
        async (
          file: string,
          opts: {
            name: string;
            kind: DocumentKind;
            server: string;
            token?: string;
            note?: string;
            author?: string;
          },
        ) => {
          const token = requireValue(
            opts.token ?? process.env.ZHENGGAI_LIBRARY_TOKEN,
            "部门发布令牌",
            "ZHENGGAI_LIBRARY_TOKEN",
          );
          let bytes: Uint8Array;
          try {
            bytes = new Uint8Array(await readFile(file));
          } catch {
            throw new CliExit(2, `无法读取文件“${file}”，请检查路径。`);
          }
          const version = await new LibraryClient(opts.server).publish(opts.name, bytes, {
            kind: opts.kind,
            token,
            ...(opts.note ? { note: opts.note } : {}),
            ...(opts.author ? { author: opts.author } : {}),
          });
          process.stdout.write(
            `已发布“${version.name}”第 ${version.version} 版（sha256 ${version.sha256}）。\n`,
          );
        },
      ),
    );

  library
    .command("pull <名称>")
    .description("下载模板（默认为最新的未停用版本）")
    .requiredOption("--server <URL>", "模板库地址")
    .requiredOption("--out <file.docx>", "保存到的文件")
    .option("--version <版本>", "版本号")
    .action(
      run(async (name: string, opts: { server: string; out: string; version?: string }) => {
        let version: number | "latest" = "latest";
        if (opts.version !== undefined) {
          version = Number(opts.version);
          if (!Number.isInteger(version) || version < 1)
            throw new CliExit(2, `版本号“${opts.version}”不正确，应为正整数。`);
        }
        const got = await new LibraryClient(opts.server).download(name, version);
        // Write beside the target and rename: a half-written template is never left behind.
        const tmp = `${opts.out}.${process.pid}.tmp`;
        await writeFile(tmp, got.bytes);
        await rename(tmp, opts.out);
        process.stdout.write(
          `已下载“${name}”第 ${got.version} 版到 ${opts.out}（sha256 ${got.sha256}）。\n`,
        );
      }),
    );
}
