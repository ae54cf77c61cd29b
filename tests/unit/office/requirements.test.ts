/**
 * Every Excel API the adapter uses is checked against the requirement set the Office.js type
 * definitions state for it; members above the manifest's ExcelApi 1.7 must be guarded by an
 * isSetSupported check that exists in the source.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EXCEL_APIS_USED, MANIFEST_EXCEL_API } from "../../../src/office/requirements";

const require = createRequire(import.meta.url);
const dts = readFileSync(require.resolve("@types/office-js/index.d.ts"), "utf8");
const excel = dts.slice(dts.indexOf("declare namespace Excel {"));
const manifest = readFileSync(
  fileURLToPath(new URL("../../../manifest.xml", import.meta.url)),
  "utf8",
);
const officeDir = fileURLToPath(new URL("../../../src/office/", import.meta.url));
const source = readdirSync(officeDir)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => readFileSync(`${officeDir}${f}`, "utf8"))
  .join("\n");

function minor(version: string): number {
  return Number(version.split(".")[1]);
}

/** The `[Api set: ExcelApi x.y]` of `Class.member` in @types/office-js. */
function declaredSet(api: string): string | undefined {
  const [cls, member] = api.split(".") as [string, string];
  const start = excel.search(
    new RegExp(`\\n    class ${cls} extends OfficeExtension\\.ClientObject`),
  );
  if (start < 0) return undefined;
  const end = excel.slice(start + 10).search(/\n {4}(class|interface|enum) /) + start + 10;
  const body = excel.slice(start, end);
  const decl = new RegExp(`\\n {8}(?:readonly |set |get )?${member}\\s*[(:<?]`).exec(body);
  if (!decl) return undefined;
  const doc = body.slice(body.lastIndexOf("/**", decl.index), decl.index);
  const own = /\[Api set: ExcelApi (\d+\.\d+)/.exec(doc)?.[1];
  if (own) return own;
  // Members such as a collection's `items` carry no set of their own: the class's applies.
  const classDoc = excel.slice(excel.lastIndexOf("/**", start), start);
  return /\[Api set: ExcelApi (\d+\.\d+)/.exec(classDoc)?.[1];
}

describe("Excel requirement sets", () => {
  it("the manifest asks for ExcelApi 1.7", () => {
    expect(manifest).toContain(`<Set Name="ExcelApi" MinVersion="${MANIFEST_EXCEL_API}"/>`);
  });

  it.each(EXCEL_APIS_USED.map((u) => [u.api, u.set] as const))("%s is ExcelApi %s", (api, set) => {
    expect(declaredSet(api)).toBe(set);
  });

  it("guards every member above the manifest's set with an isSetSupported check in src/office", () => {
    for (const use of EXCEL_APIS_USED) {
      if (minor(use.set) <= minor(MANIFEST_EXCEL_API)) continue;
      expect(use.guardedBy, use.api).toBeDefined();
      expect(minor(use.guardedBy!), use.api).toBeGreaterThanOrEqual(minor(use.set));
      expect(source).toContain(`excelApiSupported("${use.guardedBy}")`);
    }
  });

  it("lists every Excel member name the adapter calls", () => {
    const members = new Set(EXCEL_APIS_USED.map((u) => u.api.split(".")[1]));
    for (const call of [
      "getRangeByIndexes",
      "getUsedRange",
      "getIntersectionOrNullObject",
      "getMergedAreasOrNullObject",
      "getItemOrNullObject",
      "getByNamespace",
      "getXml",
      "setPosition",
      "dataValidation",
      "customXmlParts",
    ]) {
      expect(source, call).toContain(call);
      expect(members.has(call), call).toBe(true);
    }
  });
});
