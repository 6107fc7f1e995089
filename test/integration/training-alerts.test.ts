import { beforeAll, describe, expect, it } from 'vitest';
import { resetSettings } from '../../shared/config.ts';
import { tokenFor, useLocalApi } from '../support/api.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';
import { employeeBody, nipFor, trainingBody } from '../support/fixtures/employees.ts';
import { useJobs } from '../support/jobs.ts';

const { call } = useLocalApi();
const { runJob, emails } = useJobs({ TRAINING_ADMIN_EMAILS: 'bpsdm@jakarta.go.id,kepala.bpsdm@jakarta.go.id' });
let trainingAdmin: string;
const behind = nipFor(1);
const onTrack = nipFor(2);
const noSupervisor = nipFor(3);

beforeAll(async () => {
  trainingAdmin = await tokenFor('training-admin');
  const put = (nip: string, body: Record<string, unknown>) => call('PUT', `/employees/${nip}`, { token: trainingAdmin, body: employeeBody(body) });
  await put(behind, { name: 'Siti Rahma', email: 'siti.rahma@jakarta.go.id', supervisorEmail: 'atasan.siti@jakarta.go.id', unit: 'Dinas Kesehatan' });
  await put(onTrack, { name: 'Agus Salim', email: 'agus.salim@jakarta.go.id', unit: 'Dinas Kesehatan' });
  await put(noSupervisor, { name: 'Dewi Lestari', email: 'dewi.lestari@jakarta.go.id', unit: 'Dinas Pendidikan' });
  const add = (nip: string, hours: number, endsOn: string) => call('POST', `/employees/${nip}/trainings`, { token: trainingAdmin, body: trainingBody({ title: `Kursus ${hours}`, startsOn: endsOn, endsOn, hours: Math.min(hours, 24) }) });
  await add(behind, 10, '2030-03-10');
  await add(onTrack, 24, '2030-02-10');
  await add(onTrack, 6, '2030-04-10');
  await add(noSupervisor, 24, '2030-05-01');
  await add(noSupervisor, 4, '2030-06-01');
});

const byRecipient = (address: string) => emails().filter((email) => email.headers.to === address);

