import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { db, tableName } from '../../db/client.ts';
import { withoutStorage } from '../../db/items.ts';
import { batchGetAll } from '../../db/batch.ts';
import { keyText, searchText } from '../../text.ts';
import { queryAll, type PageQuery } from '../../db/query.ts';
import type { TransactStep } from '../../db/transactions.ts';
import { NotFoundError, StaleVersionError, VersionRequiredError } from '../../errors.ts';
import type { Employee } from '../schemas.ts';
import { namePartition, nameIndexSteps } from './name-index.ts';
import { TotalChangedError } from './totals.ts';

/**
 * Employees in the single table (see the README's access-pattern table):
 *
 *   EMPLOYEE#<nip> / PROFILE          the employee            GSI1 UNIT#<unit> / <nip>
 *                                                              GSI3 NAME#<first 2 letters> / <searchText(name)>#<nip>
 *   EMPLOYEE#<nip> / NAME#<rest>      the name from a later word on (name-index.ts), in GSI3 too
 *   EMPLOYEE#<nip> / AUDIT#<at>#<h>   who changed what, for the employee and their records
 *   UNITS / <unit>                    the work units, for year-wide reports
 */
export const employeePartition = (nip: string) => `EMPLOYEE#${nip}`;
const employeeKey = (nip: string) => ({ PK: employeePartition(nip), SK: 'PROFILE' });
const unitPartition = (unit: string) => `UNIT#${keyText(unit)}`;
/** The later-word items of an employee's name (name-index.ts), in the employee's partition. */
const nameSteps = (before: Employee | undefined, after: Employee) => nameIndexSteps(before, after, { partition: employeePartition(after.nip), unitKey: unitPartition(after.unit) });

/**
 * `totalYears` counts the employee's yearly totals: a writer that adds a total bumps it, so that
 * a change of unit, which moves every total, cannot miss one created meanwhile.
 */
export function employeeItem(employee: Employee, totalYears: number) {
  const folded = searchText(employee.name);
  return {
    ...employeeKey(employee.nip),
    entity: 'EMPLOYEE',
    ...employee,
    totalYears,
    GSI1PK: unitPartition(employee.unit),
    GSI1SK: employee.nip,
    GSI3PK: namePartition(folded),
    GSI3SK: `${folded}#${employee.nip}`,
  };
}

export function employeeFromItem(item: Record<string, unknown>): Employee {
  return withoutStorage(item, ['totalYears']) as Employee;
}

/** The employee as stored, with how many yearly totals they have. */
export interface StoredEmployee {
  employee: Employee;
  totalYears: number;
}
const storedFromItem = (item: Record<string, unknown>): StoredEmployee => ({ employee: employeeFromItem(item), totalYears: (item.totalYears as number | undefined) ?? 0 });

/** The item that lists a unit for year-wide reports. */
export function unitItem(unit: string) {
  return { PK: 'UNITS', SK: keyText(unit), entity: 'UNIT', unit };
}

export async function getStoredEmployee(nip: string): Promise<StoredEmployee | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: employeeKey(nip), ConsistentRead: true }));
  return Item ? storedFromItem(Item) : undefined;
}

/**
 * Employees of `nips` as stored, by NIP; unregistered ones are missing. Read consistently unless
 * asked otherwise: a writer decides on them, a search (its index eventually consistent anyway) need not.
 */
export async function readStoredEmployees(nips: string[], { consistent = true } = {}): Promise<Map<string, StoredEmployee>> {
  const items = await batchGetAll([...new Set(nips)].map(employeeKey), { consistent });
  return new Map(items.map((item) => [item.nip as string, storedFromItem(item)]));
}

const unknownEmployee = () => new NotFoundError({ code: 'EMPLOYEE_NOT_FOUND' });

export async function requireStoredEmployee(nip: string): Promise<StoredEmployee> {
  const stored = await getStoredEmployee(nip);
  if (!stored) throw unknownEmployee();
  return stored;
}

export async function requireEmployee(nip: string): Promise<Employee> {
  return (await requireStoredEmployee(nip)).employee;
}

/** An audit entry under the employee: written in the transaction of the change it records. */
export function employeeAuditStep(nip: string, at: string, entry: Record<string, unknown>): TransactStep {
  const discriminator = createHash('sha256').update(JSON.stringify(entry)).digest('base64url').slice(0, 8);
  return { item: { Put: { TableName: tableName(), Item: { PK: employeePartition(nip), SK: `AUDIT#${at}#${discriminator}`, entity: 'AUDIT', at, ...entry } } } };
}

/**
 * Counts a new yearly total on the profile, on the condition that the profile is still the one
 * read (its unit and name are on the total): otherwise the writer reads again and retries.
 */
