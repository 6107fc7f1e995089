import { settings } from '../../config.ts';
import { queryAll } from '../../db/query.ts';
import { keyText } from '../../text.ts';
import { trainingFromItem, trainingsOfYear } from '../../training/repository/records.ts';
import { forEachEmployeeHours } from '../../training/service/compliance.ts';
import { targetOf } from '../../training/service/targets.ts';
import { addUp, deliver, emptySummary, retryUnsent, type JobSummary } from '../deliver.ts';
import { trainingLetterhead } from '../letterheads.ts';
import { complianceCheckpoint, proRataTarget, remindersDue } from '../rules.ts';
import { trainingAdminSummaryEmail, trainingReminderEmail, type CountedTraining, type UnitShortfall } from '../templates.ts';
import type { AlertCandidate } from '../ledger.ts';
import type { JobContext } from './context.ts';

/** The records counted in an employee's year, for the reminder (one employee's partition, one year). */
async function countedTrainings(nip: string, year: number): Promise<CountedTraining[]> {
  const counted: CountedTraining[] = [];
  for await (const items of queryAll(trainingsOfYear(nip, year))) {
    for (const { title, provider, startsOn, endsOn, hours } of items.map(trainingFromItem)) counted.push({ title, provider, startsOn, endsOn, hours });
  }
  return counted;
}

/**
 * Monthly: every employee below the pro-rata target of the year so far gets one email (the
 * supervisor in copy when known), once the grace period of the year has passed; in January, the
 * final check of the previous year against the full target. Each reminder lists the trainings
 * counted and says how to report a missing one; an employee who turned reminders off gets none
 * (the unit summary still counts them, and says how many). The training admins get one per-unit summary
 * every month. Reads employees and their per-year totals, and the records of those reminded
 * only. With a queue (on AWS) the reminders fan out to the email senders, which respect SES's
 * send rate, instead of being sent inside this run.
 */
export async function runTrainingCompliance({ today, now, mailer, queue }: JobContext): Promise<JobSummary> {
  const { ALERT_LANGUAGE: language, TRAINING_ADMIN_EMAILS: admins, JP_MINUTES: jpMinutes, TRAINING_REMINDER_GRACE_MONTHS: graceMonths } = settings();
  const checkpoint = complianceCheckpoint(today);
  const targetHours = (await targetOf(checkpoint.year)).hours;
  const requiredHours = checkpoint.final ? targetHours : proRataTarget(targetHours, checkpoint.monthsElapsed);
  const remind = remindersDue(checkpoint, graceMonths);
  const letterhead = trainingLetterhead();
  const period = today.slice(0, 7);
  const summary = emptySummary();
  await retryUnsent('TRAINING', mailer, now, summary);
  await retryUnsent('TRAINING_SUMMARY', mailer, now, summary);
  if (requiredHours <= 0) return summary;

  const units = new Map<string, UnitShortfall>();
  let remindersOff = 0;
  await forEachEmployeeHours(checkpoint.year, async (employee, hours) => {
    const unit = units.get(keyText(employee.unit)) ?? { unit: employee.unit, employees: 0, below: 0 };
    unit.employees += 1;
    units.set(keyText(employee.unit), unit);
    if (hours >= requiredHours) return;
    unit.below += 1;
    if (!remind) return;
    // The employee turned reminders off (PUT /employees/{nip}/reminders): counted behind, named in the summary's count, never emailed.
    if (employee.remindersOff) {
      remindersOff += 1;
      return;
    }
    const counted = await countedTrainings(employee.nip, checkpoint.year);
    const content = trainingReminderEmail({ name: employee.name, hours, requiredHours, targetHours, year: checkpoint.year, final: checkpoint.final, asOf: today, jpMinutes, counted }, language, letterhead);
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
    const content = trainingAdminSummaryEmail([...units.values()], { year: checkpoint.year, requiredHours, final: checkpoint.final, asOf: today, jpMinutes, remindersSent: remind, remindersOff }, language, letterhead);
    addUp(summary, await deliver({ id: `TRAINING_SUMMARY#${period}`, kind: 'TRAINING_SUMMARY', subject: 'all-units', period, message: { to: admins, ...content } }, mailer, now));
  }
  return summary;
}
