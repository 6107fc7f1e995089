import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoEmployees } from '../../infra/local/demo-data-training.ts';
import { seedDemoData } from '../../infra/local/seed-demo-data.ts';
import { agreementOutcomes } from '../../shared/agreements/outcomes.ts';
import { listPrograms } from '../../shared/training/programs/service.ts';
import { importTrainings } from '../../shared/training/import.ts';
import { complianceSummary } from '../../shared/training/service/compliance.ts';
import { useTestTable } from '../support/database.ts';
import { useJobs } from '../support/jobs.ts';

useTestTable();
const { runJob, emails } = useJobs({ TRAINING_ADMIN_EMAILS: 'bpsdm@jakarta.go.id' });
const actor = { subject: 'demo-test', now: new Date('2026-12-01T01:00:00Z') };

describe('the demo data', () => {
  it('loads employees, trainings and programs (twice changes nothing), so compliance, outcomes and reminders show something', async () => {
    const first = await seedDemoData();
    expect(first).toMatch(/, 50 employees, \d+ trainings, 3 programs loaded$/);
    expect(await seedDemoData()).toBe(first);

    const summary = await complianceSummary({ year: 2026, limit: 100 }, new Date());
    expect(summary.items).toHaveLength(5);
    expect(summary.items.reduce((sum, unit) => sum + unit.employees, 0)).toBe(50);
    expect(summary.items.some((unit) => unit.met > 0) && summary.items.some((unit) => unit.unmet > 0)).toBe(true);

    const pkn = (await listPrograms({ year: 2024, limit: 10 }, actor.now)).items.find((program) => program.cohort === 'Angkatan XXXIV')!;
    expect(pkn).toMatchObject({ title: 'Pelatihan Kepemimpinan Nasional Tingkat II', internalParticipants: 5, externalParticipants: 1 });
    expect(await agreementOutcomes(pkn.agreementId!)).toMatchObject({ programs: 1, internalParticipants: 5, externalParticipants: 1, hours: 6 * 225 });

    // December's run (11 months: 36,67 h) reminds whoever is behind, with what was counted.
    const run = await runJob('training-compliance', '2026-12-01');
    expect(run.failed).toBe(0);
    expect(run.sent).toBeGreaterThan(10);
    const reminder = emails().find((email) => email.headers.to === demoEmployees[1]!.email)!;
    expect(reminder.text).toContain('E-Learning Manajemen ASN');
  });

  it('ships an example roster that imports cleanly into it, and once only', async () => {
    const csv = readFileSync(new URL('../../examples/roster-pelatihan.csv', import.meta.url), 'utf8');
    const rows = csv.trim().split('\n').length - 1;
    expect(await importTrainings(csv, actor, 'en')).toEqual({ imported: rows, duplicates: 0, rejectedCount: 0, rejected: [] });
    expect(await importTrainings(csv, actor, 'en')).toMatchObject({ imported: 0, duplicates: rows, rejectedCount: 0 });
  });
});
