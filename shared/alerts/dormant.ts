import { queryRegistry } from '../agreements/repository.ts';
import type { AgreementRecord } from '../agreements/rules.ts';
import type { Key } from '../db/query.ts';
import { hasLinkedTrainingSince } from '../training/repository/records.ts';
import { addDays, type CalendarDate } from '../time/calendar.ts';

/**
 * Which agreements are dormant: the one rule behind the weekly email (jobs/dormant-agreements.ts)
 * and `GET /agreements/dormant`. Active agreements (open, not withdrawn, started more than `days`
 * ago, not yet ended) with no activity in the last `days`: reads the active part of the registry
 * (GSI1, end date from today) and at most one activity item per agreement.
 */
export const dormancySince = (today: CalendarDate, days: number) => addDays(today, -days);

/** Whether anything shows the agreement alive since `since`: today, a training linked to it. */
async function activeSince(record: AgreementRecord, since: CalendarDate): Promise<boolean> {
  return hasLinkedTrainingSince(record.id, since);
}

/** Registry entries read per round; a page stops after MAX_ROUNDS so a request's work is bounded. */
const ROUND = 100;
const MAX_ROUNDS = 10;

/** A page of dormant agreements, by end date, and where to continue. */
export async function dormantPage(today: CalendarDate, days: number, limit: number, start?: Key): Promise<{ items: AgreementRecord[]; next?: Key }> {
  const since = dormancySince(today, days);
  const items: AgreementRecord[] = [];
  let position = start;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const page = await queryRegistry({ lifecycle: 'OPEN', endsFrom: today, startsOnOrBefore: since }, Math.min(ROUND, limit - items.length), position);
    for (const record of page.items) if (!(await activeSince(record, since))) items.push(record);
    position = page.next;
    if (!position || items.length >= limit) break;
  }
  return { items, ...(position ? { next: position } : {}) };
}

/** Every dormant agreement, a page at a time (the weekly job). */
export async function* allDormant(today: CalendarDate, days: number): AsyncGenerator<AgreementRecord[]> {
  let start: Key | undefined;
  do {
    const page = await dormantPage(today, days, ROUND, start);
    if (page.items.length) yield page.items;
    start = page.next;
  } while (start);
}
