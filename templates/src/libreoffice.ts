/**
 * LibreOffice helpers for the rendering tests and `npm run docs:previews`: one soffice process
 * converts several .docx files to PDF, with a private profile and the font aliases of
 * scripts/fontconfig/fonts.conf (the GB/T 9704 faces mapped to free CJK faces).
 *
 * LibreOffice 7.x cannot lay out Word's character grid when the pitch is smaller than the font
 * (28 characters of 16 pt on a 156 mm line need a 15.79 pt pitch): it gives each character two
 * grid cells, so every line shows 14 characters. For *previews* only, `emulateWordGrid` rewrites
 * a copy the way Word lays it out — the line grid stays, and every run is condensed by the same
 * 0.25 pt Word takes off each character (16 − 842/4096 ≈ 15.79 pt) — so the picture shows the
 * 28 × 22 page Word and WPS print; and punctuation does not hang past the line's end, which
 * LibreOffice would often not draw on condensed lines. The rendering tests read these copies too
 * (tests/support/rendered-pages.ts); libreoffice.test.ts converts the documents unchanged.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

export const FONTCONFIG_FILE = fileURLToPath(
  new URL("../../scripts/fontconfig/fonts.conf", import.meta.url),
);

/** Converts the given .docx files to PDF in `outDir` with one soffice run; returns the PDF paths. */
export function convertToPdf(docxPaths: readonly string[], outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), "zhenggai-soffice-"));
  try {
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        outDir,
        ...docxPaths,
      ],
      {
        stdio: "pipe",
        timeout: 180_000,
        env: { ...process.env, FONTCONFIG_FILE, SAL_USE_VCLPLUGIN: "svp" },
      },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return docxPaths.map((p) => join(outDir, basename(p).replace(/\.docx$/i, ".pdf")));
}

/** Condensing per character in twips: Word's grid takes 842/4096 pt ≈ 0.21 pt; 5 twips = 0.25 pt. */
const CONDENSE_TWIPS = -5;

/** A preview copy of a .docx laid out by LibreOffice the way Word lays out the character grid. */
export function emulateWordGrid(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  for (const name of Object.keys(files)) {
    if (!/^word\/(document|styles|footer\d*)\.xml$/.test(name)) continue;
    let xml = strFromU8(files[name] as Uint8Array);
    xml = xml.replace(/w:type="linesAndChars"/g, 'w:type="lines"');
    // No hanging punctuation: LibreOffice 7.4 lets a mark that falls past a full line hang in
    // the margin, but on condensed lines it often draws nothing of it (the PDF of the 报告
    // preview lost 15 of 586 ，). With w:overflowPunct="1" LibreOffice (measured on 7.4) does not
    // hang it: the mark stays on the line and the character before it moves down with it, as
    // line-start rules ask; such a line breaks one character earlier than Word, which hangs it.
    xml = xml.replace(/<w:pPrDefault><w:pPr>/, '<w:pPrDefault><w:pPr><w:overflowPunct w:val="1"/>');
    // w:spacing in rPr stands right after w:color (schema order), which every run here carries.
    xml = xml.replace(
      /(<w:rPr>(?:(?!<\/w:rPr>).)*?<w:color [^>]*\/>)/g,
      `$1<w:spacing w:val="${CONDENSE_TWIPS}"/>`,
    );
    files[name] = strToU8(xml);
  }
  return zipSync(files);
}

/** Writes a preview copy next to `path` (…-preview.docx) and returns its path. */
export function writePreviewCopy(path: string, outDir: string): string {
  const target = join(outDir, basename(path).replace(/\.docx$/i, "-preview.docx"));
  writeFileSync(target, emulateWordGrid(readFileSync(path)));
  return target;
}

/** `pdfinfo` fields of a PDF. */
export function pdfInfo(pdf: string): { pages: number; pageSize: string } {
  const out = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1] ?? "0");
  const pageSize = /^Page size:\s+(.*)$/m.exec(out)?.[1]?.trim() ?? "";
  return { pages, pageSize };
}

/** Text of one page (1-based), whitespace removed so the grid's letter spacing does not matter. */
export function pageText(pdf: string, page: number): string {
  const out = execFileSync("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"], {
    encoding: "utf8",
  });
  return out.replace(/\s+/g, "");
}

/** PNGs of the first `pages` pages at `dpi` into `outDir` as `<prefix>-<n>.png`. */
export function pdfToPng(pdf: string, outPrefix: string, pages: number, dpi = 60): void {
  execFileSync("pdftoppm", [
    "-r",
    String(dpi),
    "-f",
    "1",
    "-l",
    String(pages),
    "-png",
    pdf,
    outPrefix,
  ]);
}
