import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FINDING_CODES } from "../../../src/core/index";
import { DOCUMENT_FINDING_CODES, renderAllFindingsDoc } from "../../../src/documents/findings";

const DOC = fileURLToPath(new URL("../../../docs/findings.md", import.meta.url));
const SRC = fileURLToPath(new URL("../../../src/core/", import.meta.url));

describe("docs/findings.md", () => {
  it("matches the catalogues in src/core/findings.ts and src/documents/findings.ts", () => {
    const expected = renderAllFindingsDoc();
    if (process.env.UPDATE_FINDINGS_DOC === "1") writeFileSync(DOC, expected);
    expect(readFileSync(DOC, "utf8")).toBe(expected);
  });

  it("every catalogued code is used by the core, and every used code is catalogued", () => {
    const files = [
      "analyse.ts",
      "ledger.ts",
      "validate.ts",
      "info.ts",
      "narrative.ts",
      "text-check.ts",
      "import/parse.ts",
    ];
    const source = files.map((f) => readFileSync(`${SRC}${f}`, "utf8")).join("\n");
    for (const code of Object.keys(FINDING_CODES)) {
      expect(source, code).toContain(`"${code}"`);
    }
    const used = new Set(
      [
        ...source.matchAll(
          /"((?:workbook|ledger|cell|text|info|narrative|document|import)\.[A-Za-z.]+)"/g,
        ),
      ].map((m) => m[1]!),
    );
    for (const code of used) expect(Object.keys(FINDING_CODES), code).toContain(code);
  });

  it("every code of the documents' catalogue is used outside it", () => {
    const root = fileURLToPath(new URL("../../../src/", import.meta.url));
    const files = [
      "documents/gate/index.ts",
      "documents/template-check.ts",
      "documents/render.ts",
      "documents/summary-notice.ts",
      "server/library/validator.ts",
    ];
    const source = files.map((f) => readFileSync(`${root}${f}`, "utf8")).join("\n");
    for (const code of Object.keys(DOCUMENT_FINDING_CODES)) {
      // template.syntax.<id> is built from TEMPLATE_CODES.syntax and docxtemplater's error id.
      const written = code === "template.syntax.<id>" ? "template.syntax" : code;
      expect(source, code).toContain(`"${written}"`);
    }
  });
});
