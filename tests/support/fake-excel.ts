/**
 * An in-memory Excel host for tests: the subset of Office.js (Excel API + Office.context) the
 * adapter in src/office uses, with the real API's batching semantics —
 *   - proxies queue commands; nothing happens until `context.sync()` (counted);
 *   - reading a property that was not loaded and synced throws PropertyNotLoaded;
 *   - commands run in order; the first failure rejects the sync (earlier commands stay applied);
 *   - `*OrNullObject` gives null objects; `getItem` of a missing item fails at sync (ItemNotFound);
 *   - APIs above the host's ExcelApi version fail at sync with ApiNotFound;
 *   - on Excel on the web (platform "OfficeOnline") requests and responses over 5 MB fail with
 *     Request/ResponsePayloadSizeLimitExceeded;
 *   - writing values converts like Excel: "'x" → text x, numeric text → number, ISO dates →
 *     serial + date format, "=…"/"+…"/"-…" → formula (rejected here: the adapter never writes one).
 * No node: imports: the task pane's browser test bundles this file and calls installFakeOffice().
 */

// ---------------------------------------------------------------------------------------------
// Input

export type FakeCellInput =
  | string
  | number
  | boolean
  | null
  | undefined
  | { v?: string | number | boolean | null; fmt?: string; error?: string };

export interface FakeSheetInput {
  readonly name: string;
  readonly visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Row-major cells; rows[0][0] goes to `origin` (default A1). */
  readonly rows?: readonly (readonly FakeCellInput[])[];
  readonly origin?: string;
  /** Merged areas, e.g. ["A2:A5"]. */
  readonly merges?: readonly string[];
}

export interface FakeWorkbookInput {
  readonly name?: string;
  readonly sheets: readonly FakeSheetInput[];
  /** Highest ExcelApi version the host supports (default "1.17"). */
  readonly apiVersion?: string;
  /** Office.context.platform (default "PC"). */
  readonly platform?: "PC" | "Mac" | "OfficeOnline" | "iOS";
  /** Document settings already saved in the file. */
  readonly settings?: Record<string, unknown>;
  /** Custom XML parts already in the file. */
  readonly customXmlParts?: readonly string[];
  /** Payload limit on the web (default 5 MB); tests may lower it. */
  readonly payloadLimitBytes?: number;
  /** Highest DialogApi version (default "1.2": displayDialogAsync + messageChild); "" for none. */
  readonly dialogApiVersion?: string;
  /** Called with the settings (JSON) after each successful saveAsync (a page keeps them). */
  readonly onSettingsSaved?: (json: string) => void;
}

// ---------------------------------------------------------------------------------------------
// Errors

export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.debugInfo = { code, message };
  }
}

const fail = (code: string, message: string): never => {
  throw new FakeOfficeError(code, message);
};

function notLoaded(name: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Addresses

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function colLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function parseCell(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.trim().toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function parseRect(address: string): Rect {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b = a] = bare.split(":");
  const colOnly = /^\$?([A-Z]{1,3})$/;
  if (a && b && colOnly.test(a) && colOnly.test(b)) {
    const l = parseCell(`${a.replace("$", "")}1`)!.col;
    const r = parseCell(`${b.replace("$", "")}1`)!.col;
    return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(l, r), right: Math.max(l, r) };
  }
  const p = a ? parseCell(a) : undefined;
  const q = b ? parseCell(b) : undefined;
  if (!p || !q) return fail("InvalidArgument", `The argument is invalid or missing: '${address}'.`);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function rectA1(r: Rect): string {
  const a = `${colLetters(r.left)}${r.top + 1}`;
  return r.top === r.bottom && r.left === r.right
    ? a
    : `${a}:${colLetters(r.right)}${r.bottom + 1}`;
}

function intersect(a: Rect, b: Rect): Rect | null {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

function checkRect(r: Rect): Rect {
  if (
    r.top < 0 ||
    r.left < 0 ||
    r.bottom >= MAX_ROWS ||
    r.right >= MAX_COLS ||
    r.top > r.bottom ||
    r.left > r.right
  ) {
    fail("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// The model (what the "document" holds)

export interface ValidationModel {
  rule: unknown;
  ignoreBlanks?: boolean;
  errorAlert?: unknown;
  prompt?: unknown;
}

export interface CellModel {
  value: string | number | boolean;
  format: string;
  error?: string;
  validation?: ValidationModel;
  bold?: boolean;
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  rect: Rect;
  style: string;
  hasHeaders: boolean;
}

export interface ChartModel {
  name: string;
  type: string;
  sourceSheet: string;
  source: Rect;
  seriesBy: string;
  title: string;
  legendVisible: boolean;
  position?: { start: string; end?: string };
}

let nextId = 1;

export class SheetModel {
  readonly id = `{00000000-0001-0000-0000-${String(nextId++).padStart(12, "0")}}`;
  readonly cells = new Map<number, CellModel>();
  merges: Rect[] = [];
  readonly charts: ChartModel[] = [];
  readonly columnWidths = new Map<number, number>();
  /** Index in the workbook, kept up to date by WorkbookModel. */
  position = 0;
  constructor(
    public name: string,
    public visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible",
  ) {}

  private key(row: number, col: number): number {
    return row * MAX_COLS + col;
  }
  cell(row: number, col: number): CellModel | undefined {
    return this.cells.get(this.key(row, col));
  }
  touch(row: number, col: number): CellModel {
    const k = this.key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: "", format: "General" };
      this.cells.set(k, c);
    }
    return c;
  }
  /** Bounding box of cells with values (valuesOnly) or with anything at all. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r: Rect | null = null;
    for (const [k, c] of this.cells) {
      const used = c.value !== "" || c.error !== undefined;
      const formatted = c.format !== "General" || c.validation !== undefined || c.bold === true;
      if (!used && (valuesOnly || !formatted)) continue;
      const row = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      if (!r) r = { top: row, bottom: row, left: col, right: col };
      else {
        r.top = Math.min(r.top, row);
        r.bottom = Math.max(r.bottom, row);
        r.left = Math.min(r.left, col);
        r.right = Math.max(r.right, col);
      }
    }
    return r;
  }
}

export interface CustomXmlPartModel {
  id: string;
  xml: string;
  namespaceUri: string;
}

export class WorkbookModel {
  name: string;
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  activeSheet: SheetModel | undefined;
  parts: CustomXmlPartModel[] = [];
  /** The settings as saved in the file (JSON), i.e. after saveAsync. */
  savedSettings: string;
  constructor(input: FakeWorkbookInput) {
    this.name = input.name ?? "台账.xlsx";
    for (const s of input.sheets) {
      const sheet = new SheetModel(s.name, s.visibility);
      const origin = s.origin ? parseRect(s.origin) : { top: 0, left: 0 };
      (s.rows ?? []).forEach((row, r) => {
        row.forEach((v, c) => {
          if (v === null || v === undefined || v === "") return;
          const cell = sheet.touch(origin.top + r, origin.left + c);
          if (typeof v === "object") {
            if (v.error) {
              cell.error = v.error;
              cell.value = v.error;
            } else if (v.v !== null && v.v !== undefined) cell.value = v.v;
            if (v.fmt) cell.format = v.fmt;
          } else cell.value = v;
        });
      });
      sheet.merges = (s.merges ?? []).map(parseRect);
      this.sheets.push(sheet);
    }
    this.activeSheet = this.sheets.find((s) => s.visibility === "Visible");
    this.savedSettings = JSON.stringify(input.settings ?? {});
    for (const xml of input.customXmlParts ?? []) this.addPart(xml);
  }
  sheet(name: string): SheetModel | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }
  addPart(xml: string): CustomXmlPartModel {
    const root = /^\s*(?:<\?xml[^>]*\?>\s*)?<([\w:.-]+)([^>]*)>[\s\S]*<\/\1>\s*$/.exec(xml);
    const selfClosing = /^\s*(?:<\?xml[^>]*\?>\s*)?<([\w:.-]+)([^>]*)\/>\s*$/.exec(xml);
    const m = root ?? selfClosing;
    if (!m) return fail("InvalidArgument", "The XML is not well formed.");
    const ns = /\sxmlns="([^"]*)"/.exec(m[2]!)?.[1] ?? "";
    const part = {
      id: `{7A3F0C2E-0000-4000-8000-${String(nextId++).padStart(12, "0")}}`,
      xml,
      namespaceUri: ns,
    };
    this.parts.push(part);
    return part;
  }
}

