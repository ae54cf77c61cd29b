/**
 * Templates embedded in the workbook: one custom XML part each (workbook.customXmlParts,
 * ExcelApi 1.5) in our own namespace, holding the .docx as base64 plus name, kind, version,
 * sha256 and origin. Reading back recomputes the sha256 (WebCrypto) and drops parts that fail.
 *
 * Every template passes the template gate (src/documents/gate) before it is embedded, and again
 * when it is read back (a workbook may carry a part written by an older version or by hand).
 *
 * Size: Excel documents no cap for a custom XML part, but Excel on the web refuses any request
 * or response over 5 MB, and base64 grows the bytes by a third. So one template may be at
 * most 2 MiB (≈ 2.8 MB of XML per request) and all embedded templates together at most 4 MiB
 * (each part is read back in its own sync, so no response carries more than one).
 */

import { DOCUMENT_KINDS, type DocumentKind } from "../documents/api";
import { xmlSafe } from "../documents/format";
import { gateTemplate } from "../documents/gate/index";
import { sha256Hex } from "../library/hash";
import type { EmbeddedTemplate } from "../ports/workbook";
import { fromBase64, toBase64 } from "./base64";
import { OfficeAdapterError } from "./errors";

export const TEMPLATE_NAMESPACE = "urn:zhenggai:embedded-template:1";
export const MAX_TEMPLATE_BYTES = 2 * 1024 * 1024;
export const MAX_TOTAL_TEMPLATE_BYTES = 4 * 1024 * 1024;

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function tooLargeMessage(name: string, size: number): string {
  return `模板“${name}”大小为 ${mib(size)}，超过了可以嵌入工作簿的上限 ${mib(MAX_TEMPLATE_BYTES)}（Excel 网页版单次传输不能超过 5 MB）。请压缩模板中的图片后重试，或改用模板库。`;
}

export function totalTooLargeMessage(name: string, total: number): string {
  return `嵌入模板“${name}”后，工作簿中的模板合计 ${mib(total)}，超过上限 ${mib(MAX_TOTAL_TEMPLATE_BYTES)}。请先移除不再使用的嵌入模板。`;
}

function escapeAttr(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\r/g, "&#13;")
    .replace(/\n/g, "&#10;")
    .replace(/\t/g, "&#9;");
}

function unescapeAttr(value: string): string {
  return value.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (e[0] !== "#") return named[e.toLowerCase()]!;
    return String.fromCodePoint(
      e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)),
    );
  });
}

export interface TemplateRecord {
  readonly name: string;
  readonly kind: DocumentKind;
  readonly version: string;
  readonly sha256: string;
  readonly origin: string;
  readonly embeddedAt: string;
  readonly base64: string;
}

export function templateXml(t: TemplateRecord): string {
  const attr = (k: string, v: string) => ` ${k}="${escapeAttr(xmlSafe(v))}"`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<template xmlns="${TEMPLATE_NAMESPACE}"${attr("name", t.name)}${attr("kind", t.kind)}` +
    `${attr("version", t.version)}${attr("sha256", t.sha256)}${attr("origin", t.origin)}` +
    `${attr("embeddedAt", t.embeddedAt)}><docx>${t.base64}</docx></template>`
  );
}

/** Parses our own part; undefined when it is not one (wrong root, missing fields). */
export function parseTemplateXml(xml: string): TemplateRecord | undefined {
  const root = /<template\b([^>]*)>\s*<docx>([A-Za-z0-9+/=\s]*)<\/docx>\s*<\/template>/.exec(xml);
  if (!root) return undefined;
  const attrs: Record<string, string> = {};
  for (const m of root[1]!.matchAll(/([\w:]+)="([^"]*)"/g)) attrs[m[1]!] = unescapeAttr(m[2]!);
  if (attrs.xmlns !== TEMPLATE_NAMESPACE) return undefined;
  const kind = attrs.kind as DocumentKind;
  if (!attrs.name || !DOCUMENT_KINDS.includes(kind) || !/^[0-9a-f]{64}$/.test(attrs.sha256 ?? "")) {
    return undefined;
  }
  return {
    name: attrs.name,
    kind,
    version: attrs.version ?? "",
    sha256: attrs.sha256!,
    origin: attrs.origin ?? "",
    embeddedAt: attrs.embeddedAt ?? "",
    base64: root[2]!.replace(/\s+/g, ""),
  };
}

/** A part as read back: the template when its bytes match its sha256, else a problem. */
export async function decodeTemplate(
  xml: string,
): Promise<{ template: EmbeddedTemplate } | { problem: string } | undefined> {
  const record = parseTemplateXml(xml);
  if (!record) return undefined;
  let docx: Uint8Array;
  try {
    docx = fromBase64(record.base64);
  } catch {
    return {
      problem: `嵌入的模板“${record.name}”已损坏（内容不是有效的 base64），请移除后重新嵌入。`,
    };
  }
  if ((await sha256Hex(docx)) !== record.sha256) {
    return { problem: `嵌入的模板“${record.name}”已损坏（校验值不符），请移除后重新嵌入。` };
  }
  const gated = gateTemplate(docx, `嵌入的模板“${record.name}”`);
  if (!gated.ok) return { problem: `${gated.message}请移除后重新嵌入。` };
  const { name, kind, version, sha256, origin } = record;
  return { template: { name, kind, version, sha256, origin, docx } };
}

/** Checks a template before embedding; returns the record to write. */
export async function prepareTemplate(
  template: EmbeddedTemplate,
  otherBytes: number,
  now: Date = new Date(),
): Promise<TemplateRecord> {
  const name = template.name.trim();
  if (!name) throw new OfficeAdapterError("模板名称不能为空。", "InvalidTemplate");
  if (!DOCUMENT_KINDS.includes(template.kind)) {
    throw new OfficeAdapterError(
      `模板类别“${template.kind}”无效，应为“报告”或“通报”。`,
      "InvalidTemplate",
    );
  }
  const size = template.docx.byteLength;
  if (size > MAX_TEMPLATE_BYTES)
    throw new OfficeAdapterError(tooLargeMessage(name, size), "TemplateTooLarge");
  if (otherBytes + size > MAX_TOTAL_TEMPLATE_BYTES) {
    throw new OfficeAdapterError(totalTooLargeMessage(name, otherBytes + size), "TemplateTooLarge");
  }
  const gated = gateTemplate(template.docx, `模板“${name}”`);
  if (!gated.ok) throw new OfficeAdapterError(gated.message, "InvalidTemplate");
  const sha256 = await sha256Hex(template.docx);
  if (template.sha256 && template.sha256.toLowerCase() !== sha256) {
    throw new OfficeAdapterError(
      `模板“${name}”的校验值与文件内容不符，文件可能已损坏，未嵌入。`,
      "TemplateHashMismatch",
    );
  }
  return {
    name,
    kind: template.kind,
    version: template.version,
    sha256,
    origin: template.origin,
    embeddedAt: now.toISOString(),
    base64: toBase64(template.docx),
  };
}

export interface StoredPart {
  readonly id: string;
  readonly xml: string;
}

/** Loads every part in our namespace: one sync for the ids, then one sync per part. */
export async function loadTemplateParts(context: Excel.RequestContext): Promise<StoredPart[]> {
  const parts = context.workbook.customXmlParts.getByNamespace(TEMPLATE_NAMESPACE);
  parts.load("items/id");
  await context.sync();
  const out: StoredPart[] = [];
  for (const part of parts.items) {
    const xml = part.getXml();
    await context.sync();
    out.push({ id: part.id, xml: xml.value });
  }
  return out;
}
