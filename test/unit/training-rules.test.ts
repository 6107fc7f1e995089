import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attendanceKey, compliance, MAX_HOURS_PER_DAY, roundHours, trainingRuleViolations, trainingYear } from '../../shared/training/rules.ts';
import { addDays } from '../../shared/time/calendar.ts';

const dates = fc.integer({ min: 0, max: 100_000 }).map((offset) => addDays('1900-01-01', offset));

describe('trainingYear', () => {
  it('is the year of the last day: a course ending on 1 January counts for the new year', () => {
    expect(trainingYear('2027-01-01')).toBe(2027);
    expect(trainingYear('2026-12-31')).toBe(2026);
    fc.assert(fc.property(dates, (date) => trainingYear(date) === new Date(`${date}T00:00:00Z`).getUTCFullYear()));
  });
});

describe('trainingRuleViolations', () => {
  it('leaves missing or malformed dates to the checks of their own fields', () => {
    expect(trainingRuleViolations({})).toEqual([]);
    expect(trainingRuleViolations({ startsOn: 20260301, endsOn: '2026-02-01', hours: 1000 })).toEqual([]);
    expect(trainingRuleViolations({ startsOn: '2026-03-01', endsOn: 20260201, hours: 1000 })).toEqual([]);
    expect(trainingRuleViolations({ startsOn: '2026-03-32', endsOn: '2026-03-01', hours: 1000 })).toEqual([]);
    expect(trainingRuleViolations({ startsOn: '2026-03-01', endsOn: '2026-02-30', hours: 1000 })).toEqual([]);
    // A JSON array reads like its only element when turned into a string: it is still not a date.
    expect(trainingRuleViolations({ startsOn: ['2026-03-02'], endsOn: '2026-03-01', hours: 1000 })).toEqual([]);
    expect(trainingRuleViolations({ startsOn: '2026-03-02', endsOn: ['2026-03-01'], hours: 1000 })).toEqual([]);
  });

  it('wants endsOn on or after startsOn', () => {
    expect(trainingRuleViolations({ startsOn: '2026-03-02', endsOn: '2026-03-01', hours: 1 })).toMatchObject([{ path: 'endsOn', message: 'must be on or after startsOn (2026-03-02)' }]);
    expect(trainingRuleViolations({ startsOn: '2026-03-02', endsOn: '2026-03-02', hours: 1 })).toEqual([]);
  });

  it(`allows at most ${MAX_HOURS_PER_DAY} hours per calendar day of the span, both ends included`, () => {
    expect(MAX_HOURS_PER_DAY).toBe(24);
    expect(trainingRuleViolations({ startsOn: '2026-03-02', endsOn: '2026-03-02', hours: 24 })).toEqual([]);
    expect(trainingRuleViolations({ startsOn: '2026-03-02', endsOn: '2026-03-02', hours: 24.25 })).toMatchObject([{ path: 'hours', message: 'must be at most 24 (24 per day over 1 day(s))' }]);
    expect(trainingRuleViolations({ startsOn: '2026-12-31', endsOn: '2027-01-02', hours: 72 })).toEqual([]);
    expect(trainingRuleViolations({ startsOn: '2026-12-31', endsOn: '2027-01-02', hours: 73 })).toMatchObject([{ path: 'hours', message: 'must be at most 72 (24 per day over 3 day(s))' }]);
    // Hours that are not a number are the hours field's own problem.
    expect(trainingRuleViolations({ startsOn: '2026-03-02', endsOn: '2026-03-02', hours: '1000' })).toEqual([]);
  });

  it('refuses exactly the hours above 24 times the days', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 4 * 24 * 402 }), (startsOn, span, quarters) => {
        const hours = quarters / 4;
        const violations = trainingRuleViolations({ startsOn, endsOn: addDays(startsOn, span), hours });
        expect(violations.length).toBe(hours > 24 * (span + 1) ? 1 : 0);
      }),
    );
  });
});

describe('roundHours and compliance', () => {
  it('rounds to the hundredth', () => {
    expect(roundHours(0.1 + 0.2)).toBe(0.3);
    expect(roundHours(7.126)).toBe(7.13);
    expect(roundHours(10.004)).toBe(10);
  });

  it('sums of quarter hours come out exact', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 50 }), (quarters) => {
        const total = quarters.reduce((sum, count) => sum + count * 0.25, 0);
        expect(roundHours(total)).toBe(quarters.reduce((sum, count) => sum + count, 0) / 4);
      }),
    );
  });

  it('is met at the target exactly, and never owes negative hours', () => {
    expect(compliance(40, 40)).toEqual({ hours: 40, targetHours: 40, remainingHours: 0, compliant: true, jp: 53.33, targetJp: 53.33, remainingJp: 0 });
    expect(compliance(39.75, 40)).toMatchObject({ hours: 39.75, targetHours: 40, remainingHours: 0.25, compliant: false });
    expect(compliance(15, 15, 45)).toMatchObject({ jp: 20, targetJp: 20, remainingJp: 0 });
    expect(compliance(6, 15, 60)).toMatchObject({ jp: 6, targetJp: 15, remainingJp: 9 });
    expect(compliance(45.5, 40)).toMatchObject({ hours: 45.5, targetHours: 40, remainingHours: 0, compliant: true });
    expect(compliance(0.1 + 0.2, 20)).toMatchObject({ hours: 0.3, targetHours: 20, remainingHours: 19.7, compliant: false });
    // Float noise just under the target still meets it once rounded.
    expect(compliance(39.999, 40).compliant).toBe(true);
  });
});

describe('attendanceKey', () => {
  const course = { title: 'PKN Tingkat II', provider: 'BPSDM DKI', startsOn: '2024-08-12', endsOn: '2024-12-13' };

  it('ignores case and spacing of title and provider', () => {
    expect(attendanceKey(course)).toBe('["pkn tingkat ii","bpsdm dki","2024-08-12","2024-12-13"]');
    expect(attendanceKey({ ...course, title: '  pkn\tTINGKAT   ii ', provider: 'Bpsdm\n DKI ' })).toBe(attendanceKey(course));
  });

  it('tells apart different titles, providers and dates', () => {
    const key = attendanceKey(course);
    expect(attendanceKey({ ...course, title: 'PKNTingkat II' })).not.toBe(key);
    expect(attendanceKey({ ...course, provider: 'LAN RI' })).not.toBe(key);
    expect(attendanceKey({ ...course, startsOn: '2024-08-13' })).not.toBe(key);
    expect(attendanceKey({ ...course, endsOn: '2024-12-14' })).not.toBe(key);
  });

  it('keeps title and provider apart, whatever characters they hold', () => {
    expect(attendanceKey({ ...course, title: 'A|B', provider: 'C' })).not.toBe(attendanceKey({ ...course, title: 'A', provider: 'B|C' }));
  });
});
