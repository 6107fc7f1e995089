import type { RouteDefinition } from '../shared/http/route.ts';
import { routes } from '../shared/http/routes.ts';
import { todayInJakarta } from '../shared/time/calendar.ts';
import { importTrainings } from '../shared/training/import.ts';
import type { ImportResult } from '../shared/training/schemas.ts';
import { batchWriteAll, inParallel } from './support/bulk.ts';
import { config } from './support/config.ts';
import { employeeRecord, rosterCsv, rosterRows, type RosterRow } from './support/datasets.ts';
import type { BenchEngine } from './support/engine.ts';
import { count, markdownTable, perSecond, times } from './support/format.ts';
import { recorded, replay, type RecordedCommand } from './support/instrument.ts';
import { loadEmployees } from './support/load-data.ts';
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
  /** Measured only when asked (section 4): the import's transactions replayed raw. */
  rawTransactions?: Rate;
}

const ISSUE_ROWS = 10_000;
/** POST /trainings/import runs in one Lambda invocation of this many seconds at most. */
const ROUTE_TIMEOUT_SECONDS = (routes.importTrainings as RouteDefinition).timeoutSeconds ?? 10;

const rate = (rows: number, milliseconds: number, errors = 0): Rate => ({ milliseconds, rowsPerSecond: (rows * 1_000) / milliseconds, errors });

type TransactItems = { Put?: { Item?: Record<string, unknown> } }[];

/** The training record that a row's transaction puts, keyed apart so that it collides with nothing. */
function recordOf(transaction: RecordedCommand): Record<string, unknown> {
  const item = (transaction.input.TransactItems as TransactItems).find((step) => step.Put?.Item?.entity === 'TRAINING')?.Put?.Item;
  if (!item) throw new Error('the import transaction no longer puts a TRAINING item; update bench/import.ts');
  return { ...item, SK: `${item.SK as string}#batch` };
}

const year = () => Number(todayInJakarta().slice(0, 4));
const actor = () => ({ subject: 'bench-import', now: new Date() });

/** The transactions the import would send for `rows`, recorded in a dry run (nothing is written). */
async function transactionsOf(rows: RosterRow[], tag: string): Promise<RecordedCommand[]> {
  const dry = await recorded(() => importTrainings(rosterCsv(rows, tag, year()), actor()), { dryRun: true });
  const transactions = dry.commands.filter((command) => command.name === 'TransactWriteItemsCommand');
  if (transactions.length !== rows.length) throw new Error(`expected one transaction per row, recorded ${transactions.length} for ${rows.length} rows`);
  return transactions;
}

/** A few rows through both writers first, so that neither side pays the engine's warm-up alone. */
async function warmUp(rows: RosterRow[], tag: string): Promise<void> {
  const sample = rows.slice(0, 50);
  await batchWriteAll((await transactionsOf(sample, `${tag} warm-up batch`)).map(recordOf), config.writeConcurrency);
  await importTrainings(rosterCsv(sample, `${tag} warm-up`, year()), actor());
}

/**
 * Measures an import of `rows` into the current table, whose employees exist, next to raw
 * BatchWrites of the rows' records and (with `replayTransactions`) the import's own transactions
 * replayed raw. `tag` keeps titles, hence attendance guards, unique per call.
 */
export async function importThroughput(rows: RosterRow[], tag: string, options: { replayTransactions: boolean }): Promise<ImportMeasurement> {
  await warmUp(rows, tag);
  // The same rows under other titles, so that the raw writes collide with nothing the import writes.
  const transactions = await transactionsOf(rows, `${tag} raw`);
  const rawBatch = rate(rows.length, await batchWriteAll(transactions.map(recordOf), config.writeConcurrency));

  const start = performance.now();
  const outcome = await importTrainings(rosterCsv(rows, tag, year()), actor());
  const imported = rate(rows.length, since(start), rows.length - outcome.imported);

  const itemsPerRow = (transactions[0]!.input.TransactItems as TransactItems).length;
  if (!options.replayTransactions) return { rows: rows.length, itemsPerRow, outcome, imported, rawBatch };

  // As many in flight as importTrainings (16); no retry, so a conflict would show as an error.
  let failed = 0;
  const replayStart = performance.now();
  await inParallel(transactions.length, config.writeConcurrency, async (index) => {
    await replay([transactions[index]!]).catch(() => (failed += 1));
  });
  const rawTransactions = rate(rows.length, since(replayStart), failed);
  return { rows: rows.length, itemsPerRow, outcome, imported, rawBatch, rawTransactions };
}

