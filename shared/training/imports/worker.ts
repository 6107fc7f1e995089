import { slicesOf } from '../../concurrency.ts';
import { InvalidInputError } from '../../errors.ts';
import { log } from '../../log.ts';
import { getImport, failImport, finishIfComplete, recordChunks, recordedChunks, startImport, type ChunkTally, type ImportRecord, type RejectedRow } from './repository.ts';
import { importIdOf, readImportFile } from './roster-file.ts';
import { checkEmployeeRow, checkTrainingRow, parseRoster, type ParsedRoster, type RosterHeader, type RosterKind, type RosterRow, type RowCheck } from './roster.ts';
import { addTrainings, upsertEmployees, type BulkContext, type Outcome } from './writers.ts';

/**
 * The background import, the same code on AWS and in `npm start`:
 *
 *   file arrived (S3 event)  → read the header and count the rows, RUNNING, one work item per chunk
 *   chunks                   → check their rows, write the good ones in ONE writer call, then record
 *                              each chunk's outcome and add its counts, once per chunk, in conditional
 *                              transactions (the checkpoints); the last chunk turns the import DONE
 *
 * A worker that dies mid-chunk leaves the chunk unrecorded: the work item comes back (SQS), the
 * chunk runs again, the rows its first attempt stored are recognized (writers.ts) and every count
 * is added once. Totals stay exact whatever happens: the bulk writer holds the lock of the totals
 * it rewrites, and a dead writer's intent is completed once (shared/training/repository/bulk-locks.ts).
 */
/** Rows per work item: its outcome (rejected rows included) fits one item. */
export const CHUNK_ROWS = 250;
/**
 * Chunks written in one call of the writer (a worker takes up to this many messages at once):
 * 10,000 rows, so that each of the bulk writer's lanes (a quarter of the employees) runs several
 * batches of 1,000 back to back and their reads overlap other lanes' writes, as in one big call
 * (bench section 4b: 8 chunks gave batches of 500 rows, one per lane, at 0.24x a raw BatchWrite).
 * Each chunk keeps its own checkpoint.
 */
export const CHUNKS_PER_CALL = 40;

export interface ChunkWork {
  importId: string;
  chunk: number;
}

/** How chunks get processed: in this process (local), or as SQS messages for the workers (AWS). */
export type Dispatch = (work: ChunkWork[], roster: ParsedRoster, record: ImportRecord) => Promise<void>;

/** Test hook: stop the worker after it wrote this many rows of a chunk, as a crash would. */
export interface FaultInjection {
  dieAfterRows?: number;
}

/** Rows of one chunk: the writer of the import's kind, called once. */
const writers: Record<RosterKind, (entries: never[], context: BulkContext) => Promise<Outcome[]>> = {
  trainings: addTrainings as (entries: never[], context: BulkContext) => Promise<Outcome[]>,
  employees: upsertEmployees as (entries: never[], context: BulkContext) => Promise<Outcome[]>,
};
const rowCheckers: Record<RosterKind, (header: RosterHeader, row: RosterRow) => RowCheck<unknown>> = { trainings: checkTrainingRow, employees: checkEmployeeRow };

/** A file arrived under `imports/`: read it, start the import and hand out its chunks. */
export async function fileArrived(key: string, dispatch: Dispatch, chunkRows = CHUNK_ROWS): Promise<void> {
  const id = importIdOf(key);
  const record = id ? await getImport(id) : undefined;
  if (!record || record.status === 'DONE' || record.status === 'FAILED') {
    log('warn', 'import file without a pending import', { known: Boolean(record), status: record?.status });
    return;
  }
  let roster: ParsedRoster;
  try {
    roster = parseRoster(await readImportFile(key), record.kind);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    await failImport(record.id, `The file cannot be imported: ${error.errors.map((problem) => `${problem.path || 'file'} ${problem.message}`).join('; ')}`, new Date().toISOString());
    return;
  }
  const chunks = Math.ceil(roster.rows.length / chunkRows);
  const started = await startImport(record.id, { kind: roster.header.kind, total: roster.rows.length, chunks, chunkRows, header: roster.header.names, delimiter: roster.header.delimiter });
  if (!started) return;
  const recorded = await recordedChunks(record.id);
  const pending = Array.from({ length: chunks }, (_, chunk) => chunk).filter((chunk) => !recorded.has(chunk));
  if (pending.length === 0) await finishIfComplete(record.id, new Date().toISOString());
  else await dispatch(pending.map((chunk) => ({ importId: record.id, chunk })), roster, started);
}

