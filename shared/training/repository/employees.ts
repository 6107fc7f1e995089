import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { db, tableName } from '../../db/client.ts';
import { withoutStorage } from '../../db/items.ts';
import { keyText } from '../../text.ts';
import { queryAll, type PageQuery } from '../../db/query.ts';
import type { TransactStep } from '../../db/transactions.ts';
import { NotFoundError, StaleVersionError, VersionRequiredError } from '../../errors.ts';
import type { Employee } from '../schemas.ts';

/**
 * Employees in the single table (see the README's access-pattern table):
 *
 *   EMPLOYEE#<nip> / PROFILE          the employee            GSI1 UNIT#<unit> / <nip>
 *   EMPLOYEE#<nip> / AUDIT#<at>#<h>   who changed what, for the employee and their records
 *   UNITS / <unit>                    the work units, for year-wide reports
 */
export const employeePartition = (nip: string) => `EMPLOYEE#${nip}`;
const employeeKey = (nip: string) => ({ PK: employeePartition(nip), SK: 'PROFILE' });
const unitPartition = (unit: string) => `UNIT#${keyText(unit)}`;
export function employeeItem(employee: Employee) {
  return { ...employeeKey(employee.nip), entity: 'EMPLOYEE', ...employee, GSI1PK: unitPartition(employee.unit), GSI1SK: employee.nip };
}

export function employeeFromItem(item: Record<string, unknown>): Employee {
  return withoutStorage(item) as Employee;
}

/** The item that lists a unit for year-wide reports. */
export function unitItem(unit: string) {
  return { PK: 'UNITS', SK: keyText(unit), entity: 'UNIT', unit };
}

export async function getEmployee(nip: string): Promise<Employee | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: employeeKey(nip), ConsistentRead: true }));
  return Item ? employeeFromItem(Item) : undefined;
}

export async function requireEmployee(nip: string): Promise<Employee> {
  const employee = await getEmployee(nip);
  if (!employee) throw new NotFoundError({ code: 'EMPLOYEE_NOT_FOUND' });
  return employee;
}

/** An audit entry under the employee: written in the transaction of the change it records. */
export function employeeAuditStep(nip: string, at: string, entry: Record<string, unknown>): TransactStep {
  const discriminator = createHash('sha256').update(JSON.stringify(entry)).digest('base64url').slice(0, 8);
  return { item: { Put: { TableName: tableName(), Item: { PK: employeePartition(nip), SK: `AUDIT#${at}#${discriminator}`, entity: 'AUDIT', at, ...entry } } } };
}

/** The condition that keeps a record of the employee honest: the employee exists. */
export function employeeExistsStep(nip: string): TransactStep {
  return {
    item: { ConditionCheck: { TableName: tableName(), Key: employeeKey(nip), ConditionExpression: 'attribute_exists(PK)' } },
    onConditionFailed: () => new NotFoundError({ code: 'EMPLOYEE_NOT_FOUND' }),
  };
}

/**
 * The steps that create the employee (no version) or replace the version named, registering
 * the unit for year-wide reports in the same transaction (a refused write adds no unit).
 */
export function employeeWriteSteps(employee: Employee, replacedVersion: number | undefined, by: string, changes: unknown): TransactStep[] {
  const write: TransactStep =
    replacedVersion === undefined
      ? {
          item: { Put: { TableName: tableName(), Item: employeeItem(employee), ConditionExpression: 'attribute_not_exists(PK)' } },
          onConditionFailed: () => new VersionRequiredError({ code: 'EMPLOYEE_EXISTS' }),
        }
      : {
          item: {
            Put: {
              TableName: tableName(),
              Item: employeeItem(employee),
              ConditionExpression: 'attribute_exists(PK) AND version = :expected',
              ExpressionAttributeValues: { ':expected': replacedVersion },
            },
          },
          onConditionFailed: () => new StaleVersionError({ code: 'EMPLOYEE_STALE', params: { version: replacedVersion } }),
        };
  return [
    write,
    { item: { Put: { TableName: tableName(), Item: unitItem(employee.unit) } } },
    employeeAuditStep(employee.nip, employee.updatedAt, { by, action: replacedVersion === undefined ? 'EMPLOYEE_CREATED' : 'EMPLOYEE_REPLACED', changes }),
  ];
}

export function employeesOfUnit(unit: string): PageQuery {
  return { index: 'GSI1', keyCondition: 'GSI1PK = :unit', names: {}, values: { ':unit': unitPartition(unit) } };
}

/** Every registered unit, in order (a few hundred items at most). */
export async function listUnits(): Promise<string[]> {
  const units: string[] = [];
  for await (const page of queryAll({ keyCondition: 'PK = :units', names: {}, values: { ':units': 'UNITS' } })) units.push(...page.map((item) => item.unit as string));
  return units;
}
