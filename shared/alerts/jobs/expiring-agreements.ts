import { queryEndingBetween } from '../../agreements/repository.ts';
import { toAgreement } from '../../agreements/rules.ts';
import { settings } from '../../config.ts';
import type { BucketPosition } from '../../db/query.ts';
import { monthsSpanned } from '../../time/calendar.ts';
import { addUp, deliver, emptySummary, retryUnsent, type JobSummary } from '../deliver.ts';
import { lastCompletedDay, recordCompletedDay } from '../job-runs.ts';
import { daysLeft, dueThreshold, expiryWindows, mergeRanges } from '../rules.ts';
import { agreementsLetterhead } from '../letterheads.ts';
import { expiringAgreementEmail } from '../templates.ts';
import type { JobContext } from './context.ts';

export const EXPIRING_JOB = 'expiring-agreements';

/**
 * Emails the contacts of each active agreement that reached an alert threshold since the last
 * run: once per threshold (per end date, so a changed end date re-arms them), one alert for the
 * nearest threshold when several were crossed. Reads only the end dates inside the threshold
 * windows (GSI2, open agreements only), never the whole registry.
 */
export async function runExpiringAgreements({ today, now, mailer }: JobContext): Promise<JobSummary> {
  const { ALERT_THRESHOLDS: thresholds, ALERT_LANGUAGE: language } = settings();
  const summary = emptySummary();
  await retryUnsent('EXPIRY', mailer, now, summary);
  const ranges = mergeRanges(expiryWindows(today, await lastCompletedDay(EXPIRING_JOB), thresholds));
  for (const range of ranges) {
    let position: BucketPosition | undefined;
    do {
      const page = await queryEndingBetween(monthsSpanned(range.from, range.to), range.from, range.to, today, 100, position);
      for (const record of page.items) {
        const left = daysLeft(today, record.endsOn);
        const threshold = dueThreshold(left, thresholds);
        if (threshold === undefined) continue;
        const agreement = toAgreement(record, today);
        const outcome = await deliver(
          {
            id: `EXPIRY#${record.id}#${record.endsOn}@${threshold}`,
            kind: 'EXPIRY',
            subject: record.id,
            period: `${record.endsOn}@${threshold}`,
            message: { to: record.contactEmails, ...expiringAgreementEmail(agreement, left, language, agreementsLetterhead()) },
          },
          mailer,
          now,
        );
        addUp(summary, outcome);
      }
      position = page.next;
    } while (position);
  }
  await recordCompletedDay(EXPIRING_JOB, today, now);
  return summary;
}
