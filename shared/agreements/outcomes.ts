import { queryAll } from '../db/query.ts';
import { linkedTrainings } from '../training/repository/records.ts';
import { roundHours } from '../training/rules.ts';
import { requireAgreementRecord } from './repository.ts';

/**
 * What an agreement has produced: the training records linked to it (participants, hours) and
 * its implementation activities. Both are in its LINKED partition of GSI3 (one Query), told
 * apart by their entity.
 */
export async function agreementOutcomes(agreementId: string) {
  await requireAgreementRecord(agreementId);
  let trainings = 0;
  let hours = 0;
  let activities = 0;
  let lastActivityOn: string | undefined;
  const participants = new Set<string>();
  for await (const items of queryAll(linkedTrainings(agreementId))) {
    for (const item of items) {
      if (item.entity === 'ACTIVITY') {
        activities += 1;
        if (!lastActivityOn || (item.on as string) > lastActivityOn) lastActivityOn = item.on as string;
        continue;
      }
      trainings += 1;
      hours += item.hours as number;
      participants.add(item.nip as string);
    }
  }
  return { agreementId, trainings, participants: participants.size, hours: roundHours(hours), activities, ...(lastActivityOn ? { lastActivityOn } : {}) };
}
