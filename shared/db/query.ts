import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.ts';
import { tableDefinition, type IndexName } from './table-definition.ts';

export type Key = Record<string, unknown>;
type Item = Record<string, unknown>;

export interface PageQuery {
  index?: IndexName;
  keyCondition: string;
  filter?: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
  forward?: boolean;
  /** Strongly consistent (table queries only): for reads that a conditional write builds on. */
  consistent?: boolean;
}

/** Bounds the work of one request when a filter discards most of what it reads. */
const MAX_ROUNDS = 10;

/**
 * One page of a Query: up to `limit` items, and the key to continue from when more may follow.
 * When a filter is set, DynamoDB's Limit counts items read before filtering, so the page is
 * filled over a few rounds; the continuation key is the last item returned, not the last read.
 */
export async function queryPage(query: PageQuery, limit: number, start?: Key): Promise<{ items: Item[]; next?: Key }> {
  const items: Item[] = [];
  let exclusiveStart = start;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const input: QueryCommandInput = {
      TableName: tableName(),
      IndexName: query.index,
      KeyConditionExpression: query.keyCondition,
      FilterExpression: query.filter,
      ExpressionAttributeNames: Object.keys(query.names).length ? query.names : undefined,
      ExpressionAttributeValues: query.values,
      ScanIndexForward: query.forward ?? true,
      ...(query.consistent ? { ConsistentRead: true } : {}),
      Limit: query.filter ? Math.max(limit - items.length, 50) : limit - items.length,
      ExclusiveStartKey: exclusiveStart,
    };
    const output = await db().send(new QueryCommand(input));
    const page = output.Items ?? [];
    const room = limit - items.length;
    if (page.length > room) {
      items.push(...page.slice(0, room));
      return { items, next: keyOf(items[items.length - 1]!, query.index) };
    }
    items.push(...page);
    exclusiveStart = output.LastEvaluatedKey;
    if (!exclusiveStart) return { items };
    if (items.length === limit) return { items, next: keyOf(items[items.length - 1]!, query.index) };
  }
  return { items, next: exclusiveStart };
}

/**
 * Every item a query returns, a page at a time, for the reads that need the whole result (a
 * unit's employees, an agreement's linked trainings): the key condition bounds what is read.
 */
export async function* queryAll(query: PageQuery, pageSize = 100): AsyncGenerator<Item[]> {
  let start: Key | undefined;
  do {
    const page = await queryPage(query, pageSize, start);
    if (page.items.length) yield page.items;
    start = page.next;
  } while (start);
}

/** The primary key of an item, plus the index key when the query ran on an index. */
export function keyOf(item: Item, index?: IndexName): Key {
  const key: Key = { [tableDefinition.partitionKey]: item[tableDefinition.partitionKey], [tableDefinition.sortKey]: item[tableDefinition.sortKey] };
  const definition = tableDefinition.globalIndexes.find((candidate) => candidate.indexName === index);
  if (definition) {
    key[definition.partitionKey] = item[definition.partitionKey];
    key[definition.sortKey] = item[definition.sortKey];
  }
  return key;
}

/** Where a walk over several partitions stopped: which query, and where inside it. */
export interface BucketPosition {
  bucket: number;
  key?: Key;
}

/**
 * One page over several queries read in order (e.g. one per month of a date window): only the
 * partitions that the window spans are read, and the position says where to resume.
 */
export async function queryBuckets(queries: PageQuery[], limit: number, position: BucketPosition = { bucket: 0 }) {
  const items: Item[] = [];
  let start = position.key;
  for (let bucket = position.bucket; bucket < queries.length; bucket += 1, start = undefined) {
    const page = await queryPage(queries[bucket]!, limit - items.length, start);
    items.push(...page.items);
    if (page.next) return { items, next: { bucket, key: page.next } satisfies BucketPosition };
    if (items.length === limit) {
      return { items, next: bucket + 1 < queries.length ? ({ bucket: bucket + 1 } satisfies BucketPosition) : undefined };
    }
  }
  return { items, next: undefined };
}
