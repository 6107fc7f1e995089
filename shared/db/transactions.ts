import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { ConflictError } from '../errors.ts';
import { db } from './client.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** One write of a transaction, with the error to raise if its condition is what cancelled it. */
export interface TransactStep {
  item: TransactItem;
  /** Receives the stored item when the step asked for `ReturnValuesOnConditionCheckFailure`. */
  onConditionFailed?: (stored: Record<string, unknown> | undefined) => Error;
}

const MAX_ATTEMPTS = 8;

/**
 * All-or-nothing write. A failed condition becomes the step's own error (the first failing step
 * in order wins, so put the step whose error matters most first); a conflict with another
 * transaction in flight is retried with jitter, after which the conditions decide.
 */
export async function transact(steps: TransactStep[]): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await db().send(new TransactWriteCommand({ TransactItems: steps.map((step) => step.item) }));
      return;
    } catch (error) {
      if ((error as Error).name !== 'TransactionCanceledException') throw error;
      const reasons = (error as { CancellationReasons?: { Code?: string; Item?: Record<string, AttributeValue> }[] }).CancellationReasons ?? [];
      const failed = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
      if (failed >= 0) {
        const stored = reasons[failed]?.Item;
        throw steps[failed]?.onConditionFailed?.(stored ? unmarshall(stored) : undefined) ?? new ConflictError({ code: 'CONCURRENT_CHANGE' });
      }
      const conflicted = reasons.some((reason) => reason.Code === 'TransactionConflict');
      if (!conflicted) throw error;
      if (attempt === MAX_ATTEMPTS) {
        // Still contended after every retry: worth retrying later (a 503), not a fault of ours.
        throw Object.assign(new Error('The items are being changed by other requests; retry shortly.'), { name: 'TransactionConflictException', cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
