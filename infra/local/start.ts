import { commandLine, portOption } from './cli.ts';
import { dataFolder, holdDataFolder } from './data-engine.ts';
import { ensureTable, startDynamoDbLocal, type LocalEngine } from './dynamodb.ts';
import { useLocalDatabase } from './environment.ts';
import { seedDemoData } from './seed-demo-data.ts';
import { defaultConsoleDist } from './console.ts';
import { startServer, type RunningServer } from './server.ts';

/**
 * `npm start`: DynamoDB Local (data in .jalin/dynamodb unless --in-memory), the table from the
 * shared definition, optional demo data (--demo), and on http://localhost:$PORT the console (built
 * by `npm run console:build`, which `npm start` runs first), its API under /api, and the API's root paths.
 */
const usage = 'usage: npm start -- [--in-memory] [--demo] [--port <port>] [--dynamodb-port <port>]';
const { values } = commandLine(usage, {
  'in-memory': { type: 'boolean', default: false },
  demo: { type: 'boolean', default: false },
  port: { type: 'string' },
  'dynamodb-port': { type: 'string' },
});
const apiPort = portOption(values.port ?? process.env.PORT, 'port', usage) ?? 3000;
const enginePort = portOption(values['dynamodb-port'] ?? process.env.DYNAMODB_PORT, 'dynamodb-port', usage) ?? 8600;
const tableName = process.env.TABLE_NAME ?? 'jalin';

let engine: LocalEngine | undefined;
let api: RunningServer;
try {
  engine = values['in-memory'] ? await startDynamoDbLocal({ port: enginePort }) : await holdDataFolder(enginePort, 'npm start');
  useLocalDatabase(engine.endpoint, tableName);
  await ensureTable(engine.endpoint, tableName);
  if (values.demo) console.log(`demo data: ${await seedDemoData()}`);
  api = await startServer({ port: apiPort, host: '0.0.0.0', console: defaultConsoleDist }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE' ? new Error(`Port ${apiPort} is in use: is another \`npm start\` running? Stop it, or pass --port.`) : error;
  });
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  await engine?.stop();
  process.exit(1);
}

console.log(`Jalin API on ${api.url.replace('127.0.0.1', 'localhost')}  (DynamoDB Local ${engine.endpoint}, table ${tableName}${values['in-memory'] ? ', in memory' : `, data in ${dataFolder()}`})`);
console.log(`Console: ${api.url.replace('127.0.0.1', 'localhost')}/masuk  (API also under /api)`);
console.log('Get a token: npm run -s token -- agreements-admin');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await api.close();
  await engine?.stop();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
