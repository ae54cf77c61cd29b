/**
 * The pane's state: the current port's workbook, analysed with the chosen as-of date and
 * precision, plus small helpers for actions that take a moment. Components read this and call
 * its functions; they never talk to the port themselves.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkbookGrid } from "../../core/grid";
import type { LedgerAnalysis, Precision } from "../../core/model";
import type { UnitProfile } from "../../core/profile";
import type { WorkbookPort } from "../../ports/workbook";
import { type AnalysisSettings, analyse, todayLocal } from "./session";

const PRECISION_KEY = "zhenggai.precision";

function storedPrecision(): Precision {
  const v = Number(globalThis.localStorage?.getItem(PRECISION_KEY));
  return v === 1 || v === 2 ? v : 0;
}

/** A Chinese message for any error: ours already are; Office's and the browser's are wrapped. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/[\u4e00-\u9fff]/.test(message)) return message;
  return `操作未能完成（${message}）。请重试；如果问题持续，请关闭任务窗格后重新打开。`;
}

export type LoadState =
  | { readonly status: "idle" }
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly analysis: LedgerAnalysis }
  | { readonly status: "error"; readonly message: string };

export interface Session {
  readonly port: WorkbookPort | undefined;
  readonly state: LoadState;
  readonly settings: AnalysisSettings;
  readonly profile: UnitProfile | undefined;
  setAsOf(asOf: string): void;
  setPrecision(precision: Precision): void;
  /** Re-reads the workbook (after the user edited it in Excel). */
  refresh(): Promise<void>;
  saveProfile(profile: UnitProfile): Promise<void>;
}

export function useSession(port: WorkbookPort | undefined): Session {
  const [settings, setSettings] = useState<AnalysisSettings>(() => ({
    asOf: todayLocal(),
    precision: storedPrecision(),
  }));
  const [state, setState] = useState<LoadState>({ status: "idle" });
  const [profile, setProfile] = useState<UnitProfile | undefined>();
  const grid = useRef<WorkbookGrid | undefined>(undefined);
  // Only the newest request may set the state (a slow read must not overwrite a newer one).
  const generation = useRef(0);

  const run = useCallback(
    async (reread: boolean, current: AnalysisSettings, currentProfile?: UnitProfile) => {
      if (!port) return;
      const mine = ++generation.current;
      setState((s) => (s.status === "ready" && !reread ? s : { status: "loading" }));
      try {
        let p = currentProfile;
        if (reread || !grid.current) {
          const [g, loaded] = await Promise.all([port.readWorkbook(), port.loadProfile()]);
          grid.current = g;
          p = loaded;
          if (mine === generation.current) setProfile(loaded);
        }
        const analysis = await analyse(grid.current, current, p);
        if (mine === generation.current) setState({ status: "ready", analysis });
      } catch (error) {
        if (mine === generation.current)
          setState({ status: "error", message: describeError(error) });
      }
    },
    [port],
  );

  // A new port (another file, or Excel at start-up): read it. Settings are read at call time
  // through a ref, so changing them does not re-read the workbook.
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  useEffect(() => {
    grid.current = undefined;
    setProfile(undefined);
    if (port) void run(true, settingsRef.current);
    else setState({ status: "idle" });
  }, [port, run]);

  const profileRef = useRef(profile);
  profileRef.current = profile;

  const update = useCallback(
    (next: AnalysisSettings) => {
      setSettings(next);
      if (grid.current) void run(false, next, profileRef.current);
    },
    [run],
  );

  return {
    port,
    state,
    settings,
    profile,
    setAsOf: (asOf) => {
      if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) update({ ...settings, asOf });
    },
    setPrecision: (precision) => {
      globalThis.localStorage?.setItem(PRECISION_KEY, String(precision));
      update({ ...settings, precision });
    },
    refresh: () => run(true, settings),
    saveProfile: async (next) => {
      if (!port) throw new Error("请先打开台账。");
      await port.saveProfile(next);
      setProfile(next);
      if (grid.current) await run(false, settings, next);
    },
  };
}

/** Runs one action at a time with a busy flag and a Chinese error message. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const act = useCallback(async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await fn();
    } catch (e) {
      setError(describeError(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, act };
}
