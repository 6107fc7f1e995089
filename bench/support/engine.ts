import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureTable, startDynamoDbLocal, type LocalEngine } from '../../infra/local/dynamodb.ts';
import { useLocalDatabase } from '../../infra/local/environment.ts';
import { instrumentDb } from './instrument.ts';

/** One in-memory DynamoDB Local for a whole run; each benchmark works in a table of its own. */
export interface BenchEngine {
  endpoint: string;
  /** Creates the table if needed and points `db()` (and the in-process server) at it. */
  useTable: (name: string) => Promise<void>;
  /**
   * For loading data, not for measuring: unlike `db()` (2 attempts, 2 s timeout, tuned to fail
   * fast in a request) it retries patiently, so a GC pause of the engine does not end a long load.
   */
  loader: DynamoDBDocumentClient;
  stop: () => Promise<void>;
}

export async function startBenchEngine(): Promise<BenchEngine> {
  // Handlers log one line per request otherwise; the benchmarks print their own summary.
  process.env.JALIN_QUIET = '1';
  // Loading 100,000 agreements keeps DynamoDB Local busy (GC pauses of seconds): the API's 2 s
  // timeout would end a load that the figures do not time. Request timeouts are not measured here.
  process.env.DYNAMODB_REQUEST_TIMEOUT_MS ??= '20000';
  const engine: LocalEngine = await startDynamoDbLocal();
  const loader = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: engine.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 10 }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    loader.destroy();
    await engine.stop();
  };
  // Never leave a Java process behind, whatever ends the run.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stop().finally(() => process.exit(130));
    });
  }
  return {
    endpoint: engine.endpoint,
    useTable: async (name) => {
      await ensureTable(engine.endpoint, name);
      useLocalDatabase(engine.endpoint, name);
      instrumentDb();
    },
    loader,
    stop,
  };
}
