import type { Actor, VersionPrecondition } from '../../actor.ts';
import { decodeCursor, encodeCursor, type Page } from '../../db/cursor.ts';
import { queryAll, queryBuckets, queryPage, type BucketPosition, type Key } from '../../db/query.ts';
import { transact } from '../../db/transactions.ts';
import { DomainError, InvalidInputError } from '../../errors.ts';
import { currentYear } from '../../time/calendar.ts';
import {
  employeeFromItem,
  employeesByName,
  employeesOfUnit,
  employeeWriteSteps,
  getStoredEmployee,
  listUnits,
  readStoredEmployees,
  reminderPreferenceSteps,
  requireEmployee,
  type StoredEmployee,
} from '../repository/employees.ts';
import { firstMatch, NAME_PREFIX_LETTERS } from '../repository/name-index.ts';
import { movedTotalsSteps, writeWithTotals, zeroTotalSteps } from '../repository/total-changes.ts';
import { TotalChangedError, totalFromItem, totalsOfEmployee } from '../repository/totals.ts';
import { changedFields } from '../rules.ts';
import { searchText } from '../../text.ts';
import type { Employee, EmployeeInput } from '../schemas.ts';
import { bulkOutcome, type BulkContext, type Outcome } from './outcomes.ts';

/**
 * Creates the employee (no If-Match) or replaces the version named (`*`: whichever is stored).
 * A new employee gets a zero total for the current year, so that compliance lists them at once;
 * a change of unit or name moves every yearly total with it, in the same transaction.
 */
export async function putEmployee(nip: string, input: EmployeeInput, expectedVersion: VersionPrecondition | undefined, actor: Actor): Promise<{ employee: Employee; created: boolean }> {
  return writeWithTotals(nip, async () => {
    const stored = expectedVersion === undefined ? undefined : await requireStored(nip);
    const replacedVersion = expectedVersion === 'any' ? stored?.employee.version : expectedVersion;
    return writeEmployee(nip, input, stored, replacedVersion, actor);
  });
}

async function requireStored(nip: string): Promise<StoredEmployee> {
  const stored = await getStoredEmployee(nip);
  if (!stored) await requireEmployee(nip); // the NotFoundError, worded once
  return stored!;
}

async function writeEmployee(nip: string, input: EmployeeInput, stored: StoredEmployee | undefined, replacedVersion: number | undefined, actor: Actor): Promise<{ employee: Employee; created: boolean }> {
  const at = actor.now.toISOString();
  const before = stored?.employee;
  // The reminder preference is the employee's own choice, not a profile field: a replacement or a roster keeps it.
  const employee: Employee = { nip, ...input, ...remindersFlag(before?.remindersOff), version: (before?.version ?? 0) + 1, createdAt: before?.createdAt ?? at, updatedAt: at };
  const changes = { fields: changedFields(before, input) };
  if (!stored || replacedVersion === undefined) {
    const steps = [...employeeWriteSteps(employee, undefined, 1, actor.subject, changes), ...zeroTotalSteps(employee, currentYear(actor.now), undefined)];
    await transact(steps);
    return { employee, created: true };
  }
  const totals = [];
  for await (const page of queryAll(totalsOfEmployee(nip))) totals.push(...page.map(totalFromItem));
  if (totals.length !== stored.totalYears) throw new TotalChangedError(undefined); // a total being created: read again
  await transact([...employeeWriteSteps(employee, { before: stored.employee, version: replacedVersion, totalYears: stored.totalYears }, totals.length, actor.subject, changes), ...movedTotalsSteps(totals, employee)]);
  return { employee, created: false };
}

/** `remindersOff` is stored only when true: an employee who never turned reminders off has no such attribute. */
const remindersFlag = (off: boolean | undefined): Pick<Employee, 'remindersOff'> => (off ? { remindersOff: true } : {});

/**
 * Turns the employee's training-hour reminder emails off or on again. Asking for what is already
 * so writes nothing (a retried request, a second click on the unsubscribe link).
 */
export async function setReminders(nip: string, remind: boolean, actor: Actor): Promise<Employee> {
  return writeWithTotals(nip, async () => {
    const before = await requireEmployee(nip);
    if (!before.remindersOff === remind) return before;
    const { remindersOff: _, ...rest } = before;
    const after: Employee = { ...rest, ...remindersFlag(!remind), version: before.version + 1, updatedAt: actor.now.toISOString() };
    await transact(reminderPreferenceSteps(before, after, actor.subject));
    return after;
  });
}

export async function readEmployee(nip: string): Promise<Employee> {
  return requireEmployee(nip);
}

/**
 * Employees of one unit, or of every unit in unit order; with `name`, those with a word of the
 * name starting with it (case and accents aside; `sri ra` finds `Sri Rahayu`, `rahayu` too), by
 * the name from that word on, from one index partition: never a Scan.
 */
