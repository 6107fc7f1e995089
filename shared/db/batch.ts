import { BatchGetCommand, BatchWriteCommand, type BatchGetCommandOutput, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { inParallel } from '../concurrency.ts';
import { db, tableName } from './client.ts';

type Item = Record<string, unknown>;

/** BatchGetItem takes at most this many keys. */
const KEYS_PER_CALL = 100;

/**
 * Every stored item of `keys` (absent ones are simply missing), 100 keys per BatchGetItem, the
 * calls in parallel (`concurrency` at a time, all by default); unprocessed keys are asked again
 * with a growing pause.
 */
export async function batchGetAll(keys: Item[], options: { consistent: boolean; projection?: string; concurrency?: number }): Promise<Item[]> {
  const slices = Array.from({ length: Math.ceil(keys.length / KEYS_PER_CALL) }, (_, index) => keys.slice(index * KEYS_PER_CALL, (index + 1) * KEYS_PER_CALL));
  const items: Item[] = [];
  await inParallel(slices, options.concurrency ?? slices.length, async (slice) => {
    let pending: Item[] | undefined = slice;
    for (let attempt = 0; pending?.length; attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 20 * 2 ** attempt)));
      const output: BatchGetCommandOutput = await db().send(
        new BatchGetCommand({
          RequestItems: { [tableName()]: { Keys: pending, ConsistentRead: options.consistent, ...(options.projection ? { ProjectionExpression: options.projection } : {}) } },
        }),
      );
      items.push(...(output.Responses?.[tableName()] ?? []));
      pending = output.UnprocessedKeys?.[tableName()]?.Keys;
    }
  });
  return items;
}

/** BatchWriteItem takes at most this many requests. */
const PUTS_PER_CALL = 25;

/**
 * Puts every item, 25 per BatchWriteItem, `concurrency` calls in flight; unprocessed items are
 * sent again with a growing pause. Unconditional: callers make sure nobody else writes these
 * items meanwhile (see shared/training/repository/bulk-locks.ts).
 */
export async function batchPutAll(items: Item[], concurrency: number): Promise<void> {
  const slices = Array.from({ length: Math.ceil(items.length / PUTS_PER_CALL) }, (_, index) => items.slice(index * PUTS_PER_CALL, (index + 1) * PUTS_PER_CALL));
  await inParallel(slices, concurrency, async (slice) => {
    let pending: NonNullable<BatchWriteCommandOutput['UnprocessedItems']>[string] | undefined = slice.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending?.length; attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 20 * 2 ** attempt)));
      const output: BatchWriteCommandOutput = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }));
      pending = output.UnprocessedItems?.[tableName()];
    }
  });
}
