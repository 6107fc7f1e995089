import { BatchGetCommand, GetCommand, UpdateCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { db, tableName } from '../db/client.ts';
import { earlierResultOf, idempotencyStep, type IdempotencyScope } from '../db/idempotency.ts';
import { queryPage, type Key, type PageQuery } from '../db/query.ts';
import { transact, type TransactStep } from '../db/transactions.ts';
import { agreementKey } from '../agreements/repository.ts';
import { ConflictError, NotFoundError, StaleVersionError, UnprocessableError, VersionRequiredError } from '../errors.ts';
import { attendanceKey } from './rules.ts';
import type { Employee, Training } from './schemas.ts';

/**
 * Employees, their training records and per-year totals in the single table:
 *
 *   EMPLOYEE#<nip> / PROFILE                   the employee       GSI1 UNIT#<unit> / <nip>
 *   EMPLOYEE#<nip> / TRAINING#<year>#<id>      a training record  GSI3 LINKED#<agreementId> / <endsOn>#<id>
 *   EMPLOYEE#<nip> / TOTAL#<year>              hours of the year, kept by ADD in each record's transaction
 *   EMPLOYEE#<nip> / ATTENDANCE#<hash>         the same course twice is a duplicate
 *   EMPLOYEE#<nip> / CERTIFICATE#<number>      the same certificate twice is a duplicate
 *   EMPLOYEE#<nip> / AUDIT#<at>#<id>           who changed what
 *   UNITS / <unit>                             the work units, for year-wide reports
 *   TARGET#<year> / TARGET                     the yearly target in hours
 */
const employeeKey = (nip: string) => ({ PK: `EMPLOYEE#${nip}`, SK: 'PROFILE' });
const totalKey = (nip: string, year: number) => ({ PK: `EMPLOYEE#${nip}`, SK: `TOTAL#${year}` });
const targetKey = (year: number) => ({ PK: `TARGET#${year}`, SK: 'TARGET' });
export const unitKey = (unit: string) => unit.trim().replace(/\s+/g, ' ').toLowerCase();
const unitPartition = (unit: string) => `UNIT#${unitKey(unit)}`;
const linkedPartition = (agreementId: string) => `LINKED#${agreementId}`;

/** Training ids carry the year and end date, so a record is found from its id alone. */
export function newTrainingId(endsOn: string, uuid: string): string {
  return `${endsOn.replaceAll('-', '')}-${uuid}`;
}
function trainingKey(nip: string, id: string) {
  return { PK: `EMPLOYEE#${nip}`, SK: `TRAINING#${id.slice(0, 4)}#${id}` };
}
const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 32);
const attendanceGuardKey = (training: Pick<Training, 'nip' | 'title' | 'provider' | 'startsOn' | 'endsOn'>) => ({
  PK: `EMPLOYEE#${training.nip}`,
  SK: `ATTENDANCE#${digest(attendanceKey(training))}`,
});
const certificateGuardKey = (nip: string, certificate: string) => ({ PK: `EMPLOYEE#${nip}`, SK: `CERTIFICATE#${certificate.trim().toUpperCase()}` });

function strip(item: Record<string, unknown>, extra: string[] = []): Record<string, unknown> {
  const copy = { ...item };
  for (const key of ['PK', 'SK', 'entity', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'unitKey', ...extra]) delete copy[key];
  return copy;
}

function auditStep(nip: string, at: string, entry: Record<string, unknown>): TransactStep {
  return {
    item: { Put: { TableName: tableName(), Item: { PK: `EMPLOYEE#${nip}`, SK: `AUDIT#${at}#${digest(JSON.stringify(entry)).slice(0, 8)}`, entity: 'AUDIT', at, ...entry } } },
  };
}

// ---------- employees ----------

export async function getEmployee(nip: string): Promise<Employee | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: employeeKey(nip), ConsistentRead: true }));
  return Item ? (strip(Item) as Employee) : undefined;
}

export async function requireEmployee(nip: string): Promise<Employee> {
  const employee = await getEmployee(nip);
  if (!employee) throw new NotFoundError(`No employee with this NIP is registered.`);
  return employee;
}

/** The stored item of an employee, with its unit index keys. */
export function employeeItem(employee: Employee) {
  return { ...employeeKey(employee.nip), entity: 'EMPLOYEE', ...employee, unitKey: unitKey(employee.unit), GSI1PK: unitPartition(employee.unit), GSI1SK: employee.nip };
}

/** Registers the unit for year-wide reports, in the employee's transaction (a refused PUT adds no unit). */
function registerUnitStep(unit: string): TransactStep {
  return { item: { Put: { TableName: tableName(), Item: unitItem(unit) } } };
}

