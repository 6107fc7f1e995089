import { jobs } from '../../shared/alerts/job-table.ts';
import { isCalendarDate } from '../../shared/time/calendar.ts';
import { commandLine, portOption, usageError } from './cli.ts';
import { useDataEngine } from './data-engine.ts';
import { ensureTable } from './dynamodb.ts';
import { settings } from '../../shared/config.ts';
import { useLocalMailer } from '../../shared/email/mailer.ts';
import { outboxMailer } from '../../shared/email/outbox.ts';
import { useLocalDatabase } from './environment.ts';
import { loadHandler } from './functions.ts';

/**
 * `npm run -s job -- <job-name> [--today YYYY-MM-DD]`: runs a scheduled job's own handler
 * against the local data, writing emails as .eml files into .outbox/. Uses the DynamoDB Local
 * that holds the data folder (`npm start`, whatever its port), or one on a given port, or starts
 * one on the folder when none runs.
 */
const usage = `usage: npm run -s job -- <${jobs.map((candidate) => candidate.name).join('|')}> [--today YYYY-MM-DD] [--dynamodb-port <port>]`;
const { positionals, values } = commandLine(usage, { today: { type: 'string' }, 'dynamodb-port': { type: 'string' } }, { min: 1, max: 1 });

const job = jobs.find((candidate) => candidate.name === positionals[0]);
if (!job) usageError(`unknown job ${JSON.stringify(positionals[0])}`, usage);
if (values.today !== undefined && !isCalendarDate(values.today)) usageError(`--today must be a date written YYYY-MM-DD, such as 2026-12-01 (got ${JSON.stringify(values.today)})`, usage);
const port = portOption(values['dynamodb-port'] ?? process.env.DYNAMODB_PORT, 'dynamodb-port', usage);

let engine;
try {
  engine = await useDataEngine('npm run job', port);
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exit(1);
}
const tableName = process.env.TABLE_NAME ?? 'jalin';
process.env.JALIN_QUIET ??= '1';
useLocalDatabase(engine.endpoint, tableName);
await ensureTable(engine.endpoint, tableName);
useLocalMailer(() => outboxMailer(settings().OUTBOX_DIR, settings().ALERT_SENDER));

try {
  const handler = await loadHandler<(event: unknown) => Promise<{ job: string; today: string } & Record<string, number>>>(job.handler);
  const { job: name, today, ...counts } = await handler(values.today ? { today: values.today } : {});
  // The job's own counts, as it names them: "sent 2, skipped 0, failed 0" or "opened 40, employees 50".
  console.log(`${name} ${today}: ${Object.entries(counts).map(([count, value]) => `${count} ${value}`).join(', ')}`);
} finally {
  await engine.stop();
}
