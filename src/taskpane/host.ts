/**
 * Where the pane runs: inside Excel (Office.onReady reports the Excel host) or standalone (no
 * office.js, no host, or a host other than Excel). Decided once at start-up.
 */

export type HostInfo =
  | {
      readonly kind: "excel";
      /** Office.PlatformType as a string: "PC", "Mac", "OfficeOnline", "iOS", … */
      readonly platform: string;
    }
  | { readonly kind: "standalone" };

/** office.js answers within a moment inside Office; outside it may never call back. */
const ON_READY_TIMEOUT_MS = 4000;

export async function detectHost(): Promise<HostInfo> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") return { kind: "standalone" };
  const info = await Promise.race([
    office.onReady().catch(() => undefined),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ON_READY_TIMEOUT_MS)),
  ]);
  const host = info?.host as unknown as string | null | undefined;
  if (host === "Excel" || host === (office.HostType?.Excel as unknown as string)) {
    return { kind: "excel", platform: String(info?.platform ?? "") };
  }
  return { kind: "standalone" };
}

/** Excel on Mac cannot save a Blob from the pane; downloads go through the server instead. */
export function isMac(host: HostInfo): boolean {
  return host.kind === "excel" && host.platform === "Mac";
}
