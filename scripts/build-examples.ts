/**
 * Builds the example ledgers examples/*.xlsx from examples/data/*.json (npm run build:examples).
 * The output is deterministic: the same data gives the same bytes, so the committed files
 * change only when the data or the layout changes.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildLedgerWorkbook } from "../src/xlsx/ledger-workbook";
import { writeXlsxDeterministic } from "../src/xlsx/write";
import { exampleDataSchema, exampleWorkbookSpec } from "./example-data";

const examplesDir = fileURLToPath(new URL("../examples/", import.meta.url));
const dataDir = `${examplesDir}data/`;

for (const name of readdirSync(dataDir)
  .filter((n) => n.endsWith(".json"))
  .sort()) {
  const data = exampleDataSchema.parse(JSON.parse(readFileSync(`${dataDir}${name}`, "utf8")));
  const bytes = await writeXlsxDeterministic(buildLedgerWorkbook(exampleWorkbookSpec(data)));
  writeFileSync(`${examplesDir}${data.file}`, bytes);
  console.log(`${data.file}: ${data.rows.length} 个问题（${name}）`);
}
