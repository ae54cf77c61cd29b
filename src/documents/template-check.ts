/**
 * Template check: opens a .docx template, compiles it with docxtemplater (the same options the
 * renderer uses), and checks every tag against the contract with its loop nesting. Errors are
 * Chinese, quote the tag and say where it stands. The renderer runs this first.
 */
import Docxtemplater from "docxtemplater";
import InspectModule from "docxtemplater/js/inspect-module.js";
import PizZip from "pizzip";
import { buildFinding, type FindingOptions } from "../core/findings";
import type { Finding } from "../core/model";
import type { TemplateCheckResult, TemplateTagUse } from "./api";
import { LOOPS, TAG_NAMES, TAGS, type TagDef, type TagScope } from "./contract";
import { type Expression, ExpressionError, evaluate, parseExpression } from "./expression";
import type { DocumentFindingCode } from "./findings";
import { gateTemplate } from "./gate/index";
import { locatePart, type PartLocator, partLabel } from "./locate";
import { closestName } from "./similar";

/** The sheet name template findings carry (they are about the template, not a worksheet). */
export const TEMPLATE_SHEET = "模板";

export const TEMPLATE_CODES = {
  unreadable: "template.unreadable",
  syntax: "template.syntax",
  unknownTag: "template.tag.unknown",
  wrongScope: "template.tag.scope",
  loopAsText: "template.tag.loop-as-text",
  textAsLoop: "template.tag.text-as-loop",
  expression: "template.expression",
  noContractTag: "template.gate.no-contract-tag",
  nesting: "template.gate.nesting",
  selfLoop: "template.gate.self-loop",
  conditionAsText: "template.tag.condition-as-text",
} as const;

/**
 * How deep the contract's loops nest (方面 → 类别 → 问题: 3). A template nesting loops deeper
 * only multiplies the work; docxtemplater would iterate every product.
 */
export const MAX_LOOP_DEPTH: number = loopDepth(TAGS);

/** How deep the loops of a tag list nest. */
function loopDepth(tags: readonly TagDef[]): number {
  const depth = (scope: string, seen: ReadonlySet<string>): number => {
    let deepest = 0;
    for (const t of tags) {
      if (t.scope !== scope || t.kind !== "loop" || seen.has(t.name)) continue;
      deepest = Math.max(deepest, 1 + depth(t.name, new Set([...seen, t.name])));
    }
    return deepest;
  };
  return depth("", new Set());
}

/**
 * The tag list a template is checked against: the unit documents' TAGS (the default) or the
 * 汇总通报's SUMMARY_TAGS. Everything below looks names up here, never in TAGS directly.
 */
interface TagSet {
  readonly tags: readonly TagDef[];
  readonly names: readonly string[];
  readonly maxDepth: number;
}

const tagSets = new WeakMap<readonly TagDef[], TagSet>();

function tagSet(tags: readonly TagDef[]): TagSet {
  let set = tagSets.get(tags);
  if (!set) {
    set = { tags, names: [...new Set(tags.map((t) => t.name))], maxDepth: loopDepth(tags) };
    tagSets.set(tags, set);
  }
  return set;
}

type LoopScope = Exclude<TagScope, "">;

/** Resolve as docxtemplater does: innermost open loop's item first, then the document level. */
function resolveIn(set: TagSet, name: string, stack: readonly LoopScope[]): TagDef | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const found = set.tags.find((t) => t.name === name && t.scope === stack[i]);
    if (found) return found;
  }
  return set.tags.find((t) => t.name === name && t.scope === "");
}

/** Counts what a render evaluates; the parser stops it past the limit (render.ts sets it). */
export interface EvaluationBudget {
  used: number;
  limit: number;
  exceeded: boolean;
}

export class RenderBudgetExceeded extends Error {
  override readonly name = "RenderBudgetExceeded";
}

/** A template finding: its message says where in the template itself, so no place leads it. */
const templateFinding = (
  severity: Finding["severity"],
  code: DocumentFindingCode,
  message: string,
  params?: FindingOptions["params"],
): Finding =>
  buildFinding({ severity, code, sheet: TEMPLATE_SHEET }, message, { lead: "none", params });

const templateError = (
  code: DocumentFindingCode,
  message: string,
  params?: FindingOptions["params"],
): Finding => templateFinding("error", code, message, params);

// ---------------------------------------------------------------------------------------------
// Compiling

