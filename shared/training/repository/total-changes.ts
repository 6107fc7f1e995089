import type { TransactStep } from '../../db/transactions.ts';
import { keyText } from '../../text.ts';
import { roundHours } from '../rules.ts';
import type { Employee, Training } from '../schemas.ts';
import { moveInHistogram, type HistogramDelta } from '../hours-index.ts';
import { lockFreeStep } from './bulk-locks.ts';
import { requireStoredEmployee, totalAddedStep, type StoredEmployee } from './employees.ts';
import { counterSteps, getTotal, histogramSide, TotalChangedError, totalWriteStep, type Total } from './totals.ts';

/**
 * Changes to yearly totals and the per-unit histograms, built from what was read: every writer of
 * a total (records, registration, a change of unit, the opening of a year) goes through here, so
 * that a total and its unit's counters always change in one transaction, which also checks that no
 * bulk writer holds the total (bulk-locks.ts).
 */

/** A total of zero for an employee who has none that year: it takes the profile's unit and name. */
export function zeroTotal(employee: Pick<Employee, 'nip' | 'unit' | 'name'>, year: number): Total {
  return { nip: employee.nip, year, unit: employee.unit, name: employee.name, hours: 0, trainings: 0, records: [], certificates: [], revision: 0 };
}

/** A record as its year's total counts it. */
export interface CountedRecord {
  id: string;
  hours: number;
  /** The certificate number, as keyed. */
  certificate?: string;
}

export const countedRecord = (training: Pick<Training, 'id' | 'hours' | 'certificateNumber'>): CountedRecord => ({
  id: training.id,
  hours: training.hours,
  ...(training.certificateNumber ? { certificate: keyText(training.certificateNumber) } : {}),
});

/** Whether the total already counts the record, or another record with its certificate number. */
export function alreadyCounted(total: Total, record: CountedRecord): 'record' | 'certificate' | undefined {
  if (total.records.includes(record.id)) return 'record';
  return record.certificate && total.certificates.includes(record.certificate) ? 'certificate' : undefined;
}

/**
 * The total after adding and removing records to `before`, or, when the year has no total yet,
 * to a zero total of the stored profile; with the histogram change.
 */
export function changedTotal(before: Total | undefined, profile: StoredEmployee | undefined, year: number, added: CountedRecord[], removed: CountedRecord[], delta: HistogramDelta): { after: Total; steps: TransactStep[] } {
  const after = withRecords(before, before ?? zeroTotal(profile!.employee, year), added, removed, delta);
  return { after, steps: [totalWriteStep(before, after), ...(before ? [] : [totalAddedStep(after.nip, profile!.employee.version)]), lockFreeStep(after.nip, year)] };
}

/** `base` (the stored total `before`, or a new one) with records added and removed, moved in the histogram. */
export function withRecords(before: Total | undefined, base: Total, added: CountedRecord[], removed: CountedRecord[], delta: HistogramDelta): Total {
  const gone = new Set(removed.map((record) => record.id));
  const goneCertificates = new Set(removed.flatMap((record) => (record.certificate ? [record.certificate] : [])));
  const hours = added.reduce((sum, record) => sum + record.hours, 0) - removed.reduce((sum, record) => sum + record.hours, 0);
  const after: Total = {
    ...base,
    hours: roundHours(base.hours + hours),
    trainings: base.trainings + added.length - removed.length,
    records: [...base.records.filter((id) => !gone.has(id)), ...added.map((record) => record.id)],
    certificates: [...base.certificates.filter((certificate) => !goneCertificates.has(certificate)), ...added.flatMap((record) => (record.certificate ? [record.certificate] : []))],
    revision: base.revision + 1,
  };
  moveInHistogram(delta, before && histogramSide(before), histogramSide(after));
  return after;
}

/** Reads the employee's total of `year` (or their profile, when none) and builds its change; `base` is the total it changes. */
export async function totalChange(nip: string, year: number, added: CountedRecord[], removed: CountedRecord[]): Promise<{ base: Total; steps: TransactStep[] }> {
  const before = await getTotal(nip, year);
  const profile = before ? undefined : await requireStoredEmployee(nip);
  const delta: HistogramDelta = new Map();
  const { steps } = changedTotal(before, profile, year, added, removed, delta);
  return { base: before ?? zeroTotal(profile!.employee, year), steps: [...steps, ...counterSteps(year, delta, nip)] };
}

/**
 * The steps that open `year` for an employee without a total: a zero total, counted in their unit.
 * For a stored profile (`version`), the profile counts the new total; a profile being created
 * carries the count itself.
 */
export function zeroTotalSteps(employee: Employee, year: number, storedVersion: number | undefined): TransactStep[] {
  const total = zeroTotal(employee, year);
  const after = { ...total, revision: 1 };
  const delta: HistogramDelta = new Map();
  moveInHistogram(delta, undefined, histogramSide(after));
  return [totalWriteStep(undefined, after), ...(storedVersion === undefined ? [] : [totalAddedStep(employee.nip, storedVersion)]), lockFreeStep(employee.nip, year), ...counterSteps(year, delta, employee.nip)];
}

/** The steps that move every total of an employee to their new unit and name (none when neither changed). */
export function movedTotalsSteps(totals: Total[], employee: Pick<Employee, 'nip' | 'unit' | 'name'>): TransactStep[] {
  return totals.flatMap((before) => {
    if (before.unit === employee.unit && before.name === employee.name) return [];
    const after: Total = { ...before, unit: employee.unit, name: employee.name, revision: before.revision + 1 };
    const delta: HistogramDelta = new Map();
    moveInHistogram(delta, histogramSide(before), histogramSide(after));
    return [totalWriteStep(before, after), lockFreeStep(employee.nip, before.year), ...counterSteps(before.year, delta, employee.nip)];
  });
}

const MAX_ATTEMPTS = 40;

/** The write of each employee running in this process, so that the next one waits its turn. */
const turns = new Map<string, Promise<unknown>>();

/**
 * Runs a write built from reads of an employee's totals, again from fresh reads while a total (or
 * the profile it copies) changed in between. Writes for one employee take turns within a process
 * (a burst of requests to one server, a worker's rows), so they do not collide with each other;
 * across processes the revision condition decides, and waits grow with full jitter.
 */
export async function writeWithTotals<T>(nip: string, write: () => Promise<T>): Promise<T> {
  const before = turns.get(nip) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(() => retried(write));
  turns.set(nip, mine);
  try {
    return await mine;
  } finally {
    if (turns.get(nip) === mine) turns.delete(nip);
  }
}

async function retried<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof TotalChangedError)) throw error;
      if (attempt === MAX_ATTEMPTS) throw Object.assign(new Error('The totals are being changed by other requests; retry shortly.'), { name: 'TransactionConflictException', cause: error });
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(500, 5 * 2 ** attempt)));
    }
  }
}
