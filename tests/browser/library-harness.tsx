/**
 * Browser harness for tests/browser/library-pack.test.ts: the real TemplatesTab over a workbook
 * port that reads an .xlsx in the page (the standalone port) and carries embedded templates and
 * the unit profile in memory, as the Excel adapter carries them in the workbook. Generation goes
 * through the pane's own generateDocument with the embedded template.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { strFromU8, unzipSync } from "fflate";
import { createRoot } from "react-dom/client";
import type { UnitProfile } from "../../src/core/profile";
import type { DocumentKind } from "../../src/documents/api";
import type { EmbeddedTemplate, WorkbookPort } from "../../src/ports/workbook";
import { createStandalonePort } from "../../src/taskpane/standalone-port";
import { generateDocument } from "../../src/taskpane/state/session";
import TemplatesTab from "../../src/taskpane/templates/TemplatesTab";

const templates = new Map<string, EmbeddedTemplate>();
let profile: UnitProfile | undefined;
let ledger: WorkbookPort | undefined;

const port: WorkbookPort = {
  host: "excel",
  label: "harness",
  readWorkbook: () => {
    if (!ledger) throw new Error("no ledger opened");
    return ledger.readWorkbook();
  },
  loadProfile: async () => profile,
  saveProfile: async (p) => {
    profile = p;
  },
  live: null,
  choices: null,
  previewWindow: null,
  embedded: {
    list: async () => [...templates.values()],
    embed: async (t) => {
      templates.set(t.name, t);
    },
    remove: async (name) => {
      templates.delete(name);
    },
  },
};

document.getElementById("ledger")?.addEventListener("change", async (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (file)
    ledger = createStandalonePort(file.name, new Uint8Array(await file.arrayBuffer()), undefined);
});

Object.assign(globalThis, {
  harness: {
    embedded: () =>
      [...templates.values()].map(({ docx, ...t }) => ({ ...t, size: docx.byteLength })),
    profile: () => profile,
    ledgerOpened: () => ledger !== undefined,
    /** Generates with the workbook's embedded template; returns the document's plain text. */
    generate: async (kind: DocumentKind, asOf: string) => {
      const outcome = await generateDocument({
        port,
        kind,
        template: { source: "embedded" },
        settings: { asOf, precision: 0 },
        force: true,
      });
      const { result } = outcome;
      if (!result.ok) return { ok: false, findings: result.findings.map((f) => f.message) };
      const xml = strFromU8(unzipSync(result.docx)["word/document.xml"]!);
      return {
        ok: true,
        templateLabel: outcome.templateLabel,
        fileName: result.fileName,
        text: xml.replace(/<w:p[ >]/g, "\n$&").replace(/<[^>]+>/g, ""),
      };
    },
  },
});

const library = new URLSearchParams(location.search).get("library") ?? location.origin;
createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={webLightTheme}>
    <TemplatesTab port={port} host={{ kind: "excel", platform: "PC" }} libraryUrl={library} />
  </FluentProvider>,
);
