import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../db/client.ts';
import type { LengthUnit } from '../jp.ts';

/**
 *   TARGET#<year> / TARGET   the yearly target: hours (what compliance compares), and the unit it
 *                            was set in with its value in JP (absent: the configured default)
 */
const targetKey = (year: number) => ({ PK: `TARGET#${year}`, SK: 'TARGET' });

export interface StoredTarget {
  hours: number;
  /** Absent on targets stored before JP existed: they were set in hours. */
  unit?: LengthUnit;
  jp?: number;
  version: number;
}

export async function getStoredTarget(year: number): Promise<StoredTarget | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: targetKey(year) }));
  return Item ? { hours: Item.hours as number, unit: Item.unit as LengthUnit | undefined, jp: Item.jp as number | undefined, version: Item.version as number } : undefined;
}

/** Sets the year's target; last write wins, and the version counts the changes. */
export async function putTarget(year: number, target: { hours: number; unit: LengthUnit; jp: number }, by: string, at: string): Promise<number> {
  const output = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: targetKey(year),
      UpdateExpression: 'SET entity = :entity, #year = :year, hours = :hours, #unit = :unit, jp = :jp, updatedAt = :at, updatedBy = :by ADD version :one',
      ExpressionAttributeNames: { '#year': 'year', '#unit': 'unit' },
      ExpressionAttributeValues: { ':entity': 'TARGET', ':year': year, ':hours': target.hours, ':unit': target.unit, ':jp': target.jp, ':at': at, ':by': by, ':one': 1 },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return output.Attributes?.version as number;
}
