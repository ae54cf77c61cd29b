/**
 * The fast path of xmlSafe / stripIllegalXml (a plain character-class scan before the
 * look-around pattern) must change nothing: for any text, the result equals the full pattern's.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stripIllegalXml, xmlSafe } from "../../../src/documents/format";

const ILLEGAL_XML =
  /[\u0000-\u0008\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const reference = {
  xmlSafe: (t: string) => t.replace(/\r\n?|\u000B/g, "\n").replace(ILLEGAL_XML, ""),
  strip: (t: string) => t.replace(ILLEGAL_XML, ""),
};

// Chinese text with every kind of character the patterns care about mixed in.
const unit = fc.oneof(
  fc.constantFrom("整", "改", "台", "账", "《", "》", "\t", "\n", "\r", "\u000B", "\u000C"),
  fc.constantFrom("\u0000", "\u001F", "\uFFFE", "\uFFFF", "\uD800", "\uDC00", "😀", "𠀀"),
  fc.string({ maxLength: 3 }),
);
const text = fc.array(unit, { maxLength: 40 }).map((parts) => parts.join(""));

describe("xmlSafe and stripIllegalXml fast path", () => {
  it("gives the same result as the full pattern for any text", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(xmlSafe(t)).toBe(reference.xmlSafe(t));
        expect(stripIllegalXml(t)).toBe(reference.strip(t));
      }),
      { numRuns: 2000 },
    );
  });

  it("returns clean text unchanged (the same string)", () => {
    const clean = "一是完善制度《清丰县财务管理制度》；二是\t加强监督。\n😀";
    expect(xmlSafe(clean)).toBe(clean);
    expect(stripIllegalXml(`<w:t>${clean}</w:t>`)).toBe(`<w:t>${clean}</w:t>`);
  });
});
