import { configuredMailer } from '../email/mailer.ts';
import { log } from '../log.ts';
import { ALERTS_NOT_SENT, countMetricFor, flushMetrics } from '../metrics.ts';
import type { JobSummary } from './deliver.ts';
import type { AlertQueue } from './fan-out.ts';
import { jobDay } from './job-day.ts';
import type { JobContext } from './jobs/context.ts';

/**
 * A job as a Lambda handler: the day from the event (default: today in Jakarta), the configured
 * mailer (and, for a job that fans out, the email queue where the stage gives one), one summary
 * line, and the count of alerts it could not send as the `AlertsNotSent` metric of the job
 * (alarmed in infra/alarms.ts). Only a fan-out job's entry passes `queue`, so that the others'
 * bundles hold no SQS client.
 */
export function jobHandler(name: string, run: (context: JobContext) => Promise<JobSummary>, options: { queue?: () => AlertQueue | undefined } = {}) {
  return async (event: unknown): Promise<JobSummary & { job: string; today: string }> => {
    const now = new Date();
    const today = jobDay(event, now);
    const queue = options.queue?.();
    const summary = await run({ today, now, mailer: configuredMailer(), ...(queue ? { queue } : {}) });
    log('info', 'job finished', { job: name, today, ...summary });
    countMetricFor(ALERTS_NOT_SENT, 'job', name, summary.failed);
    flushMetrics();
    return { job: name, today, ...summary };
  };
}
