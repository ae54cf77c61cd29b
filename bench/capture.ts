/**
 * Records what our documents engine hands to docxtemplater (the filled data object and the
 * instance), so the bare-engine floor renders exactly the same data with the same options.
 * Patching the prototype works because the CommonJS module is one instance per process.
 */
import Docxtemplater from "docxtemplater";

export interface Captured {
  readonly doc: Docxtemplater;
  readonly data: unknown;
}

let last: Captured | undefined;
let installed = false;

export function installCapture(): void {
  if (installed) return;
  installed = true;
  const proto = Docxtemplater.prototype as unknown as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  const render = proto.render!;
  const renderAsync = proto.renderAsync!;
  let asyncData: unknown;
  proto.render = function (this: Docxtemplater, ...args: unknown[]) {
    last = { doc: this, data: args.length ? args[0] : asyncData };
    return render.apply(this, args);
  };
  proto.renderAsync = function (this: Docxtemplater, ...args: unknown[]) {
    asyncData = args[0];
    return renderAsync.apply(this, args);
  };
}

/** Returns and clears the last capture. */
export function takeCaptured(): Captured | undefined {
  const c = last;
  last = undefined;
  return c;
}

/** The constructor options a docxtemplater instance was built with (parser, delimiters…). */
export function optionsOf(doc: Docxtemplater): Record<string, unknown> {
  const o = (doc as unknown as { options?: Record<string, unknown> }).options ?? {};
  const keep = ["paragraphLoop", "linebreaks", "delimiters", "parser", "nullGetter", "syntax"];
  return Object.fromEntries(keep.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}
