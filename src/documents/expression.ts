/**
 * The template expression language: `{标签}`, `{标签 | 格式器}`, `{标签 | 格式器:参数}`, chained
 * with more `|`. A small hand-written parser over a fixed set of formatters: nothing in a
 * template can run code (no eval, no property paths, no operators).
 */
import { FORMATTER_NAMES, FORMATTERS } from "./contract";
import {
  chineseDate,
  chineseNumber,
  chineseOrdinal,
  percentText,
  shortChineseDate,
} from "./format";
import { closestName } from "./similar";
import { RAW_SUFFIX } from "./view-model";

export interface FormatterCall {
  readonly name: string;
  readonly arg?: string;
}

export interface Expression {
  /** The tag name (looked up in the data). */
  readonly name: string;
  readonly formatters: readonly FormatterCall[];
}

/** A template expression that cannot be used; the message is Chinese and names the problem. */
export class ExpressionError extends Error {
  override readonly name = "ExpressionError";
  constructor(
    message: string,
    /** The unknown formatter, for "did you mean". */
    readonly unknownFormatter?: string,
  ) {
    super(message);
  }
}

// Word and WPS turn typed quotes and colons into their full-width forms; accept both.
const QUOTES: Record<string, string> = { '"': '"', "'": "'", "“": "”", "‘": "’", "「": "」" };

function parseArg(raw: string, tag: string): string {
  const s = raw.trim();
  const open = s[0];
  if (open !== undefined && open in QUOTES) {
    const close = QUOTES[open] as string;
    if (s.length < 2 || !s.endsWith(close)) {
      throw new ExpressionError(`标签“{${tag}}”中格式器的参数 ${s} 缺少结束引号。`);
    }
    return s.slice(1, -1);
  }
  return s;
}

/** Parses the text between the braces (without a leading # / ^ / /). */
export function parseExpression(tag: string): Expression {
  const source = tag.trim();
  const pieces = source.split(/[|｜]/);
  const name = (pieces.shift() ?? "").trim();
  if (name === "")
    throw new ExpressionError(`标签“{${source}}”没有名称：花括号中应写标签名，如 {单位名称}。`);
  if (/[{}()（）=+*<>!&]/.test(name) || /\s/.test(name)) {
    throw new ExpressionError(
      `标签“{${source}}”的写法不对：标签名中不能有空格、括号或运算符号；模板中只能写 {标签} 或 {标签 | 格式器}。`,
    );
  }
  const formatters: FormatterCall[] = [];
  for (const piece of pieces) {
    const m = /^\s*([^:：]*?)\s*(?:[:：]([\s\S]*))?$/.exec(piece);
    const fname = m?.[1] ?? "";
    if (fname === "") throw new ExpressionError(`标签“{${source}}”中“|”后面缺少格式器名称。`);
    const def = FORMATTERS.find((f) => f.name === fname);
    if (!def) {
      throw new ExpressionError(
        `标签“{${source}}”使用了不存在的格式器“${fname}”。${guessFormatter(fname)}可用的格式器：${FORMATTER_NAMES.join("、")}。`,
        fname,
      );
    }
    const argText = m?.[2];
    if (argText !== undefined && def.parameter === "none") {
      throw new ExpressionError(
        `标签“{${source}}”中的格式器“${fname}”不带参数，请去掉冒号及其后的内容。`,
      );
    }
    if (argText === undefined && def.parameter === "required") {
      throw new ExpressionError(
        `标签“{${source}}”中的格式器“${fname}”需要参数，例如 ${def.usage}。`,
      );
    }
    formatters.push(
      argText === undefined ? { name: fname } : { name: fname, arg: parseArg(argText, source) },
    );
  }
  return { name, formatters };
}

function guessFormatter(name: string): string {
  const guess = closestName(name, FORMATTER_NAMES);
  return guess ? `您是不是想用“${guess}”？` : "";
}

const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === "" || v === false;

function asNumber(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

/** Applies one formatter. `raw` is the hidden unrounded value of the tag, if the view model gave one. */
export function applyFormatter(call: FormatterCall, value: unknown, raw: unknown): unknown {
  switch (call.name) {
    case "中文日期":
      return typeof value === "string" ? chineseDate(value) : value;
    case "短日期":
      return typeof value === "string" ? shortChineseDate(value) : value;
    case "百分比": {
      const decimals = Math.min(4, Math.max(0, Number.parseInt(call.arg ?? "0", 10) || 0));
      if (typeof raw === "number") return percentText(raw * 100, decimals);
      if (typeof value === "string" && /^\d+(\.\d+)?%$/.test(value.trim())) {
        return percentText(Number.parseFloat(value), decimals);
      }
      const n = asNumber(value);
      return n === undefined ? value : percentText(n, decimals);
    }
    case "中文数字": {
      const n = asNumber(value);
      return n === undefined ? value : chineseNumber(n);
    }
    case "中文序号": {
      const n = asNumber(value);
      return n === undefined ? value : chineseOrdinal(n);
    }
    case "默认值":
      return isEmpty(value) ? (call.arg ?? "") : value;
    case "前缀":
      return isEmpty(value) ? "" : `${call.arg ?? ""}${String(value)}`;
    case "后缀":
      return isEmpty(value) ? "" : `${String(value)}${call.arg ?? ""}`;
    default:
      return value;
  }
}

/**
 * The value of an expression in one scope of the data, or undefined when the scope does not
 * have the tag (docxtemplater then looks in the enclosing scope).
 */
export function evaluate(expr: Expression, scope: unknown): unknown {
  if (scope === null || typeof scope !== "object" || !Object.hasOwn(scope, expr.name)) {
    return undefined;
  }
  const record = scope as Record<string, unknown>;
  let value = record[expr.name];
  const raw = record[`${expr.name}${RAW_SUFFIX}`];
  for (const call of expr.formatters) value = applyFormatter(call, value, raw);
  return value;
}
