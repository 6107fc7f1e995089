import { randomUUID } from 'node:crypto';
import type { Actor } from '../actor.ts';
import { requireAgreementRecord } from '../agreements/repository.ts';
import { settings } from '../config.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import { findReplay } from '../db/idempotency.ts';
import { keyOf, queryBuckets, queryPage, type BucketPosition, type Key } from '../db/query.ts';
import { NotFoundError } from '../errors.ts';
import { todayInJakarta } from '../time/calendar.ts';
import {
  deleteTraining,
  employeeFromItem,
  employeesQuery,
  getStoredTarget,
  getTraining,
  insertTraining,
  linkedTrainings,
  listUnits,
  newTrainingId,
  putEmployee as storeEmployee,
  putTarget,
  requireEmployee,
  totalOf,
  totalsOf,
  trainingFromItem,
  trainingsOfYear,
  unitKey,
} from './repository.ts';
import { compliance, roundHours, trainingYear } from './rules.ts';
import type { ComplianceRow, Employee, EmployeeInput, Target, Training, TrainingInput, TrainingSummary, UnitSummary } from './schemas.ts';

export const currentYear = (now: Date) => Number(todayInJakarta(now).slice(0, 4));

// ---------- employees ----------

export async function putEmployee(nip: string, input: EmployeeInput, expectedVersion: number | undefined, actor: Actor): Promise<{ employee: Employee; created: boolean }> {
  const at = actor.now.toISOString();
  const before = expectedVersion === undefined ? undefined : await requireEmployee(nip);
  const employee: Employee = {
    nip,
    ...input,
    version: (before?.version ?? 0) + 1,
    createdAt: before?.createdAt ?? at,
    updatedAt: at,
  };
  const changed = Object.keys(input).filter((field) => before?.[field as keyof Employee] !== input[field as keyof EmployeeInput]);
  await storeEmployee(employee, expectedVersion, actor.subject, { fields: changed });
  return { employee, created: before === undefined };
}

export async function readEmployee(nip: string): Promise<Employee> {
  return requireEmployee(nip);
}

/** Employees of one unit, or of every unit in unit order. */
export async function listEmployees(query: { unit?: string; limit: number; cursor?: string }): Promise<Page<Employee>> {
  const units = query.unit ? [query.unit] : await listUnits();
  const scope = `employees:${query.unit ?? '*'}`;
  const position = query.cursor ? (decodeCursor(scope, query.cursor) as unknown as BucketPosition) : undefined;
  const page = await queryBuckets(units.map(employeesQuery), query.limit, position);
  return { items: page.items.map(employeeFromItem), ...(page.next ? { nextCursor: encodeCursor(scope, { ...page.next }) } : {}) };
}

// ---------- training records ----------

export async function addTraining(nip: string, input: TrainingInput, actor: Actor): Promise<{ training: Training; replayed: boolean }> {
  const earlier = actor.idempotency && (await findReplay<Training>(actor.idempotency));
  if (earlier) return { training: earlier, replayed: true };
  const training: Training = {
    id: newTrainingId(input.endsOn, randomUUID()),
    nip,
    ...input,
    year: trainingYear(input.endsOn),
    createdAt: actor.now.toISOString(),
    createdBy: actor.subject,
    version: 1,
  };
  const replay = await insertTraining(training, actor.idempotency ? { scope: actor.idempotency, result: training } : undefined);
  return replay ? { training: replay, replayed: true } : { training, replayed: false };
}

export async function listTrainings(nip: string, query: { year?: number; limit: number; cursor?: string }, now: Date): Promise<Page<Training>> {
  await requireEmployee(nip);
  const year = query.year ?? currentYear(now);
  const scope = `trainings:${nip}:${year}`;
  const page = await queryPage(trainingsOfYear(nip, year), query.limit, query.cursor ? (decodeCursor(scope, query.cursor) as Key) : undefined);
  return { items: page.items.map(trainingFromItem), ...(page.next ? { nextCursor: encodeCursor(scope, page.next) } : {}) };
}

export async function readTraining(nip: string, trainingId: string): Promise<Training> {
  const training = await getTraining(nip, trainingId);
  if (!training) throw new NotFoundError(`No training ${trainingId} is recorded for this employee.`);
  return training;
}

export async function removeTraining(nip: string, trainingId: string, actor: Actor): Promise<void> {
  await deleteTraining(await readTraining(nip, trainingId), actor.subject, actor.now.toISOString());
}

// ---------- targets and compliance ----------

export async function targetOf(year: number): Promise<Target> {
  const stored = await getStoredTarget(year);
  return stored ? { year, hours: stored.hours, source: 'STORED', version: stored.version } : { year, hours: settings().DEFAULT_TARGET_HOURS, source: 'DEFAULT' };
}

