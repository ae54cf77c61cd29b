/**
 * The layer table: the one place that says which folder owns what and what it may import.
 * tests/boundaries/boundaries.test.ts fails `npm test` on any import that crosses it, and the
 * README's "Project layout" block is generated from it (`npm run docs:layout`, checked by the
 * same test).
 *
 * To add a folder: add a row (the most specific folder wins, so src/server/submissions has its
 * own row apart from src/server), run `npm run docs:layout`, and commit both.
 *
 *   folder     path from the project root, no trailing slash
 *   owns       what lives there, one line, for the README
 *   imports    folders of src/ its modules may import at run time (itself always)
 *   typesFrom  folders it may import types from only (`import type`), beyond `imports`
 *   packages   npm packages it may import at run time: a list, or "any" (runtime
 *              dependencies only, in every folder: never a devDependency)
 *   node       whether node: built-ins are allowed (false: runs in the browser, or pure)
 */

export interface Layer {
  readonly folder: string;
  readonly owns: string;
  readonly imports: readonly string[];
  readonly typesFrom?: readonly string[];
  readonly packages: readonly string[] | "any";
  readonly node: boolean;
}

export const LAYERS: readonly Layer[] = [
  {
    folder: "src/core",
    owns: "ledger model, header mapping, normalisation, validation, findings, statistics — no I/O",
    imports: [],
    packages: ["zod"],
    node: false,
  },
  {
    folder: "src/documents",
    owns: "template contract and gate, view model, rendering, template checks — no Office, no fs",
    imports: ["src/core"],
    packages: ["docxtemplater", "pizzip", "fflate", "zod"],
    node: false,
  },
  {
    folder: "src/ports",
    owns: "contracts the UI talks through (WorkbookPort and its capabilities) — types only",
    imports: [],
    typesFrom: ["src/core", "src/documents"],
    packages: [],
    node: false,
  },
  {
    folder: "src/api-client",
    owns: "the one fetch of our JSON APIs for their browser/CLI clients: error mapping, bearer auth — no imports",
    imports: [],
    packages: [],
    node: false,
  },
  {
    folder: "src/library",
    owns: "template library data shared by CLI, pane and server: types, client, packs, hashing",
    imports: ["src/api-client", "src/core", "src/documents"],
    packages: ["fflate", "zod"],
    node: false,
  },
  {
    folder: "src/submissions",
    owns: "what a unit submits to the inspection office (figures, findings): types and the fetch client",
    imports: ["src/api-client"],
    typesFrom: ["src/core"],
    packages: [],
    node: false,
  },
  {
    folder: "src/xlsx",
    owns: "browser-safe exceljs reading and writing of ledger workbooks, byte checks, read limits",
    imports: ["src/core", "src/documents"],
    packages: ["exceljs", "fflate"],
    node: false,
  },
  {
    folder: "src/docx",
    owns: "browser-safe .docx paragraph reader for the import: text, Word list numbering, outline levels",
    imports: [],
    typesFrom: ["src/core"],
    packages: ["fflate"],
    node: false,
  },
  {
    folder: "src/office",
    owns: "the Office.js adapter: the only place that touches Excel.*",
    imports: ["src/core", "src/documents", "src/library", "src/xlsx"],
    typesFrom: ["src/ports"],
    packages: [],
    node: false,
  },
  {
    folder: "src/taskpane",
    owns: "the task pane UI (React + Fluent UI v9); talks to the workbook through src/ports",
    imports: [
      "src/core",
      "src/docx",
      "src/documents",
      "src/library",
      "src/office",
      "src/submissions",
      "src/xlsx",
    ],
    typesFrom: ["src/ports"],
    packages: "any",
    node: false,
  },
  {
    folder: "src/dashboard",
    owns: "the inspection office's dashboard page (React + Fluent UI v9) over the submissions API",
    imports: ["src/core", "src/submissions"],
    packages: "any",
    node: false,
  },
  {
    folder: "src/node",
    owns: "Node adapters: reading workbook files, the worker pool for batches",
    imports: ["src/core", "src/documents", "src/xlsx"],
    packages: "any",
    node: true,
  },
  {
    folder: "src/cli",
    owns: "the zhenggai command line; one module per command, loaded when it runs",
    imports: [
      "src/core",
      "src/docx",
      "src/documents",
      "src/library",
      "src/node",
      "src/submissions",
      "src/xlsx",
      "src/server",
      "src/server/library",
      "src/server/store",
    ],
    packages: "any",
    node: true,
  },
  {
    folder: "src/server",
    owns: "the web server: task pane files, downloads; mounts the library and submissions",
    imports: [
      "src/core",
      "src/documents",
      "src/library",
      "src/node",
      "src/submissions",
      "src/xlsx",
      "src/server/library",
      "src/server/store",
      "src/server/submissions",
    ],
    packages: "any",
    node: true,
  },
  {
    folder: "src/server/library",
    owns: "the template library API (Fastify plugin), its SQLite and PostgreSQL stores, migrate",
    // src/server: only errors.ts, api-plugin.ts and sha256.ts (error format, API set-up, hash).
    imports: [
      "src/core",
      "src/documents",
      "src/library",
      "src/node",
      "src/xlsx",
      "src/server",
      "src/server/store",
      "src/server/submissions",
    ],
    packages: "any",
    node: true,
  },
  {
    folder: "src/server/submissions",
    owns: "the submissions (报送) API (Fastify plugin) and its stores (inspection office side)",
    // src/server: only errors.ts, api-plugin.ts and sha256.ts, as for the library.
    imports: [
      "src/core",
      "src/documents",
      "src/submissions",
      "src/xlsx",
      "src/server",
      "src/server/library",
      "src/server/store",
    ],
    packages: "any",
    node: true,
  },
  {
    folder: "src/server/store",
    owns: "SQL plumbing of the server's stores: SQLite open/migrate, PostgreSQL pool/migrations, audit rows",
    imports: [],
    packages: ["better-sqlite3", "pg"],
    node: true,
  },
];

/** Lines of the README layout block after the src/ rows (no import rules apply to them). */
export const OTHER_FOLDERS: ReadonlyArray<readonly [string, string]> = [
  ["templates", "shipped .docx templates and the source that builds them"],
  ["scripts", "build and maintenance scripts (pane build, examples, docs)"],
  ["bench", "benchmarks (npm run bench)"],
  ["tests", "unit, integration and browser tests; fixtures; this layer table (tests/boundaries)"],
  ["examples", "example ledgers built from the real published reports (examples/seeds)"],
  ["manifest.xml", "the add-in manifest"],
];
