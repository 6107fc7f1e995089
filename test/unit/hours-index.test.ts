import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketOf, moveInHistogram, paddedHours, paddedThreshold, tallyHistogram, TOP_BUCKET_QUARTERS, type HistogramDelta } from '../../shared/training/hours-index.ts';
import { compliance } from '../../shared/training/rules.ts';

const quarterHours = fc.integer({ min: 0, max: 8_000 }).map((quarters) => quarters / 4);
const threshold = fc.oneof(fc.integer({ min: 0, max: 4_000 }).map((quarters) => quarters / 4), fc.double({ min: 0, max: 1_000, noNaN: true }));

describe('hours as keys and buckets', () => {
  it('pads hours so that keys sort as the hours do, and the threshold key splits below from at-or-above', () => {
    expect(paddedHours(40)).toBe('00000160');
    expect(paddedThreshold(40 * (5 / 12))).toBe('00000067');
    fc.assert(
      fc.property(quarterHours, quarterHours, threshold, (a, b, target) => {
        expect(paddedHours(a) < paddedHours(b)).toBe(a < b);
        expect(`${paddedHours(a)}#198609262015051001` < paddedThreshold(target)).toBe(a < target);
      }),
    );
  });

  it('counts met and unmet from a histogram exactly as the rule does, for any target or pro-rata threshold', () => {
    fc.assert(
      fc.property(fc.array(quarterHours, { maxLength: 60 }), threshold, (totals, target) => {
        const buckets: Record<string, number> = {};
        for (const hours of totals) buckets[bucketOf(hours)] = (buckets[bucketOf(hours)] ?? 0) + 1;
        const met = totals.filter((hours) => compliance(hours, target).compliant).length;
        expect(tallyHistogram(buckets, target)).toEqual({ employees: totals.length, met, unmet: totals.length - met });
      }),
    );
  });

  it('keeps totals of 1,000 hours and more in one top bucket', () => {
    expect(bucketOf(1_000)).toBe(`q${TOP_BUCKET_QUARTERS}`);
    expect(bucketOf(5_000.25)).toBe(`q${TOP_BUCKET_QUARTERS}`);
    expect(bucketOf(999.75)).toBe('q3999');
  });

  it('moves an employee between buckets and units, netting out within a unit', () => {
    const delta: HistogramDelta = new Map();
    moveInHistogram(delta, { unitKey: 'a', unit: 'A', hours: 2 }, { unitKey: 'a', unit: 'A', hours: 3 });
    moveInHistogram(delta, undefined, { unitKey: 'b', unit: 'B', hours: 0 });
    expect(Object.fromEntries([...delta].map(([key, { buckets }]) => [key, Object.fromEntries(buckets)]))).toEqual({ a: { q8: -1, q12: 1 }, b: { q0: 1 } });
  });
});
