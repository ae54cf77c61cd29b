/**
 * Anchor templates: our notice template rewritten tag by tag for two other engines, so the
 * same paragraphs, runs and styles are filled with the same data by each engine.
 *
 * - easy-template-x uses the same `{#x}…{/x}` / `{x}` syntax and the same outward scope
 *   lookup; only inverted sections `{^x}` (which it lacks) become `{#非x}` with a negated key
 *   added to the data.
 * - docx-templates uses commands with the same `{…}` delimiters: `{INS …}`, `{FOR v IN …}`,
 *   `{IF …}`; names inside loops are resolved against the data to `$v["name"]` paths.
 *
 * Tags split over several runs (Word does that when a tag was typed in pieces) are first
 * joined into one run, per paragraph, so the rewrite sees whole tags.
 */
import PizZip from "pizzip";

const TAG = /\{([#/^]?)([^{}]+)\}/g;
const PART = /^word\/(document|header\d*|footer\d*)\.xml$/;

/** Joins the text of a paragraph's runs into its first text node when a tag is split. */
export function joinSplitTags(xml: string): string {
  return xml.replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => {
    const texts = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
    const split = texts.some((t) => countOf(t, "{") !== countOf(t, "}"));
    if (!split) return p;
    const all = texts.join("");
    let first = true;
    return p.replace(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g, () => {
      if (!first) return "<w:t></w:t>";
      first = false;
      return `<w:t xml:space="preserve">${all}</w:t>`;
    });
  });
}

const countOf = (s: string, ch: string) => s.split(ch).length - 1;

function rewriteParts(template: Uint8Array, rewrite: (xml: string) => string): Uint8Array {
  const zip = new PizZip(template);
  const names = Object.keys(zip.files)
    .filter((n) => PART.test(n))
    // document.xml first: the docx-templates rewrite keeps scope state in document order.
    .sort((a, b) => Number(!a.includes("document")) - Number(!b.includes("document")));
  for (const name of names) {
    const entry = zip.file(name)!;
    // Keep the entry's date, so the rewritten files are byte-identical from run to run.
    zip.file(name, rewrite(joinSplitTags(entry.asText())), { date: entry.date });
  }
  return zip.generate({ type: "uint8array", compression: "DEFLATE" });
}

/** The tags a template uses, after joining split runs (for checks and notes). */
export function tagsOf(template: Uint8Array): string[] {
  const zip = new PizZip(template);
  const tags: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => PART.test(n))) {
    const text = joinSplitTags(zip.file(name)!.asText()).replace(/<[^>]+>/g, "");
    for (const m of text.matchAll(TAG)) tags.push(m[0]);
  }
  return tags;
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

/** easy-template-x: same syntax; `{^x}` → `{#非x}`. Returns the template and the data to use. */
export function forEasyTemplateX(
  template: Uint8Array,
  data: unknown,
): { template: Uint8Array; data: unknown } {
  const inverted = new Set<string>();
  const out = rewriteParts(template, (xml) =>
    xml.replace(TAG, (whole, sigil: string, raw: string) => {
      const name = raw.trim();
      if (sigil === "^") {
        inverted.add(name);
        return `{#非${name}}`;
      }
      if (sigil === "/" && inverted.has(name)) return `{/非${name}}`;
      return whole;
    }),
  );
  const negate = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(negate);
    if (!isObject(x)) return x;
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) {
      o[k] = negate(v);
      if (inverted.has(k)) o[`非${k}`] = !v || (Array.isArray(v) && v.length === 0);
    }
    return o;
  };
  return { template: out, data: inverted.size ? negate(data) : data };
}

interface Frame {
  readonly name: string;
  readonly kind: "loop" | "if";
  readonly variable?: string;
  /** Every item this loop iterates over, across all outer items (to resolve names). */
  readonly items: readonly Record<string, unknown>[];
}

const IDENT = /^[\p{ID_Start}$_][\p{ID_Continue}$]*$/u;

/** docx-templates: `{x}` → `{INS …}`, sections → FOR/IF with data-resolved paths. */
export function forDocxTemplates(template: Uint8Array, data: unknown): Uint8Array {
  const root = isObject(data) ? data : {};
  const stack: Frame[] = [];
  let counter = 0;

  const resolve = (name: string): { expr: string; values: unknown[] } => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const f = stack[i]!;
      if (f.kind !== "loop") continue;
      const holders = f.items.filter((it) => name in it);
      if (holders.length) {
        return {
          expr: `$${f.variable}[${JSON.stringify(name)}]`,
          values: holders.map((h) => h[name]),
        };
      }
    }
    // A name the data lacks would be a ReferenceError in the sandbox: our engine prints "".
    if (!(name in root)) return { expr: "undefined", values: [] };
    if (!IDENT.test(name)) throw new Error(`docx-templates 无法引用标签名：${name}`);
    return { expr: name, values: [root[name]] };
  };

  const rewrite = (xml: string) =>
    xml.replace(TAG, (_whole, sigil: string, raw: string) => {
      const name = raw.trim();
      if (sigil === "") return `{INS ${resolve(name).expr} ?? ""}`;
      if (sigil === "/") {
        const f = stack.pop();
        return f?.kind === "loop" ? `{END-FOR ${f.variable}}` : "{END-IF}";
      }
      const { expr, values } = resolve(name);
      if (sigil === "#" && values.some((v) => Array.isArray(v) || isObject(v))) {
        const variable = `v${counter++}`;
        const items = values.flatMap((v) => (Array.isArray(v) ? v : isObject(v) ? [v] : []));
        stack.push({ name, kind: "loop", variable, items: items.filter(isObject) });
        const list = values.some((v) => Array.isArray(v)) ? expr : `(${expr} ? [${expr}] : [])`;
        return `{FOR ${variable} IN ${list}}`;
      }
      stack.push({ name, kind: "if", items: [] });
      const truthy = `(${expr} && (!Array.isArray(${expr}) || ${expr}.length > 0))`;
      return sigil === "^" ? `{IF !${truthy}}` : `{IF ${truthy}}`;
    });
  const escapeXml = (cmd: string) =>
    cmd.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return rewriteParts(template, (xml) => rewrite(xml).replace(/\{[^{}]*\}/g, escapeXml));
}
