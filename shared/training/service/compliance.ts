import { settings } from '../../config.ts';
import { decodeCursor, encodeCursor, type Page } from '../../db/cursor.ts';
import { keyOf, queryAll, queryBuckets, queryPage, type BucketPosition, type Key } from '../../db/query.ts';
import { currentYear } from '../../time/calendar.ts';
import { isBucket, tallyHistogram } from '../hours-index.ts';
import { employeeFromItem, employeesOfUnit, listUnits } from '../repository/employees.ts';
import { COUNTER_SHARDS, countersOfYear, totalFromItem, totalsOf, totalsOfUnit, type HoursRange } from '../repository/totals.ts';
import { paceBands, paceOf, type Pace } from '../pace.ts';
import { compliance, QUARTER_HOUR, roundHours } from '../rules.ts';
import type { ComplianceRow, ComplianceStatus, Employee, UnitSummary } from '../schemas.ts';
import { targetOf } from './targets.ts';

/** The hours each status holds against the year's target (hours are whole quarter hours: none is below the first). */
function hoursOfStatus(status: ComplianceStatus, target: number): HoursRange {
  return { MET: { from: target }, UNMET: { below: target }, NONE: { below: QUARTER_HOUR }, PARTIAL: { from: QUARTER_HOUR, below: target } }[status];
}

/**
 * Employees with their hours of the year against the target, from the yearly totals indexed by
 * unit and hours (GSI2): each status is a key range of hours (UNMET below the target, MET from
 * it, NONE and PARTIAL the two parts of UNMET), so a page reads what it returns, whatever the
 * unit's size. Rows come by hours, then NIP. Every employee has a total for every year they were
 * registered in (zero included).
 */
export async function complianceReport(query: { year?: number; unit?: string; status?: ComplianceStatus; limit: number; cursor?: string }, now: Date): Promise<Page<ComplianceRow>> {
  const year = query.year ?? currentYear(now);
  const scope = `compliance:${year}:${query.unit ?? '*'}:${query.status ?? '*'}`;
  const target = (await targetOf(year)).hours;
  const units = query.unit ? [query.unit] : await listUnits();
  const range = query.status ? hoursOfStatus(query.status, target) : undefined;
  const position = query.cursor ? (decodeCursor(scope, query.cursor) as unknown as BucketPosition) : undefined;
  const page = await queryBuckets(units.map((unit) => totalsOfUnit(year, unit, range)), query.limit, position);
  const items = page.items.map((item) => {
    const total = totalFromItem(item);
    return { nip: total.nip, name: total.name, unit: total.unit, ...compliance(total.hours, target, settings().JP_MINUTES) };
  });
  return { items, ...(page.next ? { nextCursor: encodeCursor(scope, { ...page.next }) } : {}) };
}

/**
 * Visits every employee, unit by unit, with their hours of `year` (0 without training): the
 * employees of each unit (GSI1) and their per-year totals (BatchGet), never raw records.
 */
export async function forEachEmployeeHours(year: number, visit: (employee: Employee, hours: number) => void | Promise<void>): Promise<void> {
  for (const unit of await listUnits()) {
    for await (const items of queryAll(employeesOfUnit(unit))) {
      const totals = await totalsOf(items.map((item) => item.nip as string), year);
      for (const item of items) {
        const employee = employeeFromItem(item);
        await visit(employee, totals.get(employee.nip) ?? 0);
      }
    }
  }
}

/**
 * Per unit: employees, how many met the target, how many did not, and the rate met/employees,
 * from the per-unit histograms kept on write (COUNTER_SHARDS items per unit), never from the
 * employees: its cost follows the number of units. Paged by unit. The same histograms count the
 * employees on, behind and far behind the pro-rata pace on `now` (pace.ts), exactly.
 */
export async function complianceSummary(query: { year: number; limit: number; cursor?: string }, now: Date): Promise<{ year: number; targetHours: number; targetJp: number; pace: Pace; items: UnitSummary[]; nextCursor?: string }> {
  const { hours: target, jp: targetJp } = await targetOf(query.year);
  const pace = paceOf(target, query.year, now);
  const scope = `compliance-summary:${query.year}`;
  const start = query.cursor ? (decodeCursor(scope, query.cursor) as Key) : undefined;
  // One more unit than asked for: the last one read may be incomplete (its other shards on the next page).
  const page = await queryPage(countersOfYear(query.year), (query.limit + 1) * COUNTER_SHARDS, start);
  const units: { key: string; unit: string; buckets: Record<string, number>; last: Record<string, unknown> }[] = [];
  for (const item of page.items) {
    const key = (item.SK as string).slice(0, (item.SK as string).lastIndexOf('#'));
    let unit = units[units.length - 1];
    if (unit?.key !== key) units.push((unit = { key, unit: item.unit as string, buckets: {}, last: item }));
    unit.last = item;
    for (const [attribute, value] of Object.entries(item)) if (isBucket(attribute)) unit.buckets[attribute] = (unit.buckets[attribute] ?? 0) + (value as number);
  }
  const complete = page.next ? units.slice(0, -1) : units;
  const shown = complete.slice(0, query.limit);
  const more = complete.length > query.limit || page.next !== undefined;
  const items = shown.flatMap(({ unit, buckets }) => {
    const { employees, unmet } = tallyHistogram(buckets, target);
    const bands = paceBands(employees, (hours) => tallyHistogram(buckets, hours).met, target, pace);
    return employees > 0 ? [{ unit, employees, unmet, rate: roundHours(bands.met / employees), ...bands }] : [];
  });
  const last = shown[shown.length - 1]?.last;
  return { year: query.year, targetHours: target, targetJp, pace, items, ...(more && last ? { nextCursor: encodeCursor(scope, keyOf(last)) } : {}) };
}