export async function bulkImport(engine: BenchEngine, log: (line: string) => void): Promise<Section> {
  await engine.useTable('bench-import');
  const employees = Math.max(1, Math.ceil(config.importRows / config.importCourses));
  await loadEmployees(engine, 0, employees);
  const nips = Array.from({ length: employees }, (_, index) => employeeRecord(index, config.units, '').nip);
  const rows = rosterRows(nips, config.importCourses).slice(0, config.importRows);
  log(`  importing ${count(rows.length)} rows (${count(employees)} employees × ${config.importCourses} courses)…`);
  const m = await importThroughput(rows, 'bulk', { replayTransactions: true });
  const replayed = m.rawTransactions!;
  const ratio = m.imported.rowsPerSecond / m.rawBatch.rowsPerSecond;
  const complete = m.outcome.imported === m.rows && m.outcome.duplicates === 0 && m.outcome.rejectedCount === 0;
  return {
    title: `4. Bulk import (${count(m.rows)} CSV rows through importTrainings vs raw writes)`,
    figures: [
      figure('Import rows/s / raw BatchWrite rows/s', `${times(ratio)} (${perSecond(m.imported.rowsPerSecond)} vs ${perSecond(m.rawBatch.rowsPerSecond)})`, '≥ 0.5x', ratio >= 0.5 && complete),
      figure('Import outcome', `${count(m.outcome.imported)} imported, ${count(m.outcome.duplicates)} duplicates, ${count(m.outcome.rejectedCount)} rejected`, `${count(m.rows)} imported`, complete),
      figure(
        `Import / its own transactions replayed raw (${m.itemsPerRow} items each)`,
        `${times(m.imported.rowsPerSecond / replayed.rowsPerSecond)} (${perSecond(m.imported.rowsPerSecond)} vs ${perSecond(replayed.rowsPerSecond)}${replayed.errors ? `, ${replayed.errors} failed` : ''})`,
      ),
      figure(
        `Time for the issue's ${count(ISSUE_ROWS)} rows at this rate (this engine) / the import route's timeout`,
        `${((ISSUE_ROWS / m.imported.rowsPerSecond) / ROUTE_TIMEOUT_SECONDS).toFixed(1)}x (${(ISSUE_ROWS / m.imported.rowsPerSecond).toFixed(0)} s vs ${ROUTE_TIMEOUT_SECONDS} s)`,
      ),
      figure('Raw transactions / raw BatchWrite (what one transaction per row costs)', `${times(replayed.rowsPerSecond / m.rawBatch.rowsPerSecond)} (${perSecond(replayed.rowsPerSecond)} vs ${perSecond(m.rawBatch.rowsPerSecond)})`),
    ],
    details: [
      markdownTable(['Writer', 'Rows', 'Time', 'Rows/s', 'Writes per row'], [
        ['importTrainings (CSV parse, zod per row, TransactWriteItems per row, 16 in flight)', count(m.rows), `${(m.imported.milliseconds / 1000).toFixed(1)} s`, perSecond(m.imported.rowsPerSecond), `${m.itemsPerRow} items in 1 transaction`],
        ['Raw replay of the same transactions (16 in flight)', count(m.rows), `${(replayed.milliseconds / 1000).toFixed(1)} s`, perSecond(replayed.rowsPerSecond), `${m.itemsPerRow} items in 1 transaction`],
        ['Raw BatchWriteItem of the rows\' training records (25 per call, 16 in flight)', count(m.rows), `${(m.rawBatch.milliseconds / 1000).toFixed(1)} s`, perSecond(m.rawBatch.rowsPerSecond), '1 item, batched'],
      ]),
      `Rows come course by course (a class list per course), so the 16 rows in flight belong to different employees. ` +
        `Each row is a TransactWriteItems of ${m.itemsPerRow} items: employee check, attendance guard, certificate guard, the record, the year's total (ADD) and an audit entry. ` +
        'On AWS a transactional write also costs twice the write units of a plain one (2 WCU per item-KB), so the capacity gap is larger than the time gap measured here.',
    ],
  };
}
