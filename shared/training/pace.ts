import { daysBetween, todayInJakarta, type CalendarDate } from '../time/calendar.ts';
import { roundHours } from './rules.ts';

/**
 * The pro-rata pace of a year's target: where an employee should be today if they trained
 * evenly, target × the share of the year elapsed in Jakarta (today included, so 31 December
 * asks for the whole target). A past year asks for the whole target, a future one for nothing.
 * Employees under FAR_BEHIND_SHARE of the pace are "far behind": at half the pace they would
 * need to train twice as fast as so far to catch up by 31 December.
 */
export const FAR_BEHIND_SHARE = 0.5;

export interface Pace {
  /** The date the pace is reckoned on (today, or the year's last day for a past year). */
  asOf: CalendarDate;
  /** Hours expected by `asOf` (rounded to hundredths, compared as shown). */
  hours: number;
  /** Below this, far behind. */
  farBehindBelow: number;
}

export function paceOf(targetHours: number, year: number, now: Date): Pace {
  const today = todayInJakarta(now);
  const start = `${year}-01-01`;
  const daysInYear = daysBetween(start, `${year + 1}-01-01`);
  const asOf = today < start ? start : today.slice(0, 4) > String(year) ? `${year}-12-31` : today;
  const elapsed = today < start ? 0 : (daysBetween(start, asOf) + 1) / daysInYear;
  const hours = roundHours(targetHours * elapsed);
  return { asOf, hours, farBehindBelow: roundHours(hours * FAR_BEHIND_SHARE) };
}

/**
 * A unit's employees by pace band, from how many reach each threshold (`atLeast(hours)`): the
 * bands are disjoint and add up to the unit's employees.
 */
export function paceBands(employees: number, atLeast: (hours: number) => number, targetHours: number, pace: Pace): { met: number; onPace: number; behind: number; farBehind: number } {
  const met = atLeast(targetHours);
  const atPace = Math.max(met, atLeast(pace.hours));
  const atHalf = Math.max(atPace, atLeast(pace.farBehindBelow));
  return { met, onPace: atPace - met, behind: atHalf - atPace, farBehind: employees - atHalf };
}
