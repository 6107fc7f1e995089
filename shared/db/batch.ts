import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.ts';

type Item = Record<string, unknown>;

/** BatchGetItem takes at most this many keys. */
const KEYS_PER_CALL = 100;

/**
 * Every stored item of `keys` (absent ones are simply missing), 100 keys per BatchGetItem, the
 * calls in parallel; unprocessed keys are asked again with a growing pause.
 */
export async function batchGetAll(keys: Item[], options: { consistent: boolean; projection?: string }): Promise<Item[]> {
  const slices = Array.from({ length: Math.ceil(keys.length / KEYS_PER_CALL) }, (_, index) => keys.slice(index * KEYS_PER_CALL, (index + 1) * KEYS_PER_CALL));
  const pages = await Promise.all(
    slices.map(async (slice) => {
      const items: Item[] = [];
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
      return items;
    }),
  );
  return pages.flat();
}
