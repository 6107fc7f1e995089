import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { settings } from '../config.ts';
import { UnprocessableError } from '../errors.ts';
import type { IdempotencyRequest } from '../http/idempotency.ts';
import { db, tableName } from './client.ts';
import { transact, type TransactStep } from './transactions.ts';

/** Who sent which key to which operation: keys of different callers never collide. */
export interface IdempotencyScope {
  owner: string;
  operation: string;
  request: IdempotencyRequest;
}

/** Raised inside a write when the key was already used with the same body. */
class IdempotentReplay extends Error {
  constructor(readonly result: unknown) {
    super('idempotent replay');
  }
}

const recordKey = (scope: IdempotencyScope) => ({ PK: `IDEMPOTENCY#${scope.owner}#${scope.operation}#${scope.request.key}`, SK: 'IDEMPOTENCY' });
const nowSeconds = (now: Date) => Math.floor(now.getTime() / 1000);

function mismatch() {
  return new UnprocessableError({ code: 'IDEMPOTENCY_KEY_REUSED' });
}

/**
 * The record of a keyed request, written in the same transaction as the effect it guards, so
 * that a retry either finds the whole effect or none of it. It keeps the first result for replay
 * and expires (TTL) after IDEMPOTENCY_TTL_HOURS; an expired record no longer blocks its key.
 */
function recordStep(scope: IdempotencyScope, result: unknown, now: Date): TransactStep {
  return {
    item: {
      Put: {
        TableName: tableName(),
        Item: { ...recordKey(scope), fingerprint: scope.request.fingerprint, result, expiresAt: nowSeconds(now) + settings().IDEMPOTENCY_TTL_HOURS * 3600 },
        ConditionExpression: 'attribute_not_exists(PK) OR expiresAt < :now',
        ExpressionAttributeValues: { ':now': nowSeconds(now) },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    onConditionFailed: (stored) => (stored?.fingerprint === scope.request.fingerprint ? new IdempotentReplay(stored.result) : mismatch()),
  };
}

/** The first result of a key already used; the same key with another body is a 422. */
async function firstResult(scope: IdempotencyScope, now: Date): Promise<{ result: unknown } | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: recordKey(scope), ConsistentRead: true }));
  if (!Item || (Item.expiresAt as number) < nowSeconds(now)) return undefined;
  if (Item.fingerprint !== scope.request.fingerprint) throw mismatch();
  return { result: Item.result };
}

/**
 * A write that happens once per Idempotency-Key. A retry finds the first result before anything
 * else runs (the first write may have changed what the rules would now say: a renewal retried
 * after it succeeded finds its agreement renewed). Otherwise `prepare` applies the rules and
 * returns the result with the steps that store it, and the key's record joins their transaction,
 * so that two identical requests racing each other still produce one effect and one answer.
 * `final: false` leaves the key unrecorded, so that a retry runs again (an import whose rows
 * met a passing failure: the rows already stored then count as duplicates).
 */
export async function writeOnce<T>(
  scope: IdempotencyScope | undefined,
  now: Date,
  prepare: () => Promise<{ result: T; steps: TransactStep[]; final?: boolean }>,
): Promise<{ result: T; replayed: boolean }> {
  const earlier = scope && (await firstResult(scope, now));
  if (earlier) return { result: earlier.result as T, replayed: true };
  const { result, steps, final = true } = await prepare();
  const all = scope && final ? [recordStep(scope, result, now), ...steps] : steps;
  if (all.length === 0) return { result, replayed: false };
  try {
    await transact(all);
    return { result, replayed: false };
  } catch (error) {
    if (error instanceof IdempotentReplay) return { result: error.result as T, replayed: true };
    throw error;
  }
}
