import { AsyncLocalStorage } from 'node:async_hooks';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactGetCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { db } from '../../shared/db/client.ts';

/**
 * Bench-only middleware on the shared document client `db()`, so that the code under test runs
 * unchanged. Two observers, each scoped with AsyncLocalStorage so that concurrent work outside
 * the scope (other workers, the in-process server) is never counted:
 *
 * - `metered(fn)` asks DynamoDB for ConsumedCapacity on every command that `fn` sends and sums it;
 * - `recorded(fn)` keeps the document-level input of every command `fn` sends, optionally without sending its writes
 *   (a dry run), so that a benchmark can replay exactly the calls a request needs.
 */
interface Meter {
  /** Whether commands ask for their consumed capacity: DynamoDB Local then works a quarter more on a bulk import, so a timed run only counts calls. */
  capacity: boolean;
  capacityUnits: number;
  calls: number;
  byCommand: Record<string, number>;
}

export interface RecordedCommand {
  /** The SDK's command name, e.g. `GetItemCommand`. */
  name: string;
  /** The document-level input (plain JS values, before marshalling). */
  input: Record<string, unknown>;
}

interface Recorder {
  commands: RecordedCommand[];
  dryRun: boolean;
}

/** Commands a dry run still sends. */
const READS = new Set(['GetItemCommand', 'BatchGetItemCommand', 'QueryCommand', 'TransactGetItemsCommand']);

const meters = new AsyncLocalStorage<Meter>();
const recorders = new AsyncLocalStorage<Recorder>();
const instrumented = new WeakSet<DynamoDBDocumentClient>();

type CapacityEntry = { CapacityUnits?: number };

function unitsOf(consumed: CapacityEntry | CapacityEntry[] | undefined): number {
  if (!consumed) return 0;
  // Batch and transaction outputs list one entry per table; the others carry a single entry.
  return (Array.isArray(consumed) ? consumed : [consumed]).reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
}

/**
 * Adds the middleware to the current `db()` client (a new client after each `useLocalDatabase`).
 * It runs at the `initialize` step with high priority, i.e. before lib-dynamodb marshals the input,
 * so that recorded inputs are document-level and `ReturnConsumedCapacity` survives marshalling.
 */
export function instrumentDb(): void {
  const client = db();
  if (instrumented.has(client)) return;
  instrumented.add(client);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const recorder = recorders.getStore();
      if (recorder) {
        recorder.commands.push({ name: context.commandName ?? 'unknown', input: structuredClone(args.input as Record<string, unknown>) });
        // A dry run reads for real (a write is decided on what it reads: the employee, the total)
        // and answers "done" to each write with an empty output, which nothing uses.
        if (recorder.dryRun && !READS.has(context.commandName ?? '')) return { output: { $metadata: {} }, response: {} } as never;
      }
      const meter = meters.getStore();
      if (!meter) return next(args);
      if (!meter.capacity) {
        meter.calls += 1;
        return next(args);
      }
      const result = await next({ ...args, input: { ...(args.input as object), ReturnConsumedCapacity: 'TOTAL' } });
      const units = unitsOf((result.output as { ConsumedCapacity?: CapacityEntry | CapacityEntry[] }).ConsumedCapacity);
      meter.capacityUnits += units;
      meter.calls += 1;
      const name = context.commandName ?? 'unknown';
      meter.byCommand[name] = (meter.byCommand[name] ?? 0) + units;
      return result;
    },
    { step: 'initialize', priority: 'high', name: 'benchInstrumentation' },
  );
}

/**
 * Runs `fn` and returns what it consumed: capacity units (RCU + WCU as DynamoDB reports them) and
 * calls; with `capacity: false`, the calls only, the commands sent unchanged (for a timed run).
 */
export async function metered<T>(fn: () => Promise<T>, options: { capacity: boolean } = { capacity: true }): Promise<{ result: T } & Meter> {
  instrumentDb();
  const meter: Meter = { capacity: options.capacity, capacityUnits: 0, calls: 0, byCommand: {} };
  const result = await meters.run(meter, fn);
  return { result, ...meter };
}

/** Runs `fn` and returns the commands it sent (or, in a dry run, would have sent). */
export async function recorded<T>(fn: () => Promise<T>, options: { dryRun: boolean }): Promise<{ result: T; commands: RecordedCommand[] }> {
  instrumentDb();
  const recorder: Recorder = { commands: [], dryRun: options.dryRun };
  const result = await recorders.run(recorder, fn);
  return { result, commands: recorder.commands };
}

/** Document-client command classes by the SDK command name that the middleware sees. */
const documentCommands: Record<string, new (input: never) => unknown> = {
  GetItemCommand: GetCommand,
  QueryCommand,
  ScanCommand,
  BatchGetItemCommand: BatchGetCommand,
  BatchWriteItemCommand: BatchWriteCommand,
  PutItemCommand: PutCommand,
  UpdateItemCommand: UpdateCommand,
  DeleteItemCommand: DeleteCommand,
  TransactWriteItemsCommand: TransactWriteCommand,
  TransactGetItemsCommand: TransactGetCommand,
};

/** Sends recorded commands again, in order, through the same document client: the raw baseline. */
export async function replay(commands: RecordedCommand[]): Promise<void> {
  for (const command of commands) {
    const Command = documentCommands[command.name];
    if (!Command) throw new Error(`cannot replay ${command.name}`);
    await db().send(new Command(command.input as never) as Parameters<DynamoDBDocumentClient['send']>[0]);
  }
}

/** "GetItem", "Query ×3 + BatchGetItem": what a recorded request costs in calls. */
export function describeCommands(commands: RecordedCommand[]): string {
  const counts = new Map<string, number>();
  for (const { name } of commands) counts.set(name.replace(/Command$/, ''), (counts.get(name.replace(/Command$/, '')) ?? 0) + 1);
  return [...counts].map(([name, count]) => (count > 1 ? `${name} ×${count}` : name)).join(' + ');
}
