/**
 * The pane's state: the current port's workbook, analysed with the chosen as-of date and
 * precision, plus small helpers for actions that take a moment. Components read this and call
 * its functions; they never talk to the port themselves.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { columnLetters, type WorkbookGrid } from "../../core/grid";
import {
  INFO_KEYS,
  type InfoField,
  type LedgerAnalysis,
  type Precision,
  SHEET,
} from "../../core/model";
import type { UnitProfile } from "../../core/profile";
import type { PaneChoices, WorkbookPort } from "../../ports/workbook";
import { describeError } from "../errors";
import type { ProfileStore } from "../profile-storage";
import { type AnalysisSettings, analyse, todayLocal } from "./session";

const PRECISION_KEY = "zhenggai.precision";
/** Quiet time after the last cell edit before the automatic re-check. */
export const RECHECK_DELAY_MS = 1000;

function storedPrecision(): Precision {
  const v = Number(globalThis.localStorage?.getItem(PRECISION_KEY));
  return v === 1 || v === 2 ? v : 0;
}

/**
 * Where a 基本信息 value is or goes: the value cell beside its key, or, when the key is absent,
 * column A of the first empty row below the table (where the clerk adds it).
 */
export function infoCellAddress(grid: WorkbookGrid | undefined, field: InfoField): string {
  const sheet = grid?.sheets.find((s) => s.name === SHEET.info);
  if (!sheet) return "A1";
  const label = INFO_KEYS[field];
  let lastUsed = -1;
  sheet.cells.forEach((row, r) => {
    if (row.some((c) => c.t !== "empty")) lastUsed = r;
  });
  for (let r = 0; r < sheet.cells.length; r++) {
    const row = sheet.cells[r]!;
    const c = row.findIndex((cell) => cell.t === "s" && cell.v.trim() === label);
    if (c >= 0) return `${columnLetters(sheet.origin.col + c + 1)}${sheet.origin.row + r + 1}`;
  }
  return `${columnLetters(sheet.origin.col)}${sheet.origin.row + lastUsed + 2}`;
}

export { describeError } from "../errors";

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
  /** How many times an edit in Excel re-checked the workbook by itself. */
  readonly autoChecks: number;
  saveProfile(profile: UnitProfile): Promise<void>;
  /** 设置 can be saved before a ledger is open (standalone: the browser keeps it). */
  readonly profileWithoutLedger?: boolean;
  /** The 基本信息 cell that holds (or should hold) a value, for 定位. */
  infoCell(field: InfoField): { sheet: string; address: string };
  /** What this workbook remembers (as-of date, template), once its port has said. */
  readonly choices: PaneChoices;
  /** Keeps template choices for this workbook (the as-of date is kept by setAsOf). */
  rememberChoices(choices: PaneChoices): void;
}

/**
 * `profileStore` keeps 设置 while no workbook is open (standalone), so that it can be filled in
 * before the first ledger; with a port the port's own profile is used.
 */
export function useSession(port: WorkbookPort | undefined, profileStore?: ProfileStore): Session {
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
    async (
      reread: boolean,
      current: AnalysisSettings,
      currentProfile?: UnitProfile,
      keepShowing = false,
    ) => {
      if (!port) return;
      const mine = ++generation.current;
      setState((s) =>
        s.status === "ready" && (!reread || keepShowing) ? s : { status: "loading" },
      );
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
  const [choices, setChoices] = useState<PaneChoices>({});
  useEffect(() => {
    grid.current = undefined;
    setProfile(undefined);
    setChoices({});
    let cancelled = false;
    if (port) {
      // Each workbook keeps its own as-of date (a reload or another file must not mix them up):
      // in Excel in the workbook's settings, standalone in this browser by file name.
      setState({ status: "loading" });
      void (port.choices?.load() ?? Promise.resolve<PaneChoices>({}))
        .catch((): PaneChoices => ({}))
        .then((remembered) => {
          if (cancelled) return;
          setChoices(remembered);
          const next = remembered.asOf
            ? { ...settingsRef.current, asOf: remembered.asOf }
            : settingsRef.current;
          if (remembered.asOf) {
            settingsRef.current = next;
            setSettings(next);
          }
          void run(true, next);
        });
    } else {
      setState({ status: "idle" });
      void profileStore?.load().then((p) => {
        if (p) setProfile(p);
      });
    }
    return () => {
      cancelled = true;
    };
  }, [port, run, profileStore]);

  const profileRef = useRef(profile);
  profileRef.current = profile;

  // In Excel an edit re-checks by itself once typing pauses; the results stay on screen (and
  // the open groups open) while the workbook is re-read.
  const [autoChecks, setAutoChecks] = useState(0);
  useEffect(() => {
    const live = port?.live;
    if (!live?.onChanged) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = live.onChanged(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        setAutoChecks((n) => n + 1);
        void run(true, settingsRef.current, undefined, true);
      }, RECHECK_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [port, run]);

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
      if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return;
      // Kept quietly: a failed save only means the date is asked for again next time.
      void port?.choices?.save({ asOf }).catch(() => {});
      setChoices((c) => ({ ...c, asOf }));
      update({ ...settings, asOf });
    },
    setPrecision: (precision) => {
      globalThis.localStorage?.setItem(PRECISION_KEY, String(precision));
      update({ ...settings, precision });
    },
    refresh: () => run(true, settings),
    autoChecks,
    saveProfile: async (next) => {
      if (!port && !profileStore) throw new Error("请先打开台账。");
      if (port) await port.saveProfile(next);
      else await profileStore?.save(next);
      setProfile(next);
      if (grid.current) await run(false, settings, next);
    },
    profileWithoutLedger: profileStore !== undefined,
    infoCell: (field) => ({ sheet: SHEET.info, address: infoCellAddress(grid.current, field) }),
    choices,
    rememberChoices: (next) => {
      setChoices((c) => ({ ...c, ...next, templates: { ...c.templates, ...next.templates } }));
      void port?.choices?.save(next).catch(() => {});
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
