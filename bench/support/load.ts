import autocannon from 'autocannon';

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

export interface HttpLoad {
  url: string;
  connections: number;
  seconds: number;
  expectStatus: number;
  request: autocannon.Request;
}

/**
 * autocannon runs in this thread, next to the server. In a worker thread of its own it doubled
 * /health's throughput at 16 clients, but measured no better on GET /agreements/{id} at 1 or 16
 * clients (1.45x vs 1.28x and 1.26x vs 1.12x in one interleaved run): what it frees on the event
 * loop, it gives back as one more thread wake-up per answer on a machine this busy.
 */
export async function httpLoad(load: HttpLoad): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let unexpected = 0;
  const instance = autocannon({ url: load.url, connections: load.connections, duration: load.seconds, timeout: 10, requests: [load.request] });
  instance.on('response', (_client, statusCode, _bytes, milliseconds) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    if (statusCode === load.expectStatus) latencies.push(milliseconds);
    else unexpected += 1;
  });
  const result = await instance;
  return { latencies, errors: unexpected + result.errors, statuses: { ...statuses, ...(result.errors ? { failed: result.errors } : {}) } };
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
      let prepared: unknown;
      try {
        // Preparing reads the table too: a busy engine's lock timeout is an error counted, not the end of the run.
        prepared = load.prepare ? await load.prepare() : undefined;
      } catch {
        errors += 1;
        continue;
      }
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
