import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../../db/batch.ts';
import { db } from '../../db/client.ts';
import { fieldError } from '../../errors.ts';
import type { TransactStep } from '../../db/transactions.ts';
import { isTransient } from '../../http/problem.ts';
import { keyText } from '../../text.ts';
import type { HistogramDelta } from '../hours-index.ts';
import { readStoredEmployees, type StoredEmployee } from '../repository/employees.ts';
import { agreementExistsStep, certificateGuardKey, certificateGuardStep, recordKey, recordPutStep } from '../repository/records.ts';
import { changedTotal } from '../repository/total-changes.ts';
import { counterSteps, readTotals, totalId, type Total } from '../repository/totals.ts';
import type { Training, TrainingInput } from '../schemas.ts';
import { failedOutcome, notAnswered, type BulkContext, type Outcome } from './outcomes.ts';
import { newTraining } from './records.ts';

/**
 * Training records written in bulk (roster imports): exact, resumable and fast.
 *
 * Rows are grouped by employee-year, and groups are packed into transactions of up to 100 items:
 * per row its record (whose key is the duplicate guard) and certificate guard, per employee-year
 * one rewrite of the total, per unit one update of its histogram, per agreement one check. A
 * transaction is all or nothing, so a crash leaves whole groups written or not; a re-run finds the
 * written records and reports them as duplicates. A cancelled transaction names the items that
 * failed: duplicates and unknown agreements are decided, and the other rows go round again, from
 * fresh reads of their totals (a total changed by a concurrent write is never overwritten).
 */
const MAX_ITEMS = 100;
/** Rows read and written together; an employee's rows stay in one chunk. */
const CHUNK_ROWS = 1_000;
const CHUNKS_IN_FLIGHT = 4;
const TRANSACTIONS_IN_FLIGHT = 4;
const MAX_ROUNDS = 12;

interface Row {
  index: number;
  training: Training;
}

type Owner = { rows: Row[]; decide?: (reason: string) => Outcome | undefined };

export async function addTrainings(entries: { nip: string; body: TrainingInput }[], context: BulkContext): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(entries.length);
  const rows: Row[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const training = newTraining(entry.nip, entry.body, context);
    const guards = [`${training.nip}#${training.id}`, ...(training.certificateNumber ? [`${training.nip}#C#${keyText(training.certificateNumber)}`] : [])];
    if (guards.some((guard) => seen.has(guard))) {
      outcomes[index] = { kind: 'duplicate' };
      return;
    }
    for (const guard of guards) seen.add(guard);
    rows.push({ index, training });
  });
  rows.sort((a, b) => (a.training.nip < b.training.nip ? -1 : a.training.nip > b.training.nip ? 1 : a.training.year - b.training.year));
  const chunks: Row[][] = [];
  for (let offset = 0; offset < rows.length; ) {
    let end = Math.min(rows.length, offset + CHUNK_ROWS);
    while (end < rows.length && rows[end]!.training.nip === rows[end - 1]!.training.nip) end += 1;
    chunks.push(rows.slice(offset, end));
    offset = end;
  }
  await inParallel(chunks, CHUNKS_IN_FLIGHT, (chunk) => writeChunk(chunk, outcomes));
  return outcomes;
}

