/**
 * Template and department names as the library accepts them. Names travel in URLs, file names
 * and audit lines, so they are NFC-normalised and kept free of anything a path or a terminal
 * could interpret, and of invisible characters (src/library/names.ts): the repositories then
 * compare names by their NFKC + case-folded key, so a look-alike of an existing name is
 * refused (409) naming it.
 */
import { invisibleCharacter } from "../../library/names";

export { lookAlikeOf, nameKey } from "../../library/names";

export const NAME_MAX_LENGTH = 64;

export type NameCheck =
  | { readonly ok: true; readonly name: string }
  | { readonly ok: false; readonly message: string };

// C0/C1 controls, DEL, line/paragraph separators and bidi overrides (they make a name look
// different from what it is).
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const PATH_CHARS = /[/\\]/;
// Characters Windows refuses in file names; a pulled template is saved under its name.
const FILE_NAME_CHARS = /[<>:"|?*]/;

/** Checks and normalises a template or department name; `what` names it in the message (模板名称). */
export function checkName(raw: string, what = "模板名称"): NameCheck {
  // Before trimming: trim() would silently drop a leading U+FEFF.
  const invisible = invisibleCharacter(raw);
  if (invisible)
    return {
      ok: false,
      message: `${what}含有不可见的字符（${invisible}），看起来与别的名称一样却并不相同；请删去后重新输入（不要从其他文档直接粘贴）。`,
    };
  const name = raw.normalize("NFC").trim();
  if (name.length === 0) return { ok: false, message: `${what}不能为空。` };
  if ([...name].length > NAME_MAX_LENGTH)
    return {
      ok: false,
      message: `${what}最长 ${NAME_MAX_LENGTH} 个字符，当前为 ${[...name].length} 个，请缩短。`,
    };
  if (FORBIDDEN_CHARS.test(name))
    return {
      ok: false,
      message: `${what}含有控制字符或不可见的方向控制符，请重新输入（不要从其他文档直接粘贴）。`,
    };
  if (PATH_CHARS.test(name))
    return { ok: false, message: `${what}不能含有“/”或“\\”，请改用其他字符（如“-”）。` };
  if (name.includes("..")) return { ok: false, message: `${what}不能含有“..”，请改用其他字符。` };
  if (FILE_NAME_CHARS.test(name))
    return { ok: false, message: `${what}不能含有 < > : " | ? * 这些字符，请删去。` };
  if (name.startsWith(".")) return { ok: false, message: `${what}不能以“.”开头。` };
  return { ok: true, name };
}

/** 409 message: a new template name reads the same as an existing one. */
export function templateLookAlikeMessage(
  name: string,
  existing: { readonly name: string; readonly department: string },
): string {
  return `模板名称“${name}”与已有的模板“${existing.name}”（${existing.department}）只差大小写、全角半角或字形变体，容易混淆，不能同时存在；请另取一个名称（该部门可以用“${existing.name}”发布新版本）。`;
}

/** 409 message: a new department name reads the same as an existing one. */
export function departmentLookAlikeMessage(name: string, existing: string): string {
  return `部门名称“${name}”与已有的部门“${existing}”只差大小写、全角半角或字形变体，容易混淆；请换一个名称。`;
}
