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
 * training records, programs' participations included) and the external participants of its
 * programs (counted on each program item), with the hours of both.
 */
export async function agreementOutcomes(agreementId: string) {
  await requireAgreementRecord(agreementId);
  const [records, programs] = await Promise.all([
    collect(queryAll(linkedTrainings(agreementId)), (item) => ({ nip: item.nip as string, hours: item.hours as number })),
    collect(queryAll(programsOfAgreement(agreementId)), programFromItem),
  ]);
  return { agreementId, ...tallyOutcomes(records, programs) };
}
