import { queryAll } from '../db/query.ts';
import { programFromItem, programsOfAgreement } from '../training/programs/repository.ts';
import { tallyOutcomes } from '../training/programs/rules.ts';
import { linkedTrainings } from '../training/repository/records.ts';
import { requireAgreementRecord } from './repository.ts';

async function collect<T>(pages: AsyncGenerator<Record<string, unknown>[]>, map: (item: Record<string, unknown>) => T): Promise<T[]> {
  const all: T[] = [];
  for await (const items of pages) all.push(...items.map(map));
  return all;
}

/**
 * What an agreement has produced: its programs, the DKI employees trained under it (their linked
 * training records, programs' participations included), the external participants of its
 * programs (counted on each program item), with the hours of both, and its implementation
 * activities. Records and activities share its LINKED partition of GSI3 (one Query), told apart
 * by their entity.
 */
export async function agreementOutcomes(agreementId: string) {
  await requireAgreementRecord(agreementId);
  const [linked, programs] = await Promise.all([collect(queryAll(linkedTrainings(agreementId)), (item) => item), collect(queryAll(programsOfAgreement(agreementId)), programFromItem)]);
  const activityDays = linked.filter((item) => item.entity === 'ACTIVITY').map((item) => item.on as string);
  const records = linked.filter((item) => item.entity !== 'ACTIVITY').map((item) => ({ nip: item.nip as string, hours: item.hours as number }));
  const lastActivityOn = activityDays.sort().at(-1);
  return { agreementId, ...tallyOutcomes(records, programs), activities: activityDays.length, ...(lastActivityOn ? { lastActivityOn } : {}) };
}
