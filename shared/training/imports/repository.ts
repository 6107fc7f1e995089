import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../db/client.ts';
import { queryAll, type PageQuery } from '../../db/query.ts';
import { transact, type TransactStep } from '../../db/transactions.ts';
import { ConflictError, type FieldError } from '../../errors.ts';
import type { RosterKind } from './roster.ts';
import type { ImportStatus, RosterImport, RowCounts } from './schemas.ts';

/**
 * Background imports in the single table:
 *
 *   IMPORT#<id> / IMPORT          the import and its running counts   GSI1 IMPORTS / <createdAt>#<id>
 *   IMPORT#<id> / CHUNK#<n>       one chunk's outcome, written once (the checkpoint), with its rejected rows
 */
const importKey = (id: string) => ({ PK: `IMPORT#${id}`, SK: 'IMPORT' });
const chunkKey = (id: string, chunk: number) => ({ PK: `IMPORT#${id}`, SK: `CHUNK#${String(chunk).padStart(6, '0')}` });

/** A stored import: what the API shows, plus where its file is and how it was read. */
export interface ImportRecord extends RosterImport {
  fileKey: string;
  /** Set when the file has been read: the chunks to process, the header as written, its delimiter. */
  chunks?: number;
  chunkRows?: number;
  header?: string[];
  delimiter?: string;
}

export interface RejectedRow {
  line: number;
  fields: string[];
  /** With their codes: worded when read, in the reader's language (row-errors.ts). */
  errors: FieldError[];
}

export async function putImport(record: ImportRecord): Promise<void> {
  const { rows, ...rest } = record;
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...importKey(record.id), entity: 'IMPORT', ...rest, ...rows, GSI1PK: 'IMPORTS', GSI1SK: `${record.createdAt}#${record.id}` },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

export function importFromItem(item: Record<string, unknown>): ImportRecord {
  const { PK, SK, GSI1PK, GSI1SK, entity, total, processed, imported, duplicates, rejected, ...rest } = item;
  return { ...(rest as Omit<ImportRecord, 'rows'>), rows: { total, processed, imported, duplicates, rejected } as RowCounts };
}

export async function getImport(id: string): Promise<ImportRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: importKey(id), ConsistentRead: true }));
  return Item ? importFromItem(Item) : undefined;
}

const conditionFailed = (error: unknown) => (error as Error).name === 'ConditionalCheckFailedException';

/** QUEUED → RUNNING once the file is read (again, harmlessly, when its event comes twice); undefined if it already ended. */
export async function startImport(id: string, reading: { kind: RosterKind; total: number; chunks: number; chunkRows: number; header: string[]; delimiter: string }): Promise<ImportRecord | undefined> {
  try {
    const { Attributes } = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: importKey(id),
        UpdateExpression: 'SET #status = :running, kind = :kind, #total = :total, chunks = :chunks, chunkRows = :chunkRows, #header = :header, delimiter = :delimiter',
        ConditionExpression: '#status IN (:queued, :running)',
        ExpressionAttributeNames: { '#status': 'status', '#total': 'total', '#header': 'header' },
        ExpressionAttributeValues: { ':running': 'RUNNING', ':queued': 'QUEUED', ':kind': reading.kind, ':total': reading.total, ':chunks': reading.chunks, ':chunkRows': reading.chunkRows, ':header': reading.header, ':delimiter': reading.delimiter },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return importFromItem(Attributes!);
  } catch (error) {
    if (conditionFailed(error)) return undefined;
    throw error;
  }
}

/** An import whose file cannot be read ends FAILED with the reason (never after it is DONE). */
export async function failImport(id: string, reason: string, at: string): Promise<void> {
  await endImport(id, 'FAILED', at, '#status <> :done', { ':done': 'DONE' }, reason);
}

/** RUNNING → DONE when every row is processed; called after each chunk, only the last one succeeds. */
export async function finishIfComplete(id: string, at: string): Promise<void> {
  await endImport(id, 'DONE', at, '#status = :running AND #processed = #total', { ':running': 'RUNNING' });
}

async function endImport(id: string, status: ImportStatus, at: string, condition: string, values: Record<string, unknown>, reason?: string): Promise<void> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: importKey(id),
        UpdateExpression: `SET #status = :status, finishedAt = :at${reason ? ', #error = :error' : ''}`,
        ConditionExpression: `attribute_exists(PK) AND ${condition}`,
        ExpressionAttributeNames: { '#status': 'status', ...(condition.includes('#total') ? { '#total': 'total', '#processed': 'processed' } : {}), ...(reason ? { '#error': 'error' } : {}) },
        ExpressionAttributeValues: { ':status': status, ':at': at, ...values, ...(reason ? { ':error': reason } : {}) },
      }),
    );
  } catch (error) {
    if (!conditionFailed(error)) throw error;
  }
}