/** A chunk as a worker on AWS receives it: the import and its file are read again. */
export async function runChunk(work: ChunkWork, faults: FaultInjection = {}): Promise<void> {
  await runChunks(work.importId, [work.chunk], faults);
}

/** Chunks of one import that a worker received together, written in one writer call. */
export async function runChunks(importId: string, chunks: number[], faults: FaultInjection = {}): Promise<void> {
  const record = await getImport(importId);
  if (!record || record.status !== 'RUNNING') return;
  const roster = parseRoster(await readImportFile(record.fileKey), record.kind);
  await processChunks(record, chunks, roster, faults);
}

/** Receipts of a chunk's message before it waits in the dead-letter queue (infra/imports.ts); `npm start` tries a call as often. */
export const CHUNK_RECEIVES = 5;

/**
 * The chunks in this process, CHUNKS_PER_CALL per writer call, one call after the other: `npm
 * start` and the tests. Two calls at once only took turns at the same locks (every call writes
 * rows of every quarter of the employees), and were slower than one after the other.
 */
export const inProcess: Dispatch = async (work, roster, record) => {
  for (const call of slicesOf(work, CHUNKS_PER_CALL)) await redelivered(() => processChunks(record, call.map(({ chunk }) => chunk), roster));
};

/**
 * A failed call runs again after a growing pause, as SQS delivers a failed message again: a
 * passing failure (a connection timeout of a busy engine) must not leave the import RUNNING for ever.
 * The call is idempotent: stored rows are recognized, checkpoints count once.
 */
async function redelivered(call: () => Promise<void>): Promise<void> {
  for (let receipt = 1; ; receipt += 1) {
    try {
      return await call();
    } catch (error) {
      if (receipt === CHUNK_RECEIVES) throw error;
      log('warn', 'import chunks failed, running them again', { error: (error as Error).name, receipt });
      await new Promise((resolve) => setTimeout(resolve, 1_000 * receipt));
    }
  }
}

export async function processChunk(record: ImportRecord, chunk: number, roster: ParsedRoster, faults: FaultInjection = {}): Promise<void> {
  await processChunks(record, [chunk], roster, faults);
}

/** Writes the rows of `chunks` in one writer call, then records each chunk's outcome (its checkpoint). */
export async function processChunks(record: ImportRecord, chunks: number[], roster: ParsedRoster, faults: FaultInjection = {}): Promise<void> {
  const kind = record.kind ?? roster.header.kind;
  const size = record.chunkRows ?? CHUNK_ROWS;
  const parts = chunks.map((chunk) => {
    const rows = roster.rows.slice(chunk * size, (chunk + 1) * size);
    return { chunk, rows, checks: rows.map((row) => rowCheckers[kind](roster.header, row)) };
  });
  const entries = parts.flatMap(({ checks }) => checks.flatMap((check) => (check.ok ? [check.entry as never] : [])));
  // Every attempt writes as the import, at the import's time: a row stored by an earlier attempt is recognized.
  const context: BulkContext = { subject: record.createdBy, now: new Date(record.createdAt), importId: record.id };
  const outcomes = faults.dieAfterRows === undefined ? await writers[kind](entries, context) : await dieAfter(faults.dieAfterRows, entries, (part) => writers[kind](part, context));

  const retryable = outcomes.find((outcome) => outcome.kind === 'rejected' && outcome.retryable);
  if (retryable?.kind === 'rejected') throw retryable.retryable; // not recorded: the chunk runs again

  let next = 0;
  const tallies: ChunkTally[] = parts.map(({ chunk, rows, checks }) => {
    const rejectedRows: RejectedRow[] = [];
    let imported = 0;
    let duplicates = 0;
    checks.forEach((check, index) => {
      const row = rows[index]!;
      const outcome: Outcome = check.ok ? outcomes[next++]! : { kind: 'rejected', errors: check.errors };
      if (outcome.kind === 'imported') imported += 1;
      else if (outcome.kind === 'duplicate') duplicates += 1;
      else rejectedRows.push({ line: row.line, fields: row.fields, errors: outcome.errors });
    });
    return { chunk, counts: { processed: rows.length, imported, duplicates, rejected: rejectedRows.length }, rejectedRows };
  });
  await recordChunks(record.id, tallies);
  await finishIfComplete(record.id, new Date().toISOString());
}

async function dieAfter(rows: number, entries: never[], write: (part: never[]) => Promise<Outcome[]>): Promise<never> {
  await write(entries.slice(0, rows));
  throw new WorkerDied(rows);
}

/** The injected crash of a worker (tests only). */
export class WorkerDied extends Error {
  constructor(rows: number) {
    super(`worker stopped after ${rows} rows (fault injection)`);
    this.name = 'WorkerDied';
  }
}
