import type { TransactStep } from '../../db/transactions.ts';
import { deletionSteps, insertionSteps } from '../repository/records.ts';
import type { Training } from '../schemas.ts';

/**
 * The one place where a program's participation writes or removes a training record with its
 * hours in the year's total: the record-writing steps of shared/training/repository/records.ts,
 * not a copy of them. Whatever changes how records and totals are written changes it here. The
 * steps read the employee's total first: run them inside `writeWithTotals`.
 */
export function participationRecordSteps(training: Training): Promise<TransactStep[]> {
  return insertionSteps(training);
}

export function participationRemovalSteps(training: Training, by: string, at: string): Promise<TransactStep[]> {
  return deletionSteps(training, by, at);
}
