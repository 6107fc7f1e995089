import type { IdempotencyScope } from './db/idempotency.ts';

/** Who acts, when, and (for keyed POSTs) under which idempotency key: what every write needs. */
export interface Actor {
  subject: string;
  now: Date;
  idempotency?: IdempotencyScope;
}

/** What a write asks of the stored version (`If-Match`): exactly this one, or (`*`) whichever exists. */
export type VersionPrecondition = number | 'any';