// ---------------------------------------------------------------------------------------------
// Excel-like value conversion

function isoSerial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function writeValue(cell: CellModel, input: unknown): void {
  cell.error = undefined;
  if (typeof input === "number" || typeof input === "boolean") {
    cell.value = input;
    return;
  }
  const s = String(input);
  if (s === "") {
    cell.value = "";
    return;
  }
  if (s.startsWith("'")) {
    cell.value = s.slice(1);
    return;
  }
  if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(s)) {
    cell.value = Number(s);
    return;
  }
  if (/^[=+-]/.test(s)) {
    fail("NotImplemented", `fake Excel: "${s.slice(0, 20)}" would be entered as a formula`);
  }
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(s);
  if (pct) {
    cell.value = Number(pct[1]) / 100;
    if (cell.format === "General") cell.format = "0%";
    return;
  }
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s);
  if (date) {
    cell.value = isoSerial(Number(date[1]), Number(date[2]), Number(date[3]));
    if (cell.format === "General") cell.format = "yyyy/m/d";
    return;
  }
  cell.value = s;
}

function valueType(cell: CellModel | undefined): string {
  if (!cell) return "Empty";
  if (cell.error !== undefined) return "Error";
  if (typeof cell.value === "number") return "Double";
  if (typeof cell.value === "boolean") return "Boolean";
  return cell.value === "" ? "Empty" : "String";
}

// ---------------------------------------------------------------------------------------------
// Request context and proxies

interface Op {
  run(): void;
  requestBytes: number;
  /** Adds or removes an event handler (counted apart from reads and writes). */
  event?: boolean;
}

const encoder = new TextEncoder();
function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? "").length;
}

