import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { LOOPS, type LoopName, TAGS, type TagDef } from "../../../src/documents/contract";
import { renderDocument } from "../../../src/documents/render";
import { checkTemplate } from "../../../src/documents/template-check";
import {
  buildDocx,
  docxParagraphs,
  docxXml,
  noticeAnalysis,
  type Para,
  reportAnalysis,
} from "./helpers";

/** A template that uses every tag of the contract, each inside the loop that defines it. */
function everyTagTemplate(): Para[] {
  const body: Para[] = [];
  const emit = (tag: TagDef) => {
    if (tag.kind === "condition")
      body.push(`${tag.name}:{#${tag.name}}是{/${tag.name}}{^${tag.name}}否{/${tag.name}}`);
    else if (tag.kind !== "loop") body.push(`${tag.name}:{${tag.name}}`);
  };
  const loop = (name: LoopName, children: LoopName[] = []) => {
    body.push(`{#${name}}`);
    for (const t of TAGS.filter((x) => x.scope === name)) emit(t);
    for (const c of children) loop(c, c === "类别" ? ["问题"] : []);
    body.push(`{/${name}}`);
  };
  for (const t of TAGS.filter((x) => x.scope === "")) emit(t);
  loop("方面", ["类别", "问题"]);
  for (const l of LOOPS.filter((x) => x !== "方面" && x !== "类别")) loop(l);
  return body;
}

describe("the checker and the renderer accept the whole contract", () => {
  const template = buildDocx(everyTagTemplate());

  it("a template using every tag in its place passes the check with nothing unused", () => {
    const result = checkTemplate(template);
    expect(result.findings).toEqual([]);
    expect(result.unusedFields).toEqual([]);
  });

  it("every tag renders to text without undefined/null, for both documents", () => {
    for (const [kind, analysis] of [
      ["报告", reportAnalysis()],
      ["通报", noticeAnalysis()],
    ] as const) {
      const result = renderDocument({ template, kind, analysis });
      if (!result.ok) throw new Error(result.findings.map((f) => f.message).join("\n"));
      expect(docxXml(result.docx)).not.toMatch(/undefined|null|NaN|\[object/);
      const paras = docxParagraphs(result.docx);
      expect(paras).toContain(kind === "报告" ? "问题总数:48" : "问题总数:25");
    }
  });
});

describe("browser safety", () => {
  it("src/documents bundles for the browser (no fs, no node: imports)", async () => {
    const result = await build({
      entryPoints: [new URL("../../../src/documents/index.ts", import.meta.url).pathname],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]?.text ?? "";
    expect(code).not.toMatch(/from\s+["']node:|require\(["'](fs|path|node:)/);
  });
});
