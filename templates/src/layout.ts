/**
 * GB/T 9704-2012 page geometry and type sizes, in the units WordprocessingML uses.
 * twip = 1/20 pt = 1/1440 inch; 1 mm = 1440 / 25.4 ≈ 56.693 twips. Font sizes (w:sz) are in
 * half-points; border widths (w:sz of a border) in eighths of a point.
 */

export const TWIPS_PER_MM = 1440 / 25.4;

export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** A4 portrait: 210 × 297 mm = 11906 × 16838 twips (Word's own A4 values). */
export const PAGE = { width: 11906, height: 16838 } as const;

/**
 * Margins: top 37 mm → 2097.6 → 2098; bottom 35 mm → 1984.3 → 1984;
 * left 28 mm → 1587.4 → 1587; right 26 mm → 1474.0 → 1474.
 */
export const MARGIN = {
  top: mmToTwips(37),
  bottom: mmToTwips(35),
  left: mmToTwips(28),
  right: mmToTwips(26),
} as const;

/**
 * Type area (版心): 11906 − 1587 − 1474 = 8845 twips wide (156.03 mm);
 * 16838 − 2098 − 1984 = 12756 twips high (225.01 mm).
 */
export const TYPE_AREA = {
  width: PAGE.width - MARGIN.left - MARGIN.right,
  height: PAGE.height - MARGIN.top - MARGIN.bottom,
} as const;

/** 22 lines per page, 28 characters per line. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Type sizes in points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const PT = { size2: 22, size3: 16, size4: 14 } as const;

/** w:sz values (half-points). */
export const SZ = {
  body: PT.size3 * 2, // 32
  title: PT.size2 * 2, // 44
  small: PT.size4 * 2, // 28: page numbers, 版记
  /** 发文机关标志: 小标宋 at 48 pt (about 17 mm tall), see ISSUER_MARK. */
  issuerMark: 96,
} as const;

/**
 * Line pitch: 12756 twips ÷ 22 lines = 579.8 twips. Rounding down to 579 twips (28.95 pt) keeps
 * 22 × 579 = 12738 ≤ 12756, so exactly 22 lines fit; 580 would need 12760 and Word would fit 21.
 */
export const LINE_PITCH = Math.floor(TYPE_AREA.height / LINES_PER_PAGE);

/**
 * Character pitch: w:charSpace is the difference between the grid's character pitch and the
 * default East Asian font size (16 pt), in 1/4096 pt. Wanted pitch ≤ 8845 ÷ 28 = 315.89 twips
 * = 15.7946 pt, so charSpace = floor((15.7946 − 16) × 4096) = floor(−841.1) = −842, giving a
 * pitch of 16 − 842/4096 = 15.7944 pt and 28 × 15.7944 = 442.24 pt ≤ 442.25 pt (the width).
 * (−841 would give 442.251 pt and only 27 characters would fit.)
 */
export const CHAR_SPACE = Math.floor((TYPE_AREA.width / 20 / CHARS_PER_LINE - PT.size3) * 4096);

/** One body character (3号) and one 4号 character, in twips. */
export const CHAR = PT.size3 * 20; // 320
export const CHAR_SMALL = PT.size4 * 20; // 280

/**
 * Footer: the page number's dash (一字线) stands 7 mm below the type area (GB/T 9704 7.5). The
 * dash sits at the middle of its exact 14 pt line (4号, 280 twips), so the line's middle goes
 * 7 mm below the type area. w:footer is the distance from the page's bottom edge to the bottom
 * of the footer text: 35 mm − 7 mm − 7 pt = 1984 − 397 − 140 = 1447 twips (25.5 mm).
 * (Putting the line's top at 7 mm left the dash 9.5 mm down on the rendered page.)
 */
export const FOOTER_LINE = CHAR_SMALL;
export const FOOTER_DISTANCE = MARGIN.bottom - mmToTwips(7) - FOOTER_LINE / 2;
export const HEADER_DISTANCE = mmToTwips(15);

/** 发文字号 to the red line: 4 mm ≈ 11.3 pt; border w:space is in whole points. */
export const RED_LINE_SPACE_PT = Math.round((4 / 25.4) * 72);

/**
 * 发文机关标志: 48 pt 方正小标宋简体, characters narrowed to 60 % (w:w), so each is
 * 48 × 0.6 = 28.8 pt = 10.2 mm wide and 15 characters fit the 156 mm line; a longer name wraps
 * to a second centred line. Its top edge stands 35 mm below the type area's top (GB/T 9704
 * 7.2.2): space before 35 mm minus the part of the exact line box above the glyphs (≈ 0).
 */
export const ISSUER_MARK = {
  scale: 60,
  line: SZ.issuerMark * 10 + 120, // exact 54 pt line box for a 48 pt glyph
  spaceBefore: mmToTwips(35) - 60,
} as const;

/** Borders of the 版记 (eighths of a point): 0.35 mm ≈ 1 pt → 8; 0.25 mm ≈ 0.75 pt → 6. */
export const RULE = { thick: 8, thin: 6 } as const;

/** Colours. */
export const RED = "FF0000";
export const BLACK = "000000";

/** Font faces (eastAsia names as Word and WPS know them). */
export const FONT = {
  fangsong: "仿宋_GB2312",
  kaiti: "楷体_GB2312",
  heiti: "黑体",
  xiaobiaosong: "方正小标宋简体",
  songti: "宋体",
} as const;
export type FontFace = (typeof FONT)[keyof typeof FONT];

/** 成文日期 stands four characters in from the right. */
export const DATE_RIGHT_INDENT = 4 * CHAR;
