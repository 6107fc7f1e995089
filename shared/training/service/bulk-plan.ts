import { fieldError } from '../../errors.ts';
import type { HistogramDelta } from '../hours-index.ts';
import { trainingItem } from '../repository/records.ts';
import { alreadyCounted, countedRecord, withRecords, type CountedRecord } from '../repository/total-changes.ts';
import { totalId, totalItem, type Total } from '../repository/totals.ts';
import type { Training } from '../schemas.ts';
import type { Outcome } from './outcomes.ts';

/**
 * What a batch of roster rows of one employee-year lock writes, decided from what was read under
 * the lock: a plain function, so that the rules are tested without a database.
 */
export interface StoredState {
  /** The stored totals, by `totalId`: they list the year's records and certificate numbers. */
  totals: Map<string, Total>;
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
  /** Records and the new totals: each key once. */
  items: Record<string, unknown>[];
  /** How the new totals move in their units' histograms. */
  delta: HistogramDelta;
}

/**
 * Decides each row, the most telling reason first: unknown employee, unknown agreement, no total
 * yet, already counted by the total (record or certificate); the others are written, each
 * employee-year's records added to its total once. Rows must be free of duplicates among themselves.
 */
export function planBatch(trainings: Training[], state: StoredState): BatchPlan {
  const items: Record<string, unknown>[] = [];
  const added = new Map<string, { before: Total; records: CountedRecord[] }>();
  const decisions = trainings.map((training): RowDecision => {
    const total = state.totals.get(totalId(training.nip, training.year));
    if (!total && !state.profiles.has(training.nip)) return { kind: 'rejected', errors: [fieldError('nip', 'ROW_EMPLOYEE_UNKNOWN')] };
    if (training.agreementId && !state.agreements.has(training.agreementId)) {
      return { kind: 'rejected', errors: [fieldError('agreementId', 'ROW_AGREEMENT_UNKNOWN', { agreementId: training.agreementId })] };
    }
    if (!total) return { kind: 'alone' };
    if (alreadyCounted(total, countedRecord(training))) return { kind: 'duplicate' };
    items.push(trainingItem(training));
    const group = added.get(totalId(training.nip, training.year)) ?? { before: total, records: [] };
    group.records.push(countedRecord(training));
    added.set(totalId(training.nip, training.year), group);
    return { kind: 'imported' };
  });
  const delta: HistogramDelta = new Map();
  for (const { before, records } of added.values()) items.push(totalItem(withRecords(before, before, records, [], delta)));
  return { decisions, items, delta };
}
