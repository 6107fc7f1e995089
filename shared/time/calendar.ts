/**
 * Calendar dates (`YYYY-MM-DD`) as Jakarta's users mean them.
 *
 * Asia/Jakarta is UTC+7 all year (no daylight saving), so "today in Jakarta" is the UTC date
 * of now + 7 hours, and date arithmetic is plain day counting on UTC midnights. Months and
 * years are never added by hand-rolled month arithmetic: windows are counted in days, which is
 * what breaks least at year ends.
 */
const DAY_MS = 86_400_000;
const JAKARTA_OFFSET_MS = 7 * 3_600_000;
const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type CalendarDate = string;

/** Today's date in Asia/Jakarta (WIB). */
export function todayInJakarta(now: Date = new Date()): CalendarDate {
  return new Date(now.getTime() + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);
}

/** This year in Asia/Jakarta: "this year's training hours" change on 1 January WIB. */
export function currentYear(now: Date = new Date()): number {
  return Number(todayInJakarta(now).slice(0, 4));
}

/** UTC midnight of a day; unlike `Date.UTC`, which reads the years 0–99 as 1900–1999, years stay as written. */
function utcMidnight(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

/** True for a real date written `YYYY-MM-DD` (2025-02-29 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_SHAPE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  // A month or day out of range rolls over into another month, so the month alone tells.
  return utcMidnight(year, month - 1, day).getUTCMonth() === month - 1;
}

function toEpochDay(date: CalendarDate): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function fromEpochDay(day: number): CalendarDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** The same day `years` later; 29 February falls back to 28 February in a common year. */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const targetYear = year + years;
  const lastDay = utcMidnight(targetYear, month, 0).getUTCDate();
  return `${String(targetYear).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** The `YYYY-MM` months touched by the inclusive range `from`..`to`, in order. */
export function monthsSpanned(from: CalendarDate, to: CalendarDate): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  // Stryker disable next-line MethodExpression: equivalent, `YYYY-MM` sorts before any date of its month, so comparing with the whole date stops at the same month; the slice says what is meant.
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (current > last) return months;
    months.push(current);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
}
