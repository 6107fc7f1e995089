import { settleFileConsumers } from '../infra/local/files.ts';
import { fileStore } from '../shared/files/store.ts';
import { todayInJakarta } from '../shared/time/calendar.ts';
import { importFileKey } from '../shared/training/imports/roster-file.ts';
import { checkTrainingRow, parseRoster, type TrainingEntry } from '../shared/training/imports/roster.ts';
import { importByUpload, readImport } from '../shared/training/imports/service.ts';
import { CHUNK_ROWS, CHUNKS_PER_CALL } from '../shared/training/imports/worker.ts';
import { addTrainings, type Outcome } from '../shared/training/imports/writers.ts';
import type { RosterImport } from '../shared/training/imports/schemas.ts';
import { batchWriteAll } from './support/bulk.ts';
import { config } from './support/config.ts';
import { employeeRecord, rosterCsv, rosterRows } from './support/datasets.ts';
import type { BenchEngine } from './support/engine.ts';
import { count, markdownTable, perSecond, times } from './support/format.ts';
import { loadEmployees } from './support/load-data.ts';
import { figure, type Section } from './support/report.ts';
import { since } from './support/stats.ts';

/**
 * 4b. Background import (POST /training-imports): time to DONE of a roster of one row per
 * employee, next to the row writer alone on the same rows (what the pipeline adds: storing and
 * reading the file, parsing, chunk checkpoints, counts) and a raw BatchWrite of the rows'
 * records; then the re-import, where every row is a duplicate.
 */
const actor = () => ({ subject: 'bench-background-import', now: new Date() });

async function importToDone(csv: string): Promise<{ milliseconds: number; result: RosterImport }> {
  const start = performance.now();
  const created = await importByUpload({ filename: 'bench.csv', size: Buffer.byteLength(csv) }, actor());
  // Stored as the API stores an inline roster: the local server's consumer runs the worker, as npm start does.
  await (await fileStore()).write(importFileKey(created.id), csv, 'text/csv');
  await settleFileConsumers();
  const milliseconds = since(start);
  return { milliseconds, result: await readImport(created.id) };
}

/** The roster's rows as the worker checks them. */
function entriesOf(csv: string): TrainingEntry[] {
  const { header, rows } = parseRoster(csv);
  return rows.flatMap((row) => {
    const check = checkTrainingRow(header, row);
    return check.ok ? [check.entry] : [];
  });
}

/** The writer alone, called as the worker calls it (CHUNKS_PER_CALL chunks at a time), on the same rows under other titles. */
async function writerAlone(entries: TrainingEntry[]): Promise<number> {
  const start = performance.now();
  const outcomes: Outcome[] = [];
  const perCall = CHUNK_ROWS * CHUNKS_PER_CALL;
  for (let offset = 0; offset < entries.length; offset += perCall) outcomes.push(...(await addTrainings(entries.slice(offset, offset + perCall), actor())));
  const milliseconds = since(start);
  if (outcomes.some((outcome) => outcome.kind !== 'imported')) throw new Error('the writer alone did not import every row');
  return milliseconds;
}

export async function backgroundImport(engine: BenchEngine, log: (line: string) => void): Promise<Section> {
  await engine.useTable('bench-background-import');
  const employees = config.backgroundImportRows;
  await loadEmployees(engine, 0, employees);
  const nips = Array.from({ length: employees }, (_, index) => employeeRecord(index, config.units, '').nip);
  const year = Number(todayInJakarta().slice(0, 4));
  const rows = rosterRows(nips, 1);
  log(`  background import of ${count(rows.length)} rows over ${count(employees)} employees…`);
  const csv = rosterCsv(rows, 'background', year);
  const aloneEntries = entriesOf(rosterCsv(rows, 'alone', year));
  // The raw baseline before the import and after the writer alone: the machine's pace drifts within a run.
  const rawRecords = (pass: string) => aloneEntries.map((entry, index) => ({ PK: `BENCH#${index}`, SK: `RAW#${pass}`, entity: 'TRAINING', ...entry }));
  const rawBefore = await batchWriteAll(rawRecords('before'), config.writeConcurrency);
  const first = await importToDone(csv);
  log(`  re-import…`);
  const again = await importToDone(csv);
  log(`  the writer alone and a raw BatchWrite…`);
  const alone = { milliseconds: await writerAlone(aloneEntries) };
  const rawMilliseconds = (rawBefore + (await batchWriteAll(rawRecords('after'), config.writeConcurrency))) / 2;

  const rate = (milliseconds: number) => (rows.length * 1_000) / milliseconds;
  const complete = first.result.status === 'DONE' && first.result.rows.imported === rows.length;
  const allDuplicates = again.result.status === 'DONE' && again.result.rows.duplicates === rows.length;
  return {
    title: `4b. Background import (${count(rows.length)} rows over ${count(employees)} employees, POST /training-imports)`,
    figures: [
      figure('Time to DONE / the row writer alone (pipeline overhead)', `${times(first.milliseconds / alone.milliseconds)} (${(first.milliseconds / 1000).toFixed(1)} s vs ${(alone.milliseconds / 1000).toFixed(1)} s)`, '≈ 1x', complete),
      figure('Background import rows/s / raw BatchWrite rows/s', `${times(rate(first.milliseconds) / rate(rawMilliseconds))} (${perSecond(rate(first.milliseconds))} vs ${perSecond(rate(rawMilliseconds))})`, '≥ 0.3x (issue 11)', complete && rawMilliseconds / first.milliseconds >= 0.3),
      figure('Re-import: every row a duplicate', `${count(again.result.rows.duplicates)} duplicates of ${count(rows.length)} in ${(again.milliseconds / 1000).toFixed(1)} s`, `${count(rows.length)}`, allDuplicates),
    ],
    details: [
      markdownTable(['Writer', 'Rows', 'Time', 'Rows/s'], [
        [`Background import: file stored, read, parsed, chunks of ${CHUNK_ROWS} with a checkpoint each, ${CHUNKS_PER_CALL} per writer call (in-process dispatch)`, count(rows.length), `${(first.milliseconds / 1000).toFixed(1)} s`, perSecond(rate(first.milliseconds))],
        ['Re-import of the same file (every row a duplicate)', count(rows.length), `${(again.milliseconds / 1000).toFixed(1)} s`, perSecond(rate(again.milliseconds))],
        [`The row writer alone (addTrainings per ${CHUNKS_PER_CALL} chunks of ${CHUNK_ROWS})`, count(rows.length), `${(alone.milliseconds / 1000).toFixed(1)} s`, perSecond(rate(alone.milliseconds))],
        ['Raw BatchWriteItem of the same records (mean of one run before the import and one after the writer alone)', count(rows.length), `${(rawMilliseconds / 1000).toFixed(1)} s`, perSecond(rate(rawMilliseconds))],
      ]),
      'The overhead figure is what the background pipeline adds to its row writer; the ratio to a raw BatchWrite is set by the writer (section 4).',
    ],
  };
}
