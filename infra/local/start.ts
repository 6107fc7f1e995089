import { parseArgs } from 'node:util';
import { ensureTable, startDynamoDbLocal } from './dynamodb.ts';
import { useLocalDatabase } from './environment.ts';
import { seedDemoData } from './seed-demo-data.ts';
import { startServer } from './server.ts';

/**
 * `npm start`: DynamoDB Local (data in .jalin/dynamodb unless --in-memory), the table from the
 * shared definition, optional demo data (--demo), and the API on http://localhost:$PORT.
 */
const { values } = parseArgs({
  options: {
    'in-memory': { type: 'boolean', default: false },
    demo: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'dynamodb-port': { type: 'string', default: process.env.DYNAMODB_PORT ?? '8600' },
  },
});

const tableName = process.env.TABLE_NAME ?? 'jalin';
const engine = await startDynamoDbLocal({
  port: Number(values['dynamodb-port']),
  ...(values['in-memory'] ? {} : { dataDir: '.jalin/dynamodb' }),
});
useLocalDatabase(engine.endpoint, tableName);
await ensureTable(engine.endpoint, tableName);
if (values.demo) console.log(`demo data: ${await seedDemoData()} agreements loaded`);
const api = await startServer({ port: Number(values.port), host: '0.0.0.0' });

console.log(`Jalin API on ${api.url.replace('127.0.0.1', 'localhost')}  (DynamoDB Local ${engine.endpoint}, table ${tableName}${values['in-memory'] ? ', in memory' : ', data in .jalin/dynamodb'})`);
console.log('Get a token: npm run -s token -- agreements-admin');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await api.close();
  await engine.stop();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
