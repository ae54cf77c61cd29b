/**
 * `zhenggai report` and `zhenggai template check`: exit codes, what is written where, and the
 * Chinese output. Most cases run the command functions in-process (fast); two spawn the real
 * bin to prove the commands are wired into main.ts and templates resolve from any cwd.
 */
import { execFile } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runReport } from "../../../src/cli/commands/report";
import { runTemplateCheck } from "../../../src/cli/commands/template";
import { buildDocx, docxParagraphs, docxXml } from "../../unit/documents/helpers";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const QF = join(root, "examples", "清丰县市政园林局-整改台账.xlsx");
const SY = join(root, "examples", "邵阳市园林绿化中心-整改台账.xlsx");
const SY_TITLE = "中共邵阳市园林绿化中心委员会关于巡察整改进展情况的通报";

let out = "";
let err = "";
let dir = "";
beforeEach(() => {
  out = "";
  err = "";
  dir = mkdtempSync(join(tmpdir(), "zg-docs-"));
  vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    err += String(s);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
  process.exitCode = undefined;
});

const base = { asOf: "2024-01-10" };

describe("zhenggai report", () => {
  it("writes the notice named after its title into --out (exit 0)", async () => {
    const code = await runReport([SY], { ...base, template: "通报", out: dir });
    expect(code).toBe(0);
    const file = join(dir, `${SY_TITLE}.docx`);
    expect(existsSync(file)).toBe(true);
    // The title paragraph in its two lines (<w:br/> after the party organisation's name).
    expect(docxParagraphs(readFileSync(file))[0]).toBe(
      "中共邵阳市园林绿化中心委员会\n关于巡察整改进展情况的通报",
    );
    expect(out).toContain(`已生成：${file}`);
  });

  it("--seal centres the notice's 署名 over its date; without it the notice's 署名 stands 右空二字", async () => {
    const indents = (file: string) =>
      [
        ...docxXml(readFileSync(file)).matchAll(
          /<w:pStyle w:val="(Signature|DocDate)"\/><w:ind w:left="0" w:right="(\d+)"/g,
        ),
      ].map((m) => Number(m[2]));
    const plain = join(dir, "plain");
    const sealed = join(dir, "sealed");
    expect(await runReport([SY], { ...base, template: "通报", out: plain })).toBe(0);
    expect(await runReport([SY], { ...base, template: "通报", out: sealed, seal: true })).toBe(0);
    // 右空二字 = 640 twips; with the seal the date stands 右空四字 = 1280.
    expect(indents(join(plain, `${SY_TITLE}.docx`))[0]).toBe(640);
    expect(indents(join(sealed, `${SY_TITLE}.docx`))[1]).toBe(1280);
  });

  it("writes nothing for a ledger with errors and lists them (exit 1); --force writes", async () => {
    const code = await runReport([QF], { ...base, template: "报告", out: dir });
    expect(code).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
    expect(err).toContain("未生成（清丰县市政园林局-整改台账.xlsx）");
    expect(err).toContain("基本信息!B10");
    const target = join(dir, "报告.docx");
    const forced = await runReport([QF], { ...base, template: "报告", out: target, force: true });
    expect(forced).toBe(0);
    expect(docxParagraphs(readFileSync(target)).join("\n")).toContain("签发人：常良涛");
    expect(out).toContain("已按 --force 忽略 1 处错误");
  });

  it("takes a folder: one output per ledger, exit 1 when one of them has errors", async () => {
    const input = join(dir, "in");
    const output = join(dir, "out");
    mkdirSync(input);
    copyFileSync(QF, join(input, "a.xlsx"));
    copyFileSync(SY, join(input, "b.xlsx"));
    const code = await runReport([input], { ...base, template: "通报", out: output });
    expect(code).toBe(1);
    expect(readdirSync(output)).toEqual([`${SY_TITLE}.docx`]);
    expect(err).toContain("未生成（a.xlsx）");
  });

  it("defaults the output next to the input", async () => {
    const input = join(dir, "邵阳.xlsx");
    copyFileSync(SY, input);
    expect(await runReport([input], { ...base, template: "通报" })).toBe(0);
    expect(existsSync(join(dir, `${SY_TITLE}.docx`))).toBe(true);
  });

  it("exits 2 for unusable input: missing file, not a workbook, broken template, bad options", async () => {
    expect(await runReport([join(dir, "无.xlsx")], base)).toBe(2);
    expect(err).toContain("找不到文件或文件夹");
    const fake = join(dir, "假.xlsx");
    writeFileSync(fake, "not a workbook");
    err = "";
    expect(await runReport([fake], { ...base, template: "通报", out: dir })).toBe(2);
    expect(err).toMatch(/无法使用（假\.xlsx）/);
    const broken = join(dir, "我的通报.docx");
    writeFileSync(broken, buildDocx(["{标题}", "{完成律}"]));
    err = "";
    expect(await runReport([SY], { ...base, template: broken, out: dir })).toBe(2);
    expect(err).toContain("您是不是想用 {完成率}？");
    expect(await runReport([SY, QF], { ...base, out: join(dir, "x.docx") })).toBe(2);
    expect(await runReport([SY], { asOf: "2024-13-01" })).toBe(2);
  });

  it("uses a department's own template, taking the kind from its name", async () => {
    const own = join(dir, "本部门通报模板.docx");
    writeFileSync(own, buildDocx(["{标题}", "{进度表述}。", "{联系方式}", "签发人：{签发人}"]));
    expect(await runReport([SY], { ...base, template: own, out: dir })).toBe(0);
    const paras = docxParagraphs(readFileSync(join(dir, `${SY_TITLE}.docx`)));
    expect(paras[1]).toBe(
      "截至1月10日，巡察反馈的25个具体问题，已完成整改18个，整改完成率72%，长期整改7个。",
    );
  });
});

