/**
 * The unit profile in this browser's local storage: where standalone keeps 设置, with a ledger
 * open (the standalone port) or before one is (设置 on first run).
 */
import { type UnitProfile, unitProfileSchema } from "../core/profile";

export const PROFILE_STORAGE_KEY = "zhenggai.unitProfile";

export interface ProfileStore {
  load(): Promise<UnitProfile | undefined>;
  save(profile: UnitProfile): Promise<void>;
}

export function browserProfileStore(
  storage: Storage | undefined = globalThis.localStorage,
): ProfileStore {
  return {
    async load() {
      const raw = storage?.getItem(PROFILE_STORAGE_KEY);
      if (!raw) return undefined;
      try {
        const parsed = unitProfileSchema.safeParse(JSON.parse(raw));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    async save(profile) {
      const valid = unitProfileSchema.parse(profile);
      if (!storage) throw new Error("此浏览器不允许保存设置（本地存储不可用）。");
      storage.setItem(PROFILE_STORAGE_KEY, JSON.stringify(valid));
    },
  };
}
