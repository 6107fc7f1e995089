import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { agreementKey } from '../../agreements/repository.ts';
import { db, tableName } from '../../db/client.ts';
import { withoutStorage } from '../../db/items.ts';
import { keyText } from '../../text.ts';
import { queryPage, type PageQuery } from '../../db/query.ts';
import type { TransactStep } from '../../db/transactions.ts';
import { ConflictError, fieldError, NotFoundError, UnprocessableError } from '../../errors.ts';
import type { MessageCode } from '../../i18n/messages.ts';
import { attendanceKey } from '../rules.ts';
import type { Training } from '../schemas.ts';
import { employeeAuditStep, employeePartition } from './employees.ts';
import { totalChange } from './total-changes.ts';

/**
 * Training records in the single table:
 *
 *   EMPLOYEE#<nip> / TRAINING#<year>#<id>     a record       GSI3 LINKED#<agreementId> / <endsOn>#<id>
 *   EMPLOYEE#<nip> / CERTIFICATE#<number>     the same certificate twice is a duplicate
 *
 * A record's id is its end date and a digest of what makes two records the same attendance
 * (title, provider, dates): the record's own key is the guard against recording it twice, so a
 * re-imported row or a retried write finds it and changes nothing.
 */
export const linkedPartition = (agreementId: string) => `LINKED#${agreementId}`;
const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 32);

/** Training ids carry the year and end date, so a record is found from its id alone. */
export function trainingIdOf(training: Pick<Training, 'title' | 'provider' | 'startsOn' | 'endsOn'>): string {
  return `${training.endsOn.replaceAll('-', '')}-${digest(attendanceKey(training))}`;
}
const trainingKey = (nip: string, id: string) => ({ PK: employeePartition(nip), SK: `TRAINING#${id.slice(0, 4)}#${id}` });
export const certificateGuardKey = (nip: string, certificate: string) => ({ PK: employeePartition(nip), SK: `CERTIFICATE#${keyText(certificate)}` });
export const recordKey = (training: Pick<Training, 'nip' | 'id'>) => trainingKey(training.nip, training.id);

export function trainingItem(training: Training) {
  return {
    ...trainingKey(training.nip, training.id),
    entity: 'TRAINING',
    ...training,
    ...(training.agreementId ? { GSI3PK: linkedPartition(training.agreementId), GSI3SK: `${training.endsOn}#${training.id}` } : {}),
  };
}

export function trainingFromItem(item: Record<string, unknown>): Training {
  return withoutStorage(item) as Training;
}

const duplicateRecord = () => new ConflictError({ code: 'TRAINING_DUPLICATE' });
const duplicateCertificate = () => new ConflictError({ code: 'CERTIFICATE_DUPLICATE' });

/** The record itself, refused when the same attendance is recorded: its key is the guard. */
export function recordPutStep(training: Training): TransactStep {
  return { item: { Put: { TableName: tableName(), Item: trainingItem(training), ConditionExpression: 'attribute_not_exists(PK)' } }, onConditionFailed: duplicateRecord };
}

/** The certificate number, once per employee (only for records that carry one). */
export function certificateGuardStep(training: Training): TransactStep[] {
  const guard = certificateGuardItem(training);
  return guard ? [{ item: { Put: { TableName: tableName(), Item: guard, ConditionExpression: 'attribute_not_exists(PK)' } }, onConditionFailed: duplicateCertificate }] : [];
}

/** The item that holds a record's certificate number (none without one). */
export function certificateGuardItem(training: Training): Record<string, unknown> | undefined {
  return training.certificateNumber ? { ...certificateGuardKey(training.nip, training.certificateNumber), entity: 'GUARD', trainingId: training.id } : undefined;
}

/** The agreement a record links to exists (checked in the record's transaction). */
export function agreementExistsStep(agreementId: string): TransactStep {
  return {
    item: { ConditionCheck: { TableName: tableName(), Key: agreementKey(agreementId), ConditionExpression: 'attribute_exists(PK)' } },
    onConditionFailed: () => new UnprocessableError(`agreementId: no agreement ${agreementId} exists.`, [{ path: 'agreementId', message: 'names no existing agreement' }]),
  };
}

/**
 * The steps that store a record and its hours in the year's total (read first: the total's index
 * key holds the hours), ordered so that the most telling failure wins: unknown employee (found by
 * the read), unknown agreement, duplicates, then a total changed meanwhile (TotalChangedError:
 * build the steps again, see `writeWithTotals`). Other writes may join the same transaction.
 */
export async function insertionSteps(training: Training): Promise<TransactStep[]> {
  const change = await totalChange(training.nip, training.year, training.hours, 1);
  return [...(training.agreementId ? [agreementExistsStep(training.agreementId)] : []), recordPutStep(training), ...certificateGuardStep(training), ...change];
}

export async function getTraining(nip: string, id: string): Promise<Training | undefined> {
  if (!/^\d{8}-/.test(id)) return undefined;
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: trainingKey(nip, id), ConsistentRead: true }));
  return Item ? trainingFromItem(Item) : undefined;
}

/** The steps that remove a record, its certificate guard and its hours from the total (read first). */
export async function deletionSteps(training: Training, by: string, at: string): Promise<TransactStep[]> {
  const change = await totalChange(training.nip, training.year, -training.hours, -1);
  return [
    {
      item: { Delete: { TableName: tableName(), Key: trainingKey(training.nip, training.id), ConditionExpression: 'attribute_exists(PK)' } },
      onConditionFailed: () => new NotFoundError({ code: 'TRAINING_NOT_FOUND', params: { id: training.id } }),
    },
    ...(training.certificateNumber ? [{ item: { Delete: { TableName: tableName(), Key: certificateGuardKey(training.nip, training.certificateNumber) } } }] : []),
    ...change,
    employeeAuditStep(training.nip, at, { by, action: 'TRAINING_REMOVED', trainingId: training.id, hours: training.hours, year: training.year }),
  ];
}

export function trainingsOfYear(nip: string, year: number): PageQuery {
  return { keyCondition: 'PK = :pk AND begins_with(SK, :prefix)', names: {}, values: { ':pk': employeePartition(nip), ':prefix': `TRAINING#${year}#` } };
}

/** Records linked to an agreement, by end date; from `since` on when given. */
export function linkedTrainings(agreementId: string, since?: string): PageQuery {
  return {
    index: 'GSI3',
    keyCondition: since ? 'GSI3PK = :pk AND GSI3SK >= :since' : 'GSI3PK = :pk',
    names: {},
    values: { ':pk': linkedPartition(agreementId), ...(since ? { ':since': since } : {}) },
  };
}

/** Whether any training linked to the agreement ended on or after `since` (reads at most one item). */
export async function hasLinkedTrainingSince(agreementId: string, since: string): Promise<boolean> {
  const page = await queryPage(linkedTrainings(agreementId, since), 1);
  return page.items.length > 0;
}