/** Options shared by the check and the renderer, so both see the template the same way. */
export function docxtemplaterOptions(budget?: EvaluationBudget) {
  return {
    paragraphLoop: true,
    linebreaks: true,
    stripInvalidXMLChars: true,
    // Errors come back as findings; docxtemplater must not print them to the console.
    errorLogging: false,
    // No {=[[ ]]=} delimiter switching: a template has exactly one tag syntax.
    syntax: { changeDelimiterPrefix: null },
    parser(tag: string) {
      const expr: Expression = parseExpression(tag);
      return {
        get: (scope: unknown) => {
          if (budget && ++budget.used > budget.limit) {
            budget.exceeded = true;
            throw new RenderBudgetExceeded();
          }
          return evaluate(expr, scope);
        },
      };
    },
    // A value missing from every scope prints nothing, never "undefined".
    nullGetter: () => "",
  };
}

export interface DxtError {
  message?: string;
  properties?: Record<string, unknown> & { id?: string; errors?: DxtError[]; file?: string };
}

/** A template compiled and ready for one render (docxtemplater renders an instance once). */
export interface RenderableTemplate {
  readonly doc: Docxtemplater;
  /** Evaluations of the coming render; render.ts sets the limit. */
  readonly budget: EvaluationBudget;
  readonly locators: ReadonlyMap<string, PartLocator>;
}

/** A compiled template with what the check reads: the inspected tags and the gated parts. */
export interface CompiledTemplate extends RenderableTemplate {
  readonly inspect: InspectModule;
  /** The parts the gate let through, as compiled (reused to compile the same template again). */
  readonly files: Readonly<Record<string, Uint8Array>>;
}

const freshBudget = (): EvaluationBudget => ({
  used: 0,
  limit: Number.POSITIVE_INFINITY,
  exceeded: false,
});

function zipOf(files: Readonly<Record<string, Uint8Array>>): PizZip {
  const zip = new PizZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data, { binary: true });
  return zip;
}

export type CompileOutcome =
  | { ok: true; compiled: CompiledTemplate }
  | { ok: false; unreadable: boolean; findings: Finding[] };

function locatorsOf(zip: PizZip): Map<string, PartLocator> {
  const map = new Map<string, PartLocator>();
  for (const file of Object.keys(zip.files)) {
    if (!/^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/.test(file)) continue;
    map.set(file, locatePart(file, zip.file(file)?.asText() ?? ""));
  }
  return map;
}

function whereOf(
  locators: ReadonlyMap<string, PartLocator>,
  file: unknown,
  offset: unknown,
): string {
  const loc = typeof file === "string" ? locators.get(file) : undefined;
  const at = Array.isArray(offset) ? offset[0] : offset;
  if (!loc) return typeof file === "string" ? file : "模板中";
  return typeof at === "number" ? loc.where(at) : loc.where(0);
}

