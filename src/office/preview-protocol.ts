/**
 * The messages between the pane and its preview dialog (preview-dialog.html), as JSON strings:
 * the pane sends the .docx base64 in chunks (Office limits a message's size), the dialog says
 * when it is ready, what it showed, and when the user clicked 保存 or 关闭. No Office calls here:
 * both sides (src/office/preview-dialog.ts, src/office/preview-dialog-child.ts) share it.
 */

import { toBase64 } from "./base64";

/** Characters of base64 per message (well under the hosts' limits on a message). */
export const CHUNK_CHARS = 24_000;

export type ToDialog =
  | { readonly type: "start"; readonly fileName: string; readonly chunks: number }
  | { readonly type: "chunk"; readonly index: number; readonly data: string };

export type ToPane =
  | { readonly type: "ready" }
  | { readonly type: "shown"; readonly pages: number }
  | { readonly type: "failed"; readonly message: string }
  | { readonly type: "save" }
  | { readonly type: "close" };

/** The messages that carry one document to the dialog. */
export function documentMessages(docx: Uint8Array, fileName: string): ToDialog[] {
  const text = toBase64(docx);
  const chunks: ToDialog[] = [];
  for (let i = 0, index = 0; i < text.length; i += CHUNK_CHARS, index++) {
    chunks.push({ type: "chunk", index, data: text.slice(i, i + CHUNK_CHARS) });
  }
  return [{ type: "start", fileName, chunks: chunks.length }, ...chunks];
}

/** Parses a message, or undefined for anything that is not one of ours. */
export function parseMessage<T extends { type: string }>(raw: unknown): T | undefined {
  if (typeof raw !== "string") return undefined;
  try {
    const value = JSON.parse(raw) as unknown;
    return value && typeof value === "object" && typeof (value as T).type === "string"
      ? (value as T)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The dialog page, next to the pane's own page (same origin, as Office requires). */
export const DIALOG_PAGE = "preview-dialog.html";
