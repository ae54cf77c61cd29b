/**
 * `zhenggai submit <台账.xlsx> --server URL --token T`: sends a unit's ledger to the inspection
 * office's server (报送). The command line only; the client loads when the command runs.
 */
import type { Command } from "commander";
import { exitTwoOnUsageErrors, runCommand } from "../options";

interface SubmitOptions {
  server?: string;
  token?: string;
  asOf?: string;
}

export function register(program: Command): void {
  exitTwoOnUsageErrors(
    program
      .command("submit")
      .description("把本单位的整改台账报送到巡察办的服务器（服务器用同样的规则校验并保存每次报送）")
      .argument("<ledger.xlsx>", "整改台账工作簿（.xlsx）")
      .option(
        "--server <URL>",
        "报送服务器地址，如 https://xuncha.example.gov.cn（默认 $ZHENGGAI_SERVER）",
      )
      .option("--token <令牌>", "本单位的报送令牌（默认 $ZHENGGAI_SUBMIT_TOKEN）")
      .option("--as-of <YYYY-MM-DD>", "统计截至日期，默认服务器的今天")
      .addHelpText(
        "after",
        "\n退出码：0 已报送并计入汇总；1 已收到但台账有错误（不计入汇总，请改正后重新报送）；2 文件、令牌或服务器有问题。",
      )
      .action((file: string, options: SubmitOptions) => runCommand(() => runSubmit(file, options))),
  );
}

async function runSubmit(file: string, options: SubmitOptions): Promise<number> {
  const [
    { readFile },
    { basename },
    { SubmissionsClient, SubmissionsApiError },
    opts,
    { findingLocation, messageWithoutLocation },
  ] = await Promise.all([
    import("node:fs/promises"),
    import("node:path"),
    import("../../submissions/client"),
    import("../options"),
    import("../check-output"),
  ]);
  const server = options.server ?? process.env.ZHENGGAI_SERVER;
  const token = options.token ?? process.env.ZHENGGAI_SUBMIT_TOKEN;
  if (!server) {
    opts.failUnusable("请用 --server 指定报送服务器地址（或设置环境变量 ZHENGGAI_SERVER）。");
    return opts.EXIT_UNUSABLE;
  }
  if (!token) {
    opts.failUnusable(
      "请用 --token 提供本单位的报送令牌（或设置环境变量 ZHENGGAI_SUBMIT_TOKEN）。",
    );
    return opts.EXIT_UNUSABLE;
  }
  let asOf: string | undefined;
  let bytes: Uint8Array;
  try {
    asOf = options.asOf !== undefined ? opts.parseAsOf(options.asOf) : undefined;
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    opts.failUnusable(
      error instanceof opts.UsageError
        ? error.message
        : `找不到文件“${file}”，请检查路径和文件名。`,
    );
    return opts.EXIT_UNUSABLE;
  }
  try {
    const result = await new SubmissionsClient(server, token).submit(basename(file), bytes, asOf);
    const s = result.submission;
    process.stdout.write(`${result.message}\n编号 ${s.id}，sha256 ${s.sha256}\n`);
    if (!result.counted) {
      for (const f of s.findings.filter((x) => x.severity === "error"))
        process.stderr.write(`  错误  ${findingLocation(f)}  ${messageWithoutLocation(f)}\n`);
      return opts.EXIT_HAS_ERRORS;
    }
    return opts.EXIT_OK;
  } catch (error) {
    if (error instanceof SubmissionsApiError) {
      opts.failUnusable(error.message);
      return opts.EXIT_UNUSABLE;
    }
    throw error;
  }
}
