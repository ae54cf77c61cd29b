/** selectCell, 规范台账, the unit profile and embedded templates against the fake Excel host. */
import { strToU8, zipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { RECTIFICATION_TYPES, STATUSES } from "../../../src/core/model";
import { sha256Hex } from "../../../src/library/hash";
import { toBase64 } from "../../../src/office/base64";
import { OfficeAdapterError } from "../../../src/office/errors";
import { createExcelWorkbookPort, VALIDATION_UNSUPPORTED } from "../../../src/office/excel-port";
import { PROFILE_SETTING } from "../../../src/office/profile";
import { DATE_FORMAT } from "../../../src/office/stats-layout";
import {
  MAX_TEMPLATE_BYTES,
  MAX_TOTAL_TEMPLATE_BYTES,
  prepareTemplate,
  TEMPLATE_NAMESPACE,
  templateXml,
} from "../../../src/office/templates";
import type { EmbeddedTemplate } from "../../../src/ports/workbook";
import { installFakeOffice, uninstallFakeOffice } from "../../support/fake-excel";
import { HOSTILE_TEMPLATES } from "../../support/hostile-templates";
import { LEDGER_HEADER, ledgerWorkbook } from "../../support/office-ledger";

afterEach(() => uninstallFakeOffice());

const LEDGER = "整改台账";

function col(field: (typeof LEDGER_HEADER)[number]): string {
  return String.fromCharCode(65 + LEDGER_HEADER.indexOf(field));
}

/**
 * A real .docx (it must pass the template gate) of exactly `size` bytes: a contract tag in the
 * body and a stored image part of pseudo-random bytes that pads it to the size.
 */
function fakeDocx(size: number, seed = 1): Uint8Array {
  const build = (padding: number) => {
    const media = new Uint8Array(8 + padding);
    media.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]); // a PNG signature
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
  const overhead = build(0).byteLength;
  if (size < overhead) throw new Error(`fakeDocx: at least ${overhead} bytes`);
  return build(size - overhead);
}

function template(
  name: string,
  docx: Uint8Array,
  kind: "报告" | "通报" = "报告",
): EmbeddedTemplate {
  return { name, kind, version: "v3", sha256: "", origin: "模板库：县委巡察办 v3", docx };
}

describe("selectCell", () => {
  it("activates the sheet and selects the address, in one sync, without touching cells", async () => {
    const host = installFakeOffice(ledgerWorkbook({ rows: 5 }));
    const before = host.snapshot(LEDGER);
    host.workbook.activeSheet = host.workbook.sheet("基本信息");
    await createExcelWorkbookPort().live.selectCell(LEDGER, "J5");
    expect(host.syncCount).toBe(1);
    expect(host.workbook.activeSheet?.name).toBe(LEDGER);
    expect(host.selections).toEqual([{ sheet: LEDGER, address: "J5" }]);
    expect(host.snapshot(LEDGER)).toEqual(before);
  });

  it("says in Chinese when the sheet no longer exists", async () => {
    installFakeOffice(ledgerWorkbook({ rows: 2 }));
    const error = await createExcelWorkbookPort()
      .live.selectCell("已删除", "A1")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeAdapterError);
    expect((error as OfficeAdapterError).code).toBe("ItemNotFound");
    expect((error as Error).message).toMatch(/^选中 已删除!A1失败：找不到要操作的工作表/);
  });
});

