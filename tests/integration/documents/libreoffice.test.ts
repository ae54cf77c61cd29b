/**
 * The generated .docx files open in a real word processor: LibreOffice converts the three
 * example documents to PDF (one launch for all), and the PDF text carries the title, the
 * numbering and the counts. Catches XML that pizzip can read but Word/WPS would reject.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseWorkbook } from "../../../src/core/index";
import { renderDocument } from "../../../src/documents/index";
import { readWorkbookFile } from "../../../src/node/read-workbook";
import { convertToPdf, writePreviewCopy } from "../../../templates/src/libreoffice";
import { docxParagraphs } from "../../unit/documents/helpers";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "zg-lo-"));
const jobs = [
  { name: "qf", ledger: "清丰县市政园林局-整改台账.xlsx", kind: "报告" as const },
  { name: "sy", ledger: "邵阳市园林绿化中心-整改台账.xlsx", kind: "通报" as const },
  { name: "lt", ledger: "龙亭区市容环境卫生服务中心-整改台账.xlsx", kind: "通报" as const },
];
const text = new Map<string, string>();
/** The documents' own text, and the text of their preview copies' PDF (docs:previews). */
const bodies = new Map<string, string>();
const previews = new Map<string, string>();

beforeAll(async () => {
  for (const job of jobs) {
    const analysis = analyseWorkbook(await readWorkbookFile(join(root, "examples", job.ledger)), {
      asOf: "2024-01-10",
    });
    const template = new Uint8Array(readFileSync(join(root, "templates", `${job.kind}.docx`)));
    const result = renderDocument({ template, kind: job.kind, analysis, force: true });
    if (!result.ok) throw new Error(result.findings.map((f) => f.message).join("\n"));
    writeFileSync(join(dir, `${job.name}.docx`), result.docx);
    bodies.set(job.name, docxParagraphs(result.docx).join(""));
  }
  const profile = pathToFileURL(join(dir, "profile")).href;
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      ...jobs.map((j) => join(dir, `${j.name}.docx`)),
    ],
    { stdio: "ignore", timeout: 150_000 },
  );
  for (const job of jobs) {
    const pdf = join(dir, `${job.name}.pdf`);
    // Join the wrapped lines and drop the page numbers (— 3 —) that land between them.
    const raw = execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", pdf, "-"]).toString("utf8");
    text.set(job.name, raw.replace(/\s+/g, "").replace(/—\d+—/g, ""));
  }
  // The previews' copies, converted as `npm run docs:previews` does (its fonts, one launch).
  const copies = jobs.map((j) => writePreviewCopy(join(dir, `${j.name}.docx`), dir));
  convertToPdf(copies, dir).forEach((pdf, i) => {
    const raw = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"]).toString("utf8");
    previews.set(jobs[i]!.name, raw);
  });
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("generated documents in LibreOffice", () => {
  it("the 报告 shows the 版头, the title and the 48 numbered problems", () => {
    const t = text.get("qf") ?? "";
    expect(t).toContain("清市政党组〔2024〕1号");
    expect(t).toContain("签发人：常良涛");
    expect(t).toContain("关于落实县委第一巡察组反馈意见整改情况的报告");
    expect(t).toContain("（1）贯彻落实习近平新时代中国特色社会主义思想");
    expect(t).toContain("（48）项目资料管理不规范");
    const numbered = [...t.matchAll(/（(\d+)）/g)].map((m) => Number(m[1]));
    expect(numbered).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
    expect(t).toContain("已完成整改48个（其中已完成并长期坚持3个）");
  });

  it("the 通报s show their titles, problems and contact lines", () => {
    const sy = text.get("sy") ?? "";
    expect(sy).toContain("中共邵阳市园林绿化中心委员会关于巡察整改进展情况的通报");
    expect(sy).toContain("巡察反馈的25个具体问题，已完成整改18个，整改完成率72%，长期整改7个");
    expect(sy).toContain("25.使用编外用工随意");
    expect(sy).toContain("联系电话：0739-5331851");
    const lt = text.get("lt") ?? "";
    expect(lt).toContain("关于巡察整改进展情况的通报");
    expect(lt).toContain("kfltmzj@126.com");
  });
});

describe("the preview copies (docs:previews, condensed to Word's grid)", () => {
  it("keep every ，。；： of the document, also where a line ends on one", () => {
    const count = (t: string, mark: string) => t.split(mark).length - 1;
    for (const job of jobs) {
      const body = bodies.get(job.name) ?? "";
      const pdf = previews.get(job.name) ?? "";
      for (const mark of ["，", "。", "；", "："]) {
        expect(count(body, mark), `${job.name} ${mark}`).toBeGreaterThan(0);
        expect(count(pdf, mark), `${job.name} ${mark}`).toBe(count(body, mark));
      }
    }
    // Lines do end on them: some line of the 报告's preview ends with a ，.
    expect(previews.get("qf")).toMatch(/，\n/);
  });
});
