import { Worker } from 'node:worker_threads';
import type { HttpLoadJob } from './http-load-worker.ts';

/**
 * Closed-loop load, the same way for HTTP requests (autocannon) and for raw DynamoDB calls: a
 * fixed number of clients, each sending its next request when the previous one answered, for a
 * fixed time. Latencies are kept per request in float milliseconds (autocannon's own histogram
 * rounds to whole milliseconds, too coarse next to a ~2 ms GetItem), and percentiles of both are
 * computed by the same code (stats.ts).
 */
export interface LoadResult {
  latencies: number[];
  /** Failed calls, and HTTP answers other than the expected status. */
  errors: number;
  statuses: Record<string, number>;
}

export function mergeLoads(results: LoadResult[]): LoadResult {
  const statuses: Record<string, number> = {};
  for (const result of results) for (const [status, count] of Object.entries(result.statuses)) statuses[status] = (statuses[status] ?? 0) + count;
  return { latencies: results.flatMap((result) => result.latencies), errors: results.reduce((sum, result) => sum + result.errors, 0), statuses };
}

/**
 * HTTP load from a worker thread (http-load-worker.ts). Run in the server's own thread, autocannon
 * took about half of its event loop (/health at 16 clients: 3,200 req/s in-thread, 7,300 from a
 * worker), and that time counted as the server's overhead although no client on AWS shares the
 * function's CPU. The worker gets tsx's loader registered before it imports the TypeScript module.
 */
export function httpLoad(job: HttpLoadJob): Promise<LoadResult> {
  const module = new URL('./http-load-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(module)}); })`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: job });
    worker.once('message', (result: LoadResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the HTTP load worker exited with code ${code} before answering`)));
  });
}

export interface RawLoad {
  connections: number;
  seconds: number;
  /** Prepares the next call outside the timed part (e.g. records a dry run); may return nothing. */
  prepare?: () => Promise<unknown>;
  call: (prepared: unknown) => Promise<void>;
}

export async function rawLoad(load: RawLoad): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + load.seconds * 1_000;
  const client = async () => {
    while (performance.now() < deadline) {
      const prepared = load.prepare ? await load.prepare() : undefined;
      const start = performance.now();
      try {
        await load.call(prepared);
        latencies.push(performance.now() - start);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: load.connections }, client));
  return { latencies, errors, statuses: { ok: latencies.length, ...(errors ? { failed: errors } : {}) } };
}
