import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DataFolderHeldError, holdDataFolder } from '../../infra/local/data-engine.ts';
import { freePort, type LocalEngine } from '../../infra/local/dynamodb.ts';
import { tokenFor, useLocalApi } from '../support/api.ts';
import { readOutbox } from '../support/eml.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';
import { employeeBody } from '../support/fixtures/employees.ts';

const run = promisify(execFile);
// Each case starts Node processes (and one a DynamoDB Local): minutes on a loaded machine. The limit only stops a hang.
vi.setConfig({ testTimeout: 600_000 });
const { call, database } = useLocalApi();
const scratch = mkdtempSync(join(tmpdir(), 'jalin-job-cli-'));
const outbox = join(scratch, 'outbox');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const tool = (script: string, args: string[], env: Record<string, string> = {}) =>
  run('npx', ['tsx', `infra/local/${script}.ts`, ...args], { env: { ...process.env, OUTBOX_DIR: outbox, ...env } });

/** A usage error: exit code 2, one line saying what is wrong, then the usage; never a stack trace. */
async function expectUsageError(script: string, args: string[], wrong: RegExp) {
  const failure = (await tool(script, args).then(
    () => undefined,
    (error: unknown) => error,
  )) as { code: number; stdout: string; stderr: string } | undefined;
  expect(failure, `${script} ${args.join(' ')} succeeded`).toBeDefined();
  expect(failure!.code).toBe(2);
  const [message, usage, ...rest] = failure!.stderr.trim().split('\n');
  expect(message).toMatch(wrong);
  expect(usage).toMatch(/^usage: npm /);
  expect(rest).toEqual([]);
}

describe('npm run job', () => {
  it('runs a job on the data the API wrote, prints a summary line, and writes .eml files', async () => {
    const admin = await tokenFor('agreements-admin');
    await call('POST', '/agreements', { token: admin, body: agreementBody({ title: 'Lewat Perintah', startsOn: '2036-01-01', endsOn: '2036-03-31' }) });
    const port = new URL(database.endpoint).port;
    const { stdout } = await tool('job', ['expiring-agreements', '--today', '2036-03-24', '--dynamodb-port', port], { TABLE_NAME: database.tableName() });
    expect(stdout.trim()).toBe('expiring-agreements 2036-03-24: sent 1, skipped 0, failed 0');
    expect(readOutbox(outbox).map((email) => email.headers.subject)).toEqual(['Kerja sama berakhir dalam 7 hari: Lewat Perintah (31 Maret 2036)']);
  });

  it('opens a new training year: a zero total for each employee, once', async () => {
    expect((await call('PUT', '/employees/198609262015051001', { token: await tokenFor('training-admin'), body: employeeBody() })).status).toBe(201);
    const port = new URL(database.endpoint).port;
    const run = () => tool('job', ['open-training-year', '--today', '2040-01-01', '--dynamodb-port', port], { TABLE_NAME: database.tableName() });
    expect((await run()).stdout.trim()).toMatch(/^open-training-year 2040-01-01: opened [1-9]\d*, employees [1-9]\d*$/);
    expect((await run()).stdout.trim()).toMatch(/^open-training-year 2040-01-01: opened 0, employees [1-9]\d*$/);
  });

  it.concurrent.each([
    [['no-such-job'], /^error: unknown job "no-such-job"$/],
    [['expiring-agreements', '[--today', '2026-12-01]'], /^error: unexpected argument "\[--today" \(brackets in a usage mark what is optional: leave them out\)$/],
    [['expiring-agreements', '--today', '13/01/2027'], /^error: --today must be a date written YYYY-MM-DD, such as 2026-12-01 \(got "13\/01\/2027"\)$/],
    [['expiring-agreements', '--tomorrow'], /^error: unknown option --tomorrow$/],
    [['expiring-agreements', '--today'], /^error: option --today needs a value$/],
    [[], /^error: an argument is missing$/],
  ])('refuses %j with one line and its usage', async (args, wrong) => {
    await expectUsageError('job', args, wrong);
  });

  it('prints its usage for --help', async () => {
    const { stdout } = await tool('job', ['--help']);
    expect(stdout.trim()).toMatch(/^usage: npm run -s job -- <expiring-agreements\|dormant-agreements\|training-compliance\|open-training-year> \[--today YYYY-MM-DD\]/);
  });
});

describe('one DynamoDB Local per data folder', () => {
  const dataDir = join(scratch, 'data');
  let engine: LocalEngine | undefined;
  afterAll(async () => engine?.stop());

  it('refuses a second engine on a held folder; job and seed-demo find the running engine whatever its port', async () => {
    process.env.JALIN_DATA_DIR = dataDir;
    try {
      const port = await freePort();
      engine = await holdDataFolder(port, 'npm start');
      const record = JSON.parse(readFileSync(join(dataDir, 'dynamodb-engine.json'), 'utf8'));
      expect(record).toMatchObject({ port, pid: process.pid, command: 'npm start' });
      await expect(holdDataFolder(await freePort(), 'npm start')).rejects.toThrow(DataFolderHeldError);
      await expect(holdDataFolder(await freePort(), 'npm start')).rejects.toThrow(`held by the DynamoDB Local of \`npm start\` (pid ${process.pid}) on port ${port}`);

      const env = { JALIN_DATA_DIR: dataDir, TABLE_NAME: 'jalin' };
      const seeded = await tool('seed-demo', [], env);
      expect(seeded.stdout.trim()).toMatch(/^demo data: \d+ agreements, \d+ employees, \d+ trainings, \d+ programs loaded$/);
      const job = await tool('job', ['dormant-agreements', '--today', '2026-12-07'], env);
      expect(job.stdout.trim()).toMatch(/^dormant-agreements 2026-12-07: sent \d+, skipped \d+, failed \d+$/);
      // Neither started an engine of its own: the record still names the first one.
      expect(JSON.parse(readFileSync(join(dataDir, 'dynamodb-engine.json'), 'utf8'))).toEqual(record);
    } finally {
      delete process.env.JALIN_DATA_DIR;
    }
    // Stopping releases the folder: the record goes (from the folder it was written in).
    await engine.stop();
    engine = undefined;
    expect(existsSync(join(dataDir, 'dynamodb-engine.json'))).toBe(false);
  });
});
