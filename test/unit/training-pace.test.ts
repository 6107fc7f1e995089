import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paceBands, paceOf } from '../../shared/training/pace.ts';

/** 09:00 in Jakarta on a date. */
const at = (date: string) => new Date(`${date}T02:00:00Z`);

describe('the pro-rata pace', () => {
  it('is the target times the share of the year elapsed in Jakarta, today included', () => {
    expect(paceOf(40, 2026, at('2026-12-20'))).toEqual({ asOf: '2026-12-20', hours: 38.79, farBehindBelow: 19.4 });
    expect(paceOf(40, 2026, at('2026-12-31')).hours).toBe(40);
    // 31 December 20:00 UTC is already 1 January in Jakarta.
    expect(paceOf(40, 2027, new Date('2026-12-31T20:00:00Z'))).toEqual({ asOf: '2027-01-01', hours: 0.11, farBehindBelow: 0.06 });
  });

  it('asks for the whole target of a past year and nothing of a future one', () => {
    expect(paceOf(15, 2025, at('2026-03-01'))).toEqual({ asOf: '2025-12-31', hours: 15, farBehindBelow: 7.5 });
    expect(paceOf(15, 2027, at('2026-03-01'))).toEqual({ asOf: '2027-01-01', hours: 0, farBehindBelow: 0 });
  });

  it('splits a unit into disjoint bands that add up to its employees', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 240 }).map((quarters) => quarters / 4)), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 400 }), (hours, target, day) => {
        const pace = paceOf(target, 2026, new Date(Date.UTC(2026, 0, 1 + day, 2)));
        const bands = paceBands(hours.length, (threshold) => hours.filter((value) => value >= threshold).length, target, pace);
        expect(bands.met + bands.onPace + bands.behind + bands.farBehind).toBe(hours.length);
        expect(bands.farBehind).toBe(hours.filter((value) => value < pace.farBehindBelow).length);
        expect(bands.met).toBe(hours.filter((value) => value >= target).length);
      }),
    );
  });
});