/** docxtemplater error → Chinese. */
export function explain(err: DxtError, locators: ReadonlyMap<string, PartLocator>): Finding {
  const p = err.properties ?? {};
  const where = whereOf(locators, p.file, p.offset);
  const xtag = String(p.xtag ?? "");
  const context = String(p.context ?? xtag);
  const code = `${TEMPLATE_CODES.syntax}.${p.id ?? "unknown"}` as const;
  const at = `（${where}）`;
  switch (p.id) {
    case "unclosed_tag":
      return templateError(
        code,
        `标签“${context}”缺少右花括号“}”${at}。请把标签写完整，如 {${xtag}}。`,
      );
    case "unopened_tag": {
      const bare = context.replace(/}$/, "");
      return templateError(code, `“${bare}}”缺少左花括号“{”${at}。请把标签写完整，如 {${bare}}。`);
    }
    case "duplicate_open_tag":
      return templateError(code, `标签“${context}”多了一个左花括号“{”${at}：标签只用一对花括号。`);
    case "duplicate_close_tag":
      return templateError(code, `标签“${context}”多了一个右花括号“}”${at}：标签只用一对花括号。`);
    case "unclosed_loop":
      return templateError(code, `循环或条件“{#${xtag}}”没有结束标签“{/${xtag}}”${at}。`);
    case "unopened_loop":
      return templateError(code, `结束标签“{/${xtag}}”前面没有对应的开始标签“{#${xtag}}”${at}。`);
    case "closing_tag_does_not_match_opening_tag":
      return templateError(
        code,
        `开始标签“{#${String(p.openingtag)}}”被结束标签“{/${String(p.closingtag)}}”关闭${at}：结束标签应为“{/${String(p.openingtag)}}”，请检查循环的嵌套顺序。`,
      );
    case "unbalanced_loop_tags": {
      const a = p.lastPair as { left: string; right: string } | undefined;
      const b = p.pair as { left: string; right: string } | undefined;
      return templateError(
        code,
        `表格中的循环“{#${a?.left ?? ""}}…{/${a?.right ?? ""}}”和“{#${b?.left ?? ""}}…{/${b?.right ?? ""}}”相互交叉${at}：一个循环应完整地写在另一个循环之内。`,
      );
    }
    case "loop_position_invalid":
      return templateError(
        code,
        `循环“{#${xtag}}”的开始标签和结束标签位置不配套${at}：例如一个在表格内、一个在表格外。请把两者放在同一表格行内或都放在表格外。`,
      );
    case "raw_xml_tag_should_be_only_text_in_paragraph":
      return templateError(code, `模板不支持“{@${xtag}}”这类原始 XML 标签${at}，请改用普通标签。`);
    case "scopeparser_compilation_failed": {
      const root = p.rootError as Error | undefined;
      const message = root instanceof ExpressionError ? root.message : `标签“{${xtag}}”无法识别。`;
      return templateError(`${TEMPLATE_CODES.expression}`, `${message.replace(/。$/, "")}${at}。`);
    }
    case "malformed_xml":
    case "file_has_invalid_xml":
      return templateError(
        code,
        "模板文件内部的 XML 已损坏，请在 Word 或 WPS 中打开后另存为 .docx 再试。",
      );
    default:
      // An error docxtemplater has and we have no words for: say where, keep its id in the code.
      return templateError(
        code,
        `模板${at}有无法识别的错误，请检查该处的标签是否完整、成对，或在 Word/WPS 中重新保存后再试。`,
      );
  }
}

/**
 * When the template does not compile, its tags cannot be walked with their loops; still name
 * the unknown ones (whole tags within one paragraph), so the clerk sees every error at once.
 */
