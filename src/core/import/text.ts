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
