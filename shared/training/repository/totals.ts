import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../../db/batch.ts';
import { db, tableName } from '../../db/client.ts';
import type { PageQuery } from '../../db/query.ts';
import type { TransactStep } from '../../db/transactions.ts';
import { keyText } from '../../text.ts';
import { paddedHours, paddedThreshold, type HistogramDelta } from '../hours-index.ts';
import { employeePartition } from './employees.ts';

/**
 *   EMPLOYEE#<nip> / TOTAL#<year>        hours of the year, one item per employee-year, zero included
 *                                        GSI2 HOURS#<year>#<unit> / <quarters:8>#<nip>
 *   COMPLIANCE#<year> / <unit>#<shard>   per unit: a histogram of the totals (employees per quarter hour)
 *
 * A total is rewritten, never ADDed to: its index key holds the hours, which an update expression
 * cannot compute. Each write names the `revision` it read (or that none exists), so concurrent
 * writers never lose a change: the loser gets the stored total back and tries again.
 */
export interface Total {
  nip: string;
  year: number;
  /** The employee's unit and name, as on their profile (moved with it). */
  unit: string;
  name: string;
  hours: number;
  trainings: number;
  /** Ids of the year's records, and the certificate numbers they carry (as keyed): a duplicate is found from the total alone. */
  records: string[];
  certificates: string[];
  revision: number;
}

export const totalKey = (nip: string, year: number) => ({ PK: employeePartition(nip), SK: `TOTAL#${year}` });
const hoursPartition = (year: number, unit: string) => `HOURS#${year}#${keyText(unit)}`;

export function totalItem(total: Total) {
  return {
    ...totalKey(total.nip, total.year),
    entity: 'TOTAL',
    ...total,
    GSI2PK: hoursPartition(total.year, total.unit),
    GSI2SK: `${paddedHours(total.hours)}#${total.nip}`,
  };
}

export function totalFromItem(item: Record<string, unknown>): Total {
  const { nip, year, unit, name, hours, trainings, records, certificates, revision } = item as unknown as Total;
  return { nip, year, unit, name, hours, trainings, records: records ?? [], certificates: certificates ?? [], revision };
}

/** The stored total changed between the read and the write: build the write again from `stored`. */
export class TotalChangedError extends Error {
  constructor(readonly stored: Total | undefined) {
    super('The total changed while it was being written.');
    this.name = 'TotalChangedError';
  }
}

/**
 * The step that writes `after` over `before` (absent: no total of that year yet), conditioned on
 * what was read. `after.revision` must be `before.revision + 1` (1 for a new total).
 */
