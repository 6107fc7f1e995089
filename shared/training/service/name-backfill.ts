import { queryAll } from '../../db/query.ts';
import { transact } from '../../db/transactions.ts';
import { DomainError } from '../../errors.ts';
import { employeeFromItem, employeesOfUnit, getStoredEmployee, laterNameBackfillSteps, listUnits } from '../repository/employees.ts';
import type { Employee } from '../schemas.ts';

/** `changedMeanwhile`: written by someone else at every attempt; a second run picks them up. */
interface BackfillCounts {
  employees: number;
  indexed: number;
  nothingToIndex: number;
  changedMeanwhile: number;
}
type Outcome = Exclude<keyof BackfillCounts, 'employees'>;

/** A write racing the backfill is rare: read again this many times, then leave the employee to the next run. */
const ATTEMPTS = 3;

/**
 * Once, after upgrading a table whose employees were stored before names were indexed by their
 * later words (`npm run index-names`): writes those words' items for every employee, unit by unit
 * through the unit index (never a Scan). Safe to run again and beside live traffic: the items are
 * the same each time, and each write holds only while the profile is the version read.
 */
export async function backfillLaterNameWords(log: (line: string) => void = () => {}): Promise<BackfillCounts> {
  const counts: BackfillCounts = { employees: 0, indexed: 0, nothingToIndex: 0, changedMeanwhile: 0 };
  for (const unit of await listUnits()) {
    for await (const page of queryAll(employeesOfUnit(unit))) {
      for (const item of page) {
        counts.employees += 1;
        const outcome = await backfillOne(employeeFromItem(item));
        counts[outcome] += 1;
      }
    }
    log(`${unit}: ${counts.employees} employees so far`);
  }
  return counts;
}

async function backfillOne(read: Employee): Promise<Outcome> {
  let employee: Employee | undefined = read;
  for (let attempt = 0; attempt < ATTEMPTS && employee; attempt += 1) {
    const steps = laterNameBackfillSteps(employee);
    if (steps.length === 0) return 'nothingToIndex';
    try {
      await transact(steps);
      return 'indexed';
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === 'stale')) throw error;
      employee = (await getStoredEmployee(employee.nip))?.employee;
    }
  }
  return 'changedMeanwhile';
}
