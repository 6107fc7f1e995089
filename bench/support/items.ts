import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { isDeepStrictEqual } from 'node:util';
import type { Actor } from '../../shared/actor.ts';
import { agreementKey, fromItem, toItem as agreementItem } from '../../shared/agreements/repository.ts';
import { createAgreement } from '../../shared/agreements/service.ts';
import { db, tableName } from '../../shared/db/client.ts';
import { employeeItem, unitItem } from '../../shared/training/repository/employees.ts';
import { addTraining } from '../../shared/training/service/records.ts';
import { putEmployee } from '../../shared/training/service/employees.ts';
import { keyText } from '../../shared/text.ts';
import { bucketOf } from '../../shared/training/hours-index.ts';
import { countedRecord, zeroTotal } from '../../shared/training/repository/total-changes.ts';
import { totalItem, totalKey } from '../../shared/training/repository/totals.ts';

/**
 * Items for bulk loading 100,000s of items with BatchWrite (the services write one transaction per
 * item: hours for a benchmark's data), built by the repositories' own item builders.
 * `assertBulkLayoutMatches` still checks them against what the services write.
 */
type Item = Record<string, unknown>;

export { toItem as agreementItem } from '../../shared/agreements/repository.ts';
export { employeeItem, unitItem } from '../../shared/training/repository/employees.ts';

export { totalItem };

/** The histogram items of a year (one shard per unit) for employees of known hours, as the writers keep them. */
export function counterItems(year: number, employees: { unit: string; hours: number }[]): Item[] {
  const units = new Map<string, Item>();
  for (const { unit, hours } of employees) {
    const item = units.get(keyText(unit)) ?? { PK: `COMPLIANCE#${year}`, SK: `${keyText(unit)}#0`, entity: 'COUNTER', unit, year };
    item[bucketOf(hours)] = ((item[bucketOf(hours)] as number | undefined) ?? 0) + 1;
    units.set(keyText(unit), item);
  }
  return [...units.values()];
}

async function stored(key: Item): Promise<Item | undefined> {
  return (await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item;
}

function expectSame(what: string, built: Item, actual: Item | undefined): void {
  if (isDeepStrictEqual(built, actual)) return;
  const keys = [...new Set([...Object.keys(built), ...Object.keys(actual ?? {})])];
  const differing = keys.filter((key) => !isDeepStrictEqual(built[key], actual?.[key]));
  throw new Error(`bench/support/items.ts no longer matches the repository's ${what} item (differs in: ${actual ? differing.join(', ') : 'the key: nothing stored there'}); update the replica.`);
}

/**
 * Writes one agreement, one employee and one training through the services (in the current table)
 * and checks that the bulk items are exactly the items they stored, under the same keys.
 */
export async function assertBulkLayoutMatches(samples: { agreement: Parameters<typeof createAgreement>[0]; nip: string; employee: Parameters<typeof putEmployee>[1]; training: Parameters<typeof addTraining>[1] }, actor: Actor): Promise<void> {
  const { agreement } = await createAgreement(samples.agreement, actor);
  const agreementStored = await stored(agreementKey(agreement.id));
  expectSame('agreement', agreementItem(fromItem(agreementStored ?? {})), agreementStored);

  const { employee } = await putEmployee(samples.nip, samples.employee, undefined, actor);
  const employeeBuilt = employeeItem(employee, 1);
  expectSame('employee', employeeBuilt, await stored({ PK: employeeBuilt.PK, SK: employeeBuilt.SK }));
  const unitBuilt = unitItem(employee.unit);
  expectSame('unit', unitBuilt, await stored({ PK: unitBuilt.PK, SK: unitBuilt.SK }));

  const { training } = await addTraining(samples.nip, samples.training, actor);
  const counted = countedRecord(training);
  const total = { ...zeroTotal(employee, training.year), hours: training.hours, trainings: 1, records: [counted.id], certificates: counted.certificate ? [counted.certificate] : [], revision: 2 };
  expectSame('total', totalItem(total), await stored(totalKey(samples.nip, training.year)));
}
