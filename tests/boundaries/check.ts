/** Checks an import graph against the layer table and package.json; returns the violations. */
import type { ImportEdge } from "./graph";
import type { Layer } from "./layers";

export interface PackageJson {
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
}

/** The most specific layer holding a file (`src/server/library/x.ts` → src/server/library). */
export function layerOf(layers: readonly Layer[], file: string): Layer | undefined {
  let best: Layer | undefined;
  for (const layer of layers) {
    if (file.startsWith(`${layer.folder}/`) && layer.folder.length > (best?.folder.length ?? -1))
      best = layer;
  }
  return best;
}

const where = (e: ImportEdge) => `${e.from}:${e.line} imports "${e.specifier}"`;
const TABLE = "tests/boundaries/layers.ts";

export function checkImports(
  edges: readonly ImportEdge[],
  layers: readonly Layer[],
  pkg: PackageJson,
): string[] {
  const problems: string[] = [];
  const runtime = new Set(Object.keys(pkg.dependencies ?? {}));
  const dev = new Set(Object.keys(pkg.devDependencies ?? {}));
  const unplaced = new Set<string>();
  for (const e of edges) {
    const from = layerOf(layers, e.from);
    if (!from) {
      const folder = e.from.split("/").slice(0, -1).join("/");
      if (!unplaced.has(folder)) {
        unplaced.add(folder);
        problems.push(`${folder}/ has no row in the layer table (${TABLE}): add one`);
      }
      continue;
    }
    if (e.file !== undefined) {
      if (!e.file.startsWith("src/")) {
        problems.push(`${where(e)}: src/ may not import from outside src/`);
        continue;
      }
      const to = layerOf(layers, e.file);
      if (!to || to === from) continue; // an unplaced target is reported as an importer
      const allowed =
        from.imports.includes(to.folder) || (e.typeOnly && from.typesFrom?.includes(to.folder));
      if (!allowed) {
        const types = from.typesFrom?.includes(to.folder) ? " at run time (types only)" : "";
        problems.push(`${where(e)}: ${from.folder} may not import ${to.folder}${types}`);
      }
      continue;
    }
    const name = e.pkg!;
    if (name.startsWith("node:")) {
      if (!from.node && !e.typeOnly)
        problems.push(`${where(e)}: ${from.folder} runs without Node (no node: built-ins)`);
      continue;
    }
    if (e.typeOnly) continue;
    if (dev.has(name) && !runtime.has(name)) {
      problems.push(`${where(e)}: ${name} is a devDependency, not there at run time`);
    } else if (!runtime.has(name)) {
      problems.push(`${where(e)}: ${name} is not a dependency in package.json`);
    } else if (from.packages !== "any" && !from.packages.includes(name)) {
      problems.push(`${where(e)}: ${from.folder} may not use ${name} (see ${TABLE})`);
    }
  }
  return problems;
}