/** The item that lists a unit for year-wide reports. */
export function unitItem(unit: string) {
  return { PK: 'UNITS', SK: unitKey(unit), entity: 'UNIT', unit };
}

/** Creates the employee (no If-Match) or replaces the version named by If-Match. */
export async function putEmployee(employee: Employee, expectedVersion: number | undefined, by: string, changes: unknown): Promise<void> {
  const condition: TransactStep =
    expectedVersion === undefined
      ? {
          item: { Put: { TableName: tableName(), Item: employeeItem(employee), ConditionExpression: 'attribute_not_exists(PK)' } },
          onConditionFailed: () => new VersionRequiredError('This employee already exists: to replace it, send If-Match with the ETag of the version you read.'),
        }
      : {
          item: {
            Put: {
              TableName: tableName(),
              Item: employeeItem(employee),
              ConditionExpression: 'attribute_exists(PK) AND version = :expected',
              ExpressionAttributeValues: { ':expected': expectedVersion },
            },
          },
          onConditionFailed: () => new StaleVersionError(`The employee is no longer at version ${expectedVersion}; read it again.`),
        };
  await transact([condition, registerUnitStep(employee.unit), auditStep(employee.nip, employee.updatedAt, { by, action: expectedVersion === undefined ? 'EMPLOYEE_CREATED' : 'EMPLOYEE_REPLACED', changes })]);
}

export function employeesQuery(unit: string): PageQuery {
  return { index: 'GSI1', keyCondition: 'GSI1PK = :unit', names: {}, values: { ':unit': unitPartition(unit) } };
}

export function employeeFromItem(item: Record<string, unknown>): Employee {
  return strip(item) as Employee;
}

/** Every registered unit, in order (a few hundred items at most). */
export async function listUnits(): Promise<string[]> {
  const units: string[] = [];
  let start: Key | undefined;
  do {
    const page = await queryPage({ keyCondition: 'PK = :units', names: {}, values: { ':units': 'UNITS' } }, 100, start);
    units.push(...page.items.map((item) => item.unit as string));
    start = page.next;
  } while (start);
  return units;
}

/** Hours of `year` for each NIP (absent means none). */
export async function totalsOf(nips: string[], year: number): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  for (let offset = 0; offset < nips.length; offset += 100) {
    let keys: Record<string, unknown>[] | undefined = nips.slice(offset, offset + 100).map((nip) => totalKey(nip, year));
    while (keys?.length) {
      const output: BatchGetCommandOutput = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys, ProjectionExpression: 'nip, hours' } } }));
      for (const item of output.Responses?.[tableName()] ?? []) totals.set(item.nip as string, item.hours as number);
      keys = output.UnprocessedKeys?.[tableName()]?.Keys;
    }
  }
  return totals;
}

export async function totalOf(nip: string, year: number): Promise<number> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: totalKey(nip, year), ConsistentRead: true }));
  return (Item?.hours as number | undefined) ?? 0;
}

// ---------- training records ----------

function trainingItem(training: Training) {
  return {
    ...trainingKey(training.nip, training.id),
    entity: 'TRAINING',
    ...training,
    ...(training.agreementId ? { GSI3PK: linkedPartition(training.agreementId), GSI3SK: `${training.endsOn}#${training.id}` } : {}),
  };
}

function totalChange(nip: string, year: number, hours: number, trainings: number): TransactStep {
  return {
    item: {
      Update: {
        TableName: tableName(),
        Key: totalKey(nip, year),
        UpdateExpression: 'ADD hours :hours, trainings :trainings SET nip = :nip, #year = :year, entity = :entity',
        ExpressionAttributeNames: { '#year': 'year' },
        ExpressionAttributeValues: { ':hours': hours, ':trainings': trainings, ':nip': nip, ':year': year, ':entity': 'TOTAL' },
      },
    },
  };
}

/**
 * Stores a record, its duplicate guards and its hours in the year's total, all or nothing.
 * Steps are ordered so that the most telling failure wins: replay, unknown employee, unknown
 * agreement, then duplicates.
 */
