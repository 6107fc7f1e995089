import { BatchGetCommand, GetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../db/client.ts';
import type { TransactStep } from '../../db/transactions.ts';
import { employeePartition } from './employees.ts';

/**
 *   EMPLOYEE#<nip> / TOTAL#<year>   hours of the year, kept by ADD in each record's transaction
 */
const totalKey = (nip: string, year: number) => ({ PK: employeePartition(nip), SK: `TOTAL#${year}` });

/** Adds (or, negative, removes) hours and a record to the year's total, in the record's transaction. */
export function totalChangeStep(nip: string, year: number, hours: number, trainings: number): TransactStep {
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

/** Hours of `year` for each NIP (absent means none), 100 keys per BatchGetItem. */
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
