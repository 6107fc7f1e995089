import { DomainError, fieldError, type FieldError } from '../../errors.ts';
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
export type Outcome = { kind: 'imported' } | { kind: 'duplicate' } | { kind: 'rejected'; errors: FieldError[]; retryable?: Error };

export const notAnswered = (): FieldError => fieldError('', 'ROW_NOT_ANSWERED');

/** The outcome of one entry's write: a domain refusal is the entry's problem, a passing failure is retryable. */
export async function bulkOutcome(write: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await write();
  } catch (error) {
    return failedOutcome(error);
  }
}

export function failedOutcome(error: unknown): Outcome {
  // A refusal from the catalogue keeps its code, so that it is worded in the reader's language.
  if (error instanceof DomainError) return { kind: 'rejected', errors: [{ path: '', message: error.message, ...(error.code ? { code: error.code } : {}), ...(error.params ? { params: error.params } : {}) }] };
  if (isTransient(error)) return { kind: 'rejected', errors: [notAnswered()], retryable: error as Error };
  // Whatever the store refused is this entry's problem, reported with it; the other entries stand.
  log('error', 'bulk entry not stored', { error: (error as Error).name, reason: (error as Error).message });
  return { kind: 'rejected', errors: [fieldError('', 'ROW_NOT_STORED')] };
}
