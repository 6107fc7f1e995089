import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addYears, daysBetween, isCalendarDate, monthsSpanned, todayInJakarta } from '../../shared/time/calendar.ts';

const dates = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));

describe('todayInJakarta', () => {
  it('turns to the next day at 17:00 UTC (00:00 WIB)', () => {
    expect(todayInJakarta(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(todayInJakarta(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });
});

describe('isCalendarDate', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-4-1')).toBe(false);
    expect(isCalendarDate('2026-04-01T00:00:00Z')).toBe(false);
  });

  it('accepts every date that Date prints', () => {
    fc.assert(fc.property(dates, (date) => isCalendarDate(date)));
  });
});

describe('day arithmetic', () => {
  it('crosses year ends by counting days, not months', () => {
    expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
    expect(addDays('2027-01-05', -10)).toBe('2026-12-26');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-11-23', '2027-02-21')).toBe(90);
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(fc.property(dates, fc.integer({ min: -4000, max: 4000 }), (date, days) => daysBetween(date, addDays(date, days)) === days));
  });

  it('addYears keeps the day or falls back to 28 February', () => {
    expect(addYears('2026-01-28', 5)).toBe('2031-01-28');
    expect(addYears('2024-02-29', 5)).toBe('2029-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});

describe('monthsSpanned', () => {
  it('lists the months of a window across a year end', () => {
    expect(monthsSpanned('2026-11-23', '2027-02-21')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsSpanned('2026-12-31', '2026-12-31')).toEqual(['2026-12']);
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
