/**
 * Rendered pages for tests: converts .docx files with LibreOffice headless (private profile,
 * the fonts of ./fonts.conf) and reads every text line's position with `pdftotext -bbox-layout`.
 * LibreOffice cannot lay out Word's 28-character grid (it gives each 16 pt character two
 * cells), so documents are converted as the condensed copy the previews use (emulateWordGrid):
 * the 28 × 22 page Word and WPS print, with the same line and page breaks.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { emulateWordGrid } from "../../templates/src/libreoffice";

export const TEST_FONTCONFIG = fileURLToPath(new URL("./fonts.conf", import.meta.url));

export const MM_PER_PT = 25.4 / 72;

export interface PageLine {
  /** The line's text, whitespace removed (the grid's letter spacing shows as spaces). */
  readonly text: string;
  /** Bounding box in millimetres from the page's top-left corner. */
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  /** The line's words with their own boxes (a table row's line runs across its cells). */
  readonly words: readonly PageWord[];
}

export interface PageWord {
  readonly text: string;
  readonly top: number;
  readonly left: number;
  readonly right: number;
}

export interface RenderedPage {
  readonly number: number;
  /** Top of the page number's first dash (一字线), in mm from the page's top, measured on pixels. */
  readonly dashTop?: number;
  readonly widthMm: number;
  readonly heightMm: number;
  /** Lines from top to bottom. */
  readonly lines: readonly PageLine[];
  /**
   * Horizontal rules longer than 100 mm (the 版记's table borders), top to bottom, measured on
   * pixels: only on each document's last page.
   */
  readonly rules?: readonly PageRule[];
}

