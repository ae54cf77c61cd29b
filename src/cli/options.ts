/**
 * Shared CLI helpers: option parsing with Chinese messages and the exit-code convention
 * (0 ok, 1 the ledger has errors, 2 the input or the command line cannot be used).
 */
import type { Command } from "commander";
import type { LocalDate, Precision } from "../core/model";

export const EXIT_OK = 0;
export const EXIT_HAS_ERRORS = 1;
export const EXIT_UNUSABLE = 2;

/** A problem with the command line or the input file: one Chinese line on stderr, exit 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Parses `--as-of`: a real calendar day written YYYY-MM-DD. */
export function parseAsOf(text: string): LocalDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) throw new UsageError(`--as-of 的值“${text}”无效：请写成 YYYY-MM-DD，例如 2024-01-10。`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    throw new UsageError(`--as-of 的值“${text}”不是有效日期：${year}年没有${month}月${day}日。`);
  }
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Parses `--precision`: decimal places of percentages, 0, 1 or 2. */
export function parsePrecision(text: string): Precision {
  const t = text.trim();
  if (t === "0" || t === "1" || t === "2") return Number(t) as Precision;
  throw new UsageError(`--precision 的值“${text}”无效：百分比小数位数只能是 0、1 或 2。`);
}

/** Prints a usage/input problem as one line and sets exit code 2. */
export function failUnusable(message: string): void {
  process.stderr.write(`zhenggai: ${message.replace(/\s*\n\s*/g, " ")}\n`);
  process.exitCode = EXIT_UNUSABLE;
}

/**
 * Commander exits with 1 on a bad command line; our convention reserves 1 for "the ledger has
 * errors", so command-line mistakes on this command exit 2 instead. Help and version exit 0.
 */
export function exitTwoOnUsageErrors(command: Command): Command {
  return command.exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : EXIT_UNUSABLE);
  });
}

/**
 * Runs a command body and sets the exit code. An unexpected exception is a bug, not "the ledger
 * has errors": it exits 2 with one line (the stack only when ZHENGGAI_DEBUG is set).
 */
export async function runCommand(body: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    failUnusable(`程序内部错误（请把此信息反馈给维护者）：${message}`);
    if (process.env.ZHENGGAI_DEBUG && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
  }
}
