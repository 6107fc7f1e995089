import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complianceCheckpoint, daysLeft, dueThreshold, expiryWindows, isoWeek, mergeRanges, proRataTarget } from '../../shared/alerts/rules.ts';
import { addDays, daysBetween } from '../../shared/time/calendar.ts';

const thresholds = [180, 90, 30, 7, 0];

describe('dueThreshold', () => {
  it('is the nearest threshold at or above the days left', () => {
    expect(dueThreshold(181, thresholds)).toBeUndefined();
    expect(dueThreshold(180, thresholds)).toBe(180);
    expect(dueThreshold(91, thresholds)).toBe(180);
    expect(dueThreshold(30, thresholds)).toBe(30);
    expect(dueThreshold(8, thresholds)).toBe(30);
    expect(dueThreshold(0, thresholds)).toBe(0);
    expect(dueThreshold(-3, thresholds)).toBe(0);
  });
});

describe('expiry windows', () => {
  it('cover exactly the end dates that reached a threshold since the last run', () => {
    const windows = expiryWindows('2026-12-29', '2026-12-27', thresholds);
    expect(windows.find((window) => window.threshold === 7)).toEqual({ threshold: 7, from: '2027-01-04', to: '2027-01-05' });
    expect(windows.find((window) => window.threshold === 0)).toEqual({ threshold: 0, from: '2026-12-28', to: '2026-12-29' });
  });

  it('start today on a first run', () => {
    expect(mergeRanges(expiryWindows('2026-11-24', undefined, thresholds))).toEqual([{ from: '2026-11-24', to: '2027-05-23' }]);
  });

  it('start today when a day is run again or replayed before the last run', () => {
    for (const lastRun of ['2026-11-24', '2026-11-30']) {
      expect(expiryWindows('2026-11-24', lastRun, [30, 0])).toEqual([
        { threshold: 30, from: '2026-11-24', to: '2026-12-24' },
        { threshold: 0, from: '2026-11-24', to: '2026-11-24' },
      ]);
    }
    expect(expiryWindows('2026-11-24', '2026-11-23', [30, 0])).toEqual([
      { threshold: 30, from: '2026-12-24', to: '2026-12-24' },
      { threshold: 0, from: '2026-11-24', to: '2026-11-24' },
    ]);
  });

  /**
   * Simulates daily runs with random missed days, each sending the due threshold unless already
   * sent: no threshold is ever sent twice, and after every run the nearest crossed threshold has
   * been sent (nothing lost), across year ends.
   */
  it('lose no alert and repeat none, whatever days are missed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.array(fc.boolean(), { minLength: 60, maxLength: 400 }), fc.integer({ min: 0, max: 3000 }), (endOffset, ranOnDay, startOffset) => {
        const start = addDays('2024-06-01', startOffset);
        const endsOn = addDays(start, endOffset);
        const sent: number[] = [];
        let lastRun: string | undefined;
        ranOnDay.forEach((ran, day) => {
          if (!ran) return;
          const today = addDays(start, day);
          const inWindow = mergeRanges(expiryWindows(today, lastRun, thresholds)).some((range) => endsOn >= range.from && endsOn <= range.to);
          const left = daysBetween(today, endsOn);
          const due = dueThreshold(left, thresholds);
          if (inWindow && due !== undefined && !sent.includes(due)) sent.push(due);
          if (left >= 0 && due !== undefined) expect(Math.min(...sent)).toBe(due);
          lastRun = today;
        });
        expect(new Set(sent).size).toBe(sent.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('daysLeft', () => {
  it('counts calendar days to the end date, across a year end, negative once it has passed', () => {
    expect(daysLeft('2026-12-29', '2027-01-05')).toBe(7);
    expect(daysLeft('2027-01-05', '2027-01-05')).toBe(0);
    expect(daysLeft('2027-01-06', '2027-01-05')).toBe(-1);
  });
});

describe('mergeRanges', () => {
  it('drops empty windows and reads nothing twice', () => {
    expect(mergeRanges([{ from: '2027-01-05', to: '2027-01-04' }])).toEqual([]);
    expect(
      mergeRanges([
        { from: '2027-01-01', to: '2027-01-31' },
        { from: '2027-01-10', to: '2027-01-12' },
        { from: '2027-03-01', to: '2027-02-01' },
      ]),
    ).toEqual([{ from: '2027-01-01', to: '2027-01-31' }]);
  });

  it('covers exactly the days of the windows, in disjoint ordered ranges', () => {
    const window = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: -3, max: 20 })).map(([start, length]) => ({ from: addDays('2026-12-01', start), to: addDays('2026-12-01', start + length) }));
    fc.assert(
      fc.property(fc.array(window, { maxLength: 8 }), (windows) => {
        const merged = mergeRanges(windows);
        for (let day = -5; day < 90; day += 1) {
          const date = addDays('2026-12-01', day);
          const inWindows = windows.some((range) => range.from <= date && date <= range.to);
          expect(merged.filter((range) => range.from <= date && date <= range.to).length).toBe(inWindows ? 1 : 0);
        }
        for (let index = 1; index < merged.length; index += 1) expect(daysBetween(merged[index - 1]!.to, merged[index]!.from)).toBeGreaterThan(1);
      }),
    );
  });

  it('joins overlapping and adjacent ranges and keeps gaps', () => {
    expect(
      mergeRanges([
        { from: '2027-01-10', to: '2027-01-12' },
        { from: '2026-12-30', to: '2027-01-02' },
        { from: '2027-01-03', to: '2027-01-04' },
      ]),
    ).toEqual([
      { from: '2026-12-30', to: '2027-01-04' },
      { from: '2027-01-10', to: '2027-01-12' },
    ]);
  });
});

describe('training checkpoints', () => {
  it('counts complete months, and January closes the previous year', () => {
    expect(complianceCheckpoint('2026-09-01')).toEqual({ year: 2026, monthsElapsed: 8, final: false });
    expect(complianceCheckpoint('2026-02-01')).toEqual({ year: 2026, monthsElapsed: 1, final: false });
    expect(complianceCheckpoint('2027-01-01')).toEqual({ year: 2026, monthsElapsed: 12, final: true });
  });

  it('prorates the target', () => {
    expect(proRataTarget(40, 8)).toBe(26.67);
    expect(proRataTarget(40, 12)).toBe(40);
    expect(proRataTarget(40, 3)).toBe(10);
  });
});

describe('isoWeek', () => {
  it('numbers weeks as ISO 8601 does, across year ends', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
  });
});
