/** Pasted text and .txt files as paragraphs: one paragraph per line, Word's indents trimmed. */
import type { SourceParagraph } from "./model";

export function paragraphsFromText(text: string): SourceParagraph[] {
  return text
    .replace(/^\uFEFF/u, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u2028\u2029]/gu, "\n")
    .split("\n")
    .map((line) => ({ text: line.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, "") }));
}

/** Decodes a text file: UTF-8 (with or without BOM), else GB18030 (how Chinese Windows saves .txt). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}
