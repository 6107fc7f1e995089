import { commandLine, portOption } from './cli.ts';
import { useDataEngine } from './data-engine.ts';
import { ensureTable } from './dynamodb.ts';
import { useLocalDatabase } from './environment.ts';
import { seedDemoData } from './seed-demo-data.ts';

/**
 * `npm run seed-demo`: loads the demo data into the local data: the DynamoDB Local that holds the
 * data folder (`npm start`, whatever its port), or one on a given port, or one of its own.
 */
const usage = 'usage: npm run seed-demo -- [--dynamodb-port <port>]';
const { values } = commandLine(usage, { 'dynamodb-port': { type: 'string' } });
const port = portOption(values['dynamodb-port'] ?? process.env.DYNAMODB_PORT, 'dynamodb-port', usage);
const tableName = process.env.TABLE_NAME ?? 'jalin';

try {
  const engine = await useDataEngine('npm run seed-demo', port);
  try {
    useLocalDatabase(engine.endpoint, tableName);
    await ensureTable(engine.endpoint, tableName);
    console.log(`demo data: ${await seedDemoData()}`);
  } finally {
    await engine.stop();
  }
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exit(1);
}
