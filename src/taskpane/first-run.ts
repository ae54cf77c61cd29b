/**
 * What the first-run welcome offers: the blank ledger of `zhenggai init` built in the page
 * (src/xlsx, loaded only when asked for), and an example ledger the server serves from
 * examples/. Neither touches the user's files.
 */
import type { ImportResult } from "../core/import/model";

/** The example the welcome opens (one of examples/*.xlsx, served at /examples/). */
export const EXAMPLE_LEDGER = "龙亭区市容环境卫生服务中心-整改台账.xlsx";
export const BLANK_LEDGER_NAME = "整改台账.xlsx";

/** The workbook `zhenggai init` writes, with the same prepared rows (200), byte for byte. */
export async function blankLedgerBytes(): Promise<Uint8Array> {
  const [{ buildBlankLedger }, { writeXlsxDeterministic }] = await Promise.all([
    import("../xlsx/ledger-workbook"),
    import("../xlsx/write"),
  ]);
  return writeXlsxDeterministic(buildBlankLedger(200));
}

/** Fetches the example ledger from the server that serves the pane. */
export async function exampleLedgerFile(): Promise<File> {
  const response = await fetch(`examples/${encodeURIComponent(EXAMPLE_LEDGER)}`);
  if (!response.ok)
    throw new Error(`示例台账不可用（${response.status}）。请重新运行 npm start 后重试。`);
  return new File([await response.arrayBuffer()], EXAMPLE_LEDGER, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

/**
 * An import of nothing: live.addLedgerSheets adds from it the sheets of `init` (整改台账 with
 * no rows, 基本信息 with every key and its note, 报告正文 with its two parts) to an empty
 * workbook in Excel (新建台账表).
 */
export function emptyLedgerImport(): ImportResult {
  return {
    title: "",
    style: "feedback",
    info: {},
    infoSources: {},
    narrative: [
      { part: "主要做法", heading: "", text: "" },
      { part: "下一步打算", heading: "", text: "" },
    ],
    rows: [],
    levels: 2,
    findings: [],
    placements: [],
    unplaced: [],
  };
}
