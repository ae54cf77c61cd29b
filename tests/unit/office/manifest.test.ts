/**
 * Offline checks of manifest.xml (`npm run validate` runs Microsoft's online validator; this
 * test needs no network): the fields office-addin-manifest reads, the schema's element order,
 * URLs, resource ids, icon files and the requirement set.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { OfficeAddinManifest } from "office-addin-manifest";
import { describe, expect, it } from "vitest";

const manifestPath = fileURLToPath(new URL("../../../manifest.xml", import.meta.url));
const assetsDir = fileURLToPath(new URL("../../../assets/", import.meta.url));
const xml = readFileSync(manifestPath, "utf8");

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** A small, strict-enough XML reader for our own manifest (no DTDs, no CDATA). */
function parseXml(source: string): XmlNode {
  const body = source.replace(/<\?[\s\S]*?\?>/g, "").replace(/<!--[\s\S]*?-->/g, "");
  const root: XmlNode = { name: "#root", attrs: {}, children: [], text: "" };
  const stack: XmlNode[] = [root];
  const tag = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  for (const m of body.matchAll(tag)) {
    const top = stack[stack.length - 1]!;
    if (m[5] !== undefined) {
      top.text += m[5].trim();
      continue;
    }
    const [, closing, name, attrText, selfClosing] = m;
    if (closing) {
      if (top.name !== name) throw new Error(`mismatched </${name}> (open: ${top.name})`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (attrText ?? "").matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]!] = a[2]!;
    const node: XmlNode = { name: name!, attrs, children: [], text: "" };
    top.children.push(node);
    if (!selfClosing) stack.push(node);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  return root.children[0]!;
}

function all(node: XmlNode, pred: (n: XmlNode) => boolean, out: XmlNode[] = []): XmlNode[] {
  if (pred(node)) out.push(node);
  for (const c of node.children) all(c, pred, out);
  return out;
}

function child(node: XmlNode, name: string): XmlNode {
  const c = node.children.find((n) => n.name === name);
  if (!c) throw new Error(`<${node.name}> has no <${name}>`);
  return c;
}

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((v, i) => b[i] === v)) throw new Error(`${file} is not a PNG`);
  if (b.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file}: IHDR missing`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const root = parseXml(xml);

describe("manifest.xml", () => {
  it("reads with office-addin-manifest as an Excel task-pane add-in", async () => {
    const info = await OfficeAddinManifest.readManifestFile(manifestPath);
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.defaultLocale).toBe("zh-CN");
    expect(info.displayName).toBe("整改台账助手");
    expect(info.description).toMatch(/整改/);
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(info.defaultSettings?.sourceLocation).toBe("https://localhost:3000/taskpane.html");
    expect(info.appDomains).toEqual(["https://localhost:3000"]);
  });

  it("has the OfficeApp children in the schema's order for TaskPaneApp", () => {
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    const schemaOrder = [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "AllowSnapshot",
      "VersionOverrides",
    ];
    const present = root.children.map((c) => c.name);
    const required = schemaOrder.filter((n) => n !== "AlternateId" && n !== "AllowSnapshot");
    for (const name of required) expect(present).toContain(name);
    const positions = present.map((n) => schemaOrder.indexOf(n));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("overrides every localised string for en-US", () => {
    for (const name of ["DisplayName", "Description"]) {
      const el = child(root, name);
      expect(el.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
      const override = el.children.find((c) => c.name === "Override");
      expect(override?.attrs.Locale).toBe("en-US");
      expect(override?.attrs.Value).toMatch(/[A-Za-z]/);
    }
    const strings = all(root, (n) => n.name === "bt:String");
    expect(strings.length).toBeGreaterThanOrEqual(4);
    for (const s of strings) {
      expect(s.attrs.DefaultValue, s.attrs.id).toMatch(/[\u4e00-\u9fff]/);
      const override = s.children.find((c) => c.name === "bt:Override");
      expect(override?.attrs.Locale, s.attrs.id).toBe("en-US");
      // Ribbon limits: short strings 125 characters, long strings 250.
      expect(s.attrs.DefaultValue!.length).toBeLessThanOrEqual(125);
    }
  });

  it("points every URL at https://localhost:3000/", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]*)"|>(https?:[^<]*)</g)]
      .map((m) => m[1] ?? m[2]!)
      .filter((u) => !u.startsWith("http://schemas.microsoft.com/") && !u.includes("w3.org"));
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) expect(url).toMatch(/^https:\/\/localhost:3000(\/|$)/);
  });

  it("points only at pages the server has: taskpane.html and files in assets/", () => {
    const paths = [...xml.matchAll(/https:\/\/localhost:3000(\/[^"<]*)?/g)].map((m) => m[1] ?? "/");
    for (const path of paths) {
      if (path === "/" || path === "") continue;
      if (path === "/taskpane.html") {
        expect(existsSync(fileURLToPath(new URL("../../../taskpane.html", import.meta.url)))).toBe(
          true,
        );
        continue;
      }
      expect(path).toMatch(/^\/assets\//);
      expect(existsSync(`${assetsDir}${path.slice("/assets/".length)}`), path).toBe(true);
    }
  });

  it("requires ExcelApi 1.7 at most and shows a Home-tab button that opens the task pane", () => {
    const sets = child(child(root, "Requirements"), "Sets");
    const excel = sets.children.find((s) => s.attrs.Name === "ExcelApi");
    const version = Number(excel?.attrs.MinVersion ?? sets.attrs.DefaultMinVersion);
    expect(version).toBeGreaterThan(1.0);
    expect(version).toBeLessThanOrEqual(1.7);

    const tab = all(root, (n) => n.name === "OfficeTab")[0];
    expect(tab?.attrs.id).toBe("TabHome");
    const action = all(root, (n) => n.name === "Action")[0];
    expect(action?.attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(child(action!, "TaskpaneId").text).toBe("ZhenggaiTaskpane");
    const icons = all(tab!, (n) => n.name === "bt:Image").map((n) => n.attrs.size);
    expect(new Set(icons)).toEqual(new Set(["16", "32", "80"]));
  });

  it("defines every resid used in VersionOverrides, with the right resource kind", () => {
    const overrides = child(root, "VersionOverrides");
    const resources = child(overrides, "Resources");
    const defined = new Map<string, string>();
    for (const group of resources.children) {
      for (const item of group.children) {
        expect(defined.has(item.attrs.id!), `duplicate id ${item.attrs.id}`).toBe(false);
        defined.set(item.attrs.id!, group.name);
      }
    }
    const uses = all(child(overrides, "Hosts"), (n) => n.attrs.resid !== undefined);
    expect(uses.length).toBeGreaterThan(10);
    const expectedGroup = (n: XmlNode): string => {
      if (n.name === "bt:Image") return "bt:Images";
      if (["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(n.name)) return "bt:Urls";
      if (n.name === "Description") return "bt:LongStrings";
      return "bt:ShortStrings";
    };
    for (const use of uses) {
      expect(defined.get(use.attrs.resid!), `resid ${use.attrs.resid}`).toBe(expectedGroup(use));
    }
  });

  it("references only icon files that exist in assets/ as PNGs of the declared size", () => {
    const declared: { url: string; size: number }[] = [
      { url: child(root, "IconUrl").attrs.DefaultValue!, size: 32 },
      { url: child(root, "HighResolutionIconUrl").attrs.DefaultValue!, size: 64 },
    ];
    const images = new Map(
      all(root, (n) => n.name === "bt:Image" && n.attrs.id !== undefined).map((n) => [
        n.attrs.id!,
        n.attrs.DefaultValue!,
      ]),
    );
    for (const use of all(root, (n) => n.name === "bt:Image" && n.attrs.resid !== undefined)) {
      declared.push({ url: images.get(use.attrs.resid!)!, size: Number(use.attrs.size) });
    }
    expect(declared.length).toBeGreaterThanOrEqual(8);
    for (const { url, size } of declared) {
      const m = /^https:\/\/localhost:3000\/assets\/([\w.-]+\.png)$/.exec(url);
      expect(m, url).not.toBeNull();
      const file = `${assetsDir}${m![1]}`;
      expect(existsSync(file), file).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });
});
