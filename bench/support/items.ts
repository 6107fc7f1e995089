import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { isDeepStrictEqual } from 'node:util';
import type { Actor } from '../../shared/actor.ts';
import { agreementKey, childrenPartition, expiryBucket, fromItem, REGISTRY_PARTITION } from '../../shared/agreements/repository.ts';
import type { AgreementRecord } from '../../shared/agreements/rules.ts';
import { createAgreement } from '../../shared/agreements/service.ts';
import { db, tableName } from '../../shared/db/client.ts';
import { unitKey } from '../../shared/training/repository.ts';
import type { Employee } from '../../shared/training/schemas.ts';
import { addTraining, putEmployee } from '../../shared/training/service.ts';

/**
 * REPLICA of the repositories' item layout, for bulk loading 100,000s of items with BatchWrite
 * (the services write one transaction per item, hours for a benchmark's data). The repositories do
 * not export their item builders (agreements' `toItem`, training's `employeeItem`), so the layout
 * is copied here from shared/agreements/repository.ts and shared/training/repository.ts, reusing
 * what they do export; `assertBulkLayoutMatches` fails the run the day the two drift apart.
 */
type Item = Record<string, unknown>;

/** = toItem in shared/agreements/repository.ts. */
export function agreementItem(record: AgreementRecord): Item {
  return {
    ...agreementKey(record.id),
    ...record,
    entity: 'AGREEMENT',
    partnerSearch: record.partners.map((partner) => partner.name.toLowerCase()).join('\n'),
    fieldSearch: record.fields.map((field) => field.toLowerCase()),
    GSI1PK: REGISTRY_PARTITION,
    GSI1SK: `${record.endsOn}#${record.id}`,
    ...(record.lifecycle === 'OPEN' ? { GSI2PK: expiryBucket(record.endsOn.slice(0, 7)), GSI2SK: `${record.endsOn}#${record.id}` } : {}),
    ...(record.parentId ? { GSI3PK: childrenPartition(record.parentId), GSI3SK: `${record.startsOn}#${record.id}` } : {}),
  };
}

const employeeKey = (nip: string) => ({ PK: `EMPLOYEE#${nip}`, SK: 'PROFILE' });
const totalKey = (nip: string, year: number) => ({ PK: `EMPLOYEE#${nip}`, SK: `TOTAL#${year}` });
const unitsKey = (unit: string) => ({ PK: 'UNITS', SK: unitKey(unit) });

/** = employeeItem in shared/training/repository.ts. */
export function employeeItem(employee: Employee): Item {
  return { ...employeeKey(employee.nip), entity: 'EMPLOYEE', ...employee, unitKey: unitKey(employee.unit), GSI1PK: `UNIT#${unitKey(employee.unit)}`, GSI1SK: employee.nip };
}

/** = what registerUnit in shared/training/repository.ts puts. */
export function unitItem(unit: string): Item {
  return { ...unitsKey(unit), entity: 'UNIT', unit };
}

/** = the item that totalChange's ADD leaves after `trainings` records of `hours` in all. */
export function totalItem(nip: string, year: number, hours: number, trainings: number): Item {
  return { ...totalKey(nip, year), hours, trainings, nip, year, entity: 'TOTAL' };
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
 * and checks that the replica builds exactly the items they stored, under the same keys.
 */
export async function assertBulkLayoutMatches(samples: { agreement: Parameters<typeof createAgreement>[0]; nip: string; employee: Parameters<typeof putEmployee>[1]; training: Parameters<typeof addTraining>[1] }, actor: Actor): Promise<void> {
  const { agreement } = await createAgreement(samples.agreement, actor);
  const agreementStored = await stored(agreementKey(agreement.id));
  expectSame('agreement', agreementItem(fromItem(agreementStored ?? {})), agreementStored);

  const { employee } = await putEmployee(samples.nip, samples.employee, undefined, actor);
  expectSame('employee', employeeItem(employee), await stored(employeeKey(samples.nip)));
  expectSame('unit', unitItem(employee.unit), await stored(unitsKey(employee.unit)));

  const { training } = await addTraining(samples.nip, samples.training, actor);
  expectSame('total', totalItem(samples.nip, training.year, training.hours, 1), await stored(totalKey(samples.nip, training.year)));
}
