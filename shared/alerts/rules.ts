import { addDays, daysBetween, type CalendarDate } from '../time/calendar.ts';

/**
 * When alerts are due, as plain date arithmetic (all dates are Asia/Jakarta calendar dates).
 *
 * An expiring agreement is announced once per threshold (days before endsOn). A run looks at the
 * days since the previous run, so a missed day loses nothing; when several thresholds were
 * crossed since then, one alert goes out, for the nearest.
 */

/** The nearest threshold at or above `daysLeft`; a negative `daysLeft` (ended since the last run) maps to the smallest. */
export function dueThreshold(daysLeft: number, thresholds: readonly number[]): number | undefined {
  const crossed = thresholds.filter((threshold) => threshold >= daysLeft);
  if (crossed.length === 0) return undefined;
  return Math.min(...crossed);
}

/**
 * The end dates to look at today, per threshold: those that reached the threshold since the last
 * run. Without a previous run (or when replaying an earlier day) every threshold window starts
 * today, so the first run announces whatever is already inside a threshold.
 */
export function expiryWindows(today: CalendarDate, lastRun: CalendarDate | undefined, thresholds: readonly number[]) {
  const firstRun = lastRun === undefined || lastRun >= today;
  return thresholds.map((threshold) => ({
    threshold,
    // Inclusive bounds on endsOn.
    from: firstRun ? today : addDays(lastRun, threshold + 1),
    to: addDays(today, threshold),
  }));
}

/** The windows as disjoint, ordered ranges: each end date is read once, and nothing between windows is read. */
export function mergeRanges(windows: readonly { from: CalendarDate; to: CalendarDate }[]): { from: CalendarDate; to: CalendarDate }[] {
  const sorted = windows.filter((window) => window.from <= window.to).sort((a, b) => (a.from < b.from ? -1 : 1));
  const merged: { from: CalendarDate; to: CalendarDate }[] = [];
  for (const window of sorted) {
    const last = merged.at(-1);
    if (last && window.from <= addDays(last.to, 1)) last.to = window.to > last.to ? window.to : last.to;
    else merged.push({ from: window.from, to: window.to });
  }
  return merged;
}

export function daysLeft(today: CalendarDate, endsOn: CalendarDate): number {
  return daysBetween(today, endsOn);
}

/**
 * What the monthly compliance check of `today` measures. On the 1st of month m (m > 1) the year
 * so far: m−1 complete months, target × (m−1) ÷ 12. In January, the final check of the previous
 * year against its full target.
 */
export function complianceCheckpoint(today: CalendarDate): { year: number; monthsElapsed: number; final: boolean } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 1 ? { year: year - 1, monthsElapsed: 12, final: true } : { year, monthsElapsed: month - 1, final: false };
}

/**
 * Whether personal reminders go out at a checkpoint: the year-end check always; pro-rata ones only
 * once `graceMonths` complete months have passed (3: from 1 April), so that nobody is told on
 * 1 February that they are behind a target of a few hours.
 */
export function remindersDue(checkpoint: { monthsElapsed: number; final: boolean }, graceMonths: number): boolean {
  return checkpoint.final || checkpoint.monthsElapsed >= graceMonths;
}

export function proRataTarget(targetHours: number, monthsElapsed: number): number {
  return Math.round(((targetHours * monthsElapsed) / 12) * 100) / 100;
}

/** ISO 8601 week of a date, `YYYY-Www`: the period of the weekly dormant digest. */
export function isoWeek(date: CalendarDate): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - weekday + 3);
  const weekYear = day.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(weekYear, 0, 4));
  const week = 1 + Math.round(((day.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}
