import { batchGetAll } from '../../db/batch.ts';
import { readStoredEmployees } from '../repository/employees.ts';
import { recordKey } from '../repository/records.ts';
import { addTrainings as writeTrainings } from '../service/bulk-trainings.ts';
import { upsertEmployees as writeEmployees } from '../service/employees.ts';
import type { BulkContext, Outcome } from '../service/outcomes.ts';
import { newTraining } from '../service/records.ts';
import type { EmployeeEntry, TrainingEntry } from './roster.ts';

export type { BulkContext, Outcome } from '../service/outcomes.ts';

/**
 * Records each training with its hours in the year's total (the bulk writer of
 * shared/training/service/). Within a background import, a record that a dead worker's attempt
 * stored carries this import's id: it counts as imported, once, where a record stored before the
 * import counts as a duplicate. (The same row twice in one file is then counted imported twice;
 * the record and the hours are stored once.)
 */
export async function addTrainings(entries: TrainingEntry[], context: BulkContext): Promise<Outcome[]> {
  const outcomes = await writeTrainings(entries.map(({ nip, ...body }) => ({ nip, body })), context);
  const { importId } = context;
  const duplicates = outcomes.flatMap((outcome, index) => (outcome.kind === 'duplicate' ? [index] : []));
  if (!importId || duplicates.length === 0) return outcomes;
  const keys = new Map(
    duplicates.map((index) => {
      const { nip, ...body } = entries[index]!;
      return [index, recordKey(newTraining(nip, body, context))] as const;
    }),
  );
  const stored = await batchGetAll([...keys.values()], { consistent: true, projection: 'PK, SK, importId' });
  const place = (key: Record<string, unknown>) => `${String(key.PK)}|${String(key.SK)}`;
  const mine = new Set(stored.filter((item) => item.importId === importId).map(place));
  return outcomes.map((outcome, index) => (outcome.kind === 'duplicate' && mine.has(place(keys.get(index)!)) ? { kind: 'imported' } : outcome));
}

/**
 * Creates or updates each employee (the bulk writer of shared/training/service/). Within a
 * background import, an employee that a dead worker's attempt wrote carries the import's time as
 * `updatedAt` (the same on every attempt): it counts as imported, once.
 */
export async function upsertEmployees(entries: EmployeeEntry[], context: BulkContext): Promise<Outcome[]> {
  const outcomes = await writeEmployees(entries, context);
  const duplicates = outcomes.flatMap((outcome, index) => (outcome.kind === 'duplicate' ? [index] : []));
  if (!context.importId || duplicates.length === 0) return outcomes;
  const stored = await readStoredEmployees(duplicates.map((index) => entries[index]!.nip));
  const writtenNow = (index: number) => stored.get(entries[index]!.nip)?.employee.updatedAt === context.now.toISOString();
  return outcomes.map((outcome, index) => (outcome.kind === 'duplicate' && writtenNow(index) ? { kind: 'imported' } : outcome));
}
