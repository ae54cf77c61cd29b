/** `npm run docs:layout`: rewrites the README's "Project layout" block from the layer table. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../src/server/static";
import { layoutBlock, withLayoutBlock } from "../tests/boundaries/layout-doc";

const file = join(PROJECT_ROOT, "README.md");
const next = withLayoutBlock(
  readFileSync(file, "utf8"),
  layoutBlock((folder) => existsSync(join(PROJECT_ROOT, folder))),
);
if (!next) throw new Error("README.md has no layout markers (see tests/boundaries/layout-doc.ts)");
writeFileSync(file, next);
console.log("README.md: layout block updated");