describe("normaliseLedger (规范台账)", () => {
  it("adds drop-downs and date formats only; every value stays as it was", async () => {
    const host = installFakeOffice(ledgerWorkbook({ rows: 20 }));
    // A text deadline and an implausible number keep their formats.
    const sheet = host.workbook.sheet(LEDGER)!;
    sheet.touch(3, LEDGER_HEADER.indexOf("整改时限")).value = "立行立改";
    const odd = sheet.touch(4, LEDGER_HEADER.indexOf("完成日期"));
    odd.value = 20240301;
    const before = host.snapshot(LEDGER);
    await createExcelWorkbookPort().live.normaliseLedger();
    expect(host.syncCount).toBe(3);
    const after = host.snapshot(LEDGER);
    expect(after.values).toEqual(before.values);

    const changedFormats = Object.keys(after.formats).filter(
      (a) => after.formats[a] !== before.formats[a],
    );
    const dateCols = [col("整改时限"), col("完成日期")];
    expect(changedFormats.length).toBeGreaterThan(20);
    for (const a of changedFormats) {
      expect(dateCols).toContain(a.replace(/\d+/, ""));
      expect(after.formats[a]).toBe(DATE_FORMAT);
    }
    expect(after.formats[`${col("整改时限")}4`]).toBe(before.formats[`${col("整改时限")}4`]); // 立行立改
    expect(after.formats[`${col("整改时限")}4`]).not.toBe(DATE_FORMAT);
    expect(after.formats[`${col("完成日期")}5`]).toBe(before.formats[`${col("完成日期")}5`]); // 20240301
    expect(after.formats[`${col("完成日期")}5`]).not.toBe(DATE_FORMAT);
    expect(after.formats[`${col("完成日期")}3`]).toBe(DATE_FORMAT);
    expect(after.formats[`${col("完成日期")}30`]).toBe(DATE_FORMAT); // empty row for new entries

    const rule = (a: string) => JSON.parse(after.validation[a] ?? "{}").rule;
    expect(rule(`${col("完成情况")}3`)).toEqual({
      list: { inCellDropDown: true, source: STATUSES.join(",") },
    });
    expect(rule(`${col("整改类型")}22`).list.source).toBe(RECTIFICATION_TYPES.join(","));
    expect(rule(`${col("来源")}3`).list.source).toBe("巡察反馈,自查");
    expect(rule(`${col("公开")}3`).list.source).toBe("是,否");
    expect(after.validation[`${col("完成情况")}2`]).toBeUndefined(); // header row
    const validatedCols = new Set(Object.keys(after.validation).map((a) => a.replace(/\d+/, "")));
    expect(validatedCols).toEqual(
      new Set(["完成情况", "整改类型", "来源", "公开"].map((f) => col(f as never))),
    );
  });

  it("sets the date formats and explains in Chinese when ExcelApi 1.8 is missing", async () => {
    const host = installFakeOffice({ ...ledgerWorkbook({ rows: 5 }), apiVersion: "1.7" });
    const before = host.snapshot(LEDGER);
    const error = await createExcelWorkbookPort()
      .live.normaliseLedger()
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(VALIDATION_UNSUPPORTED);
    const after = host.snapshot(LEDGER);
    expect(after.values).toEqual(before.values);
    expect(after.validation).toEqual({});
    expect(after.formats[`${col("完成日期")}3`]).toBe(DATE_FORMAT);
  });
});

describe("unit profile in document settings", () => {
  it("saves into the file's settings and loads back in a new session", async () => {
    const host = installFakeOffice(ledgerWorkbook({ rows: 3 }));
    const before = host.snapshot(LEDGER);
    const port = createExcelWorkbookPort();
    expect(await port.loadProfile()).toBeUndefined();
    await port.saveProfile({ unitName: "某某局", signer: "王五", phone: "0393-1234567" });
    expect(host.settingsSaves).toBe(1);
    expect(host.snapshot(LEDGER)).toEqual(before);
    expect(JSON.parse(host.workbook.savedSettings)[PROFILE_SETTING]).toEqual({
      unitName: "某某局",
      signer: "王五",
      phone: "0393-1234567",
    });

    installFakeOffice({
      ...ledgerWorkbook({ rows: 3 }),
      settings: JSON.parse(host.workbook.savedSettings),
    });
    expect(await createExcelWorkbookPort().loadProfile()).toEqual({
      unitName: "某某局",
      signer: "王五",
      phone: "0393-1234567",
    });
  });

  it("drops keys a newer version added, and rejects a malformed profile in Chinese", async () => {
    installFakeOffice({
      sheets: [],
      settings: { [PROFILE_SETTING]: { unitName: "某某局", future: 1 } },
    });
    expect(await createExcelWorkbookPort().loadProfile()).toEqual({ unitName: "某某局" });
    installFakeOffice({ sheets: [], settings: { [PROFILE_SETTING]: { unitName: 42 } } });
    await expect(createExcelWorkbookPort().loadProfile()).rejects.toThrow(
      /单位信息格式有误（unitName/,
    );
  });

  it("reports a failed save", async () => {
    const host = installFakeOffice({ sheets: [] });
    host.failNextSettingsSave = true;
    await expect(createExcelWorkbookPort().saveProfile({ unitName: "某某局" })).rejects.toThrow(
      /保存单位信息失败/,
    );
  });
});

