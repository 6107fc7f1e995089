import { settings } from '../../config.ts';
import { decodeCursor, encodeCursor, type Page } from '../../db/cursor.ts';
import { keyText } from '../../text.ts';
import { keyOf, queryAll, queryPage, type BucketPosition } from '../../db/query.ts';
import { currentYear } from '../../time/calendar.ts';
import { employeeFromItem, employeesOfUnit, listUnits } from '../repository/employees.ts';
import { totalsOf } from '../repository/totals.ts';
import { compliance, tallyUnit, type UnitTally } from '../rules.ts';
import type { ComplianceRow, Employee } from '../schemas.ts';
import { targetOf } from './targets.ts';

/** Bounds the employees one compliance page may read when a status filter discards most. */
const MAX_EMPLOYEES_PER_PAGE = 1_000;

/**
 * Employees with their hours of the year against the target. Reads the unit's employees (GSI1)
 * and their per-year totals (BatchGet): never a raw training record. Employees without any
 * training that year count with 0 hours.
 */
export async function complianceReport(query: { year?: number; unit?: string; status?: 'MET' | 'UNMET'; limit: number; cursor?: string }, now: Date): Promise<Page<ComplianceRow>> {
  const year = query.year ?? currentYear(now);
  const scope = `compliance:${year}:${query.unit ?? '*'}:${query.status ?? '*'}`;
  const target = (await targetOf(year)).hours;
  const units = query.unit ? [query.unit] : await listUnits();
  const rows: ComplianceRow[] = [];
  const from = query.cursor ? (decodeCursor(scope, query.cursor) as unknown as BucketPosition) : { bucket: 0 };
  let read = 0;
  for (let bucket = from.bucket, start = from.key; bucket < units.length; bucket += 1, start = undefined) {
    do {
      const page = await queryPage(employeesOfUnit(units[bucket]!), 100, start);
      const totals = await totalsOf(page.items.map((item) => item.nip as string), year);
      read += page.items.length;
      for (const item of page.items) {
        const employee = employeeFromItem(item);
        const row = { nip: employee.nip, name: employee.name, unit: employee.unit, ...compliance(totals.get(employee.nip) ?? 0, target, settings().JP_MINUTES) };
        if (query.status && row.compliant !== (query.status === 'MET')) continue;
        rows.push(row);
        if (rows.length === query.limit) return { items: rows, nextCursor: encodeCursor(scope, { bucket, key: keyOf(item, 'GSI1') }) };
      }
      start = page.next;
      if (start && read >= MAX_EMPLOYEES_PER_PAGE) return { items: rows, nextCursor: encodeCursor(scope, { bucket, key: start }) };
    } while (start);
  }
  return { items: rows };
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

/** Per unit: employees, how many met the target, how many did not, and the rate met/employees. */
export async function complianceSummary(year: number): Promise<{ year: number; targetHours: number; targetJp: number; items: UnitTally[] }> {
  const { hours: target, jp: targetJp } = await targetOf(year);
  const tallies = new Map<string, UnitTally>();
  await forEachEmployeeHours(year, (employee, hours) => tallyUnit(tallies, keyText(employee.unit), employee.unit, hours, target));
  return { year, targetHours: target, targetJp, items: [...tallies.values()] };
}
