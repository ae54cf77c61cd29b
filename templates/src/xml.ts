/**
 * A tiny typed XML builder: elements are plain data, serialisation is deterministic (attributes
 * in the order written, no whitespace added), so building a template twice gives the same bytes.
 */

export type AttrValue = string | number | boolean | undefined;
export type Attrs = Readonly<Record<string, AttrValue>>;

export interface XmlElement {
  readonly kind: "element";
  readonly name: string;
  readonly attrs: Attrs;
  readonly children: readonly XmlNode[];
}

export interface XmlText {
  readonly kind: "text";
  readonly value: string;
}

export type XmlNode = XmlElement | XmlText;

/** Anything `el` accepts as a child: nodes, nested arrays, and falsy values (skipped). */
export type Child = XmlNode | string | readonly Child[] | null | undefined | false;

function flatten(children: readonly Child[], into: XmlNode[]): XmlNode[] {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (typeof child === "string") into.push({ kind: "text", value: child });
    else if (Array.isArray(child)) flatten(child as readonly Child[], into);
    else into.push(child as XmlNode);
  }
  return into;
}

/** An element; attributes whose value is undefined are left out. */
export function el(name: string, attrs: Attrs = {}, ...children: Child[]): XmlElement {
  return { kind: "element", name, attrs, children: flatten(children, []) };
}

export function escapeText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, "&quot;");
}

export function serialize(node: XmlNode): string {
  if (node.kind === "text") return escapeText(node.value);
  let out = `<${node.name}`;
  for (const [key, value] of Object.entries(node.attrs)) {
    if (value === undefined) continue;
    out += ` ${key}="${escapeAttr(String(value))}"`;
  }
  if (node.children.length === 0) return `${out}/>`;
  out += ">";
  for (const child of node.children) out += serialize(child);
  return `${out}</${node.name}>`;
}

/** A standalone XML part (the declaration Office expects, then the root element). */
export function xmlPart(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n${serialize(root)}`;
}
