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
import { alreadyCounted, countedRecord, totalChange } from './total-changes.ts';

/**
 * Training records in the single table:
 *
 *   EMPLOYEE#<nip> / TRAINING#<year>#<id>     a record       GSI3 LINKED#<agreementId> / <endsOn>#<id>
 *
 * A record's id is its end date and a digest of what makes two records the same attendance
 * (title, provider, dates), so a re-imported row or a retried write finds it and changes nothing.
 * The year's total lists the ids of its records and their certificate numbers (total-changes.ts):
 * one read of the total tells whether a record, or another with the same certificate number that
 * year, is already stored; the record's own key still guards a single write.
 */
export const linkedPartition = (agreementId: string) => `LINKED#${agreementId}`;
const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 32);

/** Training ids carry the year and end date, so a record is found from its id alone. */
export function trainingIdOf(training: Pick<Training, 'title' | 'provider' | 'startsOn' | 'endsOn'>): string {
  return `${training.endsOn.replaceAll('-', '')}-${digest(attendanceKey(training))}`;
}
const trainingKey = (nip: string, id: string) => ({ PK: employeePartition(nip), SK: `TRAINING#${id.slice(0, 4)}#${id}` });
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
  const record = countedRecord(training);
  const { base, steps } = await totalChange(training.nip, training.year, [record], []);
  const counted = alreadyCounted(base, record);
  if (counted) throw counted === 'record' ? duplicateRecord() : duplicateCertificate();
  return [...(training.agreementId ? [agreementExistsStep(training.agreementId)] : []), recordPutStep(training), ...steps];
}

export async function getTraining(nip: string, id: string): Promise<Training | undefined> {
  if (!/^\d{8}-/.test(id)) return undefined;
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: trainingKey(nip, id), ConsistentRead: true }));
  return Item ? trainingFromItem(Item) : undefined;
}

/** The steps that remove a record, its certificate guard and its hours from the total (read first). */
export async function deletionSteps(training: Training, by: string, at: string): Promise<TransactStep[]> {
  const { steps } = await totalChange(training.nip, training.year, [], [countedRecord(training)]);
  return [
    {
      item: { Delete: { TableName: tableName(), Key: trainingKey(training.nip, training.id), ConditionExpression: 'attribute_exists(PK)' } },
      onConditionFailed: () => new NotFoundError({ code: 'TRAINING_NOT_FOUND', params: { id: training.id } }),
    },
    ...steps,
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
