/**
 * The unit profile lives in the add-in's document settings (Office.context.document.settings,
 * key `zhenggai.profile`), so it travels with the workbook file. Validated with the core's
 * schema on the way in and out.
 */
import { type UnitProfile, unitProfileSchema } from "../core/profile";
import { OfficeAdapterError } from "./errors";
import { documentSettings } from "./host";

export const PROFILE_SETTING = "zhenggai.profile";

/** Keys a newer version may have added are dropped rather than rejected. */
function knownKeysOnly(value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  const shape = unitProfileSchema.shape as Record<string, unknown>;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k in shape));
}

export function loadProfileFromSettings(): UnitProfile | undefined {
  const raw: unknown = documentSettings().get(PROFILE_SETTING);
  if (raw === null || raw === undefined) return undefined;
  const parsed = unitProfileSchema.safeParse(knownKeysOnly(raw));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OfficeAdapterError(
      `工作簿中保存的单位信息格式有误（${issue?.path.join(".") || "整体"}：${issue?.message ?? "无法识别"}），请在“设置”中重新填写并保存。`,
      "InvalidProfile",
    );
  }
  return parsed.data;
}

/** settings.saveAsync as a promise; `what` names what is saved in the error (单位信息, …). */
export function saveSettings(settings: Office.Settings, what = "单位信息"): Promise<void> {
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (String(result.status) === "succeeded") resolve();
      else {
        reject(
          new OfficeAdapterError(
            `保存${what}失败：${result.error?.message ?? "Excel 未能保存设置"}。`,
            "SettingsSaveFailed",
            { cause: result.error },
          ),
        );
      }
    });
  });
}

export async function saveProfileToSettings(profile: UnitProfile): Promise<void> {
  const parsed = unitProfileSchema.safeParse(profile);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OfficeAdapterError(
      `单位信息有误（${issue?.path.join(".") ?? ""}：${issue?.message ?? "无法识别"}），未保存。`,
      "InvalidProfile",
    );
  }
  const settings = documentSettings();
  settings.set(PROFILE_SETTING, parsed.data);
  await saveSettings(settings);
}
