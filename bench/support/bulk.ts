import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inParallel } from '../../shared/concurrency.ts';
import { batchPutAll } from '../../shared/db/batch.ts';
import { since } from './stats.ts';

type Item = Record<string, unknown>;

/** Runs `task` over the indexes 0..`count`-1, `concurrency` at a time. */
export const forEachIndex = (count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> =>
  inParallel(Array.from({ length: count }, (_, index) => index), concurrency, task);

/**
 * Puts `items` into the current table with BatchWriteItem (shared/db/batch.ts: 25 per call,
 * `concurrency` calls in flight, what DynamoDB leaves unprocessed sent again). Returns the elapsed
 * milliseconds. A raw baseline passes no client and goes through `db()`, like the code it is
 * compared with; loading passes the patient loader client of bench/support/engine.ts.
 */
export async function batchWriteAll(items: Item[], concurrency: number, client?: DynamoDBDocumentClient): Promise<number> {
  const start = performance.now();
  await batchPutAll(items, concurrency, client);
  return since(start);
}

/** Builds and writes items for indexes `from`..`to` (exclusive) in chunks, to bound memory. */
export async function writeRange(from: number, to: number, build: (index: number) => Item[], client: DynamoDBDocumentClient, concurrency: number, chunk = 20_000): Promise<number> {
  let written = 0;
  for (let start = from; start < to; start += chunk) {
    const items: Item[] = [];
    for (let index = start; index < Math.min(to, start + chunk); index += 1) items.push(...build(index));
    await batchWriteAll(items, concurrency, client);
    written += items.length;
  }
  return written;
}
