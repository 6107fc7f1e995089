import { settings } from '../config.ts';
import { UnprocessableError } from '../errors.ts';
import type { IdempotencyRequest } from '../http/idempotency.ts';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.ts';
import type { TransactStep } from './transactions.ts';

/** Who sent which key to which operation: keys of different callers never collide. */
export interface IdempotencyScope {
  owner: string;
  operation: string;
  request: IdempotencyRequest;
}

/** Raised inside a write when the key was already used with the same body. */
export class IdempotentReplay<T> extends Error {
  constructor(readonly result: T) {
    super('idempotent replay');
  }
}

const PREFIX = 'IDEMPOTENCY#';

/**
 * The record of a keyed request, written in the same transaction as the effect it guards, so
 * that a retry either finds the whole effect or none of it. It keeps the first result for replay
 * and expires (TTL) after IDEMPOTENCY_TTL_HOURS; an expired record no longer blocks its key.
 */
export function idempotencyStep<T>(scope: IdempotencyScope, result: T, now = new Date()): TransactStep {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  return {
    item: {
      Put: {
        TableName: tableName(),
        Item: {
          ...recordKey(scope),
          fingerprint: scope.request.fingerprint,
          result,
          expiresAt: nowSeconds + settings().IDEMPOTENCY_TTL_HOURS * 3600,
        },
        ConditionExpression: 'attribute_not_exists(PK) OR expiresAt < :now',
        ExpressionAttributeValues: { ':now': nowSeconds },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    onConditionFailed: (stored) => {
      if (stored?.fingerprint !== scope.request.fingerprint) return mismatch();
      return new IdempotentReplay(stored.result as T);
    },
  };
}

function recordKey(scope: IdempotencyScope) {
  return { PK: `${PREFIX}${scope.owner}#${scope.operation}#${scope.request.key}`, SK: 'IDEMPOTENCY' };
}

/**
 * The first result of a key already used (checked before a write's own rules, which the first
 * write may have changed: a renewal retried after it succeeded finds its agreement renewed).
 * The same key with another body is a 422.
 */
export async function findReplay<T>(scope: IdempotencyScope, now = new Date()): Promise<T | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: recordKey(scope), ConsistentRead: true }));
  if (!Item || (Item.expiresAt as number) < Math.floor(now.getTime() / 1000)) return undefined;
  if (Item.fingerprint !== scope.request.fingerprint) throw mismatch();
  return Item.result as T;
}

function mismatch() {
  return new UnprocessableError('This Idempotency-Key was already used with a different request body; use a new key for a new request.');
}

/** Runs a keyed write: the first result when the key was already used, else `undefined`. */
export async function earlierResultOf<T>(write: () => Promise<void>): Promise<T | undefined> {
  try {
    await write();
    return undefined;
  } catch (error) {
    if (error instanceof IdempotentReplay) return error.result as T;
    throw error;
  }
}
