import { agreementKey } from '../../agreements/repository.ts';
import { inParallel, slicesOf } from '../../concurrency.ts';
import { batchGetAll } from '../../db/batch.ts';
import { transact } from '../../db/transactions.ts';
import { ConflictError, fieldError, UnprocessableError } from '../../errors.ts';
import { isTransient } from '../../http/problem.ts';
import { keyText } from '../../text.ts';
import { completeIntent, encodeIntent, holdLock, lockShardOf, LockLostError, recordIntent, releaseLock, type HeldLock, type Intent } from '../repository/bulk-locks.ts';
import { readStoredEmployees } from '../repository/employees.ts';
import { insertionSteps } from '../repository/records.ts';
import { writeWithTotals } from '../repository/total-changes.ts';
import { counterSteps, readTotals, totalId } from '../repository/totals.ts';
import type { Training, TrainingInput } from '../schemas.ts';
import { planBatch, type StoredState } from './bulk-plan.ts';
import { bulkOutcome, failedOutcome, notAnswered, type BulkContext, type Outcome } from './outcomes.ts';
import { newTraining } from './records.ts';

/**
 * Training records written in bulk (roster imports): exact, resumable, and at batch-write speed.
 *
 * Rows go into lanes by the lock of their total (the year and a quarter of the employees, see
 * bulk-locks.ts); lanes run side by side, each a batch of up to BATCH_ROWS rows at a time:
 *
 *   hold the lock → read the totals (which list the year's records and certificate numbers) and
 *   agreements (BatchGetItem) → decide each row (bulk-plan.ts) → store the intent in the lock →
 *   BatchWriteItem the records and new totals → apply the histogram change and release the lock
 *   (one transaction)
 *
 * While the lock is held nobody else changes those totals, so the unconditional batch writes lose
 * nothing; a writer that dies leaves its intent, which the next holder completes. A re-run finds
 * the stored records and reports them as duplicates. Rows of an employee without a total for that
 * year (a year not opened yet) are written afterwards one by one, as the API writes a record.
 */
const BATCH_ROWS = 1_000;
const LANES_IN_FLIGHT = 4;
const ALONE_IN_FLIGHT = 8;
const LOCK_GAP_MS = 150;
/** DynamoDB's item limit is 400 KB: an intent above this splits its batch. */
const MAX_INTENT_BYTES = 300_000;
/** Attempts at finishing an intent before leaving it to the next holder. */
const COMPLETION_ATTEMPTS = 3;

interface Row {
  index: number;
  training: Training;
}

export async function addTrainings(entries: { nip: string; body: TrainingInput }[], context: BulkContext): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(entries.length);
  const lanes = new Map<string, Row[]>();
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const training = newTraining(entry.nip, entry.body, context);
    // A certificate number is unique per employee and year, as the store's totals keep them.
    const guards = [`${training.nip}#${training.id}`, ...(training.certificateNumber ? [`${training.nip}#${training.year}#C#${keyText(training.certificateNumber)}`] : [])];
    if (guards.some((guard) => seen.has(guard))) {
      outcomes[index] = { kind: 'duplicate' };
      return;
    }
    for (const guard of guards) seen.add(guard);
    const lane = `${training.year}#${lockShardOf(training.nip)}`;
    const rows = lanes.get(lane) ?? [];
    rows.push({ index, training });
    lanes.set(lane, rows);
  });

  const alone: Row[] = [];
  await inParallel([...lanes.values()], LANES_IN_FLIGHT, async (rows) => {
    for (const [index, batch] of slicesOf(rows, BATCH_ROWS).entries()) {
      // A lane of a big roster would hold its lock almost without a break: leave a gap between batches,
      // so that single writes held back by the lock (retrying for ~10 s) get their turn.
      if (index > 0) await new Promise((resolve) => setTimeout(resolve, LOCK_GAP_MS));
      try {
        alone.push(...(await writeBatch(batch, outcomes)));
      } catch (error) {
        // A passing failure (or a lease outlived): the rows are tried again, and a re-run finds what was stored.
        const outcome: Outcome = isTransient(error) || error instanceof LockLostError ? { kind: 'rejected', errors: [notAnswered()], retryable: error as Error } : failedOutcome(error);
        for (const row of batch) outcomes[row.index] ??= outcome;
      }
    }
  });
  await inParallel(alone, ALONE_IN_FLIGHT, async (row) => {
    outcomes[row.index] = await writeAlone(row.training);
  });
  return outcomes;
}

/** One batch of one lock's rows; returns the rows to write alone. */
async function writeBatch(rows: Row[], outcomes: Outcome[]): Promise<Row[]> {
  const { year, nip } = rows[0]!.training;
  const lock = await holdLock(year, lockShardOf(nip));
  let writing = false;
  try {
    const trainings = rows.map((row) => row.training);
    const plan = planBatch(trainings, await readState(trainings));
    const intent: Intent = { items: plan.items, counters: counterSteps(year, plan.delta, String(Math.floor(Math.random() * 1_000_000))).map((step) => step.item) };
    const encoded = encodeIntent(intent);
    if (encoded.length > MAX_INTENT_BYTES && rows.length > 1) {
      await releaseLock(lock);
      const half = Math.ceil(rows.length / 2);
      return [...(await writeBatch(rows.slice(0, half), outcomes)), ...(await writeBatch(rows.slice(half), outcomes))];
    }
    if (plan.items.length) {
      await recordIntent(lock, encoded);
      writing = true;
      await completeWithRetries(lock, intent);
    } else await releaseLock(lock);
    const alone: Row[] = [];
    plan.decisions.forEach((decision, index) => {
      if (decision.kind === 'alone') alone.push(rows[index]!);
      else outcomes[rows[index]!.index] = decision;
    });
    return alone;
  } catch (error) {
    // Nothing written yet: free the lock at once. Once writing, the lock and its intent wait for the next holder.
    if (!writing) await releaseLock(lock).catch(() => undefined);
    throw error;
  }
}

async function completeWithRetries(lock: HeldLock, intent: Intent): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await completeIntent(lock, intent);
    } catch (error) {
      if (!isTransient(error) || attempt === COMPLETION_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/** What the plan needs, read consistently under the lock. */
async function readState(trainings: Training[]): Promise<StoredState> {
  const agreementIds = [...new Set(trainings.flatMap((training) => (training.agreementId ? [training.agreementId] : [])))];
  const [totals, agreements] = await Promise.all([readTotals(trainings), batchGetAll(agreementIds.map(agreementKey), { consistent: true, projection: 'PK, SK' })]);
  const withoutTotal = trainings.filter((training) => !totals.has(totalId(training.nip, training.year))).map((training) => training.nip);
  const profiles = withoutTotal.length ? await readStoredEmployees(withoutTotal) : new Map();
  const existing = new Set(agreements.map((item) => item.PK));
  return { totals, agreements: new Set(agreementIds.filter((id) => existing.has(agreementKey(id).PK))), profiles: new Set(profiles.keys()) };
}

/** A row whose employee has no total that year: one transaction, as `POST /employees/{nip}/trainings` writes it. */
function writeAlone(training: Training): Promise<Outcome> {
  return bulkOutcome(async () => {
    try {
      await writeWithTotals(training.nip, async () => transact(await insertionSteps(training)));
      return { kind: 'imported' };
    } catch (error) {
      if (error instanceof ConflictError) return { kind: 'duplicate' };
      if (error instanceof UnprocessableError) return { kind: 'rejected', errors: [fieldError('agreementId', 'ROW_AGREEMENT_UNKNOWN', { agreementId: training.agreementId ?? '' })] };
      return failedOutcome(error);
    }
  });
}
