/**
 * The preview never runs anything a document carries. docx-preview renders altChunk HTML into an
 * `<iframe srcdoc>` without sandbox and turns any relationship target into a live `<a href>`
 * (javascript: included), so:
 *  - altChunks are not rendered at all (renderAltChunks: false);
 *  - the document is rendered into a detached element (nothing in it is connected, so nothing
 *    loads or runs), cleaned by sanitisePreview, and only then moved into the page, where the
 *    page's Content-Security-Policy (script-src 'self', object-src 'none') governs it too.
 * The gate (src/documents/gate) already refuses such templates; this is the second wall, for
 * bytes that reach the preview by any other way.
 */
import type { Options } from "docx-preview";

/** The rendering options the pane uses; renderAltChunks is forced off whatever is passed. */
export const PREVIEW_OPTIONS: Partial<Options> = {
  inWrapper: true,
  breakPages: true,
  experimental: true,
  renderHeaders: true,
  renderFooters: true,
  renderAltChunks: false,
  renderComments: false,
};

/** Elements that load or run something; a preview has no use for any of them. */
const REMOVED_ELEMENTS = new Set([
  "script",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "portal",
  "base",
  "meta",
  "link",
  "form",
  "input",
  "button",
  "textarea",
  "select",
  "foreignobject",
  "animate",
  "set",
  "animatemotion",
  "animatetransform",
  "use",
]);

/** Attributes that name a URL something navigates to. */
const LINK_ATTRIBUTES = ["href", "xlink:href", "action", "formaction"];
/** Attributes that name a URL something loads. */
const SOURCE_ATTRIBUTES = ["src", "srcset", "poster", "data", "background", "srcdoc"];

/** A link target the preview keeps: http(s) or a place in the same document. */
export function isSafeLinkTarget(href: string): boolean {
  const value = href.trim();
  return /^https?:\/\//i.test(value) || (value.startsWith("#") && value.length > 1);
}

/** A resource the preview keeps: what docx-preview itself makes for images and fonts. */
function isSafeSource(src: string): boolean {
  const value = src.trim();
  return /^blob:/i.test(value) || /^data:image\/(png|jpeg|gif|bmp|webp|x-emf|x-wmf);/i.test(value);
}

/**
 * Removes from `root` (in place) every element that loads or runs something, every event-handler
 * attribute, every link whose target is not http(s) or an in-document anchor (the text stays)
 * and every resource that is not a blob:/data: image. http(s) links open in a new window without
 * an opener, so a click never navigates the pane.
 */
export function sanitisePreview(root: Element | DocumentFragment): void {
  for (const el of [...root.querySelectorAll("*")]) {
    if (REMOVED_ELEMENTS.has(el.localName.toLowerCase())) {
      el.remove();
      continue;
    }
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on")) el.removeAttribute(attr.name);
    }
    for (const name of LINK_ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value === null) continue;
      if (!isSafeLinkTarget(value)) el.removeAttribute(name);
      else if (/^https?:/i.test(value.trim())) {
        el.setAttribute("target", "_blank");
        el.setAttribute("rel", "noopener noreferrer");
      }
    }
    for (const name of SOURCE_ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value !== null && (name === "srcdoc" || !isSafeSource(value))) el.removeAttribute(name);
    }
  }
}

/**
 * Renders `docx` with docx-preview into `container`, never running or loading what the document
 * carries (see the module comment). Returns once the cleaned nodes are in place; when `current`
 * says false by then (a newer render started), the container is left alone.
 */
export async function renderSafePreview(
  docx: Uint8Array,
  container: HTMLElement,
  current: () => boolean = () => true,
  options: Partial<Options> = {},
): Promise<void> {
  const { parseAsync, renderDocument } = await import("docx-preview");
  const opts: Partial<Options> = { ...PREVIEW_OPTIONS, ...options, renderAltChunks: false };
  const parsed = await parseAsync(docx, opts);
  const nodes = await renderDocument(parsed, opts);
  const holder = container.ownerDocument.createElement("div"); // detached: nothing loads
  for (const node of nodes) holder.appendChild(node);
  sanitisePreview(holder);
  if (current()) container.replaceChildren(...holder.childNodes);
}
