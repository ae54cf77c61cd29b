/**
 * Batch generation on a pool of threads: many ledgers → their documents, one job per input
 * file. A job that fails yields a Chinese error for that file and the batch goes on; a worker
 * that dies is replaced.
 *
 * With `threads: N` the main thread works too, next to N − 1 worker threads: it would
 * otherwise sit idle, and it starts on the first file while the workers are still loading.
 * Workers keep two jobs in hand so they never wait while the main thread is busy with a job.
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

export interface PoolOptions {
  /** Threads doing the work; default: the machine's available parallelism. Capped by inputs. */
  readonly threads?: number;
  /**
   * Whether the main thread takes jobs too (default true). With false, `threads` workers do
   * all the work and the main thread only hands out jobs.
   */
  readonly mainThreadWorks?: boolean;
  /**
   * Which exported function is called as `fn(input, options)`. The module that owns the job
   * states it (the CLI's REPORT_JOB names its own module), so this pool knows no caller.
   */
  readonly job: JobRef;
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
  /** Threads that did work (main thread included when it works). */
  readonly threads: number;
  readonly workers: number;
  /** Time until the last worker had loaded its job module (0 without workers). */
  readonly startupMs: number;
  readonly wallMs: number;
}

/** Jobs a worker holds at once: one running, one waiting, so it never idles. */
const IN_HAND = 2;

/** Runs `job(input, options)` for every input; never rejects because of a bad input. */
export async function generateBatch<O, R>(
  inputs: readonly string[],
  options: O,
  pool: PoolOptions,
): Promise<BatchResult<R>> {
  const job = pool.job;
  const mainWorks = pool.mainThreadWorks ?? true;
  const threads = Math.max(
    1,
    Math.min(Math.floor(pool.threads ?? availableParallelism()), Math.max(1, inputs.length)),
  );
  const workerCount = mainWorks ? threads - 1 : threads;
  const started = performance.now();
  const items: BatchItem<R>[] = new Array(inputs.length);
  let next = 0;
  /** Jobs handed back by a worker that died before starting them; taken before `next`. */
  const retry: number[] = [];
  const take = (): number | undefined =>
    retry.length > 0 ? retry.shift() : next < inputs.length ? next++ : undefined;
  let done = 0;
  let ready = 0;
  let startupMs = 0;
  const workers = new Set<Worker>();
  let allDone: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    allDone = resolve;
  });

  const finish = (item: BatchItem<R>) => {
    items[item.index] = item;
    done++;
    pool.onItem?.(item as BatchItem<unknown>);
    if (done === inputs.length) allDone();
  };
  const failure = (index: number, message: string, sent: number): BatchItem<R> => ({
    index,
    input: inputs[index]!,
    ok: false,
    error: chineseError(inputs[index]!, message),
    ms: performance.now() - sent,
  });

  const spawn = () => {
    const worker = startWorker(job);
    workers.add(worker);
    const inHand = new Map<number, number>(); // index → time sent
    let wasReady = false;
    const feed = () => {
      while (inHand.size < IN_HAND) {
        const index = take();
        if (index === undefined) return;
        inHand.set(index, performance.now());
        const msg: ToWorker = { type: "job", index, input: inputs[index]!, options };
        worker.postMessage(msg);
      }
    };
    worker.on("message", (msg: FromWorker) => {
      if (msg.type === "ready") {
        wasReady = true;
        if (++ready === workerCount) startupMs = performance.now() - started;
        feed();
        return;
      }
      const sent = inHand.get(msg.index) ?? performance.now();
      inHand.delete(msg.index);
      feed();
      finish(
        msg.ok
          ? {
              index: msg.index,
              input: inputs[msg.index]!,
              ok: true,
              value: msg.value as R,
              ms: performance.now() - sent,
            }
          : failure(msg.index, msg.error, sent),
      );
    });
    // A crash (out of memory, a native fault) fails only the file being processed (the first
    // in hand: a worker runs its jobs in order); the ones waiting go back to the queue and a
    // fresh worker takes over. A worker that could not even start (its module does not load)
    // is not replaced: every other worker would fail the same way.
    const onDeath = (why: string) => {
      if (!workers.delete(worker)) return;
      const [running, ...waiting] = inHand;
      inHand.clear();
      if (running) finish(failure(running[0], why, running[1]));
      retry.push(...waiting.map(([index]) => index));
      if (done >= inputs.length) return;
      if (wasReady) spawn();
      else if (workers.size === 0 && !mainWorks) {
        for (let index = take(); index !== undefined; index = take()) {
          finish(failure(index, why, performance.now()));
        }
      }
    };
    worker.on("error", (e) => onDeath(e.message));
    worker.on("exit", (code) => {
      if (done < inputs.length) onDeath(`处理线程意外退出（代码 ${code}）`);
    });
  };

  if (inputs.length > 0) {
    for (let i = 0; i < workerCount; i++) spawn();
    if (mainWorks) await runOnMainThread();
    await finished;
  }
  for (const w of workers) await w.terminate();
  return {
    items,
    threads,
    workers: workerCount,
    startupMs,
    wallMs: performance.now() - started,
  };

  async function runOnMainThread(): Promise<void> {
    let fn: unknown;
    let loadError = "";
    try {
      fn = ((await import(job.module)) as Record<string, unknown>)[job.name];
      if (typeof fn !== "function") loadError = `${job.module} 没有导出 ${job.name}`;
    } catch (error) {
      loadError = error instanceof Error ? error.message : String(error);
    }
    for (let index = take(); index !== undefined; index = take()) {
      const t0 = performance.now();
      if (loadError) {
        finish(failure(index, loadError, t0));
        continue;
      }
      try {
        const value = (await (fn as (i: string, o: O) => unknown)(inputs[index]!, options)) as R;
        finish({ index, input: inputs[index]!, ok: true, value, ms: performance.now() - t0 });
      } catch (error) {
        finish(failure(index, error instanceof Error ? error.message : String(error), t0));
      }
      // Let worker messages in (results, readiness) so the workers are fed between our jobs.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}

/** Error text for one file, always in Chinese and naming the file. */
function chineseError(input: string, message: string): string {
  const name = basename(input);
  const chinese = /[\u4e00-\u9fff]/.test(message);
  if (chinese && message.includes(name)) return message;
  return `${name}：${chinese ? message : `处理失败（${message}）`}`;
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
