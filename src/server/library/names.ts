/**
 * Template and department names as the library accepts them. Names travel in URLs, file names
 * and audit lines, so they are NFC-normalised and kept free of anything a path or a terminal
 * could interpret, and of invisible characters (src/library/names.ts): the repositories then
 * compare names by their NFKC + case-folded key, so a look-alike of an existing name is
 * refused (409) naming it.
 */
export {
  checkName,
  lookAlikeOf,
  NAME_MAX_LENGTH,
  type NameCheck,
  nameKey,
} from "../../library/names";

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
