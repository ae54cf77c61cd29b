/**
 * Template packs: round trip, and every refusal import promises (with the real template check).
 */
import { createHash } from "node:crypto";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkTemplate } from "../../src/documents";
import { sha256Hex } from "../../src/library/hash";
import {
  exportPack,
  importPack,
  inspectDocx,
  PACK_LIMITS,
  unzipSafely,
} from "../../src/library/pack";
import { documentXml, makeDocx } from "../integration/library/helpers";

const REPORT = makeDocx([
  "{发文机关标志}",
  "{标题}",
  "{#方面}{方面名称}{/方面}",
  "{党组织名称}",
  "{成文日期}",
]);
const NOTICE = makeDocx(["{标题}", "{问题总数}个问题，已完成{完成数}个", "联系电话：{联系电话}"]);
const PROFILE = { unitName: "某县市政园林局", signer: "张三", phone: "0393-1234567" };

/** Rebuilds a pack with one file changed (or removed with `undefined`). */
function patchPack(pack: Uint8Array, changes: Record<string, Uint8Array | undefined>): Uint8Array {
  const files: Record<string, Uint8Array> = { ...unzipSync(pack) };
  for (const [name, data] of Object.entries(changes)) {
    if (data === undefined) delete files[name];
    else files[name] = data;
  }
  return zipSync(files);
}

function manifestOf(
  pack: Uint8Array,
): Record<string, unknown> & { templates: Array<Record<string, unknown>> } {
  return JSON.parse(strFromU8(unzipSync(pack)["pack.json"]!));
}

/** Writes a false uncompressed size into every central directory header (a zip bomb's trick). */
function declareHugeSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++)
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  return out;
}

