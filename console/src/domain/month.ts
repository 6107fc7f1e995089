import { addDays } from '../../../shared/time/calendar.ts';

/** The days of a month's grid, Monday first, padded with the neighbouring months' days to whole weeks. */
export function monthGrid(month: string): { date: string; inMonth: boolean }[] {
  const first = `${month}-01`;
  const weekday = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const start = addDays(first, -weekday);
  const last = lastDayOf(month);
  const cells: { date: string; inMonth: boolean }[] = [];
  for (let date = start; date <= last || cells.length % 7 !== 0; date = addDays(date, 1)) cells.push({ date, inMonth: date.startsWith(month) });
  return cells;
}

export function lastDayOf(month: string): string {
  return addDays(`${shiftMonth(month, 1)}-01`, -1);
}

/** `YYYY-MM` moved by whole months (month arithmetic on the month itself, never on days). */
export function shiftMonth(month: string, by: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
