import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addYears, daysBetween, isCalendarDate, monthsSpanned, todayInJakarta } from '../../shared/time/calendar.ts';

const DAY_MS = 86_400_000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const dateIn = (min: string, max: string) => fc.date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true }).map(isoDate);
const dates = dateIn('1950-01-01', '2100-12-31');
/** Every date that four year digits can write. */
const anyDate = dateIn('0000-01-01', '9999-12-31');
const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** The Gregorian rules, written out: the oracle for isCalendarDate. */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

describe('todayInJakarta', () => {
  it('turns to the next day at 17:00 UTC (00:00 WIB)', () => {
    expect(todayInJakarta(new Date('2026-12-31T16:59:59.999Z'))).toBe('2026-12-31');
    expect(todayInJakarta(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });

  it("agrees with the time zone database's Asia/Jakarta at any instant", () => {
    const jakarta = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' });
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), (now) => {
        expect(todayInJakarta(now)).toBe(jakarta.format(now));
      }),
    );
  });
});

describe('isCalendarDate', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-00-10')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-04-00')).toBe(false);
    expect(isCalendarDate('2026-4-1')).toBe(false);
    expect(isCalendarDate('2026-04-01T00:00:00Z')).toBe(false);
    expect(isCalendarDate('x2026-04-01')).toBe(false);
    expect(isCalendarDate('+002026-04-01')).toBe(false);
  });

  it('accepts every date that Date prints, years 0000 to 9999 included', () => {
    fc.assert(fc.property(anyDate, (date) => isCalendarDate(date)));
    expect(isCalendarDate('0050-02-28')).toBe(true);
    expect(isCalendarDate('0000-02-29')).toBe(true);
  });

  it('follows the Gregorian month lengths for any digits in the YYYY-MM-DD shape', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (year, month, day) => {
        const real = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
        expect(isCalendarDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`)).toBe(real);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('day arithmetic', () => {
  it('crosses year ends by counting days, not months', () => {
    expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
    expect(addDays('2027-01-05', -10)).toBe('2026-12-26');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-11-23', '2027-02-21')).toBe(90);
    expect(daysBetween('2027-02-21', '2026-11-23')).toBe(-90);
  });

  it('addDays agrees with Date stepping its UTC day', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -40_000, max: 40_000 }), (date, days) => {
        const expected = new Date(`${date}T00:00:00Z`);
        expected.setUTCDate(expected.getUTCDate() + days);
        fc.pre(expected.getUTCFullYear() >= 0 && expected.getUTCFullYear() <= 9999);
        expect(addDays(date, days)).toBe(isoDate(expected));
      }),
    );
  });

  it('daysBetween counts the days between two dates, whichever comes first', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (from, to) => {
        expect(daysBetween(from, to)).toBe(Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS));
      }),
    );
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(fc.property(dates, fc.integer({ min: -4000, max: 4000 }), (date, days) => daysBetween(date, addDays(date, days)) === days));
  });
});

describe('addYears', () => {
  it('keeps the day or falls back to 28 February', () => {
    expect(addYears('2026-01-28', 5)).toBe('2031-01-28');
    expect(addYears('2024-02-29', 5)).toBe('2029-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2026-03-05', -1)).toBe('2025-03-05');
    expect(addYears('0950-03-05', 10)).toBe('0960-03-05');
  });

  it('moves the year only, keeps the month, and keeps the day unless the month is shorter then', () => {
    fc.assert(
      fc.property(dateIn('0000-01-01', '9899-12-31'), fc.integer({ min: 0, max: 100 }), (date, years) => {
        const [year, month, day] = date.split('-').map(Number) as [number, number, number];
        const moved = addYears(date, years);
        expect(isCalendarDate(moved)).toBe(true);
        expect(moved).toBe(`${pad(year + years, 4)}-${pad(month, 2)}-${pad(Math.min(day, daysInMonth(year + years, month)), 2)}`);
      }),
    );
  });
});

describe('monthsSpanned', () => {
  it('lists the months of a window across a year end', () => {
    expect(monthsSpanned('2026-11-23', '2027-02-21')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsSpanned('2026-12-31', '2026-12-31')).toEqual(['2026-12']);
    expect(monthsSpanned('0999-12-01', '1000-01-01')).toEqual(['0999-12', '1000-01']);
    expect(monthsSpanned('2026-12-31', '2026-12-30')).toEqual(['2026-12']);
    expect(monthsSpanned('2027-01-01', '2026-12-31')).toEqual([]);
  });

  it('covers both ends, in order, without gaps', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 2000 }), (from, span) => {
        const to = addDays(from, span);
        const months = monthsSpanned(from, to);
        expect(months[0]).toBe(from.slice(0, 7));
        expect(months.at(-1)).toBe(to.slice(0, 7));
        for (let index = 1; index < months.length; index += 1) {
          expect(addDays(`${months[index - 1]}-28`, 4).slice(0, 7)).toBe(months[index]);
        }
      }),
    );
  });
});
