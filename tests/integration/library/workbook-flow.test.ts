/**
 * The 模板 tab's actions (src/taskpane/templates/actions.ts) against a real library on loopback:
 * pull into a workbook, export a pack from it, import the pack into another workbook, publish
 * from the workbook. The workbook is an in-memory WorkbookPort holding embedded templates and the
 * profile as the Excel adapter does (the adapter itself is tested with the Office code).
 */
import { createHash } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UnitProfile } from "../../../src/core/profile";
import type { EmbeddedTemplate, WorkbookPort } from "../../../src/ports/workbook";
import {
  embedFile,
  exportWorkbookPack,
  importPackIntoWorkbook,
  publishTemplate,
  pullIntoWorkbook,
} from "../../../src/taskpane/templates/actions";
import { ADMIN_TOKEN, makeDocx, startTestServer, type TestServer, tempDir } from "./helpers";
import { VALIDATOR, validTemplate } from "./templates";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

function memoryWorkbook(profile?: UnitProfile): WorkbookPort & { embeddedNames(): string[] } {
  const templates = new Map<string, EmbeddedTemplate>();
  let saved = profile;
  return {
    host: "excel",
    label: "测试工作簿.xlsx",
    readWorkbook: async () => ({ sheets: [] }),
    loadProfile: async () => saved,
    saveProfile: async (p) => {
      saved = p;
    },
    live: null,
    choices: null,
    previewWindow: null,
    embedded: {
      list: async () => [...templates.values()],
      embed: async (t) => {
        templates.set(t.name, t);
      },
      remove: async (name) => {
        templates.delete(name);
      },
    },
    embeddedNames: () => [...templates.keys()],
  };
}

describe("模板 tab actions against a live library", () => {
  const tmp = tempDir();
  let server: TestServer;
  let token = "";
  let report: Uint8Array;
  let notice: Uint8Array;
  beforeAll(async () => {
    server = await startTestServer(tmp.dir, VALIDATOR);
    token = (await server.client.createDepartment("县委巡察办", ADMIN_TOKEN)).token;
    report = await validTemplate("报告");
    notice = await validTemplate("通报");
    await server.client.publish("县级报告", report, { kind: "报告", token });
    await server.client.publish("县级报告", report, { kind: "报告", token, note: "v2" });
  });
  afterAll(async () => {
    await server?.close();
    tmp.remove();
  });

  it("pulls the newest library version into the workbook with its origin and sha256", async () => {
    const book = memoryWorkbook();
    const [summary] = await server.client.listTemplates();
    const embedded = await pullIntoWorkbook(server.client, book, summary!);
    expect(embedded).toMatchObject({
      name: "县级报告",
      kind: "报告",
      version: "2",
      origin: "模板库：县委巡察办 v2",
      sha256: sha(report),
    });
    const [stored] = (await book.embedded?.list()) ?? [];
    expect(Buffer.from(stored!.docx).equals(Buffer.from(report))).toBe(true);
    // A port without embedding (the standalone page) is told what to do instead.
    const standalone = { ...book, embedded: null };
    await expect(pullIntoWorkbook(server.client, standalone, summary!)).rejects.toThrow(
      "单机网页版",
    );
  });

  it("exports the workbook's templates and profile as a pack that imports into another workbook", async () => {
    const profile: UnitProfile = { unitName: "某县市政园林局", signer: "张三" };
    const source = memoryWorkbook(profile);
    const [summary] = await server.client.listTemplates();
    await pullIntoWorkbook(server.client, source, summary!);
    await embedFile(source, { name: "公开通报", kind: "通报", docx: notice, origin: "本机文件" });
    const pack = await exportWorkbookPack(source);
    const manifest = JSON.parse(strFromU8(unzipSync(pack)["pack.json"]!)) as {
      templates: Array<{ name: string; department?: string; version: string }>;
    };
    expect(manifest.templates.map((t) => [t.name, t.department, t.version])).toEqual([
      ["县级报告", "县委巡察办", "2"],
      ["公开通报", undefined, "1"],
    ]);

    const target = memoryWorkbook();
    const withoutProfile = await importPackIntoWorkbook(target, pack, false);
    expect(withoutProfile.profileSaved).toBe(false);
    expect(await target.loadProfile()).toBeUndefined();
    expect(target.embeddedNames()).toEqual(["县级报告", "公开通报"]);
    const withProfile = await importPackIntoWorkbook(memoryWorkbook(), pack, true);
    expect(withProfile.profileSaved).toBe(true);
    const other = memoryWorkbook();
    await importPackIntoWorkbook(other, pack, true);
    expect(await other.loadProfile()).toEqual(profile);
    const [first] = (await other.embedded?.list()) ?? [];
    expect(first?.origin).toBe("模板包：县委巡察办 v2");

    await expect(exportWorkbookPack(memoryWorkbook())).rejects.toThrow("还没有内嵌模板");
  });

  it("refuses to embed a template that fails the tag check, leaving the workbook untouched", async () => {
    const book = memoryWorkbook();
    await expect(
      embedFile(book, {
        name: "坏模板",
        kind: "报告",
        docx: makeDocx(["{单位名城}"]),
        origin: "本机文件",
      }),
    ).rejects.toThrow(/未通过模板检查.*单位名城/);
    expect(book.embeddedNames()).toEqual([]);
  });

  it("publishes an embedded template under the user's department", async () => {
    const book = memoryWorkbook();
    const t = await embedFile(book, {
      name: "公开通报",
      kind: "通报",
      docx: notice,
      origin: "本机文件",
    });
    await expect(
      publishTemplate(server.client, { name: "部门通报", kind: "通报", docx: t.docx, token: " " }),
    ).rejects.toThrow("发布令牌");
    const v = await publishTemplate(server.client, {
      name: "部门通报",
      kind: "通报",
      docx: t.docx,
      token,
      note: "从工作簿发布",
    });
    expect(v).toMatchObject({
      name: "部门通报",
      version: 1,
      note: "从工作簿发布",
      sha256: sha(notice),
    });
    expect((await server.client.download("部门通报")).sha256).toBe(sha(notice));
  });
});
