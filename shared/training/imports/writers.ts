import { batchGetAll } from '../../db/batch.ts';
import { recordKey } from '../repository/records.ts';
import { addTrainings as writeTrainings } from '../service/bulk-trainings.ts';
import type { BulkContext, Outcome } from '../service/outcomes.ts';
import { newTraining } from '../service/records.ts';
import type { TrainingEntry } from './roster.ts';

export { upsertEmployees } from '../service/employees.ts';
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
  const keyOf = (index: number) => {
    const { nip, ...body } = entries[index]!;
    const key = recordKey(newTraining(nip, body, context));
    return `${key.PK}|${key.SK}`;
  };
  const stored = await batchGetAll(
    duplicates.map((index) => {
      const [PK, SK] = keyOf(index).split('|');
      return { PK: PK!, SK: SK! };
    }),
    { consistent: true, projection: 'PK, SK, importId' },
  );
  const mine = new Set(stored.filter((item) => item.importId === importId).map((item) => `${item.PK as string}|${item.SK as string}`));
  return outcomes.map((outcome, index) => (outcome.kind === 'duplicate' && mine.has(keyOf(index)) ? { kind: 'imported' } : outcome));
}
