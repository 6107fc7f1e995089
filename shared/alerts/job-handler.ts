import * as z from 'zod/mini';
import { configuredMailer } from '../email/mailer.ts';
import { log } from '../log.ts';
import { calendarDate } from '../schemas/common.ts';
import { todayInJakarta } from '../time/calendar.ts';
import { parseInput } from '../validation.ts';
import type { JobSummary } from './deliver.ts';
import type { JobContext } from './jobs/context.ts';

/** The scheduled event, or a manual invocation: `{ "today": "YYYY-MM-DD" }` replays a day. */
const jobEvent = z.looseObject({ today: z.optional(calendarDate) });

/** A job as a Lambda handler: the day from the event (default: today in Jakarta), the configured mailer, one summary line. */
export function jobHandler(name: string, run: (context: JobContext) => Promise<JobSummary>) {
  return async (event: unknown): Promise<JobSummary & { job: string; today: string }> => {
    const now = new Date();
    const today = parseInput(jobEvent, event ?? {}).today ?? todayInJakarta(now);
    const summary = await run({ today, now, mailer: configuredMailer() });
    log('info', 'job finished', { job: name, today, ...summary });
    return { job: name, today, ...summary };
  };
}
