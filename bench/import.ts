import { todayInJakarta } from '../shared/time/calendar.ts';
import { importTrainings } from '../shared/training/import.ts';
import type { ImportResult } from '../shared/training/schemas.ts';
import { batchWriteAll, inParallel, writeRange } from './support/bulk.ts';
import { config } from './support/config.ts';
import { employeeRecord, rosterCsv, rosterRows, type RosterRow } from './support/datasets.ts';
import type { BenchEngine } from './support/engine.ts';
import { count, markdownTable, perSecond, times } from './support/format.ts';
import { recorded, replay, type RecordedCommand } from './support/instrument.ts';
import { employeeItem, unitItem } from './support/items.ts';
import { figure, type Section } from './support/report.ts';
import { since } from './support/stats.ts';

/**
 * 4. Bulk import: rows per second of `importTrainings` (one transaction per row) next to raw
 * BatchWrites of the same rows' records, and next to the import's own transactions replayed raw,
 * which separates what the service adds (CSV, validation) from what DynamoDB charges.
 */
export interface Rate {
  milliseconds: number;
  rowsPerSecond: number;
  errors: number;
}

export interface ImportMeasurement {
  rows: number;
  itemsPerRow: number;
  outcome: ImportResult;
  imported: Rate;
  rawBatch: Rate;
  rawTransactions: Rate;
}

const rate = (rows: number, milliseconds: number, errors = 0): Rate => ({ milliseconds, rowsPerSecond: (rows * 1_000) / milliseconds, errors });

type TransactItems = { Put?: { Item?: Record<string, unknown> } }[];

/** The training record that a row's transaction puts, keyed apart so that it collides with nothing. */
function recordOf(transaction: RecordedCommand): Record<string, unknown> {
  const item = (transaction.input.TransactItems as TransactItems).find((step) => step.Put?.Item?.entity === 'TRAINING')?.Put?.Item;
  if (!item) throw new Error('the import transaction no longer puts a TRAINING item; update bench/import.ts');
  return { ...item, SK: `${item.SK as string}#batch` };
}

/** Measures an import of `rows` into the current table, whose employees exist. `tag` keeps titles unique per call. */
export async function importThroughput(rows: RosterRow[], tag: string): Promise<ImportMeasurement> {
  const year = Number(todayInJakarta().slice(0, 4));
  const actor = () => ({ subject: 'bench-import', now: new Date() });
  // The transactions the import sends, recorded in a dry run of the same rows under other titles.
  const dry = await recorded(() => importTrainings(rosterCsv(rows, `${tag} raw`, year), actor()), { dryRun: true });
  const transactions = dry.commands.filter((command) => command.name === 'TransactWriteItemsCommand');
  if (transactions.length !== rows.length) throw new Error(`expected one transaction per row, recorded ${transactions.length} for ${rows.length} rows`);

  const rawBatch = rate(rows.length, await batchWriteAll(transactions.map(recordOf), config.writeConcurrency));

  const start = performance.now();
  const outcome = await importTrainings(rosterCsv(rows, tag, year), actor());
  const imported = rate(rows.length, since(start), rows.length - outcome.imported);

  // The same number of in-flight calls as importTrainings (16); no retry, so a conflict shows as an error.
  let failed = 0;
  const replayStart = performance.now();
  await inParallel(transactions.length, config.writeConcurrency, async (index) => {
    await replay([transactions[index]!]).catch(() => (failed += 1));
  });
  const rawTransactions = rate(rows.length, since(replayStart), failed);

  const itemsPerRow = (transactions[0]!.input.TransactItems as TransactItems).length;
  return { rows: rows.length, itemsPerRow, outcome, imported, rawBatch, rawTransactions };
}

