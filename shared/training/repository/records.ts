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
import { employeeAuditStep, employeeExistsStep, employeePartition } from './employees.ts';
import { totalChangeStep } from './totals.ts';

/**
 * Training records in the single table:
 *
 *   EMPLOYEE#<nip> / TRAINING#<year>#<id>     a record       GSI3 LINKED#<agreementId> / <endsOn>#<id>
 *   EMPLOYEE#<nip> / ATTENDANCE#<hash>        the same course twice is a duplicate
 *   EMPLOYEE#<nip> / CERTIFICATE#<number>     the same certificate twice is a duplicate
 */
const linkedPartition = (agreementId: string) => `LINKED#${agreementId}`;

/** Training ids carry the year and end date, so a record is found from its id alone. */
export function newTrainingId(endsOn: string, uuid: string): string {
  return `${endsOn.replaceAll('-', '')}-${uuid}`;
}
const trainingKey = (nip: string, id: string) => ({ PK: employeePartition(nip), SK: `TRAINING#${id.slice(0, 4)}#${id}` });
const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 32);
const attendanceGuardKey = (training: Pick<Training, 'nip' | 'title' | 'provider' | 'startsOn' | 'endsOn'>) => ({
  PK: employeePartition(training.nip),
  SK: `ATTENDANCE#${digest(attendanceKey(training))}`,
});
const certificateGuardKey = (nip: string, certificate: string) => ({ PK: employeePartition(nip), SK: `CERTIFICATE#${keyText(certificate)}` });

function trainingItem(training: Training) {
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

/**
 * The steps that store a record, its duplicate guards and its hours in the year's total. They are
 * ordered so that the most telling failure wins: unknown employee, unknown agreement, duplicates.
 */
export function insertionSteps(training: Training): TransactStep[] {
  const guard = (Key: Record<string, string>, code: MessageCode): TransactStep => ({
    item: { Put: { TableName: tableName(), Item: { ...Key, entity: 'GUARD', trainingId: training.id }, ConditionExpression: 'attribute_not_exists(PK)' } },
    onConditionFailed: () => new ConflictError({ code }),
  });
  return [
    employeeExistsStep(training.nip),
    ...(training.agreementId
      ? [
          {
            item: { ConditionCheck: { TableName: tableName(), Key: agreementKey(training.agreementId), ConditionExpression: 'attribute_exists(PK)' } },
            onConditionFailed: () => new UnprocessableError({ code: 'TRAINING_AGREEMENT_NOT_FOUND', params: { agreementId: training.agreementId! } }, [fieldError('agreementId', 'AGREEMENT_REFERENCE_NOT_FOUND')]),
          },
        ]
      : []),
    guard(attendanceGuardKey(training), 'TRAINING_DUPLICATE'),
    ...(training.certificateNumber ? [guard(certificateGuardKey(training.nip, training.certificateNumber), 'CERTIFICATE_DUPLICATE')] : []),
    { item: { Put: { TableName: tableName(), Item: trainingItem(training), ConditionExpression: 'attribute_not_exists(PK)' } } },
    totalChangeStep(training.nip, training.year, training.hours, 1),
    employeeAuditStep(training.nip, training.createdAt, { by: training.createdBy, action: 'TRAINING_ADDED', trainingId: training.id, hours: training.hours, year: training.year }),
  ];
}

export async function getTraining(nip: string, id: string): Promise<Training | undefined> {
  if (!/^\d{8}-/.test(id)) return undefined;
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: trainingKey(nip, id), ConsistentRead: true }));
  return Item ? trainingFromItem(Item) : undefined;
}

/** The steps that remove a record, its guards and its hours from the total. */
export function deletionSteps(training: Training, by: string, at: string): TransactStep[] {
  return [
    {
      item: { Delete: { TableName: tableName(), Key: trainingKey(training.nip, training.id), ConditionExpression: 'attribute_exists(PK)' } },
      onConditionFailed: () => new NotFoundError({ code: 'TRAINING_NOT_FOUND', params: { id: training.id } }),
    },
    { item: { Delete: { TableName: tableName(), Key: attendanceGuardKey(training) } } },
    ...(training.certificateNumber ? [{ item: { Delete: { TableName: tableName(), Key: certificateGuardKey(training.nip, training.certificateNumber) } } }] : []),
    totalChangeStep(training.nip, training.year, -training.hours, -1),
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
