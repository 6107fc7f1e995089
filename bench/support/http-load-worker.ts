import autocannon from 'autocannon';
import { parentPort, workerData } from 'node:worker_threads';
import { autocannonRequest, type HttpRequestSpec } from './http-requests.ts';

/**
 * autocannon in a thread of its own (started by load.ts): building requests, parsing answers and
 * keeping its histogram then costs the server's event loop nothing, as a client on another
 * machine would. Posts one LoadResult back.
 */
export interface HttpLoadJob {
  url: string;
  connections: number;
  seconds: number;
  expectStatus: number;
  request: HttpRequestSpec;
}

const job = workerData as HttpLoadJob;
const latencies: number[] = [];
const statuses: Record<string, number> = {};
let unexpected = 0;
const instance = autocannon({ url: job.url, connections: job.connections, duration: job.seconds, timeout: 10, requests: [autocannonRequest(job.request)] });
instance.on('response', (_client, statusCode, _bytes, milliseconds) => {
  statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  if (statusCode === job.expectStatus) latencies.push(milliseconds);
  else unexpected += 1;
});
const result = await instance;
parentPort!.postMessage({ latencies, errors: unexpected + result.errors, statuses: { ...statuses, ...(result.errors ? { failed: result.errors } : {}) } });
