import { createHash, randomUUID } from 'node:crypto';
import { transact } from '../../db/transactions.ts';
import { ConflictError, DomainError, NotFoundError } from '../../errors.ts';
import { isTransient } from '../../http/problem.ts';
import { log } from '../../log.ts';
import { getEmployee } from '../repository/employees.ts';
import { getTraining, insertionSteps, newTrainingId } from '../repository/records.ts';
import { trainingYear } from '../rules.ts';
import type { Training } from '../schemas.ts';
import { putEmployee } from '../service/employees.ts';
import type { EmployeeEntry, TrainingEntry } from './roster.ts';

/**
 * The row writers of the imports, with the signature of the bulk writers of
 * shared/training/service/ (`addTrainings` / `upsertEmployees`, one outcome per entry). Until those
 * are merged, each entry goes through the per-row write path (the record's transaction with the
 * employee's total; the employee's versioned put), so swapping in the bulk writers is one import line.
 */
export interface BulkContext {
  subject: string;
  /** For a background import: the import's creation time, the same on every attempt. */
  now: Date;
  importId?: string;
}

/** `retryable`: not stored for a passing reason (the database did not answer): run the entry again. */
export type Outcome = { kind: 'imported' } | { kind: 'duplicate' } | { kind: 'rejected'; errors: string[]; retryable?: Error };

export const NOT_ANSWERED = 'was not stored: the database did not answer in time; import the file again (rows already stored count as duplicates)';

/** Entries written at once: enough to keep DynamoDB busy, few enough for one Lambda. */
const CONCURRENCY = 16;

async function eachEntry<T>(entries: T[], write: (entry: T) => Promise<Outcome>): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(entries.length);
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const index = next++;
      outcomes[index] = await write(entries[index]!).catch(failedOutcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, entries.length) }, worker));
  return outcomes;
}

function failedOutcome(error: unknown): Outcome {
  if (error instanceof NotFoundError) return { kind: 'rejected', errors: ['nip names no registered employee'] };
  if (error instanceof DomainError) return { kind: 'rejected', errors: [error.message] };
  if (isTransient(error)) return { kind: 'rejected', errors: [NOT_ANSWERED], retryable: error as Error };
  // Whatever the store refused is this entry's problem, reported with it; the other entries stand.
  log('error', 'import row not stored', { error: (error as Error).name, reason: (error as Error).message });
  return { kind: 'rejected', errors: ['could not be stored; check its values'] };
}

/**
 * Within an import, a record's id follows from the import and the row, so that a chunk run again
 * after a crash recognizes the records its first attempt stored: they count as imported, once,
 * and only records stored before the import count as duplicates.
 */
function recordUuid(context: BulkContext, entry: TrainingEntry): string {
  if (!context.importId) return randomUUID();
  const hex = createHash('sha256').update(`${context.importId}\n${JSON.stringify(entry)}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Records each training with its hours in the year's total (one transaction each); the same course again is a duplicate. */
export function addTrainings(entries: TrainingEntry[], context: BulkContext): Promise<Outcome[]> {
  return eachEntry(entries, async ({ nip, ...input }) => {
    const training: Training = {
      id: newTrainingId(input.endsOn, recordUuid(context, { nip, ...input })),
      nip,
      ...input,
      year: trainingYear(input.endsOn),
      createdAt: context.now.toISOString(),
      createdBy: context.subject,
      version: 1,
    };
    try {
      await transact(insertionSteps(training));
      return { kind: 'imported' };
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const storedByThisImport = context.importId !== undefined && (await getTraining(nip, training.id)) !== undefined;
      return { kind: storedByThisImport ? 'imported' : 'duplicate' };
    }
  });
}

const ROSTER_FIELDS = ['name', 'email', 'unit', 'position', 'supervisorEmail'] as const;
/** Attempts per entry when other writers keep changing the employee between our read and our write. */
const MAX_ATTEMPTS = 5;

/**
 * Creates or updates each employee. An update names the version it read, so a concurrent change
 * is never overwritten unseen (no lost update): the employee is read again and the row re-applied.
 * An employee already so is a duplicate, unless this import wrote it on an earlier attempt.
 */
export function upsertEmployees(entries: EmployeeEntry[], context: BulkContext): Promise<Outcome[]> {
  return eachEntry(entries, async ({ nip, ...input }) => {
    for (let attempt = 1; ; attempt += 1) {
      const stored = await getEmployee(nip);
      if (stored && ROSTER_FIELDS.every((field) => stored[field] === input[field])) {
        const writtenByThisImport = context.importId !== undefined && stored.updatedAt === context.now.toISOString();
        return { kind: writtenByThisImport ? 'imported' : 'duplicate' };
      }
      try {
        await putEmployee(nip, input, stored?.version, { subject: context.subject, now: context.now });
        return { kind: 'imported' };
      } catch (error) {
        const raced = error instanceof DomainError && (error.kind === 'stale' || error.kind === 'version-required');
        if (!raced || attempt === MAX_ATTEMPTS) throw error;
      }
    }
  });
}
