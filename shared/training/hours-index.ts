import { roundHours } from './rules.ts';

/**
 * How a year's hours are keyed and counted, as pure functions. Hours are whole quarters (15
 * minutes), so a total is an integer number of quarters: zero-padded, it sorts as a string in
 * the order of the hours (the UNMET report is a key range), and a per-unit histogram of quarters
 * gives exact counts for any threshold, full target or pro rata, without rewriting counters
 * when a target changes.
 */

/** Quarters of an hour in `hours` (exact: hours are multiples of 0.25). */
export function quartersOf(hours: number): number {
  return Math.round(hours * 4);
}

/** Enough digits for 25 million hours, far beyond any sum of records. */
const PADDED_DIGITS = 8;

/** The hours as a sort-key prefix: `00000160` for 40 hours. */
export function paddedHours(hours: number): string {
  return String(quartersOf(Math.max(0, hours))).padStart(PADDED_DIGITS, '0');
}

/** The smallest sort-key prefix at or above `hours`: totals below it are the keys less than it. */
export function paddedThreshold(hours: number): string {
  return String(Math.ceil(Math.max(0, hours) * 4)).padStart(PADDED_DIGITS, '0');
}

/**
 * Histogram buckets stop at the highest target one can set (1,000 hours): every total at or above
 * it meets any target, so one bucket holds them all and an item has at most 4,001 buckets.
 */
export const TOP_BUCKET_QUARTERS = 4_000;

/** The histogram attribute that counts employees with `hours` (`q160`: 40 hours). */
export function bucketOf(hours: number): string {
  return `q${Math.min(quartersOf(hours), TOP_BUCKET_QUARTERS)}`;
}

const bucketQuarters = (bucket: string) => Number(bucket.slice(1));
export const isBucket = (attribute: string) => /^q\d+$/.test(attribute);

/** Employees, and how many have at least `thresholdHours`, from a unit's histogram (counts by bucket). */
export function tallyHistogram(buckets: Record<string, number>, thresholdHours: number): { employees: number; met: number; unmet: number } {
  let employees = 0;
  let met = 0;
  for (const [bucket, count] of Object.entries(buckets)) {
    employees += count;
    if (roundHours(bucketQuarters(bucket) / 4) >= thresholdHours) met += count;
  }
  return { employees, met, unmet: employees - met };
}

/** Per unit and bucket, how many employees a write adds (+) or removes (-). */
export type HistogramDelta = Map<string, { unit: string; buckets: Map<string, number> }>;

/** Moves one employee in the delta: out of (`from`) a unit's bucket and into (`to`) another. */
export function moveInHistogram(delta: HistogramDelta, from: { unitKey: string; unit: string; hours: number } | undefined, to: { unitKey: string; unit: string; hours: number } | undefined): void {
  const change = (side: { unitKey: string; unit: string; hours: number }, by: number) => {
    const entry = delta.get(side.unitKey) ?? { unit: side.unit, buckets: new Map<string, number>() };
    const bucket = bucketOf(side.hours);
    entry.buckets.set(bucket, (entry.buckets.get(bucket) ?? 0) + by);
    delta.set(side.unitKey, entry);
  };
  if (from) change(from, -1);
  if (to) change(to, 1);
}