function versionAtLeast(have: string, need: string): boolean {
  const [a = 0, b = 0] = have.split(".").map(Number);
  const [c = 0, d = 0] = need.split(".").map(Number);
  return a > c || (a === c && b >= d);
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  queue: Op[] = [];
  /** Loads run during the current sync deliver their values only when it succeeds. */
  deliveries: (() => void)[] = [];
  responseBytes = 0;
  constructor(readonly host: FakeOfficeHost) {
    this.workbook = new FakeWorkbook(this);
  }
  enqueue(run: () => void, requestBytes = 64, event = false): void {
    this.queue.push({ run, requestBytes, event });
  }
  /** Queues a load: `read` runs at sync; `deliver` applies its result when the sync succeeds. */
  enqueueLoad<T>(read: () => T, deliver: (value: T) => void): void {
    this.enqueue(() => {
      const value = read();
      this.responseBytes += jsonBytes(value);
      this.deliveries.push(() => deliver(value));
    });
  }
  requireApi(version: string, api: string): void {
    if (!versionAtLeast(this.host.apiVersion, version)) {
      fail(
        "ApiNotFound",
        `The API you are trying to use could not be found (${api} needs ExcelApi ${version}).`,
      );
    }
  }
  async sync(): Promise<void> {
    this.host.syncCount++;
    const ops = this.queue;
    if (ops.length > 0 && ops.every((op) => op.event)) this.host.eventSyncCount++;
    this.queue = [];
    this.deliveries = [];
    this.responseBytes = 0;
    await Promise.resolve();
    const requestBytes = ops.reduce((n, op) => n + op.requestBytes, 0);
    this.host.lastSync = { requestBytes, responseBytes: 0, ops: ops.length };
    if (this.host.platform === "OfficeOnline" && requestBytes > this.host.payloadLimitBytes) {
      fail("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    }
    for (const op of ops) op.run();
    this.host.lastSync.responseBytes = this.responseBytes;
    if (this.host.platform === "OfficeOnline" && this.responseBytes > this.host.payloadLimitBytes) {
      fail("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
    for (const d of this.deliveries) d();
    this.deliveries = [];
  }
}

function parseLoadSpec(spec: unknown): string[] {
  if (spec === undefined) return [];
  const list = typeof spec === "string" ? spec.split(",") : Array.isArray(spec) ? spec : [];
  return list
    .map((s) =>
      String(s)
        .trim()
        .replace(/^items\//, ""),
    )
    .filter(Boolean);
}

/** Base proxy: loaded values, null-object state, property guard. */
abstract class ClientProxy<T> {
  protected loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  constructor(
    readonly context: FakeRequestContext,
    /** Resolves the model target at sync time; null for a null object. */
    protected readonly resolveTarget: () => T | null,
  ) {}
  protected abstract readProp(target: T, name: string): unknown;
  protected abstract readonly defaultProps: readonly string[];

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }
  protected must(): T {
    const t = this.resolveTarget();
    if (t === null) return fail("ItemNotFound", "The requested resource doesn't exist.");
    return t;
  }
  load(spec?: unknown): this {
    const names = parseLoadSpec(spec);
    const props = names.length > 0 ? names : this.defaultProps;
    this.context.enqueueLoad(
      () => {
        const t = this.resolveTarget();
        if (t === null) return null;
        return Object.fromEntries(props.map((p) => [p, this.readProp(t, p)]));
      },
      (snapshot) => {
        this.nullState = snapshot === null;
        if (snapshot) for (const [k, v] of Object.entries(snapshot)) this.loaded.set(k, v);
      },
    );
    return this;
  }
  protected get<V>(name: string): V {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as V;
  }
  protected set(name: string, value: unknown, apply: (target: T) => void): void {
    this.loaded.set(name, value);
    this.context.enqueue(() => apply(this.must()), jsonBytes(value) + 64);
  }
  /** For collections: items delivered by a load. */
  markLoaded(values: Record<string, unknown>): void {
    this.nullState = false;
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
  }
}

class ClientResult<V> {
  private delivered = false;
  private result: V | undefined;
  constructor(context: FakeRequestContext, read: () => V) {
    context.enqueueLoad(read, (v) => {
      this.result = v;
      this.delivered = true;
    });
  }
  get value(): V {
    if (!this.delivered) throw notLoaded("value");
    return this.result as V;
  }
}

// --- Workbook

class FakeWorkbook extends ClientProxy<WorkbookModel> {
  protected readonly defaultProps = ["name"];
  readonly worksheets: FakeWorksheetCollection;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  constructor(context: FakeRequestContext) {
    super(context, () => context.host.workbook);
    this.worksheets = new FakeWorksheetCollection(context);
    this.customXmlParts = new FakeCustomXmlPartCollection(context);
  }
  protected readProp(t: WorkbookModel, name: string): unknown {
    if (name === "name") {
      this.context.requireApi("1.7", "Workbook.name");
      return t.name;
    }
    return fail("InvalidArgument", `Workbook.${name} is not supported by the fake`);
  }
  get name(): string {
    return this.get("name");
  }
}

// --- Worksheets

type SheetTarget = SheetModel;

class FakeWorksheetCollection extends ClientProxy<WorkbookModel> {
  protected readonly defaultProps = ["name", "visibility", "id", "position"];
  private itemList: FakeWorksheet[] | undefined;
  constructor(context: FakeRequestContext) {
    super(context, () => context.host.workbook);
  }
  protected readProp(): unknown {
    return undefined;
  }
  override load(spec?: unknown): this {
    const names = parseLoadSpec(spec);
    const props = names.length > 0 ? names : this.defaultProps;
    this.context.enqueueLoad(
      () =>
        this.context.host.workbook.sheets.map((s) => ({ s, values: FakeWorksheet.read(s, props) })),
      (rows) => {
        this.itemList = rows.map(({ s, values }) => {
          const ws = new FakeWorksheet(this.context, () =>
            this.context.host.workbook.sheets.includes(s) ? s : null,
          );
          ws.markLoaded(values);
          return ws;
        });
      },
    );
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.itemList) throw notLoaded("items");
    return this.itemList;
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const s = this.context.host.workbook.sheet(key);
      return s ?? fail("ItemNotFound", `The worksheet '${key}' doesn't exist.`);
    });
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      this.context.requireApi("1.4", "WorksheetCollection.getItemOrNullObject");
      return this.context.host.workbook.sheet(key) ?? null;
    });
  }
  /** WorksheetCollection.onChanged (ExcelApi 1.7): handlers live on the host once synced. */
  get onChanged(): {
    add(handler: ChangeHandler): { context: FakeRequestContext; remove(): void };
  } {
    const context = this.context;
    return {
      add(handler) {
        context.enqueue(
          () => {
            context.requireApi("1.7", "WorksheetCollection.onChanged");
            context.host.changeHandlers.push(handler);
          },
          64,
          true,
        );
        return {
          context,
          remove() {
            context.enqueue(
              () => {
                const i = context.host.changeHandlers.indexOf(handler);
                if (i >= 0) context.host.changeHandlers.splice(i, 1);
              },
              64,
              true,
            );
          },
        };
      },
    };
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.host.workbook.activeSheet ?? null);
  }
  add(name?: string): FakeWorksheet {
    let created: SheetModel | undefined;
    this.context.enqueue(() => {
      const wb = this.context.host.workbook;
      const sheetName = name ?? `Sheet${wb.sheets.length + 1}`;
      if (wb.sheet(sheetName))
        fail("ItemAlreadyExists", `A worksheet named '${sheetName}' already exists.`);
      if (sheetName.length > 31 || /[:\\/?*[\]]/.test(sheetName))
        fail("InvalidArgument", "Invalid sheet name.");
      created = new SheetModel(sheetName);
      wb.sheets.push(created);
    });
    return new FakeWorksheet(
      this.context,
      () => created ?? fail("ItemNotFound", "The worksheet was not created."),
    );
  }
}

