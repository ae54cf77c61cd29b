/**
 * Shared helpers of the library tests: small .docx builders, a server on a temp SQLite file over
 * real loopback HTTP, and an API client.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { strToU8, type Zippable, zipSync } from "fflate";
import { LibraryClient } from "../../../src/library/client";
import type { TemplateValidator } from "../../../src/server/library/publish-check";
import { startLibraryServer } from "../../../src/server/library/server";

export const ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** document.xml with one paragraph per line of text. */
export function documentXml(paragraphs: readonly string[], prolog = ""): string {
  const body = paragraphs
    .map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

/** A minimal .docx whose body has these paragraphs; `extra` adds or replaces parts. */
export function makeDocx(paragraphs: readonly string[], extra: Zippable = {}): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(CONTENT_TYPES),
    "_rels/.rels": strToU8(RELS),
    "word/document.xml": strToU8(documentXml(paragraphs)),
    ...extra,
  });
}

export interface TestServer {
  readonly app: FastifyInstance;
  readonly url: string;
  readonly dataDir: string;
  readonly client: LibraryClient;
  close(): Promise<void>;
}

export function tempDir(prefix = "zhenggai-lib-"): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts the library on 127.0.0.1:0 over a SQLite file in `dataDir`, or over PostgreSQL when a
 * database URL is given.
 */
export async function startTestServer(
  dataDir: string,
  validator?: TemplateValidator,
  databaseUrl?: string,
): Promise<TestServer> {
  const { app, url } = await startLibraryServer({
    dataDir,
    adminToken: ADMIN_TOKEN,
    ...(validator ? { validator } : {}),
    ...(databaseUrl ? { databaseUrl } : {}),
  });
  return { app, url, dataDir, client: new LibraryClient(url), close: () => app.close() };
}