export function totalAddedStep(nip: string, profileVersion: number): TransactStep {
  return {
    item: {
      Update: {
        TableName: tableName(),
        Key: employeeKey(nip),
        UpdateExpression: 'ADD totalYears :one',
        ConditionExpression: 'version = :version',
        ExpressionAttributeValues: { ':one': 1, ':version': profileVersion },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    onConditionFailed: (stored) => (stored ? new TotalChangedError(undefined) : unknownEmployee()),
  };
}

/**
 * The steps that create the employee (no version) or replace the version named, registering
 * the unit for year-wide reports in the same transaction (a refused write adds no unit). The
 * replacement also names the number of yearly totals read (`totalYears`): one created meanwhile
 * makes the writer read again (TotalChangedError) rather than leave it in the old unit.
 */
export function employeeWriteSteps(employee: Employee, replaced: { before: Employee; version: number; totalYears: number } | undefined, totalYears: number, by: string, changes: unknown): TransactStep[] {
  const write: TransactStep =
    replaced === undefined
      ? {
          item: { Put: { TableName: tableName(), Item: employeeItem(employee, totalYears), ConditionExpression: 'attribute_not_exists(PK)' } },
          onConditionFailed: () => new VersionRequiredError({ code: 'EMPLOYEE_EXISTS' }),
        }
      : {
          item: {
            Put: {
              TableName: tableName(),
              Item: employeeItem(employee, totalYears),
              ConditionExpression: `attribute_exists(PK) AND version = :expected AND ${replaced.totalYears ? 'totalYears = :years' : 'attribute_not_exists(totalYears)'}`,
              ExpressionAttributeValues: { ':expected': replaced.version, ...(replaced.totalYears ? { ':years': replaced.totalYears } : {}) },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          onConditionFailed: (stored) =>
            stored?.version === replaced.version ? new TotalChangedError(undefined) : new StaleVersionError({ code: 'EMPLOYEE_STALE', params: { version: replaced.version } }),
        };
  return [
    write,
    { item: { Put: { TableName: tableName(), Item: unitItem(employee.unit) } } },
    ...nameSteps(replaced?.before, employee),
    employeeAuditStep(employee.nip, employee.updatedAt, { by, action: replaced === undefined ? 'EMPLOYEE_CREATED' : 'EMPLOYEE_REPLACED', changes }),
  ];
}

/**
 * Turns the reminder emails off (`remindersOff`) or on again on the version read, as a new version
 * (the ETag follows what GET returns), with its audit entry in the same transaction. A profile
 * changed meanwhile makes the writer read again (TotalChangedError, as for the totals).
 */
export function reminderPreferenceSteps(before: Employee, after: Employee, by: string): TransactStep[] {
  const preference = after.remindersOff ? 'SET remindersOff = :off, ' : 'REMOVE remindersOff SET ';
  return [
    {
      item: {
        Update: {
          TableName: tableName(),
          Key: employeeKey(after.nip),
          UpdateExpression: `${preference}version = :next, updatedAt = :at`,
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': before.version, ':next': after.version, ':at': after.updatedAt, ...(after.remindersOff ? { ':off': true } : {}) },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      onConditionFailed: (stored) => (stored ? new TotalChangedError(undefined) : unknownEmployee()),
    },
    employeeAuditStep(after.nip, after.updatedAt, { by, action: after.remindersOff ? 'REMINDERS_OFF' : 'REMINDERS_ON' }),
  ];
}

/**
 * The later-word items of an employee stored before they existed (name-index.ts), written only if
 * the profile is still the version read: a rename meanwhile wrote its own. Nothing for a one-word name.
 */
export function laterNameBackfillSteps(employee: Employee): TransactStep[] {
  const items = nameSteps(undefined, employee);
  if (items.length === 0) return [];
  const unchanged: TransactStep = {
    item: { ConditionCheck: { TableName: tableName(), Key: employeeKey(employee.nip), ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': employee.version } } },
    onConditionFailed: () => new StaleVersionError({ code: 'EMPLOYEE_STALE', params: { version: employee.version } }),
  };
  return [unchanged, ...items];
}

export function employeesOfUnit(unit: string): PageQuery {
  return { index: 'GSI1', keyCondition: 'GSI1PK = :unit', names: {}, values: { ':unit': unitPartition(unit) } };
}

/**
 * Employees with a word of the name (as searched) starting with `prefix` (at least
 * NAME_PREFIX_LETTERS letters): their profiles and later-word items (name-index.ts), by the name
 * from the matched word on. The unit is the profile's GSI1PK, and a later-word item's unitKey.
 */
export function employeesByName(prefix: string, unit?: string): PageQuery {
  const folded = searchText(prefix);
  return {
    index: 'GSI3',
    keyCondition: 'GSI3PK = :pk AND begins_with(GSI3SK, :prefix)',
    ...(unit ? { filter: 'GSI1PK = :unit OR unitKey = :unit' } : {}),
    names: {},
    values: { ':pk': namePartition(folded), ':prefix': folded, ...(unit ? { ':unit': unitPartition(unit) } : {}) },
  };
}

/** Every registered unit, in order (a few hundred items at most). */
export async function listUnits(): Promise<string[]> {
  const units: string[] = [];
  for await (const page of queryAll({ keyCondition: 'PK = :units', names: {}, values: { ':units': 'UNITS' } })) units.push(...page.map((item) => item.unit as string));
  return units;
}
