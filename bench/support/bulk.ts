import { BatchWriteCommand, type BatchWriteCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../shared/db/client.ts';
import { since } from './stats.ts';

type Item = Record<string, unknown>;

/** Runs `task` over `count` indexes with `concurrency` in flight; resolves when all are done. */
export async function inParallel(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/**
 * Puts `items` into the current table with BatchWriteItem (25 per call, `concurrency` calls in
 * flight), resending what DynamoDB leaves unprocessed. Returns the elapsed milliseconds. A raw
 * baseline passes nothing and goes through `db()`, like the code it is compared with; loading
 * passes the patient loader client of bench/support/engine.ts.
 */
export async function batchWriteAll(items: Item[], concurrency: number, client: DynamoDBDocumentClient = db()): Promise<number> {
  const start = performance.now();
  const batches = Math.ceil(items.length / 25);
  await inParallel(batches, concurrency, async (batch) => {
    let requests: NonNullable<BatchWriteCommandOutput['UnprocessedItems']>[string] | undefined = items
      .slice(batch * 25, batch * 25 + 25)
      .map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests?.length; attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 20 * 2 ** attempt)));
      const output: BatchWriteCommandOutput = await client.send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }));
      requests = output.UnprocessedItems?.[tableName()];
    }
  });
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
