/**
 * The renderer checks a template once and renders it again from its gated parts: a batch
 * renders one template hundreds of times. These tests make sure the kept check never stands
 * in for a different template, and that a render from the kept parts is the same document.
 */

import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import { renderDocument } from "../../../src/documents/render";
import { keptTemplates, prepareTemplate } from "../../../src/documents/template-check";
import { buildDocx, reportAnalysis } from "./helpers";
import { reportTemplate } from "./templates";

describe("a template rendered again", () => {
  it("gives the same bytes the second and third time as the first", () => {
    const template = reportTemplate();
    const analysis = reportAnalysis();
    const outputs = [1, 2, 3].map(() => {
      const r = renderDocument({ template, kind: "报告", analysis, force: false });
      if (!r.ok) throw new Error(r.findings.map((f) => f.message).join("\n"));
      return r;
    });
    expect(outputs[1]!.docx).toEqual(outputs[0]!.docx);
    expect(outputs[2]!.docx).toEqual(outputs[0]!.docx);
    expect(outputs[1]!.findings).toEqual(outputs[0]!.findings);
  });

  it("is checked again when the same array now holds other bytes", () => {
    const bytes = reportTemplate();
    expect(prepareTemplate(bytes).ok).toBe(true);
    // The caller reuses its buffer for a finished document (no tags): it must be refused.
    const finished = buildDocx([
      { xml: "<w:p><w:r><w:t>中共某某党组关于整改情况的报告</w:t></w:r></w:p>" },
    ]);
    const reused = new Uint8Array(finished.length);
    reused.set(finished);
    const again = prepareTemplate(reused);
    expect(again.ok).toBe(false);
    if (!again.ok)
      expect(again.findings.map((f) => f.code)).toContain("template.gate.no-contract-tag");
    const r = renderDocument({
      template: reused,
      kind: "报告",
      analysis: reportAnalysis(),
      force: true,
    });
    expect(r.ok).toBe(false);
  });

  it("refuses a failing template every time, not only the first", () => {
    const broken = buildDocx([{ xml: "<w:p><w:r><w:t>{#问题}{问题描述}</w:t></w:r></w:p>" }]);
    for (let i = 0; i < 3; i++) {
      const r = renderDocument({
        template: broken,
        kind: "报告",
        analysis: reportAnalysis(),
        force: true,
      });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.findings.some((f) => f.code.startsWith("template."))).toBe(true);
    }
  });

  it("compiles a fresh instance for every render (docxtemplater renders an instance once)", () => {
    const prepared = prepareTemplate(reportTemplate());
    if (!prepared.ok) throw new Error("template refused");
    const a = prepared.compile();
    const b = prepared.compile();
    expect(a.doc).not.toBe(b.doc);
    expect(a.budget).not.toBe(b.budget);
  });

  it("keeps at most four templates and 16 MB in all: big uploads push the older ones out", () => {
    // Six different templates (the library server trial-renders every upload, each new).
    for (let i = 0; i < 6; i++) {
      const zip = new PizZip(reportTemplate());
      zip.file("docProps/custom-marker.xml", `<x>${i}</x>`);
      expect(prepareTemplate(zip.generate({ type: "uint8array" })).ok).toBe(true);
    }
    expect(keptTemplates().count).toBe(4);
    // Templates near the gate's 5 MB: a picture that does not compress, 4.5 MB each, so every
    // one holds about 9 MB (its bytes and its parts).
    const bigTemplate = () => {
      const picture = new Uint8Array(4.5 * 1024 * 1024);
      for (let at = 0; at < picture.length; at += 65_536)
        crypto.getRandomValues(picture.subarray(at, at + 65_536));
      const zip = new PizZip(reportTemplate());
      zip.file("word/media/picture.bin", picture);
      return zip.generate({ type: "uint8array", compression: "DEFLATE" });
    };
    for (let i = 0; i < 3; i++) {
      const bytes = bigTemplate();
      const r = renderDocument({ template: bytes, kind: "报告", analysis: reportAnalysis() });
      expect(r.ok).toBe(true);
      const kept = keptTemplates();
      expect(kept.bytes).toBeLessThanOrEqual(16 * 1024 * 1024);
      expect(kept.bytes).toBeGreaterThan(9 * 1024 * 1024); // the newest is kept
      // The first big one fits beside the three newest small ones; two big ones do not.
      expect(kept.count).toBe(i === 0 ? 4 : 1);
    }
  });
});
