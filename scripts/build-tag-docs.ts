/** Writes docs/template-tags.md from the template contract (`npm run docs:tags`). */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderTagDocs } from "../src/documents/tag-docs";

const target = fileURLToPath(new URL("../docs/template-tags.md", import.meta.url));
writeFileSync(target, renderTagDocs(), "utf8");
console.log(`wrote ${target}`);