function unknownNamesIn(
  locators: ReadonlyMap<string, PartLocator>,
  names: readonly string[] = TAG_NAMES,
): Finding[] {
  const findings: Finding[] = [];
  const known = new Set(names);
  for (const [file, loc] of locators) {
    const label = partLabel(file);
    loc.paragraphs.forEach((text, i) => {
      for (const m of text.matchAll(/\{([#^/]?)([^{}]+)\}/g)) {
        let name: string;
        try {
          name = parseExpression(m[2] ?? "").name;
        } catch {
          continue; // already reported as a compile error
        }
        if (known.has(name)) continue;
        const guess = closestName(name, names);
        const where = label === "正文" ? `第${i + 1}段` : label;
        findings.push(
          templateError(
            TEMPLATE_CODES.unknownTag,
            `模板中的标签“{${m[1] ?? ""}${m[2] ?? ""}}”（${where}）不在标签列表中。${guess ? `您是不是想用 {${guess}}？` : "请对照标签列表（docs/template-tags.md）修改。"}`,
            { tag: name },
          ),
        );
      }
    });
  }
  return findings;
}

/**
 * Opens and compiles a template; never throws. The bytes pass the gate (gate/index.ts) first,
 * and docxtemplater only ever sees the parts the gate inflated and accepted.
 */
export function compileTemplate(
  bytes: Uint8Array,
  what = "模板文件",
  tags: readonly TagDef[] = TAGS,
): CompileOutcome {
  const gate = gateTemplate(bytes, what);
  if (!gate.ok) return { ok: false, unreadable: gate.unreadable, findings: [...gate.findings] };
  const zip = zipOf(gate.files);
  const locators = locatorsOf(zip);
  const inspect = new InspectModule();
  const budget = freshBudget();
  try {
    const doc = new Docxtemplater(zip, { ...docxtemplaterOptions(budget), modules: [inspect] });
    return { ok: true, compiled: { doc, inspect, locators, budget, files: gate.files } };
  } catch (e) {
    const err = e as DxtError;
    const list = err.properties?.id === "multi_error" ? (err.properties.errors ?? []) : [err];
    const id = err.properties?.id ?? "";
    if (list.length === 0 || err.properties === undefined || id.startsWith("filetype_")) {
      return {
        ok: false,
        unreadable: true,
        findings: [
          templateError(
            TEMPLATE_CODES.unreadable,
            "无法读取模板：文件内部结构已损坏或不是 Word 文档（.docx）。请在 Word 或 WPS 中打开后另存为 .docx 再试。",
          ),
        ],
      };
    }
    const structural = list.map((x) => explain(x, locators));
    return {
      ok: false,
      unreadable: false,
      findings: [...structural, ...unknownNamesIn(locators, tagSet(tags).names)],
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Checking tags against the contract

interface StructuredPart {
  type: string;
  value: string;
  module?: string;
  inverted?: boolean;
  offset?: number;
  subparsed?: StructuredPart[];
}

const loopText = (name: string) => `{#${name}}…{/${name}}`;

function scopesOf(set: TagSet, name: string): TagDef[] {
  return set.tags.filter((t) => t.name === name);
}

function candidatesFor(set: TagSet, stack: readonly LoopScope[]): string[] {
  const scopes = new Set<string>(["", ...stack]);
  return [...new Set(set.tags.filter((t) => scopes.has(t.scope)).map((t) => t.name))];
}

function checkParts(
  set: TagSet,
  parts: readonly StructuredPart[],
  stack: readonly LoopScope[],
  where: (offset: number | undefined) => string,
  uses: TemplateTagUse[],
  findings: Finding[],
): void {
  for (const part of parts) {
    if (part.type !== "placeholder") continue;
    const isSection = part.module === "loop";
    if (part.module === "rawxml") {
      // {@…} would paste a value into the document as XML: never allowed.
      findings.push(
        templateError(
          TEMPLATE_CODES.expression,
          `模板不支持“{@${part.value}}”这类原始 XML 标签（${where(part.offset)}），请改用普通标签 {${part.value}}。`,
        ),
      );
      continue;
    }
    let expr: Expression;
    try {
      expr = parseExpression(part.value);
    } catch (e) {
      findings.push(
        templateError(
          TEMPLATE_CODES.expression,
          `${(e as Error).message}（${where(part.offset)}）`,
        ),
      );
      continue;
    }
    const at = where(part.offset);
    uses.push({ tag: expr.name, where: at });
    const written = isSection ? `{${part.inverted ? "^" : "#"}${part.value}}` : `{${part.value}}`;
    const def = resolveIn(set, expr.name, stack);
    let next = stack;
    if (!def) {
      const elsewhere = scopesOf(set, expr.name).filter((t) => t.scope !== "");
      if (elsewhere.length > 0) {
        const loops = [...new Set(elsewhere.map((t) => loopText(t.scope)))].join("或");
        findings.push(
          templateError(
            TEMPLATE_CODES.wrongScope,
            `标签“${written}”（${at}）只能写在 ${loops} 之内。`,
            { tag: expr.name },
          ),
        );
      } else {
        const guess =
          closestName(expr.name, candidatesFor(set, stack)) ?? closestName(expr.name, set.names);
        findings.push(
          templateError(
            TEMPLATE_CODES.unknownTag,
            `模板中的标签“${written}”（${at}）不在标签列表中。${guess ? `您是不是想用 {${guess}}？` : "请对照标签列表（docs/template-tags.md）修改。"}`,
            { tag: expr.name },
          ),
        );
      }
    } else if (!isSection && def.kind === "loop") {
      findings.push(
        templateError(
          TEMPLATE_CODES.loopAsText,
          `“${written}”（${at}）是循环，应写成 ${loopText(expr.name)}，在两者之间写每一项的内容。`,
          { tag: expr.name },
        ),
      );
    } else if (isSection && def.kind === "number") {
      findings.push(
        templateError(
          TEMPLATE_CODES.textAsLoop,
          `“${written}”（${at}）是数字，不能当作循环或条件；条件请用“有…”开头的标签，如 {#有超期}…{/有超期}。`,
          { tag: expr.name },
        ),
      );
    } else if (!isSection && def.kind === "condition") {
      findings.push(
        templateError(
          TEMPLATE_CODES.conditionAsText,
          `“${written}”（${at}）是条件，不能当作文字印出（会印出 true 或 false）；请写成 {#${expr.name}}…{/${expr.name}}，在两者之间写条件成立时的内容。`,
          { tag: expr.name },
        ),
      );
    } else if (isSection && def.kind === "loop" && !part.inverted) {
      if (stack.includes(def.name as LoopScope)) {
        findings.push(
          templateError(
            TEMPLATE_CODES.selfLoop,
            `循环“${written}”（${at}）写在同名循环 ${loopText(expr.name)} 之内；循环不能套在自己里面，请删去里面那一层。`,
            { tag: expr.name },
          ),
        );
        continue;
      }
      if (stack.length + 1 > set.maxDepth) {
        findings.push(
          templateError(
            TEMPLATE_CODES.nesting,
            `循环“${written}”（${at}）套在 ${stack.map((l) => `{#${l}}`).join("、")} 之内，嵌套了 ${stack.length + 1} 层；标签列表中的循环最多嵌套 ${set.maxDepth} 层${set.tags === TAGS ? `（${LOOPS[0]} → 类别 → 问题）` : ""}，请减少嵌套。`,
            { tag: expr.name },
          ),
        );
        continue;
      }
      next = [...stack, def.name as LoopScope];
    }
    if (part.subparsed) checkParts(set, part.subparsed, next, where, uses, findings);
  }
}

/**
 * Tags typed with full-width braces (｛完成率｝, what a Chinese IME gives) are plain text to the
 * template engine and would be printed as they are: warn, naming the tag.
 */
function fullWidthBraces(
  locators: ReadonlyMap<string, PartLocator>,
  names: readonly string[] = TAG_NAMES,
): Finding[] {
  const findings: Finding[] = [];
  const known = new Set(names);
  for (const [file, loc] of locators) {
    const label = partLabel(file);
    loc.paragraphs.forEach((text, i) => {
      for (const m of text.matchAll(/[｛{]\s*([#^/]?)\s*([^｛｝{}|｜\s]+)[^｛｝{}]*[｝}]/g)) {
        if (!m[0].includes("｛") && !m[0].includes("｝")) continue;
        const name = m[2] ?? "";
        if (!known.has(name)) continue;
        const where = label === "正文" ? `第${i + 1}段` : label;
        findings.push(
          templateFinding(
            "warning",
            "template.braces.full-width",
            `“${m[0]}”（${where}）用了全角花括号，不会被替换，会原样印出；请改成半角 {${m[1] ?? ""}${name}}。`,
            { tag: name },
          ),
        );
      }
    });
  }
  return findings;
}

/** The full check, on an already compiled template. */
export function checkCompiled(
  compiled: CompiledTemplate,
  tags: readonly TagDef[] = TAGS,
): TemplateCheckResult {
  const set = tagSet(tags);
  const uses: TemplateTagUse[] = [];
  const findings: Finding[] = [];
  for (const file of compiled.inspect.getTemplatedFiles()) {
    const parts = compiled.inspect.getStructuredTags(file) as unknown as StructuredPart[];
    const loc = compiled.locators.get(file);
    const where = (offset: number | undefined) => (loc ? loc.where(offset ?? 0) : file);
    checkParts(set, parts, [], where, uses, findings);
  }
  // A .docx that uses no tag of the contract is a finished document, not a template: filling
  // it would file another unit's text under this unit's name.
  const contractNames = new Set(set.names);
  if (!uses.some((u) => contractNames.has(u.tag)))
    findings.push(
      templateError(
        TEMPLATE_CODES.noContractTag,
        "文件中没有任何标签列表中的标签（如 {单位名称}、{#问题}…{/问题}），它不是模板，可能是已经写好的文书；请从 templates/报告.docx 或 templates/通报.docx 改出本单位的模板。",
      ),
    );
  findings.push(...fullWidthBraces(compiled.locators, set.names));
  const used = new Set(uses.map((u) => u.tag));
  const tagsUsed = [...used];
  // The document-level values (facts and figures) the template never prints; loop items and
  // switches are left out, or the list would drown what matters.
  const unusedFields = tags
    .filter(
      (t) => t.scope === "" && (t.kind === "text" || t.kind === "number") && !used.has(t.name),
    )
    .map((t) => t.name);
  return {
    ok: findings.every((f) => f.severity !== "error"),
    tagsUsed,
    findings,
    unusedFields,
    uses,
    unreadable: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Templates prepared for rendering

/** A template that passed the gate and compiled, with its check, kept to render it again. */
interface CheckedTemplate {
  /** A copy of the template's bytes: a hit must be the same bytes, not the same array. */
  readonly bytes: Uint8Array;
  readonly tags: readonly TagDef[];
  readonly files: Readonly<Record<string, Uint8Array>>;
  readonly locators: ReadonlyMap<string, PartLocator>;
  readonly check: TemplateCheckResult;
  /** Bytes held: the copy and the gated parts. */
  readonly size: number;
}

/** The few templates a process renders with (a batch uses one); most recent first. */
const checkedTemplates: CheckedTemplate[] = [];
const CHECKED_TEMPLATES_KEPT = 4;
/**
 * What the kept templates may hold in all. A shipped template is about 30 KB; the gate lets a
 * template inflate to 50 MB, and the library server trial-renders every upload, each a new
 * template, so without this bound it would keep up to four of those for nothing.
 */
const CHECKED_TEMPLATES_MAX_BYTES = 16 * 1024 * 1024;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export type PreparedTemplate =
  | {
      readonly ok: true;
      readonly check: TemplateCheckResult;
      /** A fresh instance for one render (each call compiles anew). */
      readonly compile: () => RenderableTemplate;
    }
  | { readonly ok: false; readonly findings: readonly Finding[] };

/**
 * The gate, the compile and the check for rendering, done once per template: a batch renders
 * the same template hundreds of times, and the gate's unzip and the inspect module's deep copy
 * of every parsed part were a fifth of each render. A template seen before (the same bytes and
 * tag list) is compiled again from its gated parts without the inspect module; its check is
 * the one already made, so a failing check still fails every time (failures are not kept).
 */
export function prepareTemplate(
  bytes: Uint8Array,
  what = "模板文件",
  tags: readonly TagDef[] = TAGS,
): PreparedTemplate {
  const at = checkedTemplates.findIndex((t) => t.tags === tags && sameBytes(t.bytes, bytes));
  if (at >= 0) {
    const hit = checkedTemplates[at]!;
    if (at > 0) {
      checkedTemplates.splice(at, 1);
      checkedTemplates.unshift(hit);
    }
    return { ok: true, check: hit.check, compile: () => compileAgain(hit) };
  }
  const outcome = compileTemplate(bytes, what, tags);
  if (!outcome.ok) return { ok: false, findings: outcome.findings };
  const compiled = outcome.compiled;
  const check = checkCompiled(compiled, tags);
  if (!check.ok) return { ok: false, findings: check.findings };
  const size = bytes.length + Object.values(compiled.files).reduce((n, f) => n + f.length, 0);
  const entry: CheckedTemplate = {
    bytes: bytes.slice(),
    tags,
    files: compiled.files,
    locators: compiled.locators,
    check,
    size,
  };
  keep(entry);
  // The first render takes the instance the check inspected.
  let first: RenderableTemplate | undefined = compiled;
  return {
    ok: true,
    check,
    compile: () => {
      const taken = first ?? compileAgain(entry);
      first = undefined;
      return taken;
    },
  };
}

/** How many templates are kept and the bytes they hold (tests, diagnostics). */
export function keptTemplates(): { readonly count: number; readonly bytes: number } {
  return {
    count: checkedTemplates.length,
    bytes: checkedTemplates.reduce((n, t) => n + t.size, 0),
  };
}

/** Keeps `entry` first, dropping the oldest past the count or the byte bound. */
function keep(entry: CheckedTemplate): void {
  if (entry.size > CHECKED_TEMPLATES_MAX_BYTES) return;
  checkedTemplates.unshift(entry);
  let held = 0;
  for (let i = 0; i < checkedTemplates.length; i++) {
    held += checkedTemplates[i]!.size;
    if (i < CHECKED_TEMPLATES_KEPT && held <= CHECKED_TEMPLATES_MAX_BYTES) continue;
    checkedTemplates.length = i;
    break;
  }
}

/** Compiles a checked template's gated parts again, without the inspect module. */
function compileAgain(t: CheckedTemplate): RenderableTemplate {
  const budget = freshBudget();
  const doc = new Docxtemplater(zipOf(t.files), docxtemplaterOptions(budget));
  return { doc, budget, locators: t.locators };
}

/** `checkTemplate(bytes)`: tags used, unknown tags with "did you mean", structural errors, unused fields. */
export function checkTemplate(
  bytes: Uint8Array,
  what = "模板文件",
  tags: readonly TagDef[] = TAGS,
): TemplateCheckResult {
  const outcome = compileTemplate(bytes, what, tags);
  if (!outcome.ok) {
    return {
      ok: false,
      tagsUsed: [],
      findings: outcome.findings,
      unusedFields: [],
      uses: [],
      unreadable: outcome.unreadable,
    };
  }
  return checkCompiled(outcome.compiled, tags);
}
