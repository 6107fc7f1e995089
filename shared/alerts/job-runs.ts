import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../db/client.ts';

/**
 * The last day each job completed, so that the next run covers every day since (a missed day
 * loses nothing). It only moves forward: replaying an earlier day does not rewind it.
 *
 *   JOBRUN#<job> / LAST    { today }
 */
const key = (job: string) => ({ PK: `JOBRUN#${job}`, SK: 'LAST' });

export async function lastCompletedDay(job: string): Promise<string | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: key(job), ConsistentRead: true }));
  return Item?.today as string | undefined;
}

export async function recordCompletedDay(job: string, today: string, now: Date): Promise<void> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key(job),
        UpdateExpression: 'SET today = :today, completedAt = :now, entity = :entity',
        ConditionExpression: 'attribute_not_exists(today) OR today < :today',
        ExpressionAttributeValues: { ':today': today, ':now': now.toISOString(), ':entity': 'JOBRUN' },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}
