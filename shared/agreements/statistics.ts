import { queryAll } from '../db/query.ts';
import { InvalidInputError, type FieldError } from '../errors.ts';
import { currentYear, todayInJakarta } from '../time/calendar.ts';
import { fromItem, REGISTRY_PARTITION } from './repository.ts';
import type { AgreementRecord } from './rules.ts';
import type { Statistics, StatisticsQuery } from './schemas.ts';
import { periodStatistics } from './statistics-rules.ts';

/** Longest period asked at once: a lifetime of the registry, and a bound on the answer. */
const MAX_YEARS = 50;

/**
 * The yearly figures, computed by one read of the registry partition (GSI1 `AGREEMENTS`: one
 * small item per agreement, never an audit entry or a training record), not from counters kept on
 * write. Why: most figures depend on the day they are asked for as much as on writes ("active at
 * the end of the year", "expired without renewal" change with the calendar, with no write), so
 * counters would need a daily job and a backfill whenever a rule changes; the registry of a
 * province is a few thousand items (DKI: ~100 a year), one Query of a few hundred KB, and the
 * figures always follow the same rules as the lists. The cost grows with the registry only:
 * `npm run bench` (statistics) measures it flat as audit and training items grow.
 */
export async function agreementStatistics(query: StatisticsQuery, now: Date): Promise<Statistics> {
  const period = periodOf(query, currentYear(now));
  const records: AgreementRecord[] = [];
  for await (const items of queryAll(registryPartition(), 1000)) records.push(...items.map(fromItem));
  return periodStatistics(records, period, todayInJakarta(now));
}

const registryPartition = () => ({ index: 'GSI1' as const, keyCondition: 'GSI1PK = :registry', names: {}, values: { ':registry': REGISTRY_PARTITION } });

/** `year`, or `from`..`to` (either alone is a single year); neither: the current year. */
export function periodOf(query: StatisticsQuery, thisYear: number): { from: number; to: number } {
  const errors: FieldError[] = [];
  if (query.year !== undefined && (query.from !== undefined || query.to !== undefined)) errors.push({ path: 'year', message: 'cannot be combined with from/to: ask for one year, or a range' });
  const from = query.year ?? query.from ?? query.to ?? thisYear;
  const to = query.year ?? query.to ?? query.from ?? thisYear;
  if (to < from) errors.push({ path: 'to', message: `must be on or after from (${from})` });
  else if (to - from + 1 > MAX_YEARS) errors.push({ path: 'to', message: `must be at most ${MAX_YEARS} years after from` });
  if (errors.length) throw new InvalidInputError(errors);
  return { from, to };
}
