/**
 * Typed numbering at the start of a paragraph (一、 （一） 1. 1、 （1） 1） ① 一是) and labelled
 * lines (整改成效：…). A marker's style names the numbering family, so levels can be told apart
 * by how the document uses them rather than by a fixed hierarchy.
 */
import { headerField } from "../header";
import type { LedgerField } from "../model";
import { parseChineseNumber } from "../numbers";

export type MarkerStyle =
  | "cn-dun" // 一、
  | "cn-paren" // （一）
  | "ar-paren" // （1）
  | "ar-dot" // 1. 1．
  | "ar-dun" // 1、
  | "ar-half" // 1）
  | "circled" // ①
  | "cn-shi" // 一是
  | `list:${string}` // a Word list label we cannot read as one of the above (bullets, 第一章)
  | `outline:${number}`; // a heading without any number

/** Styles that number items inside a sentence or a paragraph, never a heading. */
export const INLINE_STYLES: ReadonlySet<MarkerStyle> = new Set<MarkerStyle>(["circled", "cn-shi"]);

export interface Marker {
  readonly style: MarkerStyle;
  /** The number (1-based); undefined for bullets and outline headings. */
  readonly value: number | undefined;
  /** The marker as written ("（一）"). */
  readonly raw: string;
}

const CN = "一二三四五六七八九十百零〇两";
const fullToHalf = (s: string) =>
  s.replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

const PATTERNS: readonly { style: MarkerStyle; re: RegExp; chinese: boolean }[] = [
  {
    style: "cn-paren",
    re: new RegExp(`^[（(]\\s*([${CN}]{1,4})\\s*[）)]\\s*[、.．]?`, "u"),
    chinese: true,
  },
  { style: "ar-paren", re: /^[（(]\s*([0-9０-９]{1,3})\s*[）)]\s*[、.．]?/u, chinese: false },
  {
    style: "cn-dun",
    re: new RegExp(`^([${CN}]{1,4})\\s*[、.．](?![0-9０-９])`, "u"),
    chinese: true,
  },
  // 3.2022年7月…: a dot before a year is a number's dot, not a decimal point.
  {
    style: "ar-dot",
    re: /^([0-9０-９]{1,3})\s*(?:\.(?![0-9０-９])|\.(?=\d{4}年)|．)/u,
    chinese: false,
  },
  { style: "ar-dun", re: /^([0-9０-９]{1,3})\s*、/u, chinese: false },
  { style: "ar-half", re: /^([0-9０-９]{1,3})\s*[)）]/u, chinese: false },
  { style: "cn-shi", re: /^([一二三四五六七八九十]{1,3})是(?=[^\s，,。])/u, chinese: true },
];

const CIRCLED = /^([\u2460-\u2473\u3251-\u325F])/u;

function circledValue(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  return c >= 0x3251 ? c - 0x3251 + 21 : c - 0x2460 + 1;
}

/** The typed marker at the start of `text` and the text after it; undefined when none. */
export function readMarker(text: string): { marker: Marker; rest: string } | undefined {
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    const digits = m[1] ?? "";
    const value = p.chinese ? parseChineseNumber(digits) : Number(fullToHalf(digits));
    if (value === undefined || value < 1) continue;
    const rest = text.slice(m[0].length).replace(/^[\s\u3000]+/u, "");
    if (rest === "") continue; // a bare number is not a heading
    return { marker: { style: p.style, value, raw: m[0].trim() }, rest };
  }
  const c = CIRCLED.exec(text);
  if (c) {
    const rest = text.slice(c[0].length).replace(/^[\s\u3000]+/u, "");
    if (rest !== "")
      return { marker: { style: "circled", value: circledValue(c[1]!), raw: c[1]! }, rest };
  }
  return undefined;
}

/** A Word list label ("（一）", "1.", "•") read as a marker; unknown labels keep the list's own style. */
export function markerFromLabel(label: string, listKey: string): Marker {
  const probe = readMarker(`${label.trim()}x`);
  if (probe && probe.rest === "x") return probe.marker;
  return { style: `list:${listKey}`, value: undefined, raw: label.trim() };
}

export type LabelKind =
  | { readonly kind: "field"; readonly field: LedgerField }
  /** 问题表现 / 具体表现为: the detail of the problem above. */
  | { readonly kind: "detail" }
  /** 反馈问题：… in front of a heading or a problem. */
  | { readonly kind: "problem" };

const DETAIL_LABELS = new Set([
  "问题表现",
  "具体表现",
  "具体表现为",
  "主要表现",
  "主要表现为",
  "表现为",
  "具体问题表现",
]);
const PROBLEM_LABELS = new Set(["反馈问题", "问题", "存在问题", "巡察反馈问题", "主要问题"]);

const LABEL = /^([\u4e00-\u9fff]{2,8})\s*[：:]\s*/u;

/** A labelled line (整改成效：…, 完成情况：已完成, 问题表现：…); undefined when it is not one. */
export function readLabel(
  text: string,
): { label: LabelKind; name: string; value: string } | undefined {
  const m = LABEL.exec(text);
  if (!m) return undefined;
  const name = m[1]!;
  const value = text.slice(m[0].length).trim();
  if (DETAIL_LABELS.has(name)) return { label: { kind: "detail" }, name, value };
  if (PROBLEM_LABELS.has(name)) return { label: { kind: "problem" }, name, value };
  const field = headerField(name);
  if (!field || field === "seq" || field === "aspect" || field === "category") return undefined;
  if (field === "problem") return { label: { kind: "detail" }, name, value };
  return { label: { kind: "field", field }, name, value };
}
