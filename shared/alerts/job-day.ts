import { isCalendarDate, todayInJakarta } from '../time/calendar.ts';

/**
 * The day a scheduled job runs for: today in Jakarta, or the event's `{ "today": "YYYY-MM-DD" }`
 * when a run is replayed by hand (a bad date is refused, naming the field). Checked here without
 * the API's validation and its message catalogue: every job's bundle loads this module, and the
 * catalogue alone was 20 KB of a job's cold start (bench section 2).
 */
export function jobDay(event: unknown, now: Date): string {
  const today = (event as { today?: unknown } | null | undefined)?.today;
  if (today === undefined) return todayInJakarta(now);
  if (typeof today !== 'string' || !isCalendarDate(today)) throw new TypeError(`today must be a date written YYYY-MM-DD, such as 2026-12-01 (got ${JSON.stringify(today)})`);
  return today;
}
