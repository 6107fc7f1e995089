/** A positive number from the environment variable `name`, or `fallback` when it is unset. */
export function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}

/**
 * Sizes and durations of a run, from the environment, so that a quick check (BENCH_SCALE=0.1)
 * and the full run share one code path. The defaults are the sizes of the issue where they fit in
 * about ten minutes on a two-core machine.
 */
const scale = positive('BENCH_SCALE', 1);
/** A count scaled by BENCH_SCALE, never below `minimum`. */
const scaled = (base: number, minimum = 1) => Math.max(minimum, Math.round(base * scale));

const benchmarks = ['latency', 'cold-start', 'cold-session', 'sweep', 'import', 'background-import', 'statistics', 'console', 'console-unit', 'exports'] as const;
export type BenchmarkName = (typeof benchmarks)[number];

function selected(): Set<BenchmarkName> {
  const raw = process.env.BENCH_ONLY?.trim();
  if (!raw) return new Set(benchmarks);
  const names = raw.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(benchmarks as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`BENCH_ONLY: unknown ${unknown.join(', ')}; use any of ${benchmarks.join(', ')}`);
  return new Set(names as BenchmarkName[]);
}

export const config = {
  scale,
  only: selected(),
  /** Request overhead: seconds of load per measurement (split in two halves, see latency.ts). */
  latencySeconds: positive('BENCH_LATENCY_SECONDS', 4),
  concurrencies: [1, 16],
  /** Cold start: fresh Node processes per bundle; the median is reported. */
  coldStartRuns: Math.round(positive('BENCH_COLD_RUNS', 5)),
  /** Sweep cost and growth: the table grows through these multiples of the base. */
  growthFactors: [1, 10, 100],
  /** x100 of these bases is the 100,000 agreements and 60,000 employees. */
  baseAgreements: scaled(1_000),
  baseEmployees: scaled(600, 60),
  /** Due agreements (ending within the window): the same at every size; 0.1% of the largest. */
  dueAgreements: scaled(100),
  units: 60,
  sweepWindowDays: 180,
  /** Repetitions of each read for its latency (median). */
  sweepRepeats: Math.round(positive('BENCH_SWEEP_REPEATS', 5)),
  /** Bulk import: the 50,000 rows over 50,000 employees (one course each). */
  importRows: Math.round(positive('BENCH_IMPORT_ROWS', 50_000 * scale)),
  importCourses: 1,
  /** Background import: one row per employee (the issue: 50,000 rows over 50,000 employees). */
  backgroundImportRows: Math.round(positive('BENCH_BACKGROUND_IMPORT_ROWS', 50_000 * scale)),
  /** Rows imported at each size of the growth benchmark. */
  growthImportRows: scaled(300, 50),
  /** Employees in the export benchmark (section 9): the 60,000. */
  exportRows: scaled(60_000, 600),
  /** Writers in flight for bulk loads and raw baselines; importTrainings itself uses 16. */
  writeConcurrency: 16,
} as const;

/** The environment variables a run honours, for RESULTS.md. */
export const configVariables = ['BENCH_SCALE', 'BENCH_ONLY', 'BENCH_LATENCY_SECONDS', 'BENCH_COLD_RUNS', 'BENCH_SWEEP_REPEATS', 'BENCH_IMPORT_ROWS', 'BENCH_BACKGROUND_IMPORT_ROWS'] as const;
