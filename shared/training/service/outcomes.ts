import { DomainError } from '../../errors.ts';
import { isTransient } from '../../http/problem.ts';
import { log } from '../../log.ts';

/** Who writes a batch, when, and (for background imports) which import it belongs to. */
export interface BulkContext {
  subject: string;
  now: Date;
  importId?: string;
}

/**
 * What became of one entry of a bulk write. `duplicate`: already stored so (nothing changed);
 * `retryable`: not stored for a passing reason (the database did not answer): run it again.
 */
export type Outcome = { kind: 'imported' } | { kind: 'duplicate' } | { kind: 'rejected'; errors: string[]; retryable?: Error };

export const NOT_ANSWERED = 'was not stored: the database did not answer in time; import the file again (rows already stored count as duplicates)';

/** The outcome of one entry's write: a domain refusal is the entry's problem, a passing failure is retryable. */
export async function bulkOutcome(write: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await write();
  } catch (error) {
    return failedOutcome(error);
  }
}

export function failedOutcome(error: unknown): Outcome {
  if (error instanceof DomainError) return { kind: 'rejected', errors: [error.message] };
  if (isTransient(error)) return { kind: 'rejected', errors: [NOT_ANSWERED], retryable: error as Error };
  // Whatever the store refused is this entry's problem, reported with it; the other entries stand.
  log('error', 'bulk entry not stored', { error: (error as Error).name, reason: (error as Error).message });
  return { kind: 'rejected', errors: ['could not be stored; check its values'] };
}