class FakeWorksheet extends ClientProxy<SheetTarget> {
  protected readonly defaultProps = ["name", "visibility", "id", "position"];
  static read(s: SheetModel, props: readonly string[]): Record<string, unknown> {
    return Object.fromEntries(
      props.map((p) => {
        switch (p) {
          case "name":
            return [p, s.name];
          case "visibility":
            return [p, s.visibility];
          case "id":
            return [p, s.id];
          case "position":
            return [p, s.position];
          default:
            return fail("InvalidArgument", `Worksheet.${p} is not supported by the fake`);
        }
      }),
    );
  }
  protected readProp(t: SheetTarget, name: string): unknown {
    t.position = this.context.host.workbook.sheets.indexOf(t);
    return FakeWorksheet.read(t, [name])[name];
  }
  get name(): string {
    return this.get("name");
  }
  get visibility(): string {
    return this.get("visibility");
  }
  get id(): string {
    return this.get("id");
  }
  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.context, () => this.must());
  }
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.context, () => this.must());
  }
  private range(rect: () => Rect): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.must(), rect: checkRect(rect()) }));
  }
  getRange(address?: string): FakeRange {
    return this.range(() =>
      address ? parseRect(address) : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 },
    );
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return this.range(() => {
      this.context.requireApi("1.7", "Worksheet.getRangeByIndexes");
      return { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 };
    });
  }
  getCell(row: number, col: number): FakeRange {
    return this.range(() => ({ top: row, left: col, bottom: row, right: col }));
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.range(() => {
      if (valuesOnly !== undefined)
        this.context.requireApi("1.2", "Worksheet.getUsedRange(valuesOnly)");
      return this.must().usedRect(valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () => {
      this.context.requireApi("1.4", "Worksheet.getUsedRangeOrNullObject");
      const sheet = this.must();
      const rect = sheet.usedRect(valuesOnly === true);
      return rect ? { sheet, rect } : null;
    });
  }
  activate(): void {
    this.context.enqueue(() => {
      const s = this.must();
      if (s.visibility !== "Visible")
        fail("InvalidOperation", "A hidden worksheet cannot be activated.");
      this.context.host.workbook.activeSheet = s;
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const s = this.must();
      const wb = this.context.host.workbook;
      if (wb.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
        fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      wb.sheets = wb.sheets.filter((x) => x !== s);
      wb.tables = wb.tables.filter((t) => t.sheet !== s);
      if (wb.activeSheet === s) wb.activeSheet = wb.sheets.find((x) => x.visibility === "Visible");
    });
  }
}

// --- Ranges

interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

function rangeMatrix<V>(t: RangeTarget, f: (cell: CellModel | undefined) => V): V[][] {
  const out: V[][] = [];
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    const row: V[] = [];
    for (let c = t.rect.left; c <= t.rect.right; c++) row.push(f(t.sheet.cell(r, c)));
    out.push(row);
  }
  return out;
}

function forEachCell(
  t: RangeTarget,
  input: unknown,
  write: (cell: CellModel, v: unknown) => void,
): void {
  const rows = t.rect.bottom - t.rect.top + 1;
  const cols = t.rect.right - t.rect.left + 1;
  if (!Array.isArray(input)) {
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) write(t.sheet.touch(t.rect.top + r, t.rect.left + c), input);
    return;
  }
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    fail(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    );
  }
  input.forEach((row: unknown[], r) => {
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      write(t.sheet.touch(t.rect.top + r, t.rect.left + c), v);
    });
  });
}

class FakeRange extends ClientProxy<RangeTarget> {
  protected readonly defaultProps = [
    "address",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
    "values",
    "numberFormat",
    "valueTypes",
  ];
  protected readProp(t: RangeTarget, name: string): unknown {
    const r = t.rect;
    switch (name) {
      case "address":
        return `${quoteSheet(t.sheet.name)}!${rectA1(r)}`;
      case "rowIndex":
        return r.top;
      case "columnIndex":
        return r.left;
      case "rowCount":
        return r.bottom - r.top + 1;
      case "columnCount":
        return r.right - r.left + 1;
      case "cellCount":
        return (r.bottom - r.top + 1) * (r.right - r.left + 1);
      case "values":
        return rangeMatrix(t, (c) => c?.value ?? "");
      case "numberFormat":
        return rangeMatrix(t, (c) => c?.format ?? "General");
      case "valueTypes":
        return rangeMatrix(t, valueType);
      case "text":
        return rangeMatrix(t, (c) => String(c?.value ?? ""));
      case "formulas": // the fake holds no formulas: a cell's formula is its value
        return rangeMatrix(t, (c) => c?.value ?? "");
      default:
        return fail("InvalidArgument", `Range.${name} is not supported by the fake`);
    }
  }
  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(v: unknown[][]) {
    this.set("values", v, (t) => forEachCell(t, v, writeValue));
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.set("numberFormat", v, (t) =>
      forEachCell(t, v, (cell, f) => {
        cell.format = String(f);
      }),
    );
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
  private derived(f: (t: RangeTarget) => Rect | null): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.must();
      const rect = f(t);
      return rect ? { sheet: t.sheet, rect: checkRect(rect) } : null;
    });
  }
  getCell(row: number, col: number): FakeRange {
    return this.derived(({ rect }) => ({
      top: rect.top + row,
      left: rect.left + col,
      bottom: rect.top + row,
      right: rect.left + col,
    }));
  }
  getRow(row: number): FakeRange {
    return this.derived(({ rect }) => ({ ...rect, top: rect.top + row, bottom: rect.top + row }));
  }
  getResizedRange(dRows: number, dCols: number): FakeRange {
    return this.derived(({ rect }) => {
      this.context.requireApi("1.2", "Range.getResizedRange");
      return { ...rect, bottom: rect.bottom + dRows, right: rect.right + dCols };
    });
  }
  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    return new FakeRange(this.context, () => {
      this.context.requireApi("1.4", "Range.getIntersectionOrNullObject");
      const t = this.must();
      const o =
        typeof other === "string" ? { sheet: t.sheet, rect: parseRect(other) } : other.must();
      if (o.sheet !== t.sheet)
        return fail("InvalidArgument", "The ranges are on different worksheets.");
      const rect = intersect(t.rect, o.rect);
      return rect ? { sheet: t.sheet, rect } : null;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () => {
      this.context.requireApi("1.4", "Range.getUsedRangeOrNullObject");
      const t = this.must();
      const used = t.sheet.usedRect(valuesOnly === true);
      const rect = used && intersect(used, t.rect);
      return rect ? { sheet: t.sheet, rect } : null;
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      this.context.requireApi("1.13", "Range.getMergedAreasOrNullObject");
      const t = this.must();
      const areas = t.sheet.merges.filter((m) => intersect(m, t.rect));
      return areas.length > 0 ? { sheet: t.sheet, areas } : null;
    });
  }
  merge(_across?: boolean): void {
    this.context.enqueue(() => {
      this.context.requireApi("1.2", "Range.merge");
      const t = this.must();
      if (t.sheet.merges.some((m) => intersect(m, t.rect)))
        fail("InvalidOperation", "Cannot merge cells that overlap a merged area.");
      t.sheet.merges.push({ ...t.rect });
    });
  }
  select(): void {
    this.context.enqueue(() => {
      const t = this.must();
      if (this.context.host.workbook.activeSheet !== t.sheet) {
        fail(
          "InvalidSelection",
          "The current selection is invalid for this operation (sheet not active).",
        );
      }
      this.context.host.selections.push({ sheet: t.sheet.name, address: rectA1(t.rect) });
    });
  }
  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this);
  }
  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this);
  }
  /** Internal: resolves now (for sibling proxies). */
  target(): RangeTarget {
    return this.must();
  }
}

