import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { JobSummary } from '../../shared/alerts/deliver.ts';
import type { JobName } from '../../shared/alerts/job-table.ts';
import { jobs } from '../../shared/alerts/job-table.ts';
import { resetSettings, settings } from '../../shared/config.ts';
import { useLocalMailer } from '../../shared/email/mailer.ts';
import { outboxMailer } from '../../shared/email/outbox.ts';
import { loadHandler } from '../../infra/local/functions.ts';
import { readOutbox } from './eml.ts';

/**
 * Runs scheduled jobs through their Lambda handlers (as `npm run job` does) with the .eml
 * outbox in a temporary folder of the test file.
 */
export function useJobs(environment: Record<string, string> = {}) {
  const outbox = mkdtempSync(join(tmpdir(), 'jalin-outbox-'));
  beforeAll(() => {
    Object.assign(process.env, { OUTBOX_DIR: outbox, ...environment });
    resetSettings();
    useLocalMailer(() => outboxMailer(outbox, settings().ALERT_SENDER));
  });
  afterAll(() => rmSync(outbox, { recursive: true, force: true }));

  async function runJob(name: JobName, today: string): Promise<JobSummary> {
    const job = jobs.find((candidate) => candidate.name === name)!;
    const handler = await loadHandler<(event: unknown) => Promise<JobSummary>>(job.handler);
    const { sent, skipped, failed } = await handler({ today });
    return { sent, skipped, failed };
  }

  return { runJob, emails: () => readOutbox(outbox), outbox };
}
