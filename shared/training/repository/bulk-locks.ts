import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { slicesOf } from '../../concurrency.ts';
import { batchPutAll } from '../../db/batch.ts';
import { db, tableName } from '../../db/client.ts';
import { transact, type TransactItem, type TransactStep } from '../../db/transactions.ts';
import { TotalChangedError } from './totals.ts';

/**
 *   TOTALS-LOCK#<year> / SHARD#<0..3>    held while a bulk writer rewrites totals of that year for a
 *                                        quarter of the employees (by a hash of their NIP)
 *
 * Bulk writers (roster imports) put records and totals with BatchWriteItem, three to four times
 * cheaper per item than a transaction but without conditions: a total rewritten so must not change
 * between its read and its write. The bulk writer therefore holds the lock of the totals it writes,
 * and every other writer of a total checks in its own transaction that the lock is free
 * (`lockFreeStep`): a write racing the bulk writer fails at commit and goes round again
 * (`writeWithTotals`), the lock being held for a fraction of a second per batch.
 *
 * Before its batch writes, the holder stores in the lock what it will write (the intent: records,
 * totals and the histogram change, compressed). The histogram change is applied in the transaction
 * that deletes the lock, so it counts once. A holder that dies leaves the lock with its intent;
 * when its lease is over, the next bulk writer of that lock completes the intent (the puts are
 * idempotent, and the lock kept every other writer of those totals out) and takes the lock.
 */
export const LOCK_SHARDS = 4;
/** Longer than any holder can live (the import worker's timeout is 120 s, the API's 29 s): a live holder is never taken over. */
export const LOCK_LEASE_MS = 180_000;
/** BatchWriteItem calls in flight per holder. */
const PUTS_IN_FLIGHT = 4;
/** Counter updates per transaction, with the lock's own step (DynamoDB's limit is 100 items). */
const COUNTERS_PER_TRANSACTION = 99;

const lockKey = (year: number, shard: number) => ({ PK: `TOTALS-LOCK#${year}`, SK: `SHARD#${shard}` });

/** The lock shard of an employee: a hash of the whole NIP (its last digits are mostly a sequence number 001). */
export function lockShardOf(nip: string): number {
  let hash = 0x811c9dc5; // FNV-1a
  for (let index = 0; index < nip.length; index += 1) hash = Math.imul(hash ^ nip.charCodeAt(index), 0x01000193);
  return (hash >>> 0) % LOCK_SHARDS;
}

/** In every other writer's transaction: the total of (`nip`, `year`) is not being rewritten in bulk. */
export function lockFreeStep(nip: string, year: number): TransactStep {
  return {
    item: { ConditionCheck: { TableName: tableName(), Key: lockKey(year, lockShardOf(nip)), ConditionExpression: 'attribute_not_exists(PK)' } },
    // Like a total changed meanwhile: read again and retry once the bulk writer is done.
    onConditionFailed: () => new TotalChangedError(undefined),
  };
}

/** What a holder writes: items put as they are, then the histogram's counter updates with the release. */
export interface Intent {
  items: Record<string, unknown>[];
  counters: TransactItem[];
}

export interface HeldLock {
  key: { PK: string; SK: string };
  token: string;
}

interface StoredLock {
  holder: string;
  expiresAt: number;
  /** Transactions of counter updates already applied (an intent's counters may need several). */
  applied: number;
  intent?: Uint8Array;
}

/** The holder lost the lock: it outlived its lease and another writer completed its intent. */
export class LockLostError extends Error {
  constructor() {
    super('The bulk lock was taken over by another writer.');
    this.name = 'LockLostError';
  }
}

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 10 * 2 ** attempt)));

/**
 * Takes the lock of (`year`, `shard`): waits while a live holder has it, and completes the intent
 * of a holder whose lease is over before taking it.
 */
export async function holdLock(year: number, shard: number): Promise<HeldLock> {
  const key = lockKey(year, shard);
  const token = randomUUID();
  for (let attempt = 0; ; attempt += 1) {
    try {
      await db().send(
        new PutCommand({ TableName: tableName(), Item: { ...key, entity: 'BULK_LOCK', holder: token, expiresAt: Date.now() + LOCK_LEASE_MS, applied: 0 }, ConditionExpression: 'attribute_not_exists(PK)' }),
      );
      return { key, token };
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
    const stored = Item as StoredLock | undefined;
    if (stored && stored.expiresAt < Date.now()) await takeOverAndComplete(key, stored);
    else await pause(attempt);
  }
}

/** Stores what the holder is about to write (`encodeIntent`), so that whoever comes after a crash can finish it. */
export async function recordIntent(lock: HeldLock, intent: Uint8Array): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: lock.key,
      UpdateExpression: 'SET intent = :intent',
      ConditionExpression: 'holder = :token',
      ExpressionAttributeValues: { ':intent': intent, ':token': lock.token },
    }),
  ).catch(lostOr);
}

/** Writes the intent's items, applies its counters and releases the lock (each counter transaction once). */
export async function completeIntent(lock: HeldLock, intent: Intent, applied = 0): Promise<void> {
  await batchPutAll(intent.items, PUTS_IN_FLIGHT);
  const parts = slicesOf(intent.counters, COUNTERS_PER_TRANSACTION);
  if (parts.length === 0) return releaseLock(lock);
  for (let part = applied; part < parts.length; part += 1) {
    const counters: TransactStep[] = parts[part]!.map((item) => ({ item }));
    const last = part === parts.length - 1;
    const lockStep: TransactItem = last
      ? { Delete: { TableName: tableName(), Key: lock.key, ConditionExpression: 'holder = :token AND applied = :part', ExpressionAttributeValues: { ':token': lock.token, ':part': part } } }
      : {
          Update: {
            TableName: tableName(),
            Key: lock.key,
            UpdateExpression: 'SET applied = :next',
            ConditionExpression: 'holder = :token AND applied = :part',
            ExpressionAttributeValues: { ':token': lock.token, ':part': part, ':next': part + 1 },
          },
        };
    await transact([...counters, { item: lockStep, onConditionFailed: () => new LockLostError() }]);
  }
}

/** Releases a lock under which nothing was written. */
export async function releaseLock(lock: HeldLock): Promise<void> {
  await db()
    .send(new DeleteCommand({ TableName: tableName(), Key: lock.key, ConditionExpression: 'holder = :token', ExpressionAttributeValues: { ':token': lock.token } }))
    .catch(lostOr);
}

async function takeOverAndComplete(key: HeldLock['key'], stored: StoredLock): Promise<void> {
  const lock = { key, token: randomUUID() };
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'SET holder = :token, expiresAt = :expiresAt',
        ConditionExpression: 'holder = :dead AND expiresAt = :deadline',
        ExpressionAttributeValues: { ':token': lock.token, ':expiresAt': Date.now() + LOCK_LEASE_MS, ':dead': stored.holder, ':deadline': stored.expiresAt },
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return; // another writer took it over first
    throw error;
  }
  if (stored.intent) await completeIntent(lock, decodeIntent(stored.intent), stored.applied);
  else await releaseLock(lock);
}

function lostOr(error: unknown): never {
  throw (error as Error).name === 'ConditionalCheckFailedException' ? new LockLostError() : error;
}

export const encodeIntent = (intent: Intent): Uint8Array => gzipSync(JSON.stringify(intent), { level: 1 });
export const decodeIntent = (stored: Uint8Array): Intent => JSON.parse(gunzipSync(stored).toString('utf8')) as Intent;