class FakeRangeAreas extends ClientProxy<{ sheet: SheetModel; areas: Rect[] }> {
  protected readonly defaultProps = ["address", "areaCount"];
  protected readProp(t: { sheet: SheetModel; areas: Rect[] }, name: string): unknown {
    if (name === "address")
      return t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${rectA1(a)}`).join(", ");
    if (name === "areaCount") return t.areas.length;
    return fail("InvalidArgument", `RangeAreas.${name} is not supported by the fake`);
  }
  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
}

class FakeRangeFormat {
  constructor(private readonly range: FakeRange) {}
  private each(apply: (cell: CellModel) => void): void {
    this.range.context.enqueue(() => {
      const t = this.range.target();
      for (let r = t.rect.top; r <= t.rect.bottom; r++)
        for (let c = t.rect.left; c <= t.rect.right; c++) apply(t.sheet.touch(r, c));
    });
  }
  get font(): { bold: boolean; color: string } {
    const each = (f: (cell: CellModel) => void) => this.each(f);
    const state = { bold: false, color: "" };
    return {
      get bold() {
        return state.bold;
      },
      set bold(v: boolean) {
        state.bold = v;
        each((cell) => {
          cell.bold = v;
        });
      },
      get color() {
        return state.color;
      },
      set color(v: string) {
        state.color = v;
      },
    };
  }
  set columnWidth(width: number) {
    this.range.context.enqueue(() => {
      this.range.context.requireApi("1.2", "RangeFormat.columnWidth");
      const t = this.range.target();
      for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, width);
    });
  }
  set wrapText(_v: boolean) {
    this.each(() => {});
  }
  autofitColumns(): void {
    this.range.context.enqueue(() =>
      this.range.context.requireApi("1.2", "RangeFormat.autofitColumns"),
    );
  }
}

class FakeDataValidation {
  private pending: Partial<ValidationModel> = {};
  constructor(private readonly range: FakeRange) {}
  private apply(f: (v: ValidationModel) => void): void {
    this.range.context.enqueue(() => {
      this.range.context.requireApi("1.8", "Range.dataValidation");
      const t = this.range.target();
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        for (let c = t.rect.left; c <= t.rect.right; c++) {
          const cell = t.sheet.touch(r, c);
          cell.validation ??= { rule: undefined };
          f(cell.validation);
        }
      }
    });
  }
  set rule(rule: unknown) {
    this.pending.rule = rule;
    this.apply((v) => {
      v.rule = structuredClone(rule);
    });
  }
  set ignoreBlanks(b: boolean) {
    this.apply((v) => {
      v.ignoreBlanks = b;
    });
  }
  set errorAlert(a: unknown) {
    this.apply((v) => {
      v.errorAlert = structuredClone(a);
    });
  }
  set prompt(p: unknown) {
    this.apply((v) => {
      v.prompt = structuredClone(p);
    });
  }
  clear(): void {
    this.range.context.enqueue(() => {
      this.range.context.requireApi("1.8", "DataValidation.clear");
      const t = this.range.target();
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        for (let c = t.rect.left; c <= t.rect.right; c++) {
          const cell = t.sheet.cell(r, c);
          if (cell) cell.validation = undefined;
        }
      }
    });
  }
}

// --- Tables and charts

class FakeTableCollection {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: () => SheetModel,
  ) {}
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    let created: TableModel | undefined;
    this.context.enqueue(() => {
      const sheet = this.sheet();
      const rect = typeof address === "string" ? parseRect(address) : address.target().rect;
      const wb = this.context.host.workbook;
      if (wb.tables.some((t) => t.sheet === sheet && intersect(t.rect, rect))) {
        fail("InvalidArgument", "A table can't overlap another table.");
      }
      let n = wb.tables.length + 1;
      while (wb.tables.some((t) => t.name === `Table${n}`)) n++;
      created = { name: `Table${n}`, sheet, rect, style: "TableStyleMedium2", hasHeaders };
      if (!hasHeaders) {
        created.rect = { ...rect, bottom: rect.bottom + 1 };
      } else {
        // Like Excel: header cells become unique text (blank → ColumnN, duplicate → name2, name3…).
        const seen = new Set<string>();
        for (let c = rect.left; c <= rect.right; c++) {
          const cell = sheet.touch(rect.top, c);
          const base = cell.value === "" ? `Column${c - rect.left + 1}` : String(cell.value);
          let name = base;
          for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}${k}`;
          seen.add(name.toLowerCase());
          cell.value = name;
        }
      }
      wb.tables.push(created);
    });
    return new FakeTable(
      this.context,
      () => created ?? fail("ItemNotFound", "The table was not created."),
    );
  }
}

class FakeTable extends ClientProxy<TableModel> {
  protected readonly defaultProps = ["name", "style"];
  protected readProp(t: TableModel, name: string): unknown {
    if (name === "name") return t.name;
    if (name === "style") return t.style;
    return fail("InvalidArgument", `Table.${name} is not supported by the fake`);
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.set("name", v, (t) => {
      const wb = this.context.host.workbook;
      if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(v))
        fail("InvalidArgument", `Invalid table name '${v}'.`);
      if (wb.tables.some((x) => x !== t && x.name.toLowerCase() === v.toLowerCase())) {
        fail("InvalidArgument", `A table named '${v}' already exists.`);
      }
      t.name = v;
    });
  }
  get style(): string {
    return this.get("style");
  }
  set style(v: string) {
    this.set("style", v, (t) => {
      t.style = v;
    });
  }
}

class FakeChartCollection {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: () => SheetModel,
  ) {}
  add(type: string, source: FakeRange, seriesBy = "Auto"): FakeChart {
    const model: { chart?: ChartModel } = {};
    this.context.enqueue(() => {
      const sheet = this.sheet();
      const src = source.target();
      const chart: ChartModel = {
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        sourceSheet: src.sheet.name,
        source: src.rect,
        seriesBy,
        title: "",
        legendVisible: true,
      };
      sheet.charts.push(chart);
      model.chart = chart;
    });
    return new FakeChart(
      this.context,
      () => model.chart ?? fail("ItemNotFound", "The chart was not created."),
    );
  }
}

