/**
 * Pack import in the pane (importPackIntoWorkbook) is all-or-nothing against the fake Excel
 * host: every limit, the workbook's 4 MB budget for embedded templates included, is checked
 * before the first template is embedded; a failure half-way is rolled back; a pack with two
 * pack.json (a duplicate entry, one in a folder, or a key twice inside it) or with a file its
 * pack.json does not list is refused with a Chinese message, and the workbook is untouched.
 */
import { strToU8, unzipSync, zipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { checkTemplate } from "../../../src/documents/index";
import { sha256Hex } from "../../../src/library/hash";
import {
  duplicateJsonKey,
  exportPack,
  importPack,
  type PackTemplate,
} from "../../../src/library/pack";
import { createExcelWorkbookPort } from "../../../src/office/excel-port";
import { MAX_TEMPLATE_BYTES, MAX_TOTAL_TEMPLATE_BYTES } from "../../../src/office/templates";
import type { EmbeddedTemplate, WorkbookPort } from "../../../src/ports/workbook";
import { importPackIntoWorkbook } from "../../../src/taskpane/templates/actions";
import { installFakeOffice, uninstallFakeOffice } from "../../support/fake-excel";
import { type RawEntry, text, writeZip } from "../../support/hostile-zip";

afterEach(() => uninstallFakeOffice());

/** A real .docx that passes the gate, padded to exactly `size` bytes by a stored image. */
function paddedDocx(size: number, seed: number): Uint8Array {
  const build = (padding: number) => {
    const media = new Uint8Array(8 + padding);
    media.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    let x = seed;
    for (let i = 8; i < media.length; i++) {
      x = (x * 1_103_515_245 + 12_345) >>> 0;
      media[i] = x >>> 24;
    }
    return zipSync(
      {
        "[Content_Types].xml": strToU8(
          '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        ),
        "word/document.xml": strToU8(
          '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{标题}</w:t></w:r></w:p></w:body></w:document>',
        ),
        "word/media/image1.png": media,
      },
      { level: 0, mtime: new Date("2024-01-01T00:00:00Z") },
    );
  };
  return build(size - build(0).byteLength);
}

const MB = 1024 * 1024;
const template = (name: string, size: number, seed: number): PackTemplate => ({
  name,
  kind: "通报",
  version: "1",
  docx: paddedDocx(size, seed),
});

/** The workbook's embedded templates as (name, size, sha256), to compare before and after. */
async function embeddedState(port: WorkbookPort): Promise<string[]> {
  const list = (await port.embedded?.list()) ?? [];
  return list.map((t) => `${t.name}:${t.docx.byteLength}:${t.sha256}`).sort();
}

/** The entries of a pack, to rebuild it with the lying zip writer. */
function packEntries(pack: Uint8Array): RawEntry[] {
  return Object.entries(unzipSync(pack)).map(([name, data]) => ({ name, data }));
}

describe("pack import in the pane is all or nothing", () => {
  it("embeds none of 3 templates that together pass the workbook's 4 MB budget", async () => {
    const host = installFakeOffice({ sheets: [{ name: "整改台账" }] });
    const port = createExcelWorkbookPort();
    const size = Math.floor(1.5 * MB);
    expect(size).toBeLessThan(MAX_TEMPLATE_BYTES);
    expect(3 * size).toBeGreaterThan(MAX_TOTAL_TEMPLATE_BYTES);
    const pack = await exportPack({
      templates: [template("甲", size, 1), template("乙", size, 2), template("丙", size, 3)],
    });
    // The pack itself is sound: importPack accepts all three.
    const read = await importPack(pack, checkTemplate);
    expect(read.ok && read.pack.templates.map((t) => t.name)).toEqual(["甲", "乙", "丙"]);

    const error = await importPackIntoWorkbook(port, pack, true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^模板包未导入，工作簿未作任何改动：/);
    expect((error as Error).message).toMatch(/超过上限 4\.0 MB/);
    expect((error as Error).message).toContain("甲、乙、丙");
    expect(host.workbook.parts).toEqual([]);
    expect(await embeddedState(port)).toEqual([]);
  });

  it("counts the templates the workbook already carries, and leaves them as they were", async () => {
    const host = installFakeOffice({ sheets: [{ name: "整改台账" }] });
    const port = createExcelWorkbookPort();
    const kept = template("已有", Math.floor(1.8 * MB), 9);
    await port.embedded!.embed({
      name: kept.name,
      kind: kept.kind,
      version: kept.version,
      sha256: await sha256Hex(kept.docx),
      origin: "本机文件",
      docx: kept.docx,
    });
    const before = await embeddedState(port);
    const partsBefore = host.workbook.parts.map((p) => p.xml);
    const pack = await exportPack({
      templates: [template("甲", Math.floor(1.2 * MB), 1), template("乙", Math.floor(1.2 * MB), 2)],
    });
    await expect(importPackIntoWorkbook(port, pack, false)).rejects.toThrow(
      /模板包未导入，工作簿未作任何改动：.*超过上限 4\.0 MB/,
    );
    expect(host.workbook.parts.map((p) => p.xml)).toEqual(partsBefore);
    expect(await embeddedState(port)).toEqual(before);
  });

  it("takes back what it embedded when Excel fails half-way", async () => {
    installFakeOffice({ sheets: [{ name: "整改台账" }] });
    const real = createExcelWorkbookPort();
    const original = template("甲", 3_000, 7);
    await real.embedded!.embed({
      name: "甲",
      kind: "通报",
      version: "0",
      sha256: await sha256Hex(original.docx),
      origin: "本机文件",
      docx: original.docx,
    });
    const before = await embeddedState(real);
    let calls = 0;
    const store = real.embedded!;
    const failing: WorkbookPort = {
      ...real,
      embedded: {
        ...store,
        list: () => store.list(),
        remove: (name: string) => store.remove(name),
        embed: async (t: EmbeddedTemplate) => {
          calls += 1;
          if (calls === 3) throw new Error("Excel 同步失败（模拟）");
          return store.embed(t);
        },
      },
    };
    const pack = await exportPack({
      templates: [template("甲", 4_000, 1), template("乙", 4_000, 2), template("丙", 4_000, 3)],
    });
    await expect(importPackIntoWorkbook(failing, pack, false)).rejects.toThrow(
      /模板包未导入，已撤回本次嵌入的模板：Excel 同步失败（模拟）/,
    );
    expect(await embeddedState(real)).toEqual(before);
  });

  it("refuses a pack with two pack.json entries, with a Chinese message, embedding nothing", async () => {
    const host = installFakeOffice({ sheets: [{ name: "整改台账" }] });
    const port = createExcelWorkbookPort();
    const pack = await exportPack({ templates: [template("甲", 3_000, 1)] });
    const entries = packEntries(pack);
    const manifest = JSON.parse(
      new TextDecoder().decode(entries.find((e) => e.name === "pack.json")!.data),
    );
    const evil = { ...manifest, templates: [{ ...manifest.templates[0], name: "冒名模板" }] };
    const cases: Array<[string, RawEntry[], RegExp]> = [
      [
        "the same name twice",
        [...entries, { name: "pack.json", data: text(JSON.stringify(evil)) }],
        /模板包中的“pack\.json”出现了不止一次/,
      ],
      [
        "in another case",
        [...entries, { name: "PACK.JSON", data: text(JSON.stringify(evil)) }],
        /模板包中的“PACK\.JSON”出现了不止一次/,
      ],
      [
        "in a folder",
        [...entries, { name: "templates/pack.json", data: text(JSON.stringify(evil)) }],
        /模板包中有第二个 pack\.json（“templates\/pack\.json”），无法确定以哪个为准，不予导入。/,
      ],
      [
        "a key twice inside it",
        entries.map((e) =>
          e.name === "pack.json"
            ? {
                name: e.name,
                data: text(
                  `${JSON.stringify(manifest).slice(0, -1)},"templates":${JSON.stringify(evil.templates)}}`,
                ),
              }
            : e,
        ),
        /模板包的 pack\.json 中“templates”出现了两次，无法确定以哪个为准，不予导入。/,
      ],
      [
        "a file it does not list",
        [...entries, { name: "templates/2.docx", data: paddedDocx(3_000, 5) }],
        /模板包中有 pack\.json 未列出的文件“templates\/2\.docx”/,
      ],
    ];
    for (const [what, zipEntries, reason] of cases) {
      const bytes = writeZip(zipEntries);
      const read = await importPack(bytes, checkTemplate);
      expect(read.ok, what).toBe(false);
      expect(read.ok ? "" : read.errors.join("；"), what).toMatch(reason);
      const error = await importPackIntoWorkbook(port, bytes, true).catch((e: unknown) => e);
      expect((error as Error).message, what).toMatch(/^模板包未导入/);
      expect((error as Error).message, what).toMatch(reason);
      expect((error as Error).message, what).not.toMatch(/Error|undefined|Cannot/);
    }
    expect(host.workbook.parts).toEqual([]);
    // The untouched pack still imports.
    const ok = await importPackIntoWorkbook(port, writeZip(entries), false);
    expect(ok.templates.map((t) => t.name)).toEqual(["甲"]);
    expect(host.workbook.parts).toHaveLength(1);
  });

  it("finds a key twice only in the same object, never inside strings", () => {
    expect(duplicateJsonKey('{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}')).toBeUndefined();
    expect(duplicateJsonKey('{"a":"{\\"a\\":1,\\"a\\":2}","b":"x,\\"b\\":"}')).toBeUndefined();
    expect(duplicateJsonKey('{"a":1,"b":[{"x":1,"x":2}]}')).toBe("x");
    expect(duplicateJsonKey('{"t\\u0065mplates":[],"templates":[]}')).toBe("templates");
  });
});

describe("pack import in the pane refuses look-alikes of embedded templates", () => {
  it("refuses a name that reads like an embedded template of another origin, embedding nothing", async () => {
    installFakeOffice({ sheets: [{ name: "整改台账" }] });
    const port = createExcelWorkbookPort();
    const kept = template("ＡＢ整改通报", 3_000, 9);
    await port.embedded!.embed({
      name: kept.name,
      kind: kept.kind,
      version: kept.version,
      sha256: await sha256Hex(kept.docx),
      origin: "模板库：办公室 v1",
      docx: kept.docx,
    });
    const before = await embeddedState(port);
    const pack = await exportPack({
      templates: [template("甲", 3_000, 1), template("ab整改通报", 3_000, 2)],
    });
    const error = await importPackIntoWorkbook(port, pack, false).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      "模板包未导入，工作簿未作任何改动：模板包中的模板“ab整改通报”与工作簿中已嵌入的模板“ＡＢ整改通报”（模板库：办公室 v1）只差大小写、全角半角或字形变体，容易混淆；请先删除或改名其中一个",
    );
    expect(await embeddedState(port)).toEqual(before);

    // The same spelling still replaces the embedded template, as before.
    const replacing = await exportPack({ templates: [template("ＡＢ整改通报", 3_000, 3)] });
    const ok = await importPackIntoWorkbook(port, replacing, false);
    expect(ok.templates.map((t) => t.name)).toEqual(["ＡＢ整改通报"]);
    const after = (await port.embedded!.list()).map((t) => [t.name, t.origin]);
    expect(after).toEqual([["ＡＢ整改通报", "模板包 v1"]]);
  });
});