/** A horizontal rule on the page, in mm from the page's top-left corner. */
export interface PageRule {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

const unesc = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Pages and lines of `pdftotext -bbox-layout` output. */
export function parseBboxLayout(html: string): RenderedPage[] {
  const pages: RenderedPage[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  for (const p of html.matchAll(pageRe)) {
    const lines: PageLine[] = [];
    for (const l of (p[3] ?? "").matchAll(
      /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
    )) {
      const words = [
        ...(l[5] ?? "").matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
        ),
      ].map((w) => ({
        text: unesc(w[4] ?? "").replace(/\s+/g, ""),
        left: Number(w[1]) * MM_PER_PT,
        top: Number(w[2]) * MM_PER_PT,
        right: Number(w[3]) * MM_PER_PT,
      }));
      const text = words.map((w) => w.text).join("");
      if (text === "") continue;
      lines.push({
        text,
        left: Number(l[1]) * MM_PER_PT,
        top: Number(l[2]) * MM_PER_PT,
        right: Number(l[3]) * MM_PER_PT,
        bottom: Number(l[4]) * MM_PER_PT,
        words,
      });
    }
    // Lines of one visual row may come in separate blocks: order by position.
    lines.sort((a, b) => a.top - b.top || a.left - b.left);
    pages.push({
      number: pages.length + 1,
      widthMm: Number(p[1]) * MM_PER_PT,
      heightMm: Number(p[2]) * MM_PER_PT,
      lines,
    });
  }
  return pages;
}

/**
 * Renders the documents (one soffice run for all) and returns their pages, in order. Each
 * document is converted as the Word-grid copy (see the module comment).
 */
export function renderPages(docs: readonly Uint8Array[]): RenderedPage[][] {
  const dir = mkdtempSync(join(tmpdir(), "zhenggai-pages-"));
  const profile = mkdtempSync(join(tmpdir(), "zhenggai-soffice-"));
  try {
    const paths = docs.map((docx, i) => {
      const path = join(dir, `doc${i}.docx`);
      writeFileSync(path, emulateWordGrid(docx));
      return path;
    });
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        ...paths,
      ],
      {
        stdio: "pipe",
        timeout: 240_000,
        env: { ...process.env, FONTCONFIG_FILE: TEST_FONTCONFIG, SAL_USE_VCLPLUGIN: "svp" },
      },
    );
    return paths.map((path) => {
      const pdf = path.replace(/\.docx$/, ".pdf");
      const html = execFileSync("pdftotext", ["-bbox-layout", "-enc", "UTF-8", pdf, "-"], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      // The dash on the first two pages (odd and even footers) and the rules of the last page
      // from their pixels.
      const pages = parseBboxLayout(html);
      return pages.map((page) => ({
        ...page,
        ...(page.number <= 2 ? { dashTop: dashTop(pdf, page, dir) } : {}),
        ...(page.number === pages.length ? { rules: horizontalRules(pdf, page, dir) } : {}),
      }));
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 10 pixels per millimetre. */
const DPI = 254;
const PX_PER_MM = DPI / 25.4;

/**
 * The top edge of the page number's first dash: the text box says where the line is, the
 * pixels where the dash is inside it (a dash sits near the middle of its line).
 */
function dashTop(pdf: string, page: RenderedPage, dir: string): number | undefined {
  const line = pageNumberLine(page);
  if (!line) return undefined;
  const x = Math.round(line.left * PX_PER_MM);
  const y = Math.round((line.top - 2) * PX_PER_MM);
  const w = Math.round(3 * PX_PER_MM);
  const h = Math.round((line.bottom - line.top + 4) * PX_PER_MM);
  const prefix = join(dir, `dash-${page.number}`);
  execFileSync("pdftoppm", [
    ...["-r", String(DPI), "-gray", "-singlefile"],
    ...["-f", String(page.number), "-l", String(page.number)],
    ...["-x", String(x), "-y", String(y), "-W", String(w), "-H", String(h)],
    pdf,
    prefix,
  ]);
  const pgm = readFileSync(`${prefix}.pgm`);
  // P5 header: "P5\n<w> <h>\n<max>\n", then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString("latin1"));
  if (!header) return undefined;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const data = pgm.subarray(header[0].length);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      if ((data[row * width + col] ?? 255) < 128) return (y + row) / PX_PER_MM;
    }
  }
  return undefined;
}

/** A page as greyscale pixels at DPI (P5 from pdftoppm). */
function pagePixels(
  pdf: string,
  page: RenderedPage,
  dir: string,
): { width: number; height: number; data: Uint8Array } | undefined {
  const prefix = join(dir, `page-${page.number}`);
  execFileSync("pdftoppm", [
    ...["-r", String(DPI), "-gray", "-singlefile"],
    ...["-f", String(page.number), "-l", String(page.number)],
    pdf,
    prefix,
  ]);
  const pgm = readFileSync(`${prefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString("latin1"));
  if (!header) return undefined;
  return {
    width: Number(header[1]),
    height: Number(header[2]),
    data: pgm.subarray(header[0].length),
  };
}

/**
 * Horizontal rules: runs of pixel rows each dark over more than 100 mm (no text line is: the
 * gaps between characters break it up, so only the rows' dark pixels are counted, not runs).
 */
function horizontalRules(pdf: string, page: RenderedPage, dir: string): PageRule[] {
  const pixels = pagePixels(pdf, page, dir);
  if (!pixels) return [];
  const { width, height, data } = pixels;
  const rules: PageRule[] = [];
  let open: { top: number; left: number; right: number } | undefined;
  for (let row = 0; row <= height; row++) {
    let first = -1;
    let last = -1;
    let dark = 0;
    if (row < height) {
      for (let col = 0; col < width; col++) {
        if ((data[row * width + col] ?? 255) < 128) {
          dark++;
          if (first < 0) first = col;
          last = col;
        }
      }
    }
    // A rule's row is dark almost all along; a line of text is not.
    const isRule = dark > 100 * PX_PER_MM && dark > 0.95 * (last - first + 1);
    if (isRule && !open) open = { top: row, left: first, right: last + 1 };
    else if (!isRule && open) {
      rules.push({
        top: open.top / PX_PER_MM,
        bottom: row / PX_PER_MM,
        left: open.left / PX_PER_MM,
        right: open.right / PX_PER_MM,
      });
      open = undefined;
    }
  }
  return rules;
}

/** The page number line (— 3 —), if the page has one. */
export function pageNumberLine(page: RenderedPage): PageLine | undefined {
  return page.lines.find((l) => /^[—－-]\d+[—－-]$/.test(l.text));
}

/** The page's text lines other than its page number. */
export function bodyLines(page: RenderedPage): PageLine[] {
  return page.lines.filter((l) => l !== pageNumberLine(page));
}

export const readDocx = (path: string): Uint8Array => new Uint8Array(readFileSync(path));
