/**
 * The 模板 tab's one-action-at-a-time runner: a busy label while an action runs, and its
 * message (or error) for the message bar. Every section runs its actions through it.
 */
import { useCallback, useState } from "react";
import { LibraryApiError } from "../../library/client";
import { describeError, isConnectionFailure, SERVER_STOPPED } from "../errors";

export type Notice = { intent: "success" | "error" | "info"; text: string };

/** Runs an action; what it resolves to (if anything) is shown as its success message. */
export type Act = (label: string, action: () => Promise<string | undefined>) => Promise<void>;

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

/** The chosen file's name and bytes; clears the input so the same file can be chosen again. */
export async function readFileInput(
  input: HTMLInputElement | null,
): Promise<{ name: string; bytes: Uint8Array } | undefined> {
  const file = input?.files?.[0];
  if (!file) return undefined;
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (input) input.value = "";
  return { name: file.name, bytes };
}