describe("template packs", () => {
  it("round-trips templates, their metadata and the unit profile", async () => {
    const created = new Date("2024-01-05T08:00:00Z");
    const bytes = await exportPack({
      templates: [
        {
          name: "县级报告",
          kind: "报告",
          version: "3",
          department: "县委巡察办",
          note: "红头",
          docx: REPORT,
        },
        { name: "公开通报", kind: "通报", version: "1", docx: NOTICE },
      ],
      profile: PROFILE,
      created,
    });
    const manifest = manifestOf(bytes);
    expect(manifest.format).toBe("zhenggai-template-pack");
    expect(manifest.created).toBe("2024-01-05T08:00:00.000Z");
    expect(manifest.templates.map((t) => t.file)).toEqual(["templates/1.docx", "templates/2.docx"]);
    expect(manifest.templates[0]!.sha256).toBe(createHash("sha256").update(REPORT).digest("hex"));

    const result = await importPack(bytes, checkTemplate);
    if (!result.ok) throw new Error(result.errors.join("\n"));
    const [report, notice] = result.pack.templates;
    expect(report).toMatchObject({
      name: "县级报告",
      kind: "报告",
      version: "3",
      department: "县委巡察办",
      note: "红头",
    });
    expect(notice).toMatchObject({ name: "公开通报", kind: "通报", version: "1" });
    expect(notice!.department).toBeUndefined();
    expect(Buffer.from(report!.docx).equals(Buffer.from(REPORT))).toBe(true);
    expect(Buffer.from(notice!.docx).equals(Buffer.from(NOTICE))).toBe(true);
    expect(report!.sha256).toBe(await sha256Hex(REPORT));
    expect(result.pack.profile).toEqual(PROFILE);
    expect(result.pack.created).toBe("2024-01-05T08:00:00.000Z");
  });

  it("exports without a profile, and refuses an empty pack", async () => {
    const bytes = await exportPack({
      templates: [{ name: "报告", kind: "报告", version: "1", docx: REPORT }],
    });
    expect(Object.keys(unzipSync(bytes)).sort()).toEqual(["pack.json", "templates/1.docx"]);
    const result = await importPack(bytes, checkTemplate);
    expect(result.ok && result.pack.profile).toBe(undefined);
    await expect(exportPack({ templates: [] })).rejects.toThrow("至少要有一个模板");
  });

  const base = () =>
    exportPack({
      templates: [
        { name: "县级报告", kind: "报告", version: "3", docx: REPORT },
        { name: "公开通报", kind: "通报", version: "1", docx: NOTICE },
      ],
      profile: PROFILE,
    });

  it("refuses a pack without pack.json, with invalid JSON, or with a malformed manifest", async () => {
    const pack = await base();
    const none = await importPack(patchPack(pack, { "pack.json": undefined }), checkTemplate);
    expect(none).toEqual({
      ok: false,
      errors: ["模板包中没有 pack.json，不是本程序导出的模板包。"],
    });
    const garbage = await importPack(
      patchPack(pack, { "pack.json": strToU8("{not json") }),
      checkTemplate,
    );
    expect(!garbage.ok && garbage.errors[0]).toContain("不是有效的 JSON");
    const manifest = manifestOf(pack);
    const wrongKind = { ...manifest, templates: [{ ...manifest.templates[0], kind: "公告" }] };
    const bad = await importPack(
      patchPack(pack, { "pack.json": strToU8(JSON.stringify(wrongKind)) }),
      checkTemplate,
    );
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.join("\n")).toMatch(/pack\.json 格式不对（templates\.0\.kind）/);
    const future = { ...manifest, formatVersion: 2 };
    const newer = await importPack(
      patchPack(pack, { "pack.json": strToU8(JSON.stringify(future)) }),
      checkTemplate,
    );
    expect(!newer.ok && newer.errors.join("\n")).toContain("formatVersion");
  });

  it("refuses a template whose sha256 does not match, or that is missing", async () => {
    const pack = await base();
    const tampered = await importPack(
      patchPack(pack, { "templates/2.docx": REPORT }),
      checkTemplate,
    );
    expect(tampered.ok).toBe(false);
    expect(!tampered.ok && tampered.errors).toEqual([
      "模板“公开通报”的校验值（sha256）与 pack.json 不符，文件在传递中被改动或损坏。",
    ]);
    const missing = await importPack(
      patchPack(pack, { "templates/1.docx": undefined }),
      checkTemplate,
    );
    expect(!missing.ok && missing.errors).toEqual([
      "模板“县级报告”：模板包中缺少文件 templates/1.docx。",
    ]);
  });

  it("runs the template check on every template and accepts nothing when one fails", async () => {
    const bad = makeDocx(["{党组织名称}", "{单位名城}"]);
    const bytes = await exportPack({
      templates: [
        { name: "好模板", kind: "报告", version: "1", docx: REPORT },
        { name: "坏模板", kind: "报告", version: "1", docx: bad },
      ],
    });
    const result = await importPack(bytes, checkTemplate);
    expect(result.ok).toBe(false);
    const errors = !result.ok ? result.errors : [];
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("模板“坏模板”未通过模板检查");
    expect(errors[0]).toContain("单位名城");
  });

  it("refuses a template with a DOCTYPE inside a pack", async () => {
    const xxe = makeDocx([], {
      "word/document.xml": strToU8(
        documentXml(["{标题}"], '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'),
      ),
    });
    const bytes = await exportPack({
      templates: [{ name: "外部实体", kind: "报告", version: "1", docx: xxe }],
    });
    const result = await importPack(bytes, checkTemplate);
    expect(!result.ok && result.errors[0]).toContain("DOCTYPE");
  });

  it("refuses an invalid unit profile", async () => {
    const pack = await base();
    const result = await importPack(
      patchPack(pack, { "profile.json": strToU8(JSON.stringify({ unitName: "x", hacker: true })) }),
      checkTemplate,
    );
    expect(!result.ok && result.errors.join("\n")).toContain("单位设置格式不对");
  });

  it("refuses zip bombs by the sizes the central directory declares, before inflating", async () => {
    const pack = await base();
    const bomb = declareHugeSizes(pack, 0x7fffffff);
    const result = await importPack(bomb, checkTemplate);
    expect(!result.ok && result.errors[0]).toMatch(
      /解压后.* MB，超过.*上限 .* MB（疑似“压缩炸弹”）/,
    );
    // The same check guards a single .docx (50 MB inflated).
    const docx = inspectDocx(declareHugeSizes(REPORT, 60 * 1024 * 1024));
    expect(!docx.ok && docx.message).toContain("压缩炸弹");
  });

  it("refuses too many entries, unsafe entry names and oversized files", async () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i <= PACK_LIMITS.maxEntries; i++) many[`f${i}.txt`] = strToU8("x");
    const crowded = unzipSafely(zipSync(many), PACK_LIMITS, "模板包");
    expect(!crowded.ok && crowded.message).toBe(
      "模板包包含 201 个内部文件，超过上限 200 个，不予接受。",
    );
    for (const name of ["../evil.docx", "/etc/passwd", "a/../../b", "C:/x", "a\\b"]) {
      const zip = zipSync({ "pack.json": strToU8("{}"), [name]: strToU8("x") });
      const r = await importPack(zip, checkTemplate);
      expect(!r.ok && r.errors[0], name).toContain("不安全的路径");
    }
    const big = unzipSafely(new Uint8Array(PACK_LIMITS.maxBytes + 1), PACK_LIMITS, "模板包");
    expect(!big.ok && big.message).toContain("超过上限 60 MB");
    const notZip = await importPack(strToU8("PK not really"), checkTemplate);
    expect(!notZip.ok && notZip.errors[0]).toContain("不是有效的压缩包");
  });
});

