/** Order statistics of samples in milliseconds (nearest rank: every reported value was observed). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

/** `a / b`, for figures that are "this next to that" (NaN when the baseline is 0). */
export function ratio(a: number, b: number): number {
  return b === 0 ? Number.NaN : a / b;
}

/** Milliseconds since `start` (performance.now()). */
export const since = (start: number) => performance.now() - start;