describe("embedded templates (custom XML parts)", () => {
  it("round-trips the bytes and the sha256, and leaves the ledger alone", async () => {
    const host = installFakeOffice(ledgerWorkbook({ rows: 3 }));
    const before = host.snapshot(LEDGER);
    const port = createExcelWorkbookPort();
    const docx = fakeDocx(150_000);
    await port.embedded.embed(template("县委巡察办整改报告", docx));
    await port.embedded.embed(template("整改进展通报", fakeDocx(4_000, 7), "通报"));
    expect(host.workbook.parts.map((p) => p.namespaceUri)).toEqual([
      TEMPLATE_NAMESPACE,
      TEMPLATE_NAMESPACE,
    ]);
    expect(host.snapshot(LEDGER)).toEqual(before);

    const listed = await createExcelWorkbookPort().embedded.list();
    expect(listed.map((t) => [t.name, t.kind, t.version, t.origin])).toEqual([
      ["县委巡察办整改报告", "报告", "v3", "模板库：县委巡察办 v3"],
      ["整改进展通报", "通报", "v3", "模板库：县委巡察办 v3"],
    ]);
    expect(listed[0]!.docx).toEqual(docx);
    expect(listed[0]!.sha256).toBe(await sha256Hex(docx));
  });

  it("replaces a template of the same name and removes by name", async () => {
    const host = installFakeOffice({ sheets: [{ name: LEDGER }] });
    const port = createExcelWorkbookPort();
    await port.embedded.embed(template("报告模板", fakeDocx(1_000, 1)));
    await port.embedded.embed(template("报告模板", fakeDocx(2_000, 2)));
    const listed = await port.embedded.list();
    expect(listed).toHaveLength(1);
    expect(listed[0]!.docx.byteLength).toBe(2_000);
    await port.embedded.remove("报告模板");
    expect(host.workbook.parts).toEqual([]);
    await expect(port.embedded.remove("报告模板")).rejects.toThrow(/没有名为“报告模板”的嵌入模板/);
  });

  it("refuses an oversize template with a Chinese message and writes nothing", async () => {
    const host = installFakeOffice({ sheets: [{ name: LEDGER }] });
    const port = createExcelWorkbookPort();
    const error = await port.embedded
      .embed(template("大模板", fakeDocx(MAX_TEMPLATE_BYTES + 1)))
      .catch((e: unknown) => e);
    expect((error as OfficeAdapterError).code).toBe("TemplateTooLarge");
    expect((error as Error).message).toMatch(
      /模板“大模板”大小为 2\.0 MB，超过了可以嵌入工作簿的上限 2\.0 MB/,
    );
    expect(host.workbook.parts).toEqual([]);

    // Together over the total cap.
    await port.embedded.embed(template("甲", fakeDocx(MAX_TEMPLATE_BYTES - 10)));
    await port.embedded.embed(template("乙", fakeDocx(MAX_TEMPLATE_BYTES - 10)));
    await expect(port.embedded.embed(template("丙", fakeDocx(1_000)))).rejects.toThrow(
      new RegExp(`超过上限 ${(MAX_TOTAL_TEMPLATE_BYTES / 1024 / 1024).toFixed(1)} MB`),
    );
  });

  it("refuses bytes that do not match the given sha256, and skips a corrupted part on reading", async () => {
    const host = installFakeOffice({ sheets: [{ name: LEDGER }] });
    const port = createExcelWorkbookPort();
    await expect(
      port.embedded.embed({ ...template("报告", fakeDocx(2_000)), sha256: "0".repeat(64) }),
    ).rejects.toThrow(/校验值与文件内容不符/);
    await port.embedded.embed(template("报告", fakeDocx(2_000)));
    const part = host.workbook.parts[0]!;
    part.xml = part.xml.replace(/<docx>(.)/, (_, c: string) => `<docx>${c === "A" ? "B" : "A"}`);
    expect(await port.embedded.list()).toEqual([]);
    expect(port.templateProblems).toEqual([
      "嵌入的模板“报告”已损坏（校验值不符），请移除后重新嵌入。",
    ]);
  });

  it("refuses every hostile template at the gate and writes nothing; drops one planted in the workbook", async () => {
    const host = installFakeOffice({ sheets: [{ name: LEDGER }] });
    const port = createExcelWorkbookPort();
    for (const hostile of HOSTILE_TEMPLATES) {
      const bytes = hostile.bytes();
      if (bytes.byteLength > MAX_TEMPLATE_BYTES) continue; // refused by size first
      const t0 = performance.now();
      const error = await port.embedded
        .embed({ ...template("外来模板", bytes), sha256: "" })
        .catch((e: unknown) => e);
      expect((error as OfficeAdapterError).code, hostile.name).toBe("InvalidTemplate");
      expect((error as Error).message, hostile.name).toMatch(hostile.reason);
      expect(performance.now() - t0, hostile.name).toBeLessThan(1500);
    }
    expect(host.workbook.parts).toEqual([]);
    // A part written by an older version (or by hand) is checked again when read back.
    const altChunk = HOSTILE_TEMPLATES.find((h) => h.name.startsWith("altChunk"))!.bytes();
    const record = await prepareTemplate(template("好模板", fakeDocx(2_000)), 0);
    host.workbook.parts.push({
      id: "planted",
      namespaceUri: TEMPLATE_NAMESPACE,
      xml: templateXml({
        ...record,
        name: "植入",
        sha256: await sha256Hex(altChunk),
        base64: toBase64(altChunk),
      }),
    });
    expect(await port.embedded.list()).toEqual([]);
    expect(port.templateProblems[0]).toMatch(
      /嵌入的模板“植入”的“word\/document\.xml”嵌入了外部文档片段（altChunk/,
    );
  });

  it("escapes names and origins in the XML", async () => {
    installFakeOffice({ sheets: [{ name: LEDGER }] });
    const port = createExcelWorkbookPort();
    const t = { ...template('A&B <"报告">', fakeDocx(2_000)), origin: "本机文件\n第2版" };
    await port.embedded.embed(t);
    const [back] = await port.embedded.list();
    expect(back?.name).toBe('A&B <"报告">');
    expect(back?.origin).toBe("本机文件\n第2版");
  });
});
