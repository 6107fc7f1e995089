import type { Actor } from '../../actor.ts';
import { settings } from '../../config.ts';
import { decodeCursor, encodeCursor, type Page } from '../../db/cursor.ts';
import { writeOnce } from '../../db/idempotency.ts';
import { queryPage, type Key } from '../../db/query.ts';
import { transact } from '../../db/transactions.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import { currentYear } from '../../time/calendar.ts';
import { requireEmployee } from '../repository/employees.ts';
import { deletionSteps, getTraining, insertionSteps, trainingFromItem, trainingIdOf, trainingsOfYear } from '../repository/records.ts';
import { writeWithTotals } from '../repository/total-changes.ts';
import { getTotal } from '../repository/totals.ts';
import { compliance, trainingYear } from '../rules.ts';
import type { Training, TrainingInput, TrainingSummary } from '../schemas.ts';
import { targetOf } from './targets.ts';

/** The record of a training as written: its id comes from the attendance, its year from endsOn. */
export function newTraining(nip: string, input: TrainingInput, by: { subject: string; now: Date; importId?: string }): Training {
  return {
    id: trainingIdOf(input),
    nip,
    ...input,
    year: trainingYear(input.endsOn),
    createdAt: by.now.toISOString(),
    createdBy: by.subject,
    ...(by.importId ? { importId: by.importId } : {}),
    version: 1,
  };
}

/** Records a training, with its hours in the year's total, once per Idempotency-Key. */
export async function addTraining(nip: string, input: TrainingInput, actor: Actor): Promise<{ training: Training; replayed: boolean }> {
  const training = newTraining(nip, input, actor);
  const { result, replayed } = await writeWithTotals(nip, () => writeOnce(actor.idempotency, actor.now, async () => ({ result: training, steps: await insertionSteps(training) })));
  return { training: result, replayed };
}

export async function readTraining(nip: string, trainingId: string): Promise<Training> {
  const training = await getTraining(nip, trainingId);
  if (!training) throw new NotFoundError({ code: 'TRAINING_NOT_FOUND', params: { id: trainingId } });
  return training;
}

export async function listTrainings(nip: string, query: { year?: number; limit: number; cursor?: string }, now: Date): Promise<Page<Training>> {
  await requireEmployee(nip);
  const year = query.year ?? currentYear(now);
  const scope = `trainings:${nip}:${year}`;
  const page = await queryPage(trainingsOfYear(nip, year), query.limit, query.cursor ? (decodeCursor(scope, query.cursor) as Key) : undefined);
  return { items: page.items.map(trainingFromItem), ...(page.next ? { nextCursor: encodeCursor(scope, page.next) } : {}) };
}

export async function removeTraining(nip: string, trainingId: string, actor: Actor): Promise<void> {
  const training = await readTraining(nip, trainingId);
  if (training.programId) throw new ConflictError(`This record is a participation in training program ${training.programId}: remove the participant from the program instead.`);
  await writeWithTotals(nip, async () => transact(await deletionSteps(training, actor.subject, actor.now.toISOString())));
}

export async function trainingSummary(nip: string, year: number): Promise<TrainingSummary> {
  await requireEmployee(nip);
  const [total, target] = await Promise.all([getTotal(nip, year), targetOf(year)]);
  return { nip, year, ...compliance(total?.hours ?? 0, target.hours, settings().JP_MINUTES), targetUnit: target.unit };
}
