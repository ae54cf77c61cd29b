/** The README's "Project layout" block, generated from the layer table. */
import { LAYERS, type Layer, OTHER_FOLDERS } from "./layers";

export const LAYOUT_START =
  "<!-- layout: generated from tests/boundaries/layers.ts by npm run docs:layout -->";
export const LAYOUT_END = "<!-- /layout -->";

const short = (folder: string) => folder.replace(/^src\//, "");

function importsText(layer: Layer): string {
  const parts: string[] = [];
  if (layer.imports.length) parts.push(layer.imports.map(short).join(", "));
  if (layer.typesFrom?.length) parts.push(`types from ${layer.typesFrom.map(short).join(", ")}`);
  if (layer.packages === "any") parts.push("any dependency");
  else if (layer.packages.length) parts.push(layer.packages.join(", "));
  if (layer.node) parts.push("node:");
  return parts.join("; ") || "nothing";
}

/** One line per folder: what it owns, then what it may import. */
export function layoutBlock(existing: (folder: string) => boolean): string {
  const rows: Array<[string, string]> = [];
  for (const layer of LAYERS) {
    if (!existing(layer.folder)) continue;
    rows.push([`${layer.folder}/`, `${layer.owns} [may import: ${importsText(layer)}]`]);
  }
  for (const [path, owns] of OTHER_FOLDERS) {
    if (existing(path)) rows.push([path.includes(".") ? path : `${path}/`, owns]);
  }
  const width = Math.max(...rows.map(([p]) => p.length)) + 2;
  const lines = rows.map(([p, owns]) => `${p.padEnd(width)}${owns}`);
  return [LAYOUT_START, "```", ...lines, "```", LAYOUT_END].join("\n");
}

/** The README with its layout block replaced (or undefined when the markers are missing). */
export function withLayoutBlock(readme: string, block: string): string | undefined {
  const start = readme.indexOf(LAYOUT_START);
  const end = readme.indexOf(LAYOUT_END);
  if (start < 0 || end < start) return undefined;
  return readme.slice(0, start) + block + readme.slice(end + LAYOUT_END.length);
}