class FakeChart extends ClientProxy<ChartModel> {
  protected readonly defaultProps = ["name"];
  protected readProp(t: ChartModel, name: string): unknown {
    if (name === "name") return t.name;
    if (name === "chartType") {
      this.context.requireApi("1.7", "Chart.chartType");
      return t.type;
    }
    return fail("InvalidArgument", `Chart.${name} is not supported by the fake`);
  }
  get title() {
    const chart = this;
    return {
      set text(v: string) {
        chart.context.enqueue(() => {
          chart.must().title = v;
        });
      },
    };
  }
  get legend() {
    const chart = this;
    return {
      set visible(v: boolean) {
        chart.context.enqueue(() => {
          chart.must().legendVisible = v;
        });
      },
    };
  }
  setPosition(start: string | FakeRange, end?: string | FakeRange): void {
    const a = (x: string | FakeRange) => (typeof x === "string" ? x : rectA1(x.target().rect));
    this.context.enqueue(() => {
      this.must().position = { start: a(start), end: end === undefined ? undefined : a(end) };
    });
  }
}

// --- Custom XML parts

class FakeCustomXmlPart extends ClientProxy<CustomXmlPartModel> {
  protected readonly defaultProps = ["id", "namespaceUri"];
  protected readProp(t: CustomXmlPartModel, name: string): unknown {
    if (name === "id") return t.id;
    if (name === "namespaceUri") return t.namespaceUri;
    return fail("InvalidArgument", `CustomXmlPart.${name} is not supported by the fake`);
  }
  get id(): string {
    return this.get("id");
  }
  get namespaceUri(): string {
    return this.get("namespaceUri");
  }
  getXml(): ClientResult<string> {
    return new ClientResult(this.context, () => this.must().xml);
  }
  setXml(xml: string): void {
    this.context.enqueue(() => {
      const part = this.must();
      const probe = new WorkbookModel({ sheets: [] }).addPart(xml);
      part.xml = xml;
      part.namespaceUri = probe.namespaceUri;
    }, jsonBytes(xml));
  }
  delete(): void {
    this.context.enqueue(() => {
      const part = this.must();
      const wb = this.context.host.workbook;
      wb.parts = wb.parts.filter((p) => p !== part);
    });
  }
}

class FakeCustomXmlPartCollection {
  private itemList: FakeCustomXmlPart[] | undefined;
  constructor(
    readonly context: FakeRequestContext,
    private readonly filter: (p: CustomXmlPartModel) => boolean = () => true,
  ) {}
  private parts(): CustomXmlPartModel[] {
    this.context.requireApi("1.5", "Workbook.customXmlParts");
    return this.context.host.workbook.parts.filter(this.filter);
  }
  add(xml: string): FakeCustomXmlPart {
    let created: CustomXmlPartModel | undefined;
    this.context.enqueue(() => {
      this.context.requireApi("1.5", "CustomXmlPartCollection.add");
      created = this.context.host.workbook.addPart(xml);
    }, jsonBytes(xml) + 64);
    return new FakeCustomXmlPart(
      this.context,
      () => created ?? fail("ItemNotFound", "The part was not created."),
    );
  }
  getByNamespace(ns: string): FakeCustomXmlPartCollection {
    return new FakeCustomXmlPartCollection(
      this.context,
      (p) => this.filter(p) && p.namespaceUri === ns,
    );
  }
  getItem(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => {
      const p = this.parts().find((x) => x.id === id);
      return p ?? fail("ItemNotFound", `The custom XML part '${id}' doesn't exist.`);
    });
  }
  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => this.parts().find((x) => x.id === id) ?? null);
  }
  getCount(): ClientResult<number> {
    return new ClientResult(this.context, () => this.parts().length);
  }
  load(spec?: unknown): this {
    const props = parseLoadSpec(spec);
    this.context.enqueueLoad(
      () => this.parts().map((p) => ({ p, id: p.id, namespaceUri: p.namespaceUri })),
      (rows) => {
        this.itemList = rows.map(({ p, id, namespaceUri }) => {
          const part = new FakeCustomXmlPart(this.context, () =>
            this.context.host.workbook.parts.includes(p) ? p : null,
          );
          const values: Record<string, unknown> = { id, namespaceUri };
          part.markLoaded(
            props.length > 0 ? Object.fromEntries(props.map((k) => [k, values[k]])) : values,
          );
          return part;
        });
      },
    );
    return this;
  }
  get items(): FakeCustomXmlPart[] {
    if (!this.itemList) throw notLoaded("items");
    return this.itemList;
  }
}

// ---------------------------------------------------------------------------------------------
// Document settings (Office.context.document.settings)

type AsyncCallback = (result: {
  status: string;
  value: unknown;
  error: { code: number; message: string } | null;
}) => void;

class FakeSettings {
  private bag: Record<string, unknown>;
  constructor(private readonly host: FakeOfficeHost) {
    this.bag = JSON.parse(host.workbook.savedSettings) as Record<string, unknown>;
  }
  get(name: string): unknown {
    return name in this.bag ? structuredClone(this.bag[name]) : null;
  }
  set(name: string, value: unknown): void {
    this.bag[name] = JSON.parse(JSON.stringify(value)) as unknown;
  }
  remove(name: string): void {
    delete this.bag[name];
  }
  saveAsync(optionsOrCallback?: unknown, callback?: AsyncCallback): void {
    const cb = (typeof optionsOrCallback === "function" ? optionsOrCallback : callback) as
      | AsyncCallback
      | undefined;
    setTimeout(() => {
      if (this.host.failNextSettingsSave) {
        this.host.failNextSettingsSave = false;
        cb?.({
          status: "failed",
          value: undefined,
          error: { code: 5001, message: "An internal error has occurred." },
        });
        return;
      }
      this.host.workbook.savedSettings = JSON.stringify(this.bag);
      this.host.settingsSaves++;
      this.host.onSettingsSaved?.(this.host.workbook.savedSettings);
      cb?.({ status: "succeeded", value: undefined, error: null });
    }, 0);
  }
  refreshAsync(callback?: AsyncCallback): void {
    setTimeout(() => {
      this.bag = JSON.parse(this.host.workbook.savedSettings) as Record<string, unknown>;
      callback?.({ status: "succeeded", value: this, error: null });
    }, 0);
  }
}