/** Employees `0..count-1` (profiles and units) in the current table, loaded in bulk. */
export async function loadEmployees(engine: BenchEngine, from: number, to: number, units: number): Promise<void> {
  const at = new Date().toISOString();
  await writeRange(from, to, (index) => [employeeItem(employeeRecord(index, units, at))], engine.loader, config.writeConcurrency);
  if (from === 0) await batchWriteAll(Array.from({ length: Math.min(units, to) }, (_, unit) => unitItem(employeeRecord(unit, units, at).unit)), 4, engine.loader);
}

export async function bulkImport(engine: BenchEngine, log: (line: string) => void): Promise<Section> {
  await engine.useTable('bench-import');
  const employees = config.importEmployees;
  await loadEmployees(engine, 0, employees, config.units);
  const nips = Array.from({ length: employees }, (_, index) => employeeRecord(index, config.units, '').nip);
  const rows = rosterRows(nips, config.importCourses);
  log(`  importing ${count(rows.length)} rows (${count(employees)} employees × ${config.importCourses} courses)…`);
  const m = await importThroughput(rows, 'bulk');
  const ratio = m.imported.rowsPerSecond / m.rawBatch.rowsPerSecond;
  const complete = m.outcome.imported === m.rows && m.outcome.duplicates === 0 && m.outcome.rejected.length === 0;
  return {
    title: `4. Bulk import (${count(m.rows)} CSV rows through importTrainings vs raw writes)`,
    figures: [
      figure('Import rows/s / raw BatchWrite rows/s', `${times(ratio)} (${perSecond(m.imported.rowsPerSecond)} vs ${perSecond(m.rawBatch.rowsPerSecond)})`, '≥ 0.5x', ratio >= 0.5 && complete),
      figure('Import outcome', `${count(m.outcome.imported)} imported, ${count(m.outcome.duplicates)} duplicates, ${count(m.outcome.rejected.length)} rejected`, `${count(m.rows)} imported`, complete),
      figure(
        `Import / its own transactions replayed raw (${m.itemsPerRow} items each)`,
        `${times(m.imported.rowsPerSecond / m.rawTransactions.rowsPerSecond)} (${perSecond(m.imported.rowsPerSecond)} vs ${perSecond(m.rawTransactions.rowsPerSecond)}${m.rawTransactions.errors ? `, ${m.rawTransactions.errors} failed` : ''})`,
      ),
      figure('Raw transactions / raw BatchWrite (what one transaction per row costs)', `${times(m.rawTransactions.rowsPerSecond / m.rawBatch.rowsPerSecond)} (${perSecond(m.rawTransactions.rowsPerSecond)} vs ${perSecond(m.rawBatch.rowsPerSecond)})`),
    ],
    details: [
      markdownTable(['Writer', 'Rows', 'Time', 'Rows/s', 'Writes per row'], [
        ['importTrainings (CSV parse, zod per row, TransactWriteItems per row, 16 in flight)', count(m.rows), `${(m.imported.milliseconds / 1000).toFixed(1)} s`, perSecond(m.imported.rowsPerSecond), `${m.itemsPerRow} items in 1 transaction`],
        ['Raw replay of the same transactions (16 in flight)', count(m.rows), `${(m.rawTransactions.milliseconds / 1000).toFixed(1)} s`, perSecond(m.rawTransactions.rowsPerSecond), `${m.itemsPerRow} items in 1 transaction`],
        ['Raw BatchWriteItem of the rows\' training records (25 per call, 16 in flight)', count(m.rows), `${(m.rawBatch.milliseconds / 1000).toFixed(1)} s`, perSecond(m.rawBatch.rowsPerSecond), '1 item, batched'],
      ]),
      `Rows come course by course (a class list per course), so the 16 rows in flight belong to different employees. ` +
        `Each row is a TransactWriteItems of ${m.itemsPerRow} items: employee check, attendance guard, certificate guard, the record, the year's total (ADD) and an audit entry. ` +
        'On AWS a transactional write also costs twice the write units of a plain one (2 WCU per item-KB), so the capacity gap is larger than the time gap measured here.',
    ],
  };
}
