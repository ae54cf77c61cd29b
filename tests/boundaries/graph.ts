/**
 * The import graph of src/: every import, re-export and dynamic import() of every module, read
 * with the TypeScript parser, each resolved to a file (relative specifiers) or a package name.
 * `import type …` and `export type …` are erased at run time and marked so. A module named by
 * `new URL("./x.ts", import.meta.url)` (to load it later, e.g. in a worker) counts as a dynamic
 * import of it, so naming a file by URL cannot step around the layer table.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

export interface ImportEdge {
  /** The importing file, relative to the project root with forward slashes. */
  readonly from: string;
  readonly specifier: string;
  /** The imported file (relative to the root) for a relative specifier. */
  readonly file?: string;
  /** The package name (`exceljs`, `@fluentui/react-components`, `node:fs`) otherwise. */
  readonly pkg?: string;
  /** Erased at run time: `import type`, `export type`. */
  readonly typeOnly: boolean;
  readonly dynamic: boolean;
  readonly line: number;
}

const SOURCE = /\.(ts|tsx|mts)$/;
const BUILTINS = new Set(builtinModules);

export function listSources(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (SOURCE.test(name) && !name.endsWith(".d.ts")) out.push(path);
    }
  };
  walk(join(root, dir));
  return out.map((p) => relative(root, p).replaceAll("\\", "/")).sort();
}

function resolveRelative(root: string, from: string, specifier: string): string {
  const base = resolve(root, dirname(from), specifier);
  const candidates = [
    base,
    ...[".ts", ".tsx", ".mts"].map((ext) => base.replace(/\.js$/, "") + ext),
    ...["index.ts", "index.tsx"].map((index) => join(base, index)),
  ];
  const hit = candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? base;
  return relative(root, hit).replaceAll("\\", "/");
}

export function packageName(specifier: string): string {
  if (specifier.startsWith("node:")) return specifier;
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
  return BUILTINS.has(name) ? `node:${name}` : name;
}

/** The imports of one module's source text (`from` names it in the edges). */
export function importsOf(root: string, from: string, text: string): ImportEdge[] {
  const source = ts.createSourceFile(from, text, ts.ScriptTarget.Latest, true);
  const edges: ImportEdge[] = [];
  const add = (node: ts.Node, specifier: string, typeOnly: boolean, dynamic: boolean) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    const relativeSpec = specifier.startsWith(".");
    edges.push({
      from,
      specifier,
      ...(relativeSpec
        ? { file: resolveRelative(root, from, specifier) }
        : { pkg: packageName(specifier) }),
      typeOnly,
      dynamic,
      line,
    });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node, node.moduleSpecifier.text, node.importClause?.isTypeOnly ?? false, false);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node, node.moduleSpecifier.text, node.isTypeOnly, false);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      add(node, node.arguments[0].text, false, true);
    } else if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "URL" &&
      node.arguments?.length === 2 &&
      ts.isStringLiteralLike(node.arguments[0]!) &&
      node.arguments[0].text.startsWith(".") &&
      SOURCE.test(node.arguments[0].text) &&
      node.arguments[1]!.getText(source) === "import.meta.url"
    ) {
      add(node, node.arguments[0].text, false, true);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      add(node, node.argument.literal.text, true, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/** Every import of every source file under `dir` (default src). */
export function importGraph(root: string, dir = "src"): ImportEdge[] {
  return listSources(root, dir).flatMap((file) =>
    importsOf(root, file, readFileSync(join(root, file), "utf8")),
  );
}
