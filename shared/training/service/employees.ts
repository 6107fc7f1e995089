import type { Actor, VersionPrecondition } from '../../actor.ts';
import { decodeCursor, encodeCursor, type Page } from '../../db/cursor.ts';
import { queryBuckets, type BucketPosition } from '../../db/query.ts';
import { transact } from '../../db/transactions.ts';
import { employeeFromItem, employeesOfUnit, employeeWriteSteps, listUnits, requireEmployee } from '../repository/employees.ts';
import { changedFields } from '../rules.ts';
import type { Employee, EmployeeInput } from '../schemas.ts';

/** Creates the employee (no If-Match) or replaces the version named (`*`: whichever is stored). */
export async function putEmployee(nip: string, input: EmployeeInput, expectedVersion: VersionPrecondition | undefined, actor: Actor): Promise<{ employee: Employee; created: boolean }> {
  const at = actor.now.toISOString();
  const before = expectedVersion === undefined ? undefined : await requireEmployee(nip);
  const replacedVersion = expectedVersion === 'any' ? before?.version : expectedVersion;
  const employee: Employee = { nip, ...input, version: (before?.version ?? 0) + 1, createdAt: before?.createdAt ?? at, updatedAt: at };
  await transact(employeeWriteSteps(employee, replacedVersion, actor.subject, { fields: changedFields(before, input) }));
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
  const page = await queryBuckets(units.map(employeesOfUnit), query.limit, position);
  return { items: page.items.map(employeeFromItem), ...(page.next ? { nextCursor: encodeCursor(scope, { ...page.next }) } : {}) };
}
