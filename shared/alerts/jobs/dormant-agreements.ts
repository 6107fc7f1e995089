import { toAgreement } from '../../agreements/rules.ts';
import type { Agreement } from '../../agreements/schemas.ts';
import { settings } from '../../config.ts';
import { keyText } from '../../text.ts';
import { addUp, deliver, emptySummary, retryUnsent, type JobSummary } from '../deliver.ts';
import { allDormant } from '../dormant.ts';
import { isoWeek } from '../rules.ts';
import { agreementsLetterhead } from '../letterheads.ts';
import { dormantDigestEmail } from '../templates.ts';
import type { JobContext } from './context.ts';

/**
 * Weekly: the dormant agreements (shared/alerts/dormant.ts, the rule `GET /agreements/dormant`
 * lists by) in one digest per owner unit to the contacts of its agreements.
 */
export async function runDormantAgreements({ today, now, mailer }: JobContext): Promise<JobSummary> {
  const { DORMANT_DAYS: days, ALERT_LANGUAGE: language } = settings();
  const summary = emptySummary();
  await retryUnsent('DORMANT', mailer, now, summary);

  const byUnit = new Map<string, { unit: string; agreements: Agreement[] }>();
  for await (const records of allDormant(today, days)) {
    for (const record of records) {
      const group = byUnit.get(keyText(record.ownerUnit)) ?? { unit: record.ownerUnit, agreements: [] };
      group.agreements.push(toAgreement(record, today));
      byUnit.set(keyText(record.ownerUnit), group);
    }
  }

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
