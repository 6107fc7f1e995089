import { fieldError } from '../../errors.ts';
import type { HistogramDelta } from '../hours-index.ts';
import { certificateGuardItem, certificateGuardKey, recordKey, trainingItem } from '../repository/records.ts';
import { addedToTotal } from '../repository/total-changes.ts';
import { totalId, totalItem, type Total } from '../repository/totals.ts';
import type { Training } from '../schemas.ts';
import type { Outcome } from './outcomes.ts';

/**
 * What a batch of roster rows of one employee-year lock writes, decided from what was read under
 * the lock: a plain function, so that the rules are tested without a database.
 */
export interface StoredState {
  /** The stored totals, by `totalId`. */
  totals: Map<string, Total>;
  /** `PK|SK` of the records and certificate guards already stored. */
  stored: Set<string>;
  /** Agreements that exist. */
  agreements: Set<string>;
  /** Employees with a profile (read only for rows without a total). */
  profiles: Set<string>;
}

/** `alone`: the employee has no total for that year yet; the row is written as the API writes one record. */
export type RowDecision = Outcome | { kind: 'alone' };

export interface BatchPlan {
  /** One per row, in the rows' order. */
  decisions: RowDecision[];
  /** Records, certificate guards and the new totals: each key once. */
  items: Record<string, unknown>[];
  /** How the new totals move in their units' histograms. */
  delta: HistogramDelta;
}

export const storedKey = (key: { PK: string; SK: string }) => `${key.PK}|${key.SK}`;

/** The keys a batch must read besides the totals: its records, certificate guards. */
export function guardKeys(training: Training): { PK: string; SK: string }[] {
  return [recordKey(training), ...(training.certificateNumber ? [certificateGuardKey(training.nip, training.certificateNumber)] : [])];
}

/**
 * Decides each row, the most telling reason first: unknown employee, unknown agreement, already
 * stored (record or certificate), no total yet; the others are written, each employee-year's
 * hours added to its total once. Rows must be free of duplicates among themselves.
 */
export function planBatch(trainings: Training[], state: StoredState): BatchPlan {
  const items: Record<string, unknown>[] = [];
  const added = new Map<string, { before: Total; hours: number; trainings: number }>();
  const decisions = trainings.map((training): RowDecision => {
    const total = state.totals.get(totalId(training.nip, training.year));
    if (!total && !state.profiles.has(training.nip)) return { kind: 'rejected', errors: [fieldError('nip', 'ROW_EMPLOYEE_UNKNOWN')] };
    if (training.agreementId && !state.agreements.has(training.agreementId)) {
      return { kind: 'rejected', errors: [fieldError('agreementId', 'ROW_AGREEMENT_UNKNOWN', { agreementId: training.agreementId })] };
    }
    if (guardKeys(training).some((key) => state.stored.has(storedKey(key)))) return { kind: 'duplicate' };
    if (!total) return { kind: 'alone' };
    items.push(trainingItem(training));
    const guard = certificateGuardItem(training);
    if (guard) items.push(guard);
    const sum = added.get(totalId(training.nip, training.year)) ?? { before: total, hours: 0, trainings: 0 };
    added.set(totalId(training.nip, training.year), { before: total, hours: sum.hours + training.hours, trainings: sum.trainings + 1 });
    return { kind: 'imported' };
  });
  const delta: HistogramDelta = new Map();
  for (const { before, hours, trainings: count } of added.values()) items.push(totalItem(addedToTotal(before, before, hours, count, delta)));
  return { decisions, items, delta };
}
