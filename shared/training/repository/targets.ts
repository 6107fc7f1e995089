import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../db/client.ts';

/**
 *   TARGET#<year> / TARGET   the yearly target in hours (absent: the configured default)
 */
const targetKey = (year: number) => ({ PK: `TARGET#${year}`, SK: 'TARGET' });

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
