/**
 * The 模板 tab's one-action-at-a-time runner: a busy label while an action runs, and its
 * message (or error) for the message bar. Every section runs its actions through it.
 */
import { useCallback, useState } from "react";
import { LibraryApiError } from "../../library/client";
import type { WorkbookPort } from "../../ports/workbook";
import { describeError, isConnectionFailure, SERVER_STOPPED } from "../errors";
import type { EmbeddedTemplates } from "./useEmbeddedTemplates";

export type Notice = { intent: "success" | "error" | "info"; text: string };

/** Runs an action; what it resolves to (if anything) is shown as its success message. */
export type Act = (label: string, action: () => Promise<string | undefined>) => Promise<void>;

/** What every section of the tab gets: the workbook, its templates and the shared runner. */
export interface SectionProps {
  readonly port: WorkbookPort | undefined;
  readonly templates: EmbeddedTemplates;
  readonly act: Act;
  readonly busy: string | undefined;
}

export function messageOf(e: unknown): string {
  // The pane's own server is the library: "Failed to fetch" there means it has stopped.
  if (e instanceof LibraryApiError && e.code === "network" && isConnectionFailure(e))
    return SERVER_STOPPED;
  if (e instanceof LibraryApiError)
    return [e.message, ...e.details.map((d) => `· ${d}`)].join("\n");
  return describeError(e);
}

export function useTask(): {
  notice: Notice | undefined;
  busy: string | undefined;
  act: Act;
  fail: (e: unknown) => void;
} {
  const [notice, setNotice] = useState<Notice | undefined>();
  const [busy, setBusy] = useState<string | undefined>();

  const act = useCallback<Act>(async (label, action) => {
    setBusy(label);
    setNotice(undefined);
    try {
      const done = await action();
      if (done) setNotice({ intent: "success", text: done });
    } catch (e) {
      setNotice({ intent: "error", text: messageOf(e) });
    } finally {
      setBusy(undefined);
    }
  }, []);

  /** For work outside act (the first read of the workbook's templates). */
  const fail = useCallback((e: unknown) => setNotice({ intent: "error", text: messageOf(e) }), []);

  return { notice, busy, act, fail };
}
