/**
 * Batch generation on a pool of worker threads: many ledgers → their documents, one job per
 * input file, spread over `threads` workers. A job that fails yields a Chinese error for that
 * file and the batch goes on; a worker that dies is replaced.
 *
 * Workers run TypeScript: each one registers tsx (its ESM API) before importing the worker
 * module, because `execArgv: ["--import", "tsx"]` does not reach worker threads on Node 20.
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { FromWorker, JobRef, ToWorker } from "./batch-worker";

export type { JobRef } from "./batch-worker";

/** The job the CLI runs per file: `generateFromFile(path, options)` of `zhenggai report`. */
export const REPORT_JOB: JobRef = {
  module: new URL("../cli/commands/report.ts", import.meta.url).href,
  name: "generateFromFile",
};

export interface PoolOptions {
  /**
   * Worker threads. 1 runs the jobs in this thread, one after the other (no worker start-up);
   * default: the machine's available parallelism, capped by the number of inputs.
   */
  readonly threads?: number;
  /** Which exported function each worker calls as `fn(input, options)`; default REPORT_JOB. */
  readonly job?: JobRef;
  /** Called as each input finishes (in completion order), e.g. for progress lines. */
  readonly onItem?: (item: BatchItem<unknown>) => void;
}

export type BatchItem<R> =
  | {
      readonly index: number;
      readonly input: string;
      readonly ok: true;
      readonly value: R;
      readonly ms: number;
    }
  | {
      readonly index: number;
      readonly input: string;
      readonly ok: false;
      readonly error: string;
      readonly ms: number;
    };

export interface BatchResult<R> {
  /** One item per input, in input order. */
  readonly items: readonly BatchItem<R>[];
  readonly threads: number;
  /** Time until every worker had loaded its job module (0 with one thread). */
  readonly startupMs: number;
  readonly wallMs: number;
}

/** Runs `job(input, options)` for every input on a worker pool; never rejects for a bad input. */
export async function generateBatch<O, R>(
  inputs: readonly string[],
  options: O,
  pool: PoolOptions = {},
): Promise<BatchResult<R>> {
  const job = pool.job ?? REPORT_JOB;
  const threads = Math.max(
    1,
    Math.min(Math.floor(pool.threads ?? availableParallelism()), Math.max(1, inputs.length)),
  );
  const started = performance.now();
  if (threads === 1) return runInThread<O, R>(inputs, options, job, pool.onItem, started);

  const items: BatchItem<R>[] = new Array(inputs.length);
  let next = 0;
  let done = 0;
  let ready = 0;
  let startupMs = 0;
  const workers = new Set<Worker>();

  return new Promise<BatchResult<R>>((resolve) => {
    const finish = (item: BatchItem<R>) => {
      items[item.index] = item;
      done++;
      pool.onItem?.(item as BatchItem<unknown>);
      if (done === inputs.length) {
        for (const w of workers) void w.terminate();
        resolve({ items, threads, startupMs, wallMs: performance.now() - started });
      }
    };

    const spawn = () => {
      const worker = startWorker(job);
      workers.add(worker);
      let current: { index: number; sent: number } | undefined;
      let wasReady = false;
      const feed = () => {
        if (next >= inputs.length) {
          current = undefined;
          return;
        }
        const index = next++;
        current = { index, sent: performance.now() };
        const msg: ToWorker = { type: "job", index, input: inputs[index]!, options };
        worker.postMessage(msg);
      };
      worker.on("message", (msg: FromWorker) => {
        if (msg.type === "ready") {
          wasReady = true;
          if (++ready === threads) startupMs = performance.now() - started;
          feed();
          return;
        }
        const ms = current ? performance.now() - current.sent : 0;
        const input = inputs[msg.index]!;
        finish(
          msg.ok
            ? { index: msg.index, input, ok: true, value: msg.value as R, ms }
            : { index: msg.index, input, ok: false, error: chineseError(input, msg.error), ms },
        );
        feed();
      });
      // A crash (out of memory, a native fault) fails only the file in hand; a fresh worker
      // takes over the rest of the queue. A worker that could not even start (its module does
      // not load) is not replaced: every other worker would fail the same way.
      const onDeath = (why: string) => {
        if (!workers.delete(worker)) return;
        const fail = (index: number, sent: number) =>
          finish({
            index,
            input: inputs[index]!,
            ok: false,
            error: chineseError(inputs[index]!, why),
            ms: performance.now() - sent,
          });
        if (current) {
          const { index, sent } = current;
          current = undefined;
          fail(index, sent);
        }
        if (done >= inputs.length) return;
        if (wasReady) spawn();
        else if (workers.size === 0) while (next < inputs.length) fail(next++, performance.now());
      };
      worker.on("error", (e) => onDeath(e.message));
      worker.on("exit", (code) => {
        if (done < inputs.length) onDeath(`处理线程意外退出（代码 ${code}）`);
      });
    };
    if (inputs.length === 0) {
      resolve({ items, threads, startupMs: 0, wallMs: 0 });
      return;
    }
    for (let i = 0; i < threads; i++) spawn();
  });
}

async function runInThread<O, R>(
  inputs: readonly string[],
  options: O,
  job: JobRef,
  onItem: PoolOptions["onItem"],
  started: number,
): Promise<BatchResult<R>> {
  const mod = (await import(job.module)) as Record<string, unknown>;
  const fn = mod[job.name];
  const items: BatchItem<R>[] = [];
  for (const [index, input] of inputs.entries()) {
    const t0 = performance.now();
    let item: BatchItem<R>;
    try {
      if (typeof fn !== "function") throw new Error(`${job.module} 没有导出 ${job.name}`);
      const value = (await fn(input, options)) as R;
      item = { index, input, ok: true, value, ms: performance.now() - t0 };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      item = {
        index,
        input,
        ok: false,
        error: chineseError(input, message),
        ms: performance.now() - t0,
      };
    }
    items.push(item);
    onItem?.(item as BatchItem<unknown>);
  }
  return { items, threads: 1, startupMs: 0, wallMs: performance.now() - started };
}

/** Error text for one file, always in Chinese and naming the file. */
function chineseError(input: string, message: string): string {
  const name = basename(input);
  return /[\u4e00-\u9fff]/.test(message) && message.includes(name)
    ? message
    : `${name}：${/[\u4e00-\u9fff]/.test(message) ? message : `处理失败（${message}）`}`;
}

/** tsx's ESM API as a file URL, resolved from here (also under test runners). */
function tsxApiUrl(): string {
  try {
    return import.meta.resolve("tsx/esm/api");
  } catch {
    const cjs = createRequire(import.meta.url).resolve("tsx/esm/api");
    return pathToFileURL(cjs.replace(/\.cjs$/, ".mjs")).href;
  }
}

const WORKER_URL = new URL("./batch-worker.ts", import.meta.url).href;

function startWorker(job: JobRef): Worker {
  const code = `import(${JSON.stringify(tsxApiUrl())})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}); })
  .then((w) => w.serve(${JSON.stringify(job)}));`;
  return new Worker(code, { eval: true });
}
