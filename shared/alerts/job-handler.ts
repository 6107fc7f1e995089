import * as z from 'zod/mini';
import { configuredMailer } from '../email/mailer.ts';
import { settings } from '../config.ts';
import { log } from '../log.ts';
import { ALERTS_NOT_SENT, countMetricFor, flushMetrics } from '../metrics.ts';
import { calendarDate } from '../schemas/common.ts';
import { todayInJakarta } from '../time/calendar.ts';
import { parseInput } from '../validation.ts';
import type { JobSummary } from './deliver.ts';
import { sqsAlertQueue } from './fan-out.ts';
import type { JobContext } from './jobs/context.ts';

/** The scheduled event, or a manual invocation: `{ "today": "YYYY-MM-DD" }` replays a day. */
const jobEvent = z.looseObject({ today: z.optional(calendarDate) });

/**
 * A job as a Lambda handler: the day from the event (default: today in Jakarta), the configured
 * mailer (and the email queue where the stage gives one), one summary line, and the count of
 * alerts it could not send as the `AlertsNotSent` metric of the job (alarmed in infra/alarms.ts).
 */
export function jobHandler(name: string, run: (context: JobContext) => Promise<JobSummary>) {
  return async (event: unknown): Promise<JobSummary & { job: string; today: string }> => {
    const now = new Date();
    const today = parseInput(jobEvent, event ?? {}).today ?? todayInJakarta(now);
    const queueUrl = settings().EMAIL_QUEUE_URL;
    const summary = await run({ today, now, mailer: configuredMailer(), ...(queueUrl ? { queue: sqsAlertQueue(queueUrl) } : {}) });
    log('info', 'job finished', { job: name, today, ...summary });
    countMetricFor(ALERTS_NOT_SENT, 'job', name, summary.failed);
    flushMetrics();
    return { job: name, today, ...summary };
  };
}
