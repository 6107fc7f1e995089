import { jobDay } from '../../shared/alerts/job-day.ts';
import { log } from '../../shared/log.ts';
import { openYear } from '../../shared/training/service/open-year.ts';

/**
 * Opens the year that starts today in Jakarta (run at 00:00 WIB on 1 January): a zero total for
 * every employee without one. Running it again, or late, writes nothing twice.
 */
export async function handler(event: unknown): Promise<{ job: string; today: string; opened: number; employees: number }> {
  const today = jobDay(event, new Date());
  const summary = await openYear(Number(today.slice(0, 4)));
  log('info', 'job finished', { job: 'open-training-year', today, ...summary });
  return { job: 'open-training-year', today, ...summary };
}
