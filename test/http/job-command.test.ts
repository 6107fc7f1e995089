import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { tokenFor, useLocalApi } from '../support/api.ts';
import { readOutbox } from '../support/eml.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';

const run = promisify(execFile);
const { call, database } = useLocalApi();
const outbox = mkdtempSync(join(tmpdir(), 'jalin-job-cli-'));
afterAll(() => rmSync(outbox, { recursive: true, force: true }));

describe('npm run job', () => {
  it('runs a job on the data the API wrote, prints a summary line, and writes .eml files', async () => {
    const admin = await tokenFor('agreements-admin');
    await call('POST', '/agreements', { token: admin, body: agreementBody({ title: 'Lewat Perintah', startsOn: '2036-01-01', endsOn: '2036-03-31' }) });
    const port = new URL(database.endpoint).port;
    const { stdout } = await run('npx', ['tsx', 'infra/local/job.ts', 'expiring-agreements', '--today', '2036-03-24', '--dynamodb-port', port], {
      env: { ...process.env, TABLE_NAME: database.tableName(), OUTBOX_DIR: outbox, AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING: '1' },
    });
    expect(stdout.trim()).toBe('expiring-agreements 2036-03-24: sent 1, skipped 0, failed 0');
    expect(readOutbox(outbox).map((email) => email.headers.subject)).toEqual(['Kerja sama berakhir dalam 7 hari: Lewat Perintah (31 Maret 2036)']);
  });

  it('refuses an unknown job with its usage', async () => {
    await expect(run('npx', ['tsx', 'infra/local/job.ts', 'no-such-job'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage: npm run -s job') });
  });
});
