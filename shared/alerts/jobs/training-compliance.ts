import { settings } from '../../config.ts';
import { keyText } from '../../text.ts';
import { forEachEmployeeHours } from '../../training/service/compliance.ts';
import { targetOf } from '../../training/service/targets.ts';
import { addUp, deliver, emptySummary, retryUnsent, type JobSummary } from '../deliver.ts';
import { complianceCheckpoint, proRataTarget } from '../rules.ts';
import { trainingAdminSummaryEmail, trainingReminderEmail, type UnitShortfall } from '../templates.ts';
import type { AlertCandidate } from '../ledger.ts';
import type { JobContext } from './context.ts';

/**
 * Monthly: every employee below the pro-rata target of the year so far gets one email (the
 * supervisor in copy when known); in January, the final check of the previous year against the
 * full target. The training admins get one per-unit summary. Reads employees and their per-year
 * totals, never raw training records. With a queue (on AWS) the reminders fan out to the email
 * senders, which respect SES's send rate, instead of being sent inside this run.
 */
export async function runTrainingCompliance({ today, now, mailer, queue }: JobContext): Promise<JobSummary> {
  const { ALERT_LANGUAGE: language, TRAINING_ADMIN_EMAILS: admins } = settings();
  const checkpoint = complianceCheckpoint(today);
  const targetHours = (await targetOf(checkpoint.year)).hours;
  const requiredHours = checkpoint.final ? targetHours : proRataTarget(targetHours, checkpoint.monthsElapsed);
  const period = today.slice(0, 7);
  const summary = emptySummary();
  await retryUnsent('TRAINING', mailer, now, summary);
  await retryUnsent('TRAINING_SUMMARY', mailer, now, summary);
  if (requiredHours <= 0) return summary;

  const units = new Map<string, UnitShortfall>();
  await forEachEmployeeHours(checkpoint.year, async (employee, hours) => {
    const unit = units.get(keyText(employee.unit)) ?? { unit: employee.unit, employees: 0, below: 0 };
    unit.employees += 1;
    units.set(keyText(employee.unit), unit);
    if (hours >= requiredHours) return;
    unit.below += 1;
    const content = trainingReminderEmail({ name: employee.name, hours, requiredHours, targetHours, year: checkpoint.year, final: checkpoint.final, asOf: today }, language);
    const candidate: AlertCandidate = {
      id: `TRAINING#${employee.nip}#${period}`,
      kind: 'TRAINING',
      subject: employee.nip,
      period,
      message: { to: [employee.email], ...(employee.supervisorEmail ? { cc: [employee.supervisorEmail] } : {}), ...content },
    };
    if (queue) await queue.add(candidate);
    else addUp(summary, await deliver(candidate, mailer, now));
  });
  if (queue) summary.queued = await queue.flush();

  if (units.size > 0 && admins.length > 0) {
    const content = trainingAdminSummaryEmail([...units.values()], { year: checkpoint.year, requiredHours, final: checkpoint.final, asOf: today }, language);
    addUp(summary, await deliver({ id: `TRAINING_SUMMARY#${period}`, kind: 'TRAINING_SUMMARY', subject: 'all-units', period, message: { to: admins, ...content } }, mailer, now));
  }
  return summary;
}