// ---------------------------------------------------------------------------------------------
// The host

/** What worksheets.onChanged hands its handlers (the subset the fake fills in). */
export interface FakeChangeEvent {
  readonly type: "WorksheetChanged";
  readonly changeType: "RangeEdited";
  readonly source: "Local";
  readonly worksheetId: string;
  readonly address: string;
}
export type ChangeHandler = (event: FakeChangeEvent) => unknown;

export interface FakeOfficeHost {
  readonly workbook: WorkbookModel;
  readonly apiVersion: string;
  readonly platform: string;
  readonly payloadLimitBytes: number;
  /** context.sync() calls, including the one Excel.run makes for commands left queued. */
  syncCount: number;
  /** Of those, syncs that only added or removed event handlers (worksheets.onChanged). */
  eventSyncCount: number;
  /** Sizes of the last sync's request and response (JSON bytes). */
  lastSync: { requestBytes: number; responseBytes: number; ops: number };
  /** Every Range.select(), in order. */
  readonly selections: { sheet: string; address: string }[];
  settingsSaves: number;
  failNextSettingsSave: boolean;
  onSettingsSaved?: ((json: string) => void) | undefined;
  readonly dialogApiVersion: string;
  /** Dialogs opened with Office.context.ui.displayDialogAsync, newest last. */
  readonly dialogs: FakeDialogRecord[];
  /** The next displayDialogAsync fails (12007: a dialog is already open, as Office says). */
  failNextDialog: boolean;
  /** Handlers registered with worksheets.onChanged (and synced). */
  readonly changeHandlers: ChangeHandler[];
  /**
   * A user typing into a cell: sets its value, then fires worksheets.onChanged as Excel does
   * (the pane's edits through the API do not fire here; the adapter never relies on them).
   */
  edit(sheet: string, address: string, value: string | number | boolean): void;
  /** Values, formats and validation of every cell of a sheet (for before/after comparisons). */
  snapshot(sheet: string): SheetSnapshot;
  /** Values and formats of a range, as Office would load them. */
  read(
    sheet: string,
    address: string,
  ): { values: unknown[][]; formats: string[][]; types: string[][] };
}

/** One displayDialogAsync: what was asked for and what went through it. */
export interface FakeDialogRecord {
  readonly url: string;
  readonly options: Record<string, unknown>;
  /** messageChild calls (the messages, in order). */
  readonly toChild: string[];
  /** messageParent calls from the dialog's page. */
  readonly toParent: string[];
  closed: boolean;
}

export interface SheetSnapshot {
  readonly values: Record<string, string | number | boolean>;
  readonly formats: Record<string, string>;
  readonly validation: Record<string, string>;
}

export interface FakeOffice {
  readonly host: FakeOfficeHost;
  readonly Office: unknown;
  readonly Excel: unknown;
  readonly OfficeExtension: unknown;
}

const ERROR_CODES = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  notImplemented: "NotImplemented",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
};

export function createFakeOffice(input: FakeWorkbookInput): FakeOffice {
  const workbook = new WorkbookModel(input);
  const host: FakeOfficeHost = {
    workbook,
    apiVersion: input.apiVersion ?? "1.17",
    platform: input.platform ?? "PC",
    payloadLimitBytes: input.payloadLimitBytes ?? 5 * 1024 * 1024,
    syncCount: 0,
    eventSyncCount: 0,
    lastSync: { requestBytes: 0, responseBytes: 0, ops: 0 },
    selections: [],
    settingsSaves: 0,
    failNextSettingsSave: false,
    onSettingsSaved: input.onSettingsSaved,
    dialogApiVersion: input.dialogApiVersion ?? "1.2",
    dialogs: [],
    failNextDialog: false,
    changeHandlers: [],
    edit(name, address, value) {
      const sheet = workbook.sheet(name) ?? fail("ItemNotFound", `no sheet ${name}`);
      const rect = parseRect(address);
      sheet.touch(rect.top, rect.left).value = value;
      const event: FakeChangeEvent = {
        type: "WorksheetChanged",
        changeType: "RangeEdited",
        source: "Local",
        worksheetId: sheet.id,
        address: rectA1(rect),
      };
      for (const handler of [...host.changeHandlers]) void handler(event);
    },
    snapshot(name) {
      const sheet = workbook.sheet(name) ?? fail("ItemNotFound", `no sheet ${name}`);
      const values: Record<string, string | number | boolean> = {};
      const formats: Record<string, string> = {};
      const validation: Record<string, string> = {};
      for (const [k, c] of sheet.cells) {
        const a = `${colLetters(k % MAX_COLS)}${Math.floor(k / MAX_COLS) + 1}`;
        if (c.value !== "") values[a] = c.value;
        if (c.format !== "General") formats[a] = c.format;
        if (c.validation) validation[a] = JSON.stringify(c.validation);
      }
      return { values, formats, validation };
    },
    read(name, address) {
      const sheet = workbook.sheet(name) ?? fail("ItemNotFound", `no sheet ${name}`);
      const t = { sheet, rect: parseRect(address) };
      return {
        values: rangeMatrix(t, (c) => c?.value ?? ""),
        formats: rangeMatrix(t, (c) => c?.format ?? "General"),
        types: rangeMatrix(t, valueType),
      };
    },
  };
  const settings = new FakeSettings(host);
  const info = { host: "Excel", platform: host.platform };
  const Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    EventType: {
      DialogMessageReceived: "dialogMessageReceived",
      DialogEventReceived: "dialogEventReceived",
      DialogParentMessageReceived: "dialogParentMessageReceived",
    },
    PlatformType: { PC: "PC", Mac: "Mac", OfficeOnline: "OfficeOnline", iOS: "iOS" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady(callback?: (i: typeof info) => void) {
      return Promise.resolve(info).then((i) => {
        callback?.(i);
        return i;
      });
    },
    context: {
      document: { settings, url: workbook.name },
      requirements: {
        isSetSupported(name: string, version?: string | number) {
          const wanted = version === undefined ? "1.1" : String(version);
          if (name === "DialogApi")
            return host.dialogApiVersion !== "" && versionAtLeast(host.dialogApiVersion, wanted);
          if (name !== "ExcelApi") return false;
          return versionAtLeast(host.apiVersion, wanted);
        },
      },
      ui: fakeDialogUi(host),
      platform: host.platform,
      displayLanguage: "zh-CN",
      diagnostics: { host: "Excel", platform: host.platform, version: "16.0.fake" },
    },
  };
  const Excel = {
    ErrorCodes: ERROR_CODES,
    async run<T>(
      first: FakeRequestContext | ((context: FakeRequestContext) => Promise<T>),
      second?: (context: FakeRequestContext) => Promise<T>,
    ): Promise<T> {
      // Excel.run(batch) or Excel.run(existingContext, batch) (removing an event handler).
      const batch = typeof first === "function" ? first : second!;
      const context = typeof first === "function" ? new FakeRequestContext(host) : first;
      const result = await batch(context);
      if (context.queue.length > 0) await context.sync();
      return result;
    },
  };
  const OfficeExtension = { Error: FakeOfficeError, ErrorCodes: ERROR_CODES };
  return { host, Office, Excel, OfficeExtension };
}

