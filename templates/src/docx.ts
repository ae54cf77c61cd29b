/**
 * Packs the parts of a template into a .docx deterministically: fixed part order
 * ([Content_Types].xml first), fixed timestamps, fixed compression level.
 */
import { zipSync } from "fflate";
import {
  appPropsXml,
  contentTypesXml,
  corePropsXml,
  documentRelsXml,
  documentXml,
  FOOTER_EVEN,
  FOOTER_ODD,
  fontTableXml,
  footerXml,
  packageRelsXml,
  settingsXml,
} from "./parts";
import { stylesXml } from "./styles";
import type { XmlElement } from "./xml";

/**
 * A fixed, time-zone-independent zip timestamp: fflate writes DOS times from the local-time
 * getters, and a Date built from local components reads back the same in every zone.
 */
const ZIP_TIME = new Date(2024, 0, 1, 0, 0, 0);

export function packDocx(title: string, body: readonly XmlElement[]): Uint8Array {
  const encoder = new TextEncoder();
  const parts: [string, string][] = [
    ["[Content_Types].xml", contentTypesXml()],
    ["_rels/.rels", packageRelsXml()],
    ["docProps/core.xml", corePropsXml(title)],
    ["docProps/app.xml", appPropsXml()],
    ["word/document.xml", documentXml(body)],
    ["word/_rels/document.xml.rels", documentRelsXml()],
    ["word/styles.xml", stylesXml()],
    ["word/settings.xml", settingsXml()],
    ["word/fontTable.xml", fontTableXml()],
    [`word/${FOOTER_ODD.file}`, footerXml("odd")],
    [`word/${FOOTER_EVEN.file}`, footerXml("even")],
  ];
  const files: Record<string, [Uint8Array, { mtime: Date; level: 9 }]> = {};
  for (const [path, xml] of parts)
    files[path] = [encoder.encode(xml), { mtime: ZIP_TIME, level: 9 }];
  return zipSync(files);
}
