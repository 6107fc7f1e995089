import { randomUUID } from 'node:crypto';
import type { Actor } from '../../actor.ts';
import { decodeCursor, encodeCursor, type Page } from '../../db/cursor.ts';
import { writeOnce } from '../../db/idempotency.ts';
import { queryPage, type Key } from '../../db/query.ts';
import { transact } from '../../db/transactions.ts';
import { NotFoundError } from '../../errors.ts';
import { currentYear } from '../../time/calendar.ts';
import { requireEmployee } from '../repository/employees.ts';
import { deletionSteps, getTraining, insertionSteps, newTrainingId, trainingFromItem, trainingsOfYear } from '../repository/records.ts';
import { totalOf } from '../repository/totals.ts';
import { compliance, trainingYear } from '../rules.ts';
import type { Training, TrainingInput, TrainingSummary } from '../schemas.ts';
import { targetOf } from './targets.ts';

/** Records a training, with its hours in the year's total, once per Idempotency-Key. */
export async function addTraining(nip: string, input: TrainingInput, actor: Actor): Promise<{ training: Training; replayed: boolean }> {
  const { result, replayed } = await writeOnce(actor.idempotency, actor.now, async () => {
    const training: Training = {
      id: newTrainingId(input.endsOn, randomUUID()),
      nip,
      ...input,
      year: trainingYear(input.endsOn),
      createdAt: actor.now.toISOString(),
      createdBy: actor.subject,
      version: 1,
    };
    return { result: training, steps: insertionSteps(training) };
  });
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
  await transact(deletionSteps(training, actor.subject, actor.now.toISOString()));
}

export async function trainingSummary(nip: string, year: number): Promise<TrainingSummary> {
  await requireEmployee(nip);
  const [hours, target] = await Promise.all([totalOf(nip, year), targetOf(year)]);
  return { nip, year, ...compliance(hours, target.hours) };
}
