import { queryAll } from '../../db/query.ts';
import { transact } from '../../db/transactions.ts';
import { employeesOfUnit, getStoredEmployee, listUnits } from '../repository/employees.ts';
import { writeWithTotals, zeroTotalSteps } from '../repository/total-changes.ts';
import { TotalChangedError, totalsOf } from '../repository/totals.ts';

/** Employees opened at once by `openYear`. */
const OPEN_CONCURRENCY = 8;

/**
 * Opens `year`: every registered employee without a total of that year gets a zero total, counted
 * in their unit's histogram, so that the year's reports list them before any training. Walks the
 * units and their employees with queries (never a Scan), reads the page's totals in one batch and
 * writes only the missing ones (conditionally: running it twice, or beside other writers, adds
 * nothing twice). Run on 1 January by the `open-training-year` job; registration and the first
 * record of a year write the total too, so a late run loses nothing.
 */
export async function openYear(year: number): Promise<{ opened: number; employees: number }> {
  let opened = 0;
  let employees = 0;
  for (const unit of await listUnits()) {
    for await (const items of queryAll(employeesOfUnit(unit))) {
      employees += items.length;
      const totals = await totalsOf(items.map((item) => item.nip as string), year);
      const missing = items.filter((item) => !totals.has(item.nip as string)).map((item) => item.nip as string);
      let next = 0;
      const worker = async () => {
        while (next < missing.length) if (await openFor(missing[next++]!, year)) opened += 1;
      };
      await Promise.all(Array.from({ length: Math.min(OPEN_CONCURRENCY, missing.length) }, worker));
    }
  }
  return { opened, employees };
}

/** A zero total of `year` for one employee, unless they have one: read consistently, written conditionally. */
async function openFor(nip: string, year: number): Promise<boolean> {
  return writeWithTotals(nip, async () => {
    const stored = await getStoredEmployee(nip);
    if (!stored) return false;
    try {
      await transact(zeroTotalSteps(stored.employee, year, stored.employee.version));
      return true;
    } catch (error) {
      if (error instanceof TotalChangedError && error.stored) return false; // opened meanwhile
      throw error;
    }
  });
}
