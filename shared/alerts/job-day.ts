import { calendarDate } from '../schemas/common.ts';
import { todayInJakarta } from '../time/calendar.ts';
import { parseInput } from '../validation.ts';

/**
 * The day a scheduled job runs for: today in Jakarta, or the event's `{ "today": "YYYY-MM-DD" }`
 * when a run is replayed by hand (a bad date is refused, naming the field).
 */
export function jobDay(event: unknown, now: Date): string {
  const today = (event as { today?: unknown } | null | undefined)?.today;
  return today === undefined ? todayInJakarta(now) : parseInput(calendarDate, today, ['today']);
}
