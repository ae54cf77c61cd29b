/**
 * How the library tells names apart. Two names are the same to a reader when they differ only
 * in case, full-width/half-width forms or compatibility variants (ＡＢ１ and ab1), so names are
 * compared by their NFKC + case-folded key; invisible characters (Unicode format characters
 * such as zero-width spaces and bidi marks, and the Hangul fillers that render as blanks) are
 * refused rather than stripped, so a look-alike can never slip in beside a real name.
 * Browser-safe: the pane and the CLI can check a name before sending it.
 */

/** The comparison key: NFKC, case-folded (ß and SS meet), runs of spaces as one, trimmed. */
export function nameKey(name: string): string {
  return name
    .normalize("NFKC")
    .toUpperCase()
    .toLowerCase()
    .normalize("NFKC")
    .replace(/\s+/gu, " ")
    .trim();
}

/** Hangul fillers: letters (not format characters) that render as nothing. */
const FILLERS = new Set([0x115f, 0x1160, 0x3164, 0xffa0]);
const FORMAT_CHAR = /\p{Cf}/u;

const DESCRIBED: Readonly<Record<number, string>> = {
  173: "软连字符",
  1564: "阿拉伯文字母标记（方向控制符）",
  6158: "蒙古文元音分隔符",
  8203: "零宽空格",
  8204: "零宽不连字",
  8205: "零宽连字",
  8206: "从左到右标记（方向控制符）",
  8207: "从右到左标记（方向控制符）",
  8288: "零宽不换行符",
  65279: "零宽不换行空格（BOM）",
  4447: "韩文填充符",
  4448: "韩文填充符",
  12644: "韩文填充符",
  65440: "韩文填充符",
};

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * The first invisible character of a name, described in Chinese ("U+200B 零宽空格"), or
 * undefined when there is none. Checked on the raw text and on its NFKC form.
 */
export function invisibleCharacter(name: string): string | undefined {
  for (const text of [name, name.normalize("NFKC")]) {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (FILLERS.has(cp) || FORMAT_CHAR.test(ch)) {
        const what =
          DESCRIBED[cp] ??
          ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)
            ? "方向控制符"
            : "不可见的格式字符");
        return `${hex(cp)} ${what}`;
      }
    }
  }
  return undefined;
}

/** An existing name that reads the same as `name` but is spelled differently, if any. */
export function lookAlikeOf<T extends { readonly name: string }>(
  name: string,
  existing: Iterable<T>,
): T | undefined {
  const key = nameKey(name);
  for (const e of existing) if (e.name !== name && nameKey(e.name) === key) return e;
  return undefined;
}

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

/**
 * Checks and normalises a template or department name (the library's rule, also applied to the
 * names inside a template pack); `what` names it in the message (模板名称). */
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
