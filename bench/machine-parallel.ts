/**
 * The machine's own two-thread scaling, for case 5: a pure integer loop (no allocation, no
 * modules, no GC) run on one thread, then split between the main thread and one worker that is
 * already running. Whatever this gives is the most any Node program gets from a second thread
 * here; vCPUs that share a physical core, or a busy host, show up as well below 2×.
 */
import { Worker } from "node:worker_threads";

function spin(n: number): number {
  let x = 0;
  for (let i = 0; i < n; i++) x = (x * 1103515245 + 12345) % 2147483647;
  return x;
}

/** Milliseconds for `iterations` on one thread and split over two. */
export async function machineParallelism(
  iterations = 200_000_000,
): Promise<{ oneMs: number; twoMs: number }> {
  spin(1e7); // warm the JIT
  let t = performance.now();
  spin(iterations);
  const oneMs = performance.now() - t;
  const worker = new Worker(
    `const spin = ${spin.toString()};
const { parentPort } = require("node:worker_threads");
spin(1e7);
parentPort.postMessage("ready");
parentPort.once("message", (n) => parentPort.postMessage(spin(n)));`,
    { eval: true },
  );
  try {
    await new Promise((resolve) => worker.once("message", resolve));
    const done = new Promise((resolve) => worker.once("message", resolve));
    t = performance.now();
    worker.postMessage(iterations / 2);
    spin(iterations / 2);
    await done;
    return { oneMs, twoMs: performance.now() - t };
  } finally {
    await worker.terminate();
  }
}
