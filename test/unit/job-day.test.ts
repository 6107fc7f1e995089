import { describe, expect, it } from 'vitest';
import { jobDay } from '../../shared/alerts/job-day.ts';

describe('jobDay', () => {
  // 2026-12-31 17:30 UTC is already 1 January in Jakarta (UTC+7).
  const now = new Date('2026-12-31T17:30:00Z');

  it('is today in Jakarta when the event names no day', () => {
    expect(jobDay({}, now)).toBe('2027-01-01');
    expect(jobDay(null, now)).toBe('2027-01-01');
    expect(jobDay(undefined, now)).toBe('2027-01-01');
  });

  it("is the event's day when a run is replayed by hand", () => {
    expect(jobDay({ today: '2028-02-29' }, now)).toBe('2028-02-29');
  });

  it.each([['2027-02-29'], ['13/01/2027'], [20270101], [null]])('refuses %j, naming the field', (today) => {
    expect(() => jobDay({ today }, now)).toThrow(/^today must be a date written YYYY-MM-DD/);
  });
});
