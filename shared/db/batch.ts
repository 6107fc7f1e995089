import { BatchGetCommand, BatchWriteCommand, type BatchGetCommandOutput, type BatchWriteCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inParallel, slicesOf } from '../concurrency.ts';
import { db, tableName } from './client.ts';

type Item = Record<string, unknown>;
type WriteRequest = NonNullable<BatchWriteCommandOutput['UnprocessedItems']>[string][number];

/** BatchGetItem takes at most this many keys. */
const KEYS_PER_CALL = 100;
/** BatchWriteItem takes at most this many requests. */
const PUTS_PER_CALL = 25;

/** Sends `first`, then what DynamoDB left unprocessed, with a growing pause, until nothing is left. */
async function resendUnprocessed<T>(first: T[], send: (pending: T[]) => Promise<T[] | undefined>): Promise<void> {
  let pending: T[] | undefined = first;
  for (let attempt = 0; pending?.length; attempt += 1) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 20 * 2 ** attempt)));
    pending = await send(pending);
  }
}

/**
 * Every stored item of `keys` (absent ones are simply missing), 100 keys per BatchGetItem, the
 * calls in parallel (`concurrency` at a time, all by default); unprocessed keys are asked again
 * with a growing pause.
 */
export async function batchGetAll(keys: Item[], options: { consistent: boolean; projection?: string; concurrency?: number }): Promise<Item[]> {
  const slices = slicesOf(keys, KEYS_PER_CALL);
  const items: Item[] = [];
  await inParallel(slices, options.concurrency ?? slices.length, (slice) =>
    resendUnprocessed(slice, async (pending) => {
      const output: BatchGetCommandOutput = await db().send(
        new BatchGetCommand({
          RequestItems: { [tableName()]: { Keys: pending, ConsistentRead: options.consistent, ...(options.projection ? { ProjectionExpression: options.projection } : {}) } },
        }),
      );
      items.push(...(output.Responses?.[tableName()] ?? []));
      return output.UnprocessedKeys?.[tableName()]?.Keys;
    }),
  );
  return items;
}

/**
 * Puts every item, 25 per BatchWriteItem, `concurrency` calls in flight, through `client` (`db()`
 * unless a caller has its own); unprocessed items are sent again with a growing pause.
 * Unconditional: callers make sure nobody else writes these items meanwhile (see
 * shared/training/repository/bulk-locks.ts).
 */
export async function batchPutAll(items: Item[], concurrency: number, client: DynamoDBDocumentClient = db()): Promise<void> {
  await inParallel(slicesOf(items, PUTS_PER_CALL), concurrency, (slice) =>
    resendUnprocessed<WriteRequest>(
      slice.map((Item) => ({ PutRequest: { Item } })),
      async (pending) => {
        const output: BatchWriteCommandOutput = await client.send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }));
        return output.UnprocessedItems?.[tableName()];
      },
    ),
  );
}
