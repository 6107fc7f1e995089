import { queryRegistry } from '../../agreements/repository.ts';
import { toAgreement } from '../../agreements/rules.ts';
import type { Agreement } from '../../agreements/schemas.ts';
import { settings } from '../../config.ts';
import type { Key } from '../../db/query.ts';
import { hasLinkedTrainingSince } from '../../training/repository/records.ts';
import { keyText } from '../../text.ts';
import { addDays } from '../../time/calendar.ts';
import { addUp, deliver, emptySummary, retryUnsent, type JobSummary } from '../deliver.ts';
import { isoWeek } from '../rules.ts';
import { agreementsLetterhead } from '../letterheads.ts';
import { dormantDigestEmail } from '../templates.ts';
import type { JobContext } from './context.ts';

/**
 * Weekly: active agreements that started more than DORMANT_DAYS ago and have no training linked
 * in that window, in one digest per owner unit to the contacts of its agreements. Reads the
 * active part of the registry (GSI1, end date from today) and at most one linked record each.
 */
export async function runDormantAgreements({ today, now, mailer }: JobContext): Promise<JobSummary> {
  const { DORMANT_DAYS: days, ALERT_LANGUAGE: language } = settings();
  const since = addDays(today, -days);
  const summary = emptySummary();
  await retryUnsent('DORMANT', mailer, now, summary);

  const byUnit = new Map<string, { unit: string; agreements: Agreement[] }>();
  let start: Key | undefined;
  do {
    const page = await queryRegistry({ lifecycle: 'OPEN', endsFrom: today, startsOnOrBefore: since }, 100, start);
    for (const record of page.items) {
      if (await hasLinkedTrainingSince(record.id, since)) continue;
      const group = byUnit.get(keyText(record.ownerUnit)) ?? { unit: record.ownerUnit, agreements: [] };
      group.agreements.push(toAgreement(record, today));
      byUnit.set(keyText(record.ownerUnit), group);
    }
    start = page.next;
  } while (start);

  const week = isoWeek(today);
  for (const [key, { unit, agreements }] of byUnit) {
    const recipients = [...new Set(agreements.flatMap((agreement) => agreement.contactEmails))];
    const outcome = await deliver(
      { id: `DORMANT#${key}#${week}`, kind: 'DORMANT', subject: unit, period: week, message: { to: recipients, ...dormantDigestEmail(unit, agreements, days, language, agreementsLetterhead()) } },
      mailer,
      now,
    );
    addUp(summary, outcome);
  }
  return summary;
}
