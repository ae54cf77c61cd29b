/**
 * What the first-run welcome offers: the blank ledger of `zhenggai init` built in the page
 * (src/xlsx, loaded only when asked for), and an example ledger the server serves from
 * examples/. Neither touches the user's files.
 */

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
