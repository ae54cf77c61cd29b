/**
 * The .docx package renderDocument writes (zipped with fflate): every part of the template is
 * there under the same name, deflated, and the filled body reads back with the ledger's text.
 */
import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import { BENCH_AS_OF, generateLedgerGrid } from "../../../bench/data";
import { analyseWorkbook } from "../../../src/core/index";
import { renderDocument } from "../../../src/documents/render";

const template = new Uint8Array(
  readFileSync(new URL("../../../templates/通报.docx", import.meta.url)),
);

describe("renderDocument package", () => {
  it("keeps every template part and fills the body", () => {
    const analysis = analyseWorkbook(generateLedgerGrid(30, { unitName: "压缩测试局" }), {
      asOf: BENCH_AS_OF,
    });
    const result = renderDocument({ template, kind: "通报", analysis, force: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const parts = (zip: PizZip) =>
      Object.values(zip.files)
        .filter((f) => !f.dir)
        .map((f) => f.name)
        .sort();
    const out = new PizZip(result.docx);
    expect(parts(out)).toEqual(parts(new PizZip(template)));
    const body = out.file("word/document.xml")!.asText();
    // The title in two lines by meaning (a <w:br/> after the party organisation's name).
    expect(body).toMatch(
      /中共压缩测试局党组<\/w:t><\/w:r><w:r><w:br\/><\/w:r><w:r><w:t[^>]*>关于巡察整改进展情况的通报/,
    );
    expect(body).not.toMatch(/\{[#/^]?[\u4e00-\u9fff]+\}/); // no tag left unfilled
    // A second, independent reader agrees, and the body was compressed (not stored).
    const unzipped = unzipSync(result.docx);
    expect(new TextDecoder().decode(unzipped["word/document.xml"])).toBe(body);
    const methods = new Map<string, { compression: number; size: number; originalSize: number }>();
    unzipSync(result.docx, {
      filter: (file) => {
        methods.set(file.name, file);
        return false;
      },
    });
    const entry = methods.get("word/document.xml");
    expect(entry?.compression).toBe(8); // deflate
    expect(entry?.size).toBeLessThan((entry?.originalSize ?? 0) / 3);
  });
});
