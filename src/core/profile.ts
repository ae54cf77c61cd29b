/**
 * The unit profile (设置): facts a unit sets once and that travel with the workbook in its
 * settings. The profile fills whatever 基本信息 leaves empty; 基本信息 always wins.
 */
import { z } from "zod";
import { type BasicInfo, type Finding, INFO_KEYS, type InfoField } from "./model";

export const unitProfileSchema = z
  .object({
    partyOrgName: z.string().trim().max(100).optional(), // 党组织名称
    unitName: z.string().trim().max(100).optional(), // 单位名称
    issuerMark: z.string().trim().max(60).optional(), // 发文机关标志
    docNumberPrefix: z.string().trim().max(30).optional(), // 发文字号 代字, e.g. 清市政党组
    // 下一个发文序号 as typed in 设置 (text like every field there): 1–99999, no leading zero.
    nextDocNumber: z
      .string()
      .trim()
      .regex(/^[1-9]\d{0,4}$/u)
      .optional(),
    signer: z.string().trim().max(30).optional(), // 签发人
    recipient: z.string().trim().max(100).optional(), // 主送机关
    phone: z.string().trim().max(60).optional(), // 联系电话
    address: z.string().trim().max(200).optional(), // 邮政地址
    email: z.string().trim().max(120).optional(), // 电子邮箱
  })
  .strict();

export type UnitProfile = z.infer<typeof unitProfileSchema>;

/** 基本信息 merged with the profile: a value in 基本信息 is never overridden. */
export function mergeProfile(info: BasicInfo, profile: UnitProfile | undefined): BasicInfo {
  if (!profile) return info;
  const pick = <T>(own: T | undefined, fallback: T | undefined): T | undefined =>
    own === undefined || own === "" ? fallback : own;
  return {
    ...info,
    partyOrgName: pick(info.partyOrgName, profile.partyOrgName),
    unitName: pick(info.unitName, profile.unitName),
    issuerMark: pick(info.issuerMark, profile.issuerMark),
    docNumber: pick(info.docNumber, profileDocNumber(profile, info.docDate)),
    signer: pick(info.signer, profile.signer),
    recipient: pick(info.recipient, profile.recipient),
    phone: pick(info.phone, profile.phone),
    address: pick(info.address, profile.address),
    email: pick(info.email, profile.email),
  };
}

/**
 * 发文字号 from the profile: 代字〔year of 成文日期〕next number号 — only when the profile gives both
 * the 代字 and the next number (a guessed number would file the document under another's).
 */
export function profileDocNumber(
  profile: UnitProfile,
  docDate: string | undefined,
): string | undefined {
  const prefix = profile.docNumberPrefix?.trim();
  if (!prefix || !profile.nextDocNumber || !docDate) return undefined;
  return `${prefix}〔${docDate.slice(0, 4)}〕${profile.nextDocNumber}号`;
}

/**
 * The findings once 设置 has filled 基本信息: a "缺少…" warning for a key the profile supplied is
 * no longer true (the analysis checks 基本信息 before the profile is merged).
 */
export function findingsAfterProfile(
  findings: readonly Finding[],
  merged: BasicInfo,
): readonly Finding[] {
  const filled = (Object.keys(INFO_KEYS) as InfoField[]).filter(
    (k) => merged[k] !== undefined && merged[k] !== "",
  );
  return findings.filter(
    (f) =>
      f.code !== "info.key.missing" ||
      !filled.some((k) => f.message.includes(`缺少“${INFO_KEYS[k]}”`)),
  );
}