// ---------------------------------------------------------------------------------------------
// Dialogs (Office.context.ui): the dialog's page is an iframe over the pane, same origin; the
// page (which loads this fake too) finds its opener's bridge on window.parent.

type DialogHandler = (arg: { message: string; origin: string } | { error: number }) => void;

interface DialogBridge {
  /** The dialog page's messageParent. */
  fromChild(message: string): void;
  /** The dialog page's DialogParentMessageReceived handlers. */
  readonly childHandlers: ((arg: { message: string; origin: string }) => void)[];
}

const BRIDGE = "__fakeOfficeDialogBridge";

function fakeDialogUi(host: FakeOfficeHost) {
  const later = (fn: () => void) => setTimeout(fn, 0);
  return {
    displayDialogAsync(
      url: string,
      optionsOrCallback?: unknown,
      maybeCallback?: (result: { status: string; value?: unknown; error?: unknown }) => void,
    ) {
      const callback = (
        typeof optionsOrCallback === "function" ? optionsOrCallback : maybeCallback
      ) as ((result: { status: string; value?: unknown; error?: unknown }) => void) | undefined;
      const options = (typeof optionsOrCallback === "object" && optionsOrCallback) || {};
      const doc = (globalThis as { document?: Document }).document;
      if (!doc || new URL(url, doc.baseURI).origin !== new URL(doc.baseURI).origin) {
        later(() =>
          callback?.({
            status: "failed",
            error: { code: 12004, message: "The domain of the URL is not trusted." },
          }),
        );
        return;
      }
      if (host.failNextDialog) {
        host.failNextDialog = false;
        later(() =>
          callback?.({
            status: "failed",
            error: {
              code: 12007,
              message: "A dialog box is already opened from this host window.",
            },
          }),
        );
        return;
      }
      const record: FakeDialogRecord = {
        url,
        options: options as Record<string, unknown>,
        toChild: [],
        toParent: [],
        closed: false,
      };
      host.dialogs.push(record);
      const handlers = new Map<string, DialogHandler[]>();
      const fire = (type: string, arg: Parameters<DialogHandler>[0]) => {
        for (const h of handlers.get(type) ?? []) h(arg);
      };
      const frame = doc.createElement("iframe");
      const bridge: DialogBridge = {
        fromChild(message) {
          if (record.closed) return;
          record.toParent.push(message);
          later(() => fire("dialogMessageReceived", { message, origin: location.origin }));
        },
        childHandlers: [],
      };
      Object.assign(globalThis, { [BRIDGE]: bridge });
      frame.src = url;
      frame.title = "Office 对话框";
      frame.dataset.testid = "office-dialog";
      frame.setAttribute(
        "style",
        "position:fixed;inset:4%;width:92%;height:92%;border:1px solid #888;background:#fff;z-index:100000",
      );
      doc.body.appendChild(frame);
      const dialog = {
        addEventHandler(type: string, handler: DialogHandler) {
          handlers.set(type, [...(handlers.get(type) ?? []), handler]);
        },
        messageChild(message: string) {
          if (!versionAtLeast(host.dialogApiVersion || "0", "1.2"))
            throw new Error("messageChild requires DialogApi 1.2");
          if (record.closed) throw new Error("The dialog is closed.");
          record.toChild.push(message);
          later(() => {
            for (const h of bridge.childHandlers) h({ message, origin: location.origin });
          });
        },
        close() {
          if (record.closed) return;
          record.closed = true;
          frame.remove();
        },
      };
      later(() => callback?.({ status: "succeeded", value: dialog }));
    },
    /** In the dialog's page: to the pane that opened it. */
    messageParent(message: string) {
      const bridge = (globalThis as unknown as { parent?: Record<string, unknown> }).parent?.[
        BRIDGE
      ] as DialogBridge | undefined;
      if (!bridge) throw new Error("messageParent outside a dialog");
      bridge.fromChild(message);
    },
    addHandlerAsync(
      type: string,
      handler: (arg: { message: string; origin: string }) => void,
      callback?: (result: { status: string; error?: { message: string } }) => void,
    ) {
      const bridge = (globalThis as unknown as { parent?: Record<string, unknown> }).parent?.[
        BRIDGE
      ] as DialogBridge | undefined;
      setTimeout(() => {
        if (type !== "dialogParentMessageReceived" || !bridge) {
          callback?.({ status: "failed", error: { message: "Not a dialog." } });
          return;
        }
        bridge.childHandlers.push(handler);
        callback?.({ status: "succeeded" });
      }, 0);
    },
  };
}

let installed: { previous: Record<string, unknown> } | undefined;

/**
 * Installs a fake Excel host on globalThis (Office, Excel, OfficeExtension) and returns it.
 * `uninstallFakeOffice()` restores what was there before.
 */
export function installFakeOffice(input: FakeWorkbookInput): FakeOfficeHost {
  const fake = createFakeOffice(input);
  const g = globalThis as Record<string, unknown>;
  if (!installed)
    installed = {
      previous: { Office: g.Office, Excel: g.Excel, OfficeExtension: g.OfficeExtension },
    };
  g.Office = fake.Office;
  g.Excel = fake.Excel;
  g.OfficeExtension = fake.OfficeExtension;
  return fake.host;
}

export function uninstallFakeOffice(): void {
  if (!installed) return;
  const g = globalThis as Record<string, unknown>;
  for (const [k, v] of Object.entries(installed.previous)) {
    if (v === undefined) delete g[k];
    else g[k] = v;
  }
  installed = undefined;
}
