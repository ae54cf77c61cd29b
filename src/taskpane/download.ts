/**
 * Saving a generated .docx on every host. Browsers, Excel on the web and Excel on Windows save a
 * Blob through an <a download>; Excel on Mac cannot, so the file goes to our server, which gives
 * a one-time link that opens in the default browser (Office.context.ui.openBrowserWindow).
 */

import { DOCX_MIME } from "../documents/api";
import { type HostInfo, isMac } from "./host";

export type DownloadOutcome =
  | { readonly via: "blob" }
  | { readonly via: "browser"; readonly url: string };

export async function downloadDocx(
  bytes: Uint8Array,
  fileName: string,
  host: HostInfo,
): Promise<DownloadOutcome> {
  if (isMac(host)) return { via: "browser", url: await openThroughServer(bytes, fileName) };
  saveBlob(bytes, fileName);
  return { via: "blob" };
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Saves bytes through an <a download> (browsers, WPS, Excel on the web and Windows). */
export function saveBlob(bytes: Uint8Array, fileName: string, mime = DOCX_MIME): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start reading the Blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function openThroughServer(bytes: Uint8Array, fileName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`/api/downloads?name=${encodeURIComponent(fileName)}`, {
      method: "POST",
      headers: { "Content-Type": DOCX_MIME },
      body: bytes as BodyInit,
    });
  } catch {
    throw new Error("无法连接加载项服务器，文档未能下载。请确认 npm start 仍在运行后重试。");
  }
  const body = (await response.json().catch(() => ({}))) as {
    url?: string;
    error?: { message?: string };
  };
  if (!response.ok || !body.url) {
    throw new Error(
      body.error?.message ?? `服务器未能暂存文档（HTTP ${response.status}），请重试。`,
    );
  }
  const url = new URL(body.url, window.location.href).href;
  Office.context.ui.openBrowserWindow(url);
  return url;
}
