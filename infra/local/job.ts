import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { parseArgs } from 'node:util';
import { jobs } from '../../shared/alerts/job-table.ts';
import type { JobSummary } from '../../shared/alerts/deliver.ts';
import { ensureTable, localClient, startDynamoDbLocal, type LocalEngine } from './dynamodb.ts';
import { useLocalDatabase } from './environment.ts';
import { loadHandler } from './functions.ts';

/**
 * `npm run -s job -- <job-name> [--today YYYY-MM-DD]`: runs a scheduled job's own handler
 * against the local data, writing emails as .eml files into .outbox/. Uses the DynamoDB Local
 * that `npm start` runs, or starts one on the same data when none answers.
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    today: { type: 'string' },
    'dynamodb-port': { type: 'string', default: process.env.DYNAMODB_PORT ?? '8600' },
  },
});

const job = jobs.find((candidate) => candidate.name === positionals[0]);
if (!job) {
  console.error(`usage: npm run -s job -- <${jobs.map((candidate) => candidate.name).join('|')}> [--today YYYY-MM-DD]`);
  process.exit(2);
}

async function answers(endpoint: string): Promise<boolean> {
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

const port = Number(values['dynamodb-port']);
let engine: LocalEngine | undefined;
let endpoint = `http://127.0.0.1:${port}`;
if (!(await answers(endpoint))) {
  engine = await startDynamoDbLocal({ port, dataDir: '.jalin/dynamodb' });
  endpoint = engine.endpoint;
}
const tableName = process.env.TABLE_NAME ?? 'jalin';
process.env.MAIL_TRANSPORT ??= 'outbox';
process.env.JALIN_QUIET ??= '1';
useLocalDatabase(endpoint, tableName);
await ensureTable(endpoint, tableName);

try {
  const handler = await loadHandler<(event: unknown) => Promise<JobSummary & { today: string }>>(job.handler);
  const result = await handler(values.today ? { today: values.today } : {});
  console.log(`${job.name} ${result.today}: sent ${result.sent}, skipped ${result.skipped}, failed ${result.failed}`);
} finally {
  await engine?.stop();
}