describe('training-compliance', () => {
  it('within the grace period (1 March), reminds nobody and tells the admins so', async () => {
    expect(await runJob('training-compliance', '2030-03-01')).toEqual({ sent: 1, skipped: 0, failed: 0 });
    const [summary] = byRecipient('bpsdm@jakarta.go.id, kepala.bpsdm@jakarta.go.id');
    expect(summary?.text).toContain('masa tenggang');
    expect(emails().filter((email) => email.headers.subject?.startsWith('Jam pelatihan'))).toEqual([]);
  });

  it('on 1 September, reminds whoever is below 8/12 of the target, supervisor in copy', async () => {
    // Target 40 h; 8 complete months: 26.67 h. Siti 10 h is behind; Agus 30 h and Dewi 28 h are not.
    expect(await runJob('training-compliance', '2030-09-01')).toEqual({ sent: 2, skipped: 0, failed: 0 });
    const [reminder] = byRecipient('siti.rahma@jakarta.go.id');
    expect(reminder?.headers.cc).toBe('atasan.siti@jakarta.go.id');
    expect(reminder?.headers.subject).toBe('Jam pelatihan di bawah target: Siti Rahma (10 dari 26,67 jam, batas 31 Desember 2030)');
    expect(reminder?.text).toContain('target berjalan saat ini 26,67 jam (35,56 JP)');
    // Which trainings were counted, how to report a missing one, and where to see them.
    expect(reminder?.text).toMatch(/Pelatihan +\| Penyelenggara +\| Tanggal +\| Jam +\| JP/);
    expect(reminder?.text).toContain('Kursus 10');
    expect(reminder?.text).toContain('belum tercatat');
    expect(reminder?.text).toContain('Lihat jam pelajaran saya: http://localhost:3000/jam-pelajaran-saya');
    expect(reminder?.html).toContain('<html lang="id">');
    expect(reminder?.html).toContain('href="http://localhost:3000/jam-pelajaran-saya"');
    expect(reminder?.text).toContain('Hormat kami,\nBPSDM Provinsi DKI Jakarta');
    expect(reminder?.headers['reply-to']).toBe('bpsdm@localhost');
    expect(reminder?.headers['list-unsubscribe']).toMatch(/^<http:\/\/localhost:3000\/jam-pelajaran-saya#pengingat>, <mailto:bpsdm@localhost\?subject=/);
    const summary = byRecipient('bpsdm@jakarta.go.id, kepala.bpsdm@jakarta.go.id').find((email) => email.headers.subject?.includes('September'));
    expect(summary?.headers.subject).toContain('1 ASN di bawah 26,67 jam');
    expect(summary?.text).toContain('http://localhost:3000/pelatihan');
    expect(summary?.headers['list-unsubscribe']).toBeUndefined();
    expect(summary?.html).toContain('<td>Dinas Kesehatan</td><td>2</td><td>1</td><td>50%</td>');
    expect(summary?.html).toContain('<td>Dinas Pendidikan</td><td>1</td><td>0</td><td>100%</td>');
  });

  it('sends nothing new when rerun in the same month', async () => {
    expect(await runJob('training-compliance', '2030-09-01')).toEqual({ sent: 0, skipped: 2, failed: 0 });
  });

  it('in January, checks the previous year against the full target, in English when configured', async () => {
    process.env.ALERT_LANGUAGE = 'en';
    resetSettings();
    try {
      // Full 40 h: all three are short for 2030.
      expect(await runJob('training-compliance', '2031-01-01')).toEqual({ sent: 4, skipped: 0, failed: 0 });
    } finally {
      delete process.env.ALERT_LANGUAGE;
      resetSettings();
    }
    const finals = emails().filter((email) => email.headers.subject?.startsWith('Training target for 2030 not met'));
    expect(finals.map((email) => email.headers.subject).sort()).toEqual([
      'Training target for 2030 not met: Agus Salim (30 of 40 hours)',
      'Training target for 2030 not met: Dewi Lestari (28 of 40 hours)',
      'Training target for 2030 not met: Siti Rahma (10 of 40 hours)',
    ]);
    expect(finals.find((email) => email.headers.to === 'dewi.lestari@jakarta.go.id')?.headers.cc).toBeUndefined();
  });

  it('never emails an employee who turned reminders off (their own switch; kept when the profile is replaced), and does again once on', async () => {
    const siti = await tokenFor('employee', { nip: behind });
    const off = await call('PUT', `/employees/${behind}/reminders`, { token: siti, body: { remind: false } });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ nip: behind, remindersOff: true });
    expect((await call('PUT', `/employees/${onTrack}/reminders`, { token: siti, body: { remind: false } })).status).toBe(403);
    // A roster or a profile edit replaces the profile: the employee's choice stays.
    const replaced = await call('PUT', `/employees/${behind}`, { token: trainingAdmin, headers: { 'if-match': '*' }, body: employeeBody({ name: 'Siti Rahma', email: 'siti.rahma@jakarta.go.id', unit: 'Dinas Kesehatan' }) });
    expect(replaced.body).toMatchObject({ remindersOff: true, version: (off.body as { version: number }).version + 1 });
    // October 2031: no hours yet in 2031, all three behind; Siti is counted in the summary but not emailed.
    const sent = (address: string) => byRecipient(address).length;
    const [sitiBefore, agusBefore] = [sent('siti.rahma@jakarta.go.id'), sent('agus.salim@jakarta.go.id')];
    expect(await runJob('training-compliance', '2031-10-01')).toEqual({ sent: 3, skipped: 0, failed: 0 });
    expect(sent('siti.rahma@jakarta.go.id')).toBe(sitiBefore);
    expect(sent('agus.salim@jakarta.go.id')).toBe(agusBefore + 1);
    const october = byRecipient('bpsdm@jakarta.go.id, kepala.bpsdm@jakarta.go.id').find((email) => email.headers.subject?.includes('per 1 Oktober 2031'));
    expect(october?.html).toContain('<td>Dinas Kesehatan</td><td>2</td><td>2</td>');
    // The admins learn that one employee behind will not hear from Jalin.
    expect(october?.text).toContain('1 ASN di bawah target telah mematikan email pengingat dan tidak menerimanya bulan ini.');

    // Asking twice writes nothing twice; on again, reminded the next month.
    const again = await call('PUT', `/employees/${behind}/reminders`, { token: trainingAdmin, body: { remind: false } });
    expect(again.headers.get('etag')).toBe(replaced.headers.get('etag'));
    const on = await call('PUT', `/employees/${behind}/reminders`, { token: trainingAdmin, body: { remind: true } });
    expect(on.body).not.toHaveProperty('remindersOff');
    expect(await runJob('training-compliance', '2031-11-01')).toEqual({ sent: 4, skipped: 0, failed: 0 });
    expect(sent('siti.rahma@jakarta.go.id')).toBe(sitiBefore + 1);
    expect(byRecipient('bpsdm@jakarta.go.id, kepala.bpsdm@jakarta.go.id').filter((email) => email.text?.includes('mematikan email pengingat'))).toHaveLength(1);
  });
});

describe('dormant-agreements', () => {
  it('lists active agreements without recent training in one digest per owner unit, once a week', async () => {
    const admin = await tokenFor('agreements-admin');
    const create = async (title: string, ownerUnit: string, contactEmails: string[]) =>
      (await call('POST', '/agreements', { token: admin, body: agreementBody({ title, ownerUnit, contactEmails, startsOn: '2029-01-01', endsOn: '2032-12-31' }) })).body.id as string;
    await create('MoU Tidur', 'Biro Kerja Sama Daerah', ['bksd@jakarta.go.id']);
    await create('Sister City Sunyi', 'Biro Kerja Sama Daerah', ['bksd@jakarta.go.id', 'protokol@jakarta.go.id']);
    const alive = await create('MoU Hidup', 'BPSDM', ['bpsdm@jakarta.go.id']);
    await create('PKS Muda', 'BPSDM', ['bpsdm@jakarta.go.id']).then(() => undefined);
    await call('POST', `/employees/${behind}/trainings`, { token: trainingAdmin, body: trainingBody({ title: 'Diklat Mitra', startsOn: '2030-08-01', endsOn: '2030-08-02', hours: 16, agreementId: alive }) });

    expect(await runJob('dormant-agreements', '2030-10-07')).toMatchObject({ sent: 2, failed: 0 });
    const digest = emails().find((email) => email.headers.subject?.includes('Biro Kerja Sama Daerah'));
    expect(digest?.headers.subject).toBe('2 kerja sama tanpa kegiatan 180 hari terakhir: Biro Kerja Sama Daerah');
    expect(digest?.headers.to).toBe('bksd@jakarta.go.id, protokol@jakarta.go.id');
    const bpsdm = emails().find((email) => email.headers.subject?.endsWith(': BPSDM'));
    expect(bpsdm?.text).toContain('PKS Muda');
    expect(bpsdm?.text).not.toContain('MoU Hidup');
    expect((await runJob('dormant-agreements', '2030-10-09')).sent).toBe(0);
    expect((await runJob('dormant-agreements', '2030-10-14')).sent).toBe(2);
  });
});
