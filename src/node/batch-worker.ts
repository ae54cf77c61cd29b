/**
 * One worker of the batch pool (see ./batch.ts): loads the job function once, then runs
 * `fn(input, options)` for each input the pool sends and posts back the value or the error.
 */
import { isMainThread, parentPort, workerData } from "node:worker_threads";

/** Which exported function of which module (file URL) a worker calls per input. */
export interface JobRef {
  readonly module: string;
  readonly name: string;
}

export type ToWorker = {
  readonly type: "job";
  readonly index: number;
  readonly input: string;
  readonly options: unknown;
};

export type FromWorker =
  | { readonly type: "ready" }
  | { readonly type: "done"; readonly index: number; readonly ok: true; readonly value: unknown }
  | { readonly type: "done"; readonly index: number; readonly ok: false; readonly error: string };

export async function serve(job: JobRef): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("batch-worker 只能在工作线程中运行");
  const mod = (await import(job.module)) as Record<string, unknown>;
  const fn = mod[job.name];
  if (typeof fn !== "function") throw new Error(`${job.module} 没有导出 ${job.name}`);
  // One job at a time, in order: the pool keeps a second job here only so the worker never
  // waits for the main thread, and knows that the first job in hand is the one running.
  let queue = Promise.resolve();
  port.on("message", (msg: ToWorker) => {
    queue = queue.then(() => run(msg));
  });
  const run = async (msg: ToWorker) => {
    let reply: FromWorker;
    try {
      const value = await fn(msg.input, msg.options);
      reply = { type: "done", index: msg.index, ok: true, value };
    } catch (error) {
      reply = {
        type: "done",
        index: msg.index,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      };
    }
    try {
      port.postMessage(reply);
    } catch (error) {
      // The value could not be cloned across threads (functions, class instances).
      const message = `结果无法传回主线程：${(error as Error).message}`;
      port.postMessage({ type: "done", index: msg.index, ok: false, error: message });
    }
  };
  port.postMessage({ type: "ready" } satisfies FromWorker);
}

// Started as a worker's own module (the bundled CLI): the pool passes the job as workerData.
if (!isMainThread && isJobRef(workerData)) void serve(workerData);

function isJobRef(value: unknown): value is JobRef {
  const v = value as Partial<JobRef> | null;
  return typeof v?.module === "string" && typeof v.name === "string";
}