export function totalWriteStep(before: Total | undefined, after: Total): TransactStep {
  return {
    item: {
      Put: {
        TableName: tableName(),
        Item: totalItem(after),
        ConditionExpression: before ? 'revision = :revision' : 'attribute_not_exists(PK)',
        ...(before ? { ExpressionAttributeValues: { ':revision': before.revision } } : {}),
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    onConditionFailed: (stored) => new TotalChangedError(stored ? totalFromItem(stored) : undefined),
  };
}

/** Counter items per unit: writes spread over this many items, the summary adds them up. */
export const COUNTER_SHARDS = 4;
const counterPartition = (year: number) => `COMPLIANCE#${year}`;
const shardOf = (nip: string) => Number(BigInt(nip.slice(-6)) % BigInt(COUNTER_SHARDS));

/**
 * The steps that apply a histogram delta of `year` (one update per unit with a change; ADD never
 * conflicts with another ADD outside a transaction, and the shard spreads those inside one).
 */
export function counterSteps(year: number, delta: HistogramDelta, shardKey: string): TransactStep[] {
  const shard = shardOf(shardKey);
  return [...delta].flatMap(([unitKey, { unit, buckets }]) => {
    const changed = [...buckets].filter(([, by]) => by !== 0);
    if (changed.length === 0) return [];
    return [
      {
        item: {
          Update: {
            TableName: tableName(),
            Key: { PK: counterPartition(year), SK: `${unitKey}#${shard}` },
            UpdateExpression: `SET entity = :entity, #unit = :unit, #year = :year ADD ${changed.map((_, index) => `#b${index} :b${index}`).join(', ')}`,
            ExpressionAttributeNames: { '#year': 'year', '#unit': 'unit', ...Object.fromEntries(changed.map(([bucket], index) => [`#b${index}`, bucket])) },
            ExpressionAttributeValues: { ':entity': 'COUNTER', ':unit': unit, ':year': year, ...Object.fromEntries(changed.map(([, by], index) => [`:b${index}`, by])) },
          },
        },
      },
    ];
  });
}

/** Counter items of a year, unit by unit (shards of a unit are adjacent). */
export function countersOfYear(year: number): PageQuery {
  return { keyCondition: 'PK = :pk', names: {}, values: { ':pk': counterPartition(year) } };
}

/** Every yearly total of an employee (a change of unit moves them all). */
export function totalsOfEmployee(nip: string): PageQuery {
  return { keyCondition: 'PK = :pk AND begins_with(SK, :total)', names: {}, values: { ':pk': employeePartition(nip), ':total': 'TOTAL#' }, consistent: true };
}

/** Hours of a year as a key range: `from` included, `below` excluded; an absent bound is open. */
export interface HoursRange {
  from?: number;
  below?: number;
}

/**
 * Totals of a unit's year, by hours, within `range` (all without one). BETWEEN includes both ends,
 * yet `below` stays out: its padded threshold (`00000160`) sorts before every `00000160#<nip>`.
 */
export function totalsOfUnit(year: number, unit: string, { from, below }: HoursRange = {}): PageQuery {
  const values: Record<string, unknown> = { ':pk': hoursPartition(year, unit) };
  if (from !== undefined) values[':from'] = paddedThreshold(from);
  if (below !== undefined) values[':below'] = paddedThreshold(below);
  const hours = hoursCondition(from !== undefined, below !== undefined);
  return { index: 'GSI2', keyCondition: hours ? `GSI2PK = :pk AND ${hours}` : 'GSI2PK = :pk', names: {}, values };
}

function hoursCondition(from: boolean, below: boolean): string | undefined {
  if (from && below) return 'GSI2SK BETWEEN :from AND :below';
  if (from) return 'GSI2SK >= :from';
  if (below) return 'GSI2SK < :below';
  return undefined;
}

export const totalId = (nip: string, year: number) => `${nip}#${year}`;

/** Totals of `keys` (nip and year), read consistently; absent ones are missing from the map. */
export async function readTotals(keys: { nip: string; year: number }[]): Promise<Map<string, Total>> {
  const totals = new Map<string, Total>();
  const unique = [...new Map(keys.map((key) => [totalId(key.nip, key.year), totalKey(key.nip, key.year)])).values()];
  // A few calls at a time: a bulk writer's lanes read side by side, and a burst of connections timed out on a busy engine.
  for (const item of await batchGetAll(unique, { consistent: true, concurrency: 4 })) totals.set(totalId(item.nip as string, item.year as number), totalFromItem(item));
  return totals;
}

/** Hours of `year` for each NIP (absent means none), for readers that need no consistency. */
export async function totalsOf(nips: string[], year: number): Promise<Map<string, number>> {
  const items = await batchGetAll(nips.map((nip) => totalKey(nip, year)), { consistent: false, projection: 'nip, hours' });
  return new Map(items.map((item) => [item.nip as string, item.hours as number]));
}

export async function getTotal(nip: string, year: number): Promise<Total | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: totalKey(nip, year), ConsistentRead: true }));
  return Item ? totalFromItem(Item) : undefined;
}

/** Where a histogram counts a total: its unit (as keyed) and hours. */
export const histogramSide = (total: Pick<Total, 'unit' | 'hours'>) => ({ unitKey: keyText(total.unit), unit: total.unit, hours: total.hours });