async function writeChunk(rows: Row[], outcomes: Outcome[]): Promise<void> {
  let pending = rows;
  let checkStored = false;
  /** Rows of a transaction that failed as a whole: written one employee-year per transaction. */
  const alone = new Set<Row>();
  let lastFailure: Error | undefined;
  const decide = (row: Row, outcome: Outcome) => (outcomes[row.index] = outcome);
  for (let round = 0; round < MAX_ROUNDS && pending.length; round += 1) {
    if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1_000, 10 * 2 ** round)));
    try {
      if (checkStored) pending = await withoutStoredDuplicates(pending, decide);
      const { totals, profiles } = await readState(pending);
      const writable = pending.filter((row) => {
        if (totals.has(totalId(row.training.nip, row.training.year)) || profiles.has(row.training.nip)) return true;
        decide(row, { kind: 'rejected', errors: [fieldError('nip', 'ROW_EMPLOYEE_UNKNOWN')] });
        return false;
      });
      const transactions = pack(writable, totals, profiles, alone);
      await inParallel(transactions, TRANSACTIONS_IN_FLIGHT, async ({ steps, owners, groups }) => {
        try {
          await db().send(new TransactWriteCommand({ TransactItems: steps.map((step) => step.item) }));
          for (const owner of owners) for (const row of owner.rows) decide(row, { kind: 'imported' });
        } catch (error) {
          const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
          if ((error as Error).name === 'TransactionCanceledException' && reasons) {
            reasons.forEach((reason, index) => {
              const outcome = reason.Code === 'ConditionalCheckFailed' ? owners[index]?.decide?.(reason.Code) : undefined;
              if (outcome) for (const row of owners[index]!.rows) decide(row, outcome);
              if (outcome?.kind === 'duplicate') checkStored = true;
            });
          } else if (groups > 1) {
            // One group's write may be what the store refuses: each goes alone next round, so that it fails alone.
            for (const owner of owners) for (const row of owner.rows) alone.add(row);
            if (isTransient(error)) lastFailure = error as Error;
          } else if (isTransient(error)) {
            lastFailure = error as Error;
          } else {
            for (const owner of owners) for (const row of owner.rows) decide(row, failedOutcome(error));
          }
        }
      });
    } catch (error) {
      // The reads failed: try the round again, or in the end report the rows as retryable.
      if (!isTransient(error)) throw error;
      lastFailure = error as Error;
    }
    pending = pending.filter((row) => outcomes[row.index] === undefined);
  }
  for (const row of pending) decide(row, { kind: 'rejected', errors: [notAnswered()], retryable: lastFailure ?? new Error('The totals kept changing under concurrent writes.') });
}

/** After a duplicate: rows whose record or certificate is already stored are decided before writing. */
async function withoutStoredDuplicates(rows: Row[], decide: (row: Row, outcome: Outcome) => void): Promise<Row[]> {
  const keys = rows.flatMap(({ training }) => [recordKey(training), ...(training.certificateNumber ? [certificateGuardKey(training.nip, training.certificateNumber)] : [])]);
  const stored = new Set((await batchGetAll(keys, { consistent: true, projection: 'PK, SK' })).map((item) => `${item.PK as string}|${item.SK as string}`));
  const has = (key: { PK: string; SK: string }) => stored.has(`${key.PK}|${key.SK}`);
  return rows.filter((row) => {
    const { training } = row;
    if (!has(recordKey(training)) && !(training.certificateNumber && has(certificateGuardKey(training.nip, training.certificateNumber)))) return true;
    decide(row, { kind: 'duplicate' });
    return false;
  });
}

async function readState(rows: Row[]): Promise<{ totals: Map<string, Total>; profiles: Map<string, StoredEmployee> }> {
  const totals = await readTotals(rows.map(({ training }) => training));
  const without = rows.filter(({ training }) => !totals.has(totalId(training.nip, training.year)));
  const profiles = without.length ? await readStoredEmployees(without.map(({ training }) => training.nip)) : new Map<string, StoredEmployee>();
  return { totals, profiles };
}

interface Transaction {
  steps: TransactStep[];
  /** Per step, the rows it belongs to and what its failed condition means for them. */
  owners: Owner[];
  /** Employee-years written. */
  groups: number;
}

interface Building extends Transaction {
  /** Histogram changes per year, written as one update per unit when the transaction closes. */
  deltas: Map<number, HistogramDelta>;
  agreements: Map<string, Owner>;
}

const rowCost = (row: Row) => (row.training.certificateNumber ? 2 : 1);
const duplicate = (): Outcome => ({ kind: 'duplicate' });

/**
 * Packs rows into transactions: an employee-year's rows together (one rewrite of its total),
 * groups in unit order so that a transaction updates few histograms. Rows of a group too large
 * for one transaction wait for the next round (they are then written on the new total).
 */
