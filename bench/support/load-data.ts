import { todayInJakarta } from '../../shared/time/calendar.ts';
import { batchWriteAll, writeRange } from './bulk.ts';
import { config } from './config.ts';
import { agreementRecord, employeeRecord, hoursOf, unitName } from './datasets.ts';
import type { BenchEngine } from './engine.ts';
import { agreementItem, counterItems, employeeItem, totalItem, unitItem } from './items.ts';
import { zeroTotal } from '../../shared/training/repository/total-changes.ts';
import { currentYear } from '../../shared/time/calendar.ts';

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
 * each with a total of the year (zero without `totalsFor`; with it, one per unit below the target, the
 * rest above) and, with `totalsFor`, the units' histograms.
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
      const hours = totalsFor ? hoursOf(index, units, totalsFor.targetHours) : 0;
      return [employeeItem(employee, 1), totalItem({ ...zeroTotal(employee, totalsFor?.year ?? currentYear(new Date())), hours, trainings: Math.ceil(hours / 8), revision: 1 })];
    },
    engine.loader,
    config.writeConcurrency,
  ).then(async (written) => {
    // The units' histograms over every employee so far (0..to), as the writers would have kept them.
    if (totalsFor) {
      const employees = Array.from({ length: to }, (_, index) => ({ unit: employeeRecord(index, units, at).unit, hours: hoursOf(index, units, totalsFor.targetHours) }));
      await batchWriteAll(counterItems(totalsFor.year, employees), 4, engine.loader);
    }
    return written;
  });
}