export async function insertTraining<T>(training: Training, idempotency: { scope: IdempotencyScope; result: T } | undefined) {
  const guard = (Key: Record<string, string>, message: string): TransactStep => ({
    item: { Put: { TableName: tableName(), Item: { ...Key, entity: 'GUARD', trainingId: training.id }, ConditionExpression: 'attribute_not_exists(PK)' } },
    onConditionFailed: () => new ConflictError(message),
  });
  return earlierResultOf<T>(() =>
    transact([
      ...(idempotency ? [idempotencyStep(idempotency.scope, idempotency.result)] : []),
      {
        item: { ConditionCheck: { TableName: tableName(), Key: employeeKey(training.nip), ConditionExpression: 'attribute_exists(PK)' } },
        onConditionFailed: () => new NotFoundError('No employee with this NIP is registered.'),
      },
      ...(training.agreementId
        ? [
            {
              item: { ConditionCheck: { TableName: tableName(), Key: agreementKey(training.agreementId), ConditionExpression: 'attribute_exists(PK)' } },
              onConditionFailed: () =>
                new UnprocessableError(`agreementId: no agreement ${training.agreementId} exists.`, [{ path: 'agreementId', message: 'names no existing agreement' }]),
            },
          ]
        : []),
      guard(attendanceGuardKey(training), 'This training is already recorded for this employee (same title, provider and dates).'),
      ...(training.certificateNumber
        ? [guard(certificateGuardKey(training.nip, training.certificateNumber), 'A training with this certificate number is already recorded for this employee.')]
        : []),
      { item: { Put: { TableName: tableName(), Item: trainingItem(training), ConditionExpression: 'attribute_not_exists(PK)' } } },
      totalChange(training.nip, training.year, training.hours, 1),
      auditStep(training.nip, training.createdAt, { by: training.createdBy, action: 'TRAINING_ADDED', trainingId: training.id, hours: training.hours, year: training.year }),
    ]),
  );
}

export async function getTraining(nip: string, id: string): Promise<Training | undefined> {
  if (!/^\d{8}-/.test(id)) return undefined;
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: trainingKey(nip, id), ConsistentRead: true }));
  return Item ? (strip(Item) as Training) : undefined;
}

/** Removes a record, its guards and its hours from the total, all or nothing. */
export async function deleteTraining(training: Training, by: string, at: string): Promise<void> {
  await transact([
    {
      item: { Delete: { TableName: tableName(), Key: trainingKey(training.nip, training.id), ConditionExpression: 'attribute_exists(PK)' } },
      onConditionFailed: () => new NotFoundError(`No training ${training.id} is recorded for this employee.`),
    },
    { item: { Delete: { TableName: tableName(), Key: attendanceGuardKey(training) } } },
    ...(training.certificateNumber ? [{ item: { Delete: { TableName: tableName(), Key: certificateGuardKey(training.nip, training.certificateNumber) } } }] : []),
    totalChange(training.nip, training.year, -training.hours, -1),
    auditStep(training.nip, at, { by, action: 'TRAINING_REMOVED', trainingId: training.id, hours: training.hours, year: training.year }),
  ]);
}

export function trainingsOfYear(nip: string, year: number): PageQuery {
  return { keyCondition: 'PK = :pk AND begins_with(SK, :prefix)', names: {}, values: { ':pk': `EMPLOYEE#${nip}`, ':prefix': `TRAINING#${year}#` } };
}

export function linkedTrainings(agreementId: string): PageQuery {
  return { index: 'GSI3', keyCondition: 'GSI3PK = :pk', names: {}, values: { ':pk': linkedPartition(agreementId) } };
}

export function trainingFromItem(item: Record<string, unknown>): Training {
  return strip(item) as Training;
}

// ---------- targets ----------

export async function getStoredTarget(year: number): Promise<{ hours: number; version: number } | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: targetKey(year) }));
  return Item ? { hours: Item.hours as number, version: Item.version as number } : undefined;
}

/** Sets the year's target; last write wins, and the version counts the changes. */
export async function putTarget(year: number, hours: number, by: string, at: string): Promise<number> {
  const output = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: targetKey(year),
      UpdateExpression: 'SET entity = :entity, #year = :year, hours = :hours, updatedAt = :at, updatedBy = :by ADD version :one',
      ExpressionAttributeNames: { '#year': 'year' },
      ExpressionAttributeValues: { ':entity': 'TARGET', ':year': year, ':hours': hours, ':at': at, ':by': by, ':one': 1 },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return output.Attributes?.version as number;
}

/** Whether any training linked to the agreement ended on or after `since` (reads at most one item). */
export async function hasLinkedTrainingSince(agreementId: string, since: string): Promise<boolean> {
  const page = await queryPage(
    { index: 'GSI3', keyCondition: 'GSI3PK = :pk AND GSI3SK >= :since', names: {}, values: { ':pk': linkedPartition(agreementId), ':since': since } },
    1,
  );
  return page.items.length > 0;
}