function pack(rows: Row[], totals: Map<string, Total>, profiles: Map<string, StoredEmployee>, alone: Set<Row>): Transaction[] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const id = totalId(row.training.nip, row.training.year);
    groups.set(id, [...(groups.get(id) ?? []), row]);
  }
  const unitOf = (group: Row[]) => {
    const { nip, year } = group[0]!.training;
    return keyText(totals.get(totalId(nip, year))?.unit ?? profiles.get(nip)!.employee.unit);
  };
  const ordered = [...groups.values()].sort((a, b) => a[0]!.training.year - b[0]!.training.year || unitOf(a).localeCompare(unitOf(b)));

  const transactions: Transaction[] = [];
  let current = building();
  const itemsOf = (transaction: Building) => transaction.steps.length + [...transaction.deltas.values()].reduce((sum, delta) => sum + delta.size, 0);
  for (const group of ordered) {
    const isolated = group.some((row) => alone.has(row));
    let fitting = fittingRows(group, current, unitOf(group), MAX_ITEMS - itemsOf(current), totals);
    if ((fitting.length < group.length || isolated) && current.steps.length > 0) {
      transactions.push(closed(current));
      current = building();
      fitting = fittingRows(group, current, unitOf(group), MAX_ITEMS, totals);
    }
    addGroup(current, fitting, totals.get(totalId(group[0]!.training.nip, group[0]!.training.year)), profiles.get(group[0]!.training.nip));
    if (isolated) {
      transactions.push(closed(current));
      current = building();
    }
  }
  if (current.steps.length > 0) transactions.push(closed(current));
  return transactions;
}

const building = (): Building => ({ steps: [], owners: [], groups: 0, deltas: new Map(), agreements: new Map() });

/** The longest start of an employee-year's rows that fits in `room` items with its total, histogram and agreement checks. */
function fittingRows(group: Row[], transaction: Building, unitKey: string, room: number, totals: Map<string, Total>): Row[] {
  const { nip, year } = group[0]!.training;
  let left = room - (totals.has(totalId(nip, year)) ? 1 : 2) - (transaction.deltas.get(year)?.has(unitKey) ? 0 : 1);
  const agreements = new Set(transaction.agreements.keys());
  const fitting: Row[] = [];
  for (const row of group) {
    const agreement = row.training.agreementId;
    const cost = rowCost(row) + (agreement && !agreements.has(agreement) ? 1 : 0);
    if (left < cost) break;
    left -= cost;
    if (agreement) agreements.add(agreement);
    fitting.push(row);
  }
  return fitting;
}

function addGroup(transaction: Building, rows: Row[], before: Total | undefined, profile: StoredEmployee | undefined): void {
  if (rows.length === 0) return;
  transaction.groups += 1;
  const { year } = rows[0]!.training;
  const add = (step: TransactStep, owner: Owner) => {
    transaction.steps.push(step);
    transaction.owners.push(owner);
  };
  for (const row of rows) {
    const agreement = row.training.agreementId;
    if (agreement) {
      const owner = transaction.agreements.get(agreement);
      if (owner) owner.rows.push(row);
      else {
        const created: Owner = { rows: [row], decide: () => ({ kind: 'rejected', errors: [fieldError('agreementId', 'ROW_AGREEMENT_UNKNOWN', { agreementId: agreement })] }) };
        transaction.agreements.set(agreement, created);
        add(agreementExistsStep(agreement), created);
      }
    }
    add(recordPutStep(row.training), { rows: [row], decide: duplicate });
    for (const step of certificateGuardStep(row.training)) add(step, { rows: [row], decide: duplicate });
  }
  const delta = transaction.deltas.get(year) ?? new Map();
  transaction.deltas.set(year, delta);
  const hours = rows.reduce((sum, row) => sum + row.training.hours, 0);
  // A changed total or profile decides nothing: the rows go round again from fresh reads.
  for (const step of changedTotal(before, profile, year, hours, rows.length, delta).steps) add(step, { rows: [] });
}

function closed(transaction: Building): Transaction {
  const shard = String(Math.floor(Math.random() * 1_000_000));
  for (const [year, delta] of transaction.deltas) {
    for (const step of counterSteps(year, delta, shard)) {
      transaction.steps.push(step);
      transaction.owners.push({ rows: [] });
    }
  }
  return { steps: transaction.steps, owners: transaction.owners, groups: transaction.groups };
}

/** Runs `work` over `items`, `concurrency` at a time. */
async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