describe("names inside a pack get the library's name rule", () => {
  const one = (name: string, department?: string) => ({
    name,
    kind: "通报" as const,
    version: "1",
    docx: NOTICE,
    ...(department ? { department } : {}),
  });

  it("refuses invisible (Cf) characters in a template's or a department's name, naming them", async () => {
    const cases: Array<[string, ReturnType<typeof one>, RegExp]> = [
      [
        "zero-width space",
        one("整改通报\u200b"),
        /第 1 个模板的名称含有不可见的字符（U\+200B 零宽空格）/,
      ],
      [
        "department",
        one("整改通报", "办公室\u200d"),
        /第 1 个模板的部门名称含有不可见的字符（U\+200D 零宽连字）/,
      ],
      ["bidi override", one("整改\u202e通报"), /U\+202E 方向控制符/],
      ["path character", one("整改/通报"), /第 1 个模板的名称不能含有“\/”或“\\”/],
    ];
    for (const [what, template, reason] of cases) {
      const pack = await exportPack({ templates: [template] });
      const read = await importPack(pack, checkTemplate);
      expect(read.ok, what).toBe(false);
      expect(read.ok ? "" : read.errors.join("；"), what).toMatch(reason);
    }
    // exportPack's schema trims a leading U+FEFF away; a hand-written pack.json keeps it.
    const pack = await exportPack({ templates: [one("整改通报")] });
    const manifest = manifestOf(pack);
    manifest.templates[0]!.name = "\ufeff整改通报";
    const bom = await importPack(
      patchPack(pack, { "pack.json": strToU8(JSON.stringify(manifest)) }),
      checkTemplate,
    );
    expect(!bom.ok && bom.errors.join("；")).toMatch(/U\+FEFF 零宽不换行空格（BOM）/);
    const clean = await importPack(
      await exportPack({ templates: [one("整改通报", "办公室")] }),
      checkTemplate,
    );
    expect(clean.ok && clean.pack.templates.map((t) => [t.name, t.department])).toEqual([
      ["整改通报", "办公室"],
    ]);
  });

  it("refuses two templates whose names differ only in case, width or compatibility form", async () => {
    for (const [a, b] of [
      ["ＡＢ整改通报", "ab整改通报"],
      ["Straße通报", "STRASSE通报"],
      ["整改通报①", "整改通报1"],
    ] as const) {
      const read = await importPack(
        await exportPack({ templates: [one(a), one(b)] }),
        checkTemplate,
      );
      expect(read.ok, b).toBe(false);
      expect(read.ok ? "" : read.errors.join("；")).toBe(
        `模板“${b}”与同一模板包中的模板“${a}”只差大小写、全角半角或字形变体，容易混淆，不予导入；请导出方改名后重新导出。`,
      );
    }
    const same = await importPack(
      await exportPack({ templates: [one("甲"), one("甲")] }),
      checkTemplate,
    );
    expect(!same.ok && same.errors).toEqual(["模板“甲”在 pack.json 中出现了两次。"]);
  });
});