export interface ChunkTally {
  chunk: number;
  counts: Omit<RowCounts, 'total'>;
  rejectedRows: RejectedRow[];
}

/** DynamoDB's limits on one transaction are 100 items and 4 MB: a group of checkpoints stays under both. */
const CHUNKS_PER_TRANSACTION = 99;
const BYTES_PER_TRANSACTION = 3_000_000;

/**
 * The checkpoints of chunks written together: each chunk's outcome and the import's counts, the
 * chunks recorded together in as few transactions as the limits allow. A chunk recorded before (a
 * redelivered message, a worker that died after its checkpoints) cancels its group, which is then
 * recorded chunk by chunk, so each count is added once.
 */
export async function recordChunks(id: string, tallies: ChunkTally[]): Promise<void> {
  for (const group of checkpointGroups(tallies)) {
    try {
      await transact(checkpointSteps(id, group));
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      for (const tally of group) await recordChunk(id, tally);
    }
  }
}

/** Consecutive tallies within one transaction's limits (a tally's size: its rejected rows, as JSON). */
function checkpointGroups(tallies: ChunkTally[]): ChunkTally[][] {
  const groups: ChunkTally[][] = [];
  let bytes = 0;
  for (const tally of tallies) {
    const size = JSON.stringify(tally.rejectedRows).length + 200;
    const current = groups.at(-1);
    if (!current || current.length === CHUNKS_PER_TRANSACTION || bytes + size > BYTES_PER_TRANSACTION) {
      groups.push([tally]);
      bytes = size;
    } else {
      current.push(tally);
      bytes += size;
    }
  }
  return groups;
}

/** The checkpoint of one chunk, in one transaction that succeeds once per chunk: a chunk recorded before adds nothing. */
async function recordChunk(id: string, tally: ChunkTally): Promise<void> {
  try {
    await transact(checkpointSteps(id, [tally]));
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
}

/** A Put of each chunk's outcome (once only) and one ADD of their counts to the import's. */
function checkpointSteps(id: string, tallies: ChunkTally[]): TransactStep[] {
  const sum = (name: keyof ChunkTally['counts']) => tallies.reduce((total, { counts }) => total + counts[name], 0);
  return [
    ...tallies.map(({ chunk, counts, rejectedRows }) => ({
      item: { Put: { TableName: tableName(), Item: { ...chunkKey(id, chunk), entity: 'IMPORT_CHUNK', chunk, ...counts, rejectedRows }, ConditionExpression: 'attribute_not_exists(PK)' } },
    })),
    {
      item: {
        Update: {
          TableName: tableName(),
          Key: importKey(id),
          UpdateExpression: 'ADD #processed :processed, #imported :imported, #duplicates :duplicates, #rejected :rejected',
          ExpressionAttributeNames: { '#processed': 'processed', '#imported': 'imported', '#duplicates': 'duplicates', '#rejected': 'rejected' },
          ExpressionAttributeValues: { ':processed': sum('processed'), ':imported': sum('imported'), ':duplicates': sum('duplicates'), ':rejected': sum('rejected') },
        },
      },
    },
  ];
}

const chunksOf = (id: string): PageQuery => ({ keyCondition: 'PK = :pk AND begins_with(SK, :chunk)', names: {}, values: { ':pk': `IMPORT#${id}`, ':chunk': 'CHUNK#' } });

/** The chunks already recorded (a resumed import skips them). */
export async function recordedChunks(id: string): Promise<Set<number>> {
  const done = new Set<number>();
  for await (const page of queryAll(chunksOf(id))) for (const item of page) done.add(item.chunk as number);
  return done;
}

/** Every rejected row of the import, in line order. */
export async function* rejectedRowsOf(id: string): AsyncGenerator<RejectedRow[]> {
  for await (const page of queryAll(chunksOf(id), 10)) yield page.flatMap((item) => item.rejectedRows as RejectedRow[]);
}

/** Recent imports first. */
export const recentImports: PageQuery = { index: 'GSI1', keyCondition: 'GSI1PK = :imports', names: {}, values: { ':imports': 'IMPORTS' }, forward: false };