describe("zhenggai template check", () => {
  it("exit 0 for the shipped templates", async () => {
    expect(await runTemplateCheck(join(root, "templates", "报告.docx"), {})).toBe(0);
    expect(out).toContain("模板“报告.docx”可以使用。");
  });

  it("exit 1 with Chinese errors and did-you-mean; --json gives the result object", async () => {
    const file = join(dir, "t.docx");
    writeFileSync(file, buildDocx(["{标题}", "{完成律}"]));
    expect(await runTemplateCheck(file, {})).toBe(1);
    expect(out).toContain("模板中的标签“{完成律}”（第2段）不在标签列表中。您是不是想用 {完成率}？");
    out = "";
    expect(await runTemplateCheck(file, { json: true })).toBe(1);
    const json = JSON.parse(out);
    expect(json.ok).toBe(false);
    expect(json.tagsUsed).toEqual(["标题", "完成律"]);
  });

  it("exit 2 for a file that is not a .docx or does not exist", async () => {
    const file = join(dir, "t.docx");
    writeFileSync(file, "plain text");
    expect(await runTemplateCheck(file, {})).toBe(2);
    expect(err).toContain("无法打开模板");
    expect(await runTemplateCheck(join(dir, "none.docx"), {})).toBe(2);
  });
});

describe("the real command line", () => {
  const bin = join(root, "bin", "zhenggai.js");
  const run = promisify(execFile);

  it("--annex attaches the ledger to the report: a landscape section with one row per problem", async () => {
    const files = (d: string) => readdirSync(d).filter((f) => f.endsWith(".docx"));
    const plain = join(dir, "plain");
    const annexed = join(dir, "annexed");
    const args = [bin, "report", QF, "--template", "报告", "--as-of", "2024-01-10", "--force"];
    await run("node", [...args, "--out", plain], { cwd: tmpdir() });
    await run("node", [...args, "--annex", "--out", annexed], { cwd: tmpdir() });
    const [name] = files(annexed);
    expect(files(plain)).toEqual([name]);
    const xml = docxXml(readFileSync(join(annexed, name as string)));
    expect(xml).toContain('w:orient="landscape"');
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(docxParagraphs(readFileSync(join(annexed, name as string)))).toContain("附件：整改台账");
    const plainXml = docxXml(readFileSync(join(plain, name as string)));
    expect(plainXml).not.toContain("附件");
    expect(plainXml.match(/<w:sectPr>/g)).toHaveLength(1);
    // One table row per problem under the header (the 版记 table's rows come after).
    const annexTable = xml.slice(
      xml.indexOf("<w:tblHeader/>"),
      xml.indexOf('w:orient="landscape"'),
    );
    const problems = (xml.match(/<w:pStyle w:val="HeadingLevel4"\/>/g) ?? []).length;
    expect(problems).toBeGreaterThan(10);
    expect(annexTable.match(/<w:tr>/g)).toHaveLength(problems);
  });

  it("is wired into main.ts and finds the built-in templates from another cwd", async () => {
    const ok = await run(
      "node",
      [bin, "report", SY, "--template", "通报", "--out", dir, "--as-of", "2024-01-10"],
      { cwd: tmpdir() },
    );
    expect(ok.stdout).toContain("已生成");
    expect(existsSync(join(dir, `${SY_TITLE}.docx`))).toBe(true);
    const file = join(dir, "t.docx");
    writeFileSync(file, buildDocx(["{完成律}"]));
    await expect(
      run("node", [bin, "template", "check", file], { cwd: tmpdir() }),
    ).rejects.toMatchObject({ code: 1 });
  });
});
