import { todayInJakarta } from '../../shared/time/calendar.ts';
import { batchWriteAll, writeRange } from './bulk.ts';
import { config } from './config.ts';
import { agreementRecord, employeeRecord, hoursOf, unitName } from './datasets.ts';
import type { BenchEngine } from './engine.ts';
import { agreementItem, employeeItem, totalItem, unitItem } from './items.ts';

/**
 * Bulk loads of generated data into the current table, by index range, so that a table grows in
 * steps. Items come from bench/support/items.ts (the repositories' layout, checked at start).
 */

/** Agreements `from..to-1`; the first `config.dueAgreements` end within the sweep window. */
export async function loadAgreements(engine: BenchEngine, from: number, to: number, now: Date): Promise<number> {
  const today = todayInJakarta(now);
  const at = now.toISOString();
  return writeRange(from, to, (index) => [agreementItem(agreementRecord(index, config.dueAgreements, today, config.sweepWindowDays, at))], engine.loader, config.writeConcurrency);
}

/**
 * Employees `from..to-1` spread over `config.units` units (their unit items with the first range),
 * and with `totalsFor`, each one's total of that year: one per unit below the target, the rest above.
 */
export async function loadEmployees(engine: BenchEngine, from: number, to: number, totalsFor?: { year: number; targetHours: number }): Promise<number> {
  const at = new Date().toISOString();
  const units = config.units;
  if (from === 0) await batchWriteAll(Array.from({ length: units }, (_, unit) => unitItem(unitName(unit))), 4, engine.loader);
  return writeRange(
    from,
    to,
    (index) => {
      const employee = employeeRecord(index, units, at);
      if (!totalsFor) return [employeeItem(employee)];
      const hours = hoursOf(index, units, totalsFor.targetHours);
      return [employeeItem(employee), totalItem(employee.nip, totalsFor.year, hours, Math.ceil(hours / 8))];
    },
    engine.loader,
    config.writeConcurrency,
  );
}