export async function setTarget(year: number, hours: number, actor: Actor): Promise<Target> {
  const version = await putTarget(year, hours, actor.subject, actor.now.toISOString());
  return { year, hours, source: 'STORED', version };
}

export async function trainingSummary(nip: string, year: number): Promise<TrainingSummary> {
  await requireEmployee(nip);
  const [hours, target] = await Promise.all([totalOf(nip, year), targetOf(year)]);
  return { nip, year, ...compliance(hours, target.hours) };
}

/** Bounds the employees one compliance page may read when a status filter discards most. */
const MAX_EMPLOYEES_PER_PAGE = 1_000;

/**
 * Employees with their hours of the year against the target. Reads the unit's employees (GSI1)
 * and their per-year totals (BatchGet): never a raw training record. Employees without any
 * training that year count with 0 hours.
 */
export async function complianceReport(query: { year?: number; unit?: string; status?: 'MET' | 'UNMET'; limit: number; cursor?: string }, now: Date): Promise<Page<ComplianceRow>> {
  const year = query.year ?? currentYear(now);
  const scope = `compliance:${year}:${query.unit ?? '*'}:${query.status ?? '*'}`;
  const target = (await targetOf(year)).hours;
  const units = query.unit ? [query.unit] : await listUnits();
  const rows: ComplianceRow[] = [];
  const from = query.cursor ? (decodeCursor(scope, query.cursor) as unknown as BucketPosition) : { bucket: 0 };
  let read = 0;
  for (let bucket = from.bucket, start = from.key; bucket < units.length; bucket += 1, start = undefined) {
    const source = employeesQuery(units[bucket]!);
    do {
      const page = await queryPage(source, 100, start);
      const totals = await totalsOf(page.items.map((item) => item.nip as string), year);
      read += page.items.length;
      for (const item of page.items) {
        const employee = employeeFromItem(item);
        const row = { nip: employee.nip, name: employee.name, unit: employee.unit, ...compliance(totals.get(employee.nip) ?? 0, target) };
        if (query.status && row.compliant !== (query.status === 'MET')) continue;
        rows.push(row);
        if (rows.length === query.limit) return { items: rows, nextCursor: encodeCursor(scope, { bucket, key: keyOf(item, 'GSI1') }) };
      }
      start = page.next;
      if (start && read >= MAX_EMPLOYEES_PER_PAGE) return { items: rows, nextCursor: encodeCursor(scope, { bucket, key: start }) };
    } while (start);
  }
  return { items: rows };
}

/**
 * Visits every employee, unit by unit, with their hours of `year` (0 without training): the
 * employees of each unit (GSI1) and their per-year totals (BatchGet), never raw records.
 */
export async function forEachEmployeeHours(year: number, visit: (employee: Employee, hours: number) => void | Promise<void>): Promise<void> {
  for (const unit of await listUnits()) {
    let start: Key | undefined;
    do {
      const page = await queryPage(employeesQuery(unit), 100, start);
      const totals = await totalsOf(page.items.map((item) => item.nip as string), year);
      for (const item of page.items) {
        const employee = employeeFromItem(item);
        await visit(employee, totals.get(employee.nip) ?? 0);
      }
      start = page.next;
    } while (start);
  }
}

/** Per unit: employees, how many met the target, how many did not, and the rate met/employees. */
export async function complianceSummary(year: number): Promise<{ year: number; targetHours: number; items: UnitSummary[] }> {
  const target = (await targetOf(year)).hours;
  const byUnit = new Map<string, UnitSummary>();
  await forEachEmployeeHours(year, (employee, hours) => {
    const row = byUnit.get(unitKey(employee.unit)) ?? { unit: employee.unit, employees: 0, met: 0, unmet: 0, rate: 0 };
    row.employees += 1;
    if (compliance(hours, target).compliant) row.met += 1;
    else row.unmet += 1;
    row.rate = roundHours(row.met / row.employees);
    byUnit.set(unitKey(employee.unit), row);
  });
  return { year, targetHours: target, items: [...byUnit.values()] };
}

/** What an agreement has produced: the training records linked to it. */
export async function agreementOutcomes(agreementId: string) {
  await requireAgreementRecord(agreementId);
  let trainings = 0;
  let hours = 0;
  const participants = new Set<string>();
  let start: Key | undefined;
  do {
    const page = await queryPage(linkedTrainings(agreementId), 100, start);
    for (const item of page.items) {
      trainings += 1;
      hours += item.hours as number;
      participants.add(item.nip as string);
    }
    start = page.next;
  } while (start);
  return { agreementId, trainings, participants: participants.size, hours: roundHours(hours) };
}