export async function listEmployees(query: { unit?: string; name?: string; limit: number; cursor?: string }): Promise<Page<Employee>> {
  if (query.name !== undefined) return employeesNamed(query.name, query.unit, query.limit, query.cursor);
  const units = query.unit ? [query.unit] : await listUnits();
  const scope = `employees:${query.unit ?? '*'}`;
  const position = query.cursor ? (decodeCursor(scope, query.cursor) as unknown as BucketPosition) : undefined;
  const page = await queryBuckets(units.map(employeesOfUnit), query.limit, position);
  return { items: page.items.map(employeeFromItem), ...(page.next ? { nextCursor: encodeCursor(scope, { ...page.next }) } : {}) };
}

async function employeesNamed(name: string, unit: string | undefined, limit: number, cursor: string | undefined): Promise<Page<Employee>> {
  if (searchText(name).length < NAME_PREFIX_LETTERS) {
    throw new InvalidInputError([{ path: 'name', message: `must have at least ${NAME_PREFIX_LETTERS} letters (the start of a word of the name)` }]);
  }
  const scope = `employees-named:${searchText(name)}:${unit ?? '*'}`;
  const query = employeesByName(name, unit);
  let start = cursor ? (decodeCursor(scope, cursor) as Key) : undefined;
  const hits: Record<string, unknown>[] = [];
  // An entry that is not its name's first match is passed over: read on until the page is full
  // (a bounded number of times), so that a page is never empty while more matches follow.
  for (let round = 0; round < NAME_PAGE_ROUNDS && hits.length < limit; round += 1) {
    const page = await queryPage(query, limit - hits.length, start);
    hits.push(...page.items.filter((item) => firstMatch(entryOf(item), item.name as string, name)));
    start = page.next;
    if (!start) break;
  }
  // A later-word item holds the name only: its employee is read (as many reads as hits, never more).
  const later = hits.filter((item) => item.entity !== 'EMPLOYEE').map((item) => item.nip as string);
  const profiles = later.length ? await readStoredEmployees(later, { consistent: false }) : new Map<string, StoredEmployee>();
  const found = hits.flatMap((item) => (item.entity === 'EMPLOYEE' ? [employeeFromItem(item)] : (profiles.get(item.nip as string)?.employee ?? [])));
  // Just after a rename the index may still hold the old entry beside the new one: one row per employee.
  const items = found.filter((employee, index) => found.findIndex((other) => other.nip === employee.nip) === index);
  return { items, ...(start ? { nextCursor: encodeCursor(scope, start) } : {}) };
}

/** Reads of the name index for one page of a name search, at most. */
const NAME_PAGE_ROUNDS = 5;
/** The name from the matched word on: the index entry's sort key without its `#<nip>`. */
const entryOf = (item: Record<string, unknown>) => (item.GSI3SK as string).slice(0, (item.GSI3SK as string).lastIndexOf('#'));

/** Employees upserted at once (each its own transaction, like a PUT). */
const UPSERT_CONCURRENCY = 16;

/**
 * Creates or updates each employee of a roster (`duplicate`: stored exactly so already). An
 * update names the version it read, so a concurrent change is never overwritten unseen: the entry
 * is read again and re-applied. Re-running the same entries after a crash changes nothing twice.
 */
export async function upsertEmployees(entries: (EmployeeInput & { nip: string })[], context: BulkContext): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(entries.length);
  const first = await readStoredEmployees(entries.map((entry) => entry.nip));
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const index = next++;
      outcomes[index] = await upsertOne(entries[index]!, first.get(entries[index]!.nip), context);
    }
  };
  await Promise.all(Array.from({ length: Math.min(UPSERT_CONCURRENCY, entries.length) }, worker));
  return outcomes;
}

/** The fields a roster sets: an entry equal on all of them changes nothing (PUT semantics: absent is removed). */
const ROSTER_FIELDS = ['name', 'email', 'unit', 'position', 'supervisorEmail'] as const;
const unchanged = (before: Employee, input: EmployeeInput) => ROSTER_FIELDS.every((field) => before[field] === input[field]);

async function upsertOne({ nip, ...input }: EmployeeInput & { nip: string }, read: StoredEmployee | undefined, context: BulkContext): Promise<Outcome> {
  const actor: Actor = { subject: context.subject, now: context.now };
  let stored = read;
  return bulkOutcome(() =>
    writeWithTotals(nip, async () => {
      if (stored && unchanged(stored.employee, input)) return { kind: 'duplicate' } as const;
      try {
        await writeEmployee(nip, input, stored, stored?.employee.version, actor);
        return { kind: 'imported' } as const;
      } catch (error) {
        if (!(error instanceof DomainError && (error.kind === 'stale' || error.kind === 'version-required'))) throw error;
        // Someone else wrote the employee since it was read: read again, then decide again.
        stored = await getStoredEmployee(nip);
        throw new TotalChangedError(undefined);
      }
    }),
  );
}
