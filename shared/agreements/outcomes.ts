import { queryAll } from '../db/query.ts';
import { linkedTrainings } from '../training/repository/records.ts';
import { roundHours } from '../training/rules.ts';
import { requireAgreementRecord } from './repository.ts';

/** What an agreement has produced: the training records linked to it, their participants and hours. */
export async function agreementOutcomes(agreementId: string) {
  await requireAgreementRecord(agreementId);
  let trainings = 0;
  let hours = 0;
  const participants = new Set<string>();
  for await (const items of queryAll(linkedTrainings(agreementId))) {
    for (const item of items) {
      trainings += 1;
      hours += item.hours as number;
      participants.add(item.nip as string);
    }
  }
  return { agreementId, trainings, participants: participants.size, hours: roundHours(hours) };
}
