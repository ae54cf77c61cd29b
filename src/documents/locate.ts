/**
 * Where a tag stands, in words a clerk understands (第12段, 第3段（表格内）, 页眉, 页脚), from
 * docxtemplater's text offsets. docxtemplater numbers offsets over the concatenated contents of
 * the <w:t> elements of one XML part; we walk the same elements and remember where each
 * paragraph starts.
 */

interface ParagraphStart {
  readonly offset: number;
  readonly index: number;
  readonly inTable: boolean;
}

export interface PartLocator {
  /** Human description of the position of a text offset. */
  where(offset: number): string;
  /** The paragraphs' texts (for tests and excerpts). */
  readonly paragraphs: readonly string[];
}

/** The kind of XML part, as a clerk would name it. */
export function partLabel(file: string): string {
  if (/word\/header\d*\.xml$/.test(file)) return "页眉";
  if (/word\/footer\d*\.xml$/.test(file)) return "页脚";
  if (/word\/footnotes\.xml$/.test(file)) return "脚注";
  if (/word\/endnotes\.xml$/.test(file)) return "尾注";
  if (/word\/document\.xml$/.test(file)) return "正文";
  return file;
}

const TOKEN =
  /<w:p(?=[\s>/])[^>]*?(\/?)>|<\/w:p>|<w:tbl(?=[\s>])[^>]*>|<\/w:tbl>|<w:t(?=[\s>])[^>]*>([^<]*)<\/w:t>/g;

export function locatePart(file: string, xml: string): PartLocator {
  const starts: ParagraphStart[] = [];
  const paragraphs: string[] = [];
  let offset = 0;
  let tables = 0;
  let current = -1;
  for (const m of xml.matchAll(TOKEN)) {
    const token = m[0];
    if (token.startsWith("<w:tbl")) tables++;
    else if (token === "</w:tbl>") tables = Math.max(0, tables - 1);
    else if (token.startsWith("<w:t")) {
      const text = m[2] ?? "";
      offset += text.length;
      if (current >= 0) paragraphs[current] += text;
    } else if (token.startsWith("<w:p")) {
      starts.push({ offset, index: starts.length + 1, inTable: tables > 0 });
      paragraphs.push("");
      current = paragraphs.length - 1;
      if (m[1] === "/") current = -1;
    }
  }
  const label = partLabel(file);
  return {
    paragraphs,
    where(target: number): string {
      if (label !== "正文") return label;
      let found: ParagraphStart | undefined;
      for (const s of starts) {
        if (s.offset <= target) found = s;
        else break;
      }
      if (!found) return "正文";
      return `第${found.index}段${found.inTable ? "（表格内）" : ""}`;
    },
  };
}
