/**
 * Hostile ledgers of issue 10, written part by part with the lying zip writer: a minimal
 * workbook (one or more sheets of raw sheetData XML) that exceljs opens, so each test can put
 * a far cell, a huge merge or a lying sheet size into it.
 */
import { type RawEntry, text, writeZip, zerosDeflated } from "./hostile-zip";

export interface RawSheet {
  readonly name: string;
  /** Inner XML of <worksheet>: <sheetData>…</sheetData>, <mergeCells>…, <cols>…. */
  readonly xml: string;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** The parts of a workbook around `sheets`; `sheetEntry` may replace a sheet's zip entry. */
export function xlsxEntries(
  sheets: readonly RawSheet[],
  sheetEntry?: (i: number, name: string, data: Uint8Array) => RawEntry,
): RawEntry[] {
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join("");
  const entries: RawEntry[] = [
    {
      name: "[Content_Types].xml",
      data: text(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: text(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      data: text(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${NS} ${RNS}><sheets>${sheets
          .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join("")}</sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: text(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join("")}</Relationships>`,
      ),
    },
  ];
  sheets.forEach((s, i) => {
    const name = `xl/worksheets/sheet${i + 1}.xml`;
    const data = text(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS} ${RNS}>${s.xml}</worksheet>`,
    );
    entries.push(sheetEntry ? sheetEntry(i, name, data) : { name, data });
  });
  return entries;
}

export function xlsx(sheets: readonly RawSheet[]): Uint8Array {
  return writeZip(xlsxEntries(sheets));
}

/** An inline-string cell. */
export const str = (ref: string, value: string) =>
  `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;

const HEADER = [
  "方面",
  "问题",
  "整改措施",
  "责任领导",
  "责任部门",
  "责任人",
  "整改时限",
  "完成情况",
  "整改成效",
  "完成日期",
];
const ROW = [
  "思想建设方面",
  "学习制度落实不到位",
  "一是完善制度；二是定期检查。",
  "张三",
  "办公室",
  "李四",
  "2023年12月31日",
  "已完成",
  "制定《学习制度》",
  "2023年11月30日",
];
const COLS = "ABCDEFGHIJ";

/** A ledger header and one done row (A1:J2), so the sheet is found and read as the ledger. */
export const LEDGER_ROWS = `<row r="1">${HEADER.map((h, i) => str(`${COLS[i]}1`, h)).join("")}</row><row r="2">${ROW.map((v, i) => str(`${COLS[i]}2`, v)).join("")}</row>`;

/** A value in the sheet's last cell, XFD1048576. */
export function farCellXlsx(): Uint8Array {
  return xlsx([
    {
      name: "整改台账",
      xml: `<sheetData>${LEDGER_ROWS}<row r="1048576">${str("XFD1048576", "远")}</row></sheetData>`,
    },
  ]);
}

/** A merge as large as the sheet (A1:XFD1048576 by default) and a <col> span as wide. */
export function hugeMergeXlsx(ref = "A1:XFD1048576"): Uint8Array {
  return xlsx([
    {
      name: "整改台账",
      xml: `<cols><col min="1" max="16384" width="9"/></cols><sheetData>${LEDGER_ROWS}</sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`,
    },
  ]);
}

/** A styled but empty cell at XFD1048576: costs nothing, the ledger reads as usual. */
export function farEmptyStyledCellXlsx(): Uint8Array {
  return xlsx([
    {
      name: "整改台账",
      xml: `<sheetData>${LEDGER_ROWS}<row r="1048576"><c r="XFD1048576" s="0"/></row></sheetData>`,
    },
  ]);
}

/**
 * A sheet whose deflated data inflates to `size` bytes (zeros after the real XML would be
 * invalid, but the reader must stop long before parsing). `lie`: the directory declares the
 * real small size instead of `size`.
 */
export function inflatingSheetXlsx(size: number, lie: boolean): Uint8Array {
  return writeZip(
    xlsxEntries(
      [{ name: "整改台账", xml: `<sheetData>${LEDGER_ROWS}</sheetData>` }],
      (_, name) => ({
        name,
        data: new Uint8Array(0),
        compressed: zerosDeflated(size),
        declaredSize: lie ? 4096 : size,
        crc: 0,
      }),
    ),
  );
}
