import { beforeAll, describe, expect, it } from 'vitest';
import { tokenFor, useLocalApi } from '../support/api.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';
import { useJobs } from '../support/jobs.ts';

/** One timeline in December 2030, run day by day: tests depend on their order. */
const { call } = useLocalApi();
const { runJob, emails } = useJobs();
let admin: string;
const ids: Record<string, string> = {};

async function create(key: string, endsOn: string) {
  const response = await call('POST', '/agreements', {
    token: admin,
    body: agreementBody({ title: `Kerja Sama ${key}`, startsOn: '2029-01-01', endsOn, contactEmails: [`${key.toLowerCase()}@jakarta.go.id`, 'kerjasama@jakarta.go.id'] }),
  });
  expect(response.status).toBe(201);
  ids[key] = response.body.id;
}

const subjects = () => emails().map((email) => email.headers.subject);

beforeAll(async () => {
  admin = await tokenFor('agreements-admin');
  await create('Alpha', '2031-01-05');
  await create('Bravo', '2030-12-24');
  await create('Charlie', '2030-12-20');
  await create('Delta', '2030-12-10');
  await create('Echo', '2032-01-01');
  await call('PATCH', `/agreements/${ids.Delta}`, { token: admin, headers: { 'if-match': '"1"' }, body: { status: 'TERMINATED', terminationReason: 'Tidak dilanjutkan' } });
});

describe('expiring-agreements', () => {
  it('on a first run, sends one alert per agreement for the nearest threshold crossed', async () => {
    expect(await runJob('expiring-agreements', '2030-12-06')).toEqual({ sent: 3, skipped: 0, failed: 0 });
    expect(subjects().sort()).toEqual([
      'Kerja sama berakhir dalam 14 hari: Kerja Sama Charlie (20 Desember 2030)',
      'Kerja sama berakhir dalam 18 hari: Kerja Sama Bravo (24 Desember 2030)',
      'Kerja sama berakhir dalam 30 hari: Kerja Sama Alpha (5 Januari 2031)',
    ]);
    const alpha = emails().find((email) => email.headers.subject?.includes('Alpha'))!;
    expect(alpha.headers.to).toBe('alpha@jakarta.go.id, kerjasama@jakarta.go.id');
    expect(alpha.headers['content-type']).toMatch(/multipart\/alternative/);
    expect(alpha.text).toContain('Kerja Sama Alpha');
    expect(alpha.html).toContain('<h2>Kerja sama berakhir dalam 30 hari');
  });

  it('sends nothing new when rerun for the same day, or by two runs at once', async () => {
    expect(await runJob('expiring-agreements', '2030-12-06')).toEqual({ sent: 0, skipped: 3, failed: 0 });
    const [first, second] = await Promise.all([runJob('expiring-agreements', '2030-12-06'), runJob('expiring-agreements', '2030-12-06')]);
    expect(first.sent + second.sent).toBe(0);
    expect(emails()).toHaveLength(3);
  });

  it('stops alerting a renewed agreement; its successor has its own thresholds', async () => {
    const renewal = await call('POST', `/agreements/${ids.Charlie}/renewals`, { token: admin, body: { startsOn: '2030-12-07', endsOn: '2031-01-06' } });
    expect(renewal.status).toBe(201);
    // 13 Dec: Charlie (20 Dec) would reach 7 days; it is renewed. Its successor (6 Jan) reaches 30 days... on 7 Dec, already past:
    // the successor is active from 7 Dec and inside the 30-day window, so it gets its own first alert.
    const summary = await runJob('expiring-agreements', '2030-12-13');
    expect(summary.sent).toBe(1);
    expect(subjects().filter((subject) => subject?.includes('Charlie')).sort()).toEqual([
      'Kerja sama berakhir dalam 14 hari: Kerja Sama Charlie (20 Desember 2030)',
      'Kerja sama berakhir dalam 24 hari: Kerja Sama Charlie (6 Januari 2031)',
    ]);
  });

  it('catches up after missed days, once, for the nearest threshold', async () => {
    // 14–17 December missed: Bravo reached 7 days on 17 December.
    expect(await runJob('expiring-agreements', '2030-12-18')).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(subjects()).toContain('Kerja sama berakhir dalam 6 hari: Kerja Sama Bravo (24 Desember 2030)');
  });

  it('works across the year end', async () => {
    // 29 Dec: Alpha (5 Jan 2031) reaches 7 days; Bravo ended on the 24th while runs were missed.
    // Charlie's successor (6 Jan) is 8 days away: its 30-day alert went out, the 7-day one is tomorrow's.
    expect(await runJob('expiring-agreements', '2030-12-29')).toEqual({ sent: 2, skipped: 0, failed: 0 });
    expect(subjects()).toEqual(
      expect.arrayContaining(['Kerja sama berakhir dalam 7 hari: Kerja Sama Alpha (5 Januari 2031)', 'Kerja sama telah berakhir: Kerja Sama Bravo (24 Desember 2030)']),
    );
    expect(await runJob('expiring-agreements', '2030-12-30')).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(subjects()).toContain('Kerja sama berakhir dalam 7 hari: Kerja Sama Charlie (6 Januari 2031)');
    expect(subjects().filter((subject) => subject?.includes('Echo') || subject?.includes('Delta'))).toEqual([]);
  });
});
