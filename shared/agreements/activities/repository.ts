import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../db/client.ts';
import { withoutStorage } from '../../db/items.ts';
import { queryPage, type Key } from '../../db/query.ts';
import type { TransactStep } from '../../db/transactions.ts';
import { NotFoundError, UnprocessableError } from '../../errors.ts';
import { linkedPartition } from '../../training/repository/records.ts';
import { documentKey } from '../documents/repository.ts';
import type { Activity } from './schemas.ts';

/**
 * Activities in the agreement's partition:
 *
 *   AGREEMENT#<agreementId> / ACTIVITY#<on>-<uuid>   an activity (its id starts with its date: newest first by SK)
 *   GSI3  LINKED#<agreementId> / <on>#<id>           the index entry linked trainings have, so that an activity counts
 *                                                   for dormancy wherever a linked training does (one rule)
 */
const activityKey = (agreementId: string, id: string) => ({ PK: `AGREEMENT#${agreementId}`, SK: `ACTIVITY#${id}` });

export const activityOnOf = (id: string) => id.slice(0, 10);

function toItem(activity: Activity) {
  return { ...activityKey(activity.agreementId, activity.id), entity: 'ACTIVITY', ...activity, GSI3PK: linkedPartition(activity.agreementId), GSI3SK: `${activity.on}#${activity.id}` };
}

/** Stores a new activity, each document it names still there (checked in the same transaction). */
export function activityInsertionSteps(activity: Activity): TransactStep[] {
  return [
    { item: { Put: { TableName: tableName(), Item: toItem(activity), ConditionExpression: 'attribute_not_exists(PK)' } } },
    ...(activity.documentIds ?? []).map(
      (documentId, index): TransactStep => ({
        item: { ConditionCheck: { TableName: tableName(), Key: documentKey(activity.agreementId, documentId), ConditionExpression: 'attribute_exists(PK)' } },
        onConditionFailed: () => new UnprocessableError(`Agreement ${activity.agreementId} has no document ${documentId}.`, [{ path: `documentIds.${index}`, message: 'names no document of this agreement' }]),
      }),
    ),
  ];
}

export function activityDeletionStep(activity: Activity): TransactStep {
  return {
    item: { Delete: { TableName: tableName(), Key: activityKey(activity.agreementId, activity.id), ConditionExpression: 'attribute_exists(PK)' } },
    onConditionFailed: () => new NotFoundError(`Agreement ${activity.agreementId} has no activity ${activity.id}.`),
  };
}

export async function requireActivity(agreementId: string, id: string): Promise<Activity> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: activityKey(agreementId, id), ConsistentRead: true }));
  if (!Item) throw new NotFoundError(`Agreement ${agreementId} has no activity ${id}.`);
  return withoutStorage(Item) as Activity;
}

/** An agreement's activities, newest first. */
export async function activityPageOf(agreementId: string, limit: number, start?: Key) {
  const page = await queryPage(
    { keyCondition: 'PK = :pk AND begins_with(SK, :activity)', names: {}, values: { ':pk': `AGREEMENT#${agreementId}`, ':activity': 'ACTIVITY#' }, forward: false },
    limit,
    start,
  );
  return { items: page.items.map((item) => withoutStorage(item) as Activity), next: page.next };
}
