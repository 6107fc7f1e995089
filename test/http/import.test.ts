import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../shared/db/client.ts';
import { IMPORT_COLUMNS, MAX_SYNC_ROWS } from '../../shared/training/import.ts';
import { tokenFor, untilServed, useLocalApi } from '../support/api.ts';
import { employeeBody, nipFor } from '../support/fixtures/employees.ts';

const { call } = useLocalApi();
let admin: string;
const header = IMPORT_COLUMNS.join(',');

beforeAll(async () => {
  admin = await tokenFor('training-admin');
  const created = await Promise.all(
    Array.from({ length: 30 }, (_, index) => untilServed(() => call('PUT', `/employees/${nipFor(index)}`, { token: admin, body: employeeBody({ unit: 'Peserta PKN II' }) }))),
  );
  expect(created.map((response) => response.status)).toEqual(Array(30).fill(201));
});

const importCsv = (csv: string, headers: Record<string, string> = {}) =>
  call('POST', '/trainings/import', { token: admin, rawBody: csv, headers: { 'content-type': 'text/csv', ...headers } });
const hoursOf = async (nip: string, year: number) => (await call('GET', `/employees/${nip}/training-summary?year=${year}`, { token: admin })).body.hours;

describe('POST /trainings/import', () => {
  it('imports a roster of 30 for a 107-day course in one call, and a re-import changes nothing', async () => {
    const rows = Array.from({ length: 30 }, (_, index) => `${nipFor(index)},PKN Tingkat II Angkatan XXXIV,BPSDM Provinsi DKI Jakarta,CLASSICAL,2024-08-12,2024-12-13,856,,PKN2-34-${index + 1}`);
    const csv = [header, ...rows].join('\n');
    const first = await importCsv(csv);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ imported: 30, duplicates: 0, rejectedCount: 0, rejected: [] });
    expect(await hoursOf(nipFor(7), 2024)).toBe(856);

    const again = await importCsv(csv);
    expect(again.body).toEqual({ imported: 0, duplicates: 30, rejectedCount: 0, rejected: [] });
    expect(await hoursOf(nipFor(7), 2024)).toBe(856);
  });

  it('stores the good rows and reports each bad one by line', async () => {
    const csv = [
      header,
      `${nipFor(1)},Workshop Perencanaan,Bappeda,CLASSICAL,2025-02-03,2025-02-04,16,,`,
      `${nipFor(2)},Workshop Perencanaan,Bappeda,CLASSICAL,2025-02-04,2025-02-03,16,,`,
      `19860926201505100,Workshop Perencanaan,Bappeda,CLASSICAL,2025-02-03,2025-02-04,16,,`,
      `${nipFor(500)},Workshop Perencanaan,Bappeda,CLASSICAL,2025-02-03,2025-02-04,16,,`,
      `${nipFor(3)},"Coaching, Mentoring",Inspektorat,NON_CLASSICAL,2025-03-01,2025-03-01,2.5,,`,
      `${nipFor(4)},Workshop Perencanaan,Bappeda,ONLINE,2025-02-03,2025-02-04,abc,,`,
      '',
      `${nipFor(5)},Kajian,LAN,CLASSICAL,2025-02-03,2025-02-04,8,missing-agreement,`,
      `${nipFor(1)},Workshop Perencanaan,Bappeda,CLASSICAL,2025-02-03,2025-02-04,16,,`,
    ].join('\r\n');
    const response = await importCsv(csv);
    expect(response.status).toBe(200);
    expect(response.body.imported).toBe(2);
    expect(response.body.duplicates).toBe(1);
    expect(response.body.rejected.map((row: { line: number }) => row.line)).toEqual([3, 4, 5, 7, 9]);
    const byLine = Object.fromEntries(response.body.rejected.map((row: { line: number; errors: string[] }) => [row.line, row.errors.join(' | ')]));
    expect(byLine[3]).toMatch(/endsOn/);
    expect(byLine[4]).toMatch(/nip .*18 digits/);
    expect(byLine[5]).toMatch(/no registered employee/);
    expect(byLine[7]).toMatch(/method/);
    expect(byLine[7]).toMatch(/hours/);
    expect(byLine[9]).toMatch(/agreement/);
    expect(await hoursOf(nipFor(1), 2025)).toBe(16);
    expect(await hoursOf(nipFor(2), 2025)).toBe(0);
    expect(await hoursOf(nipFor(3), 2025)).toBe(2.5);
  });

  it('refuses a wrong header, a wrong content type and a file over 5 MB', async () => {
    const wrongHeader = await importCsv('nip,title\n1,2');
    expect(wrongHeader.status).toBe(400);
    expect(wrongHeader.body.errors[0].path).toBe('header');
    expect((await call('POST', '/trainings/import', { token: admin, rawBody: `${header}\n`, headers: { 'content-type': 'application/json' } })).status).toBe(415);
    const big = `${header}\n${`${nipFor(1)},${'x'.repeat(200)},P,CLASSICAL,2025-01-01,2025-01-01,1,,\n`.repeat(26_000)}`;
    expect(big.length).toBeGreaterThan(5 * 1_048_576);
    const tooBig = await importCsv(big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers.get('content-type')).toBe('application/problem+json');
  });

  it('refuses CSV that cannot be parsed with 400', async () => {
    const response = await importCsv(`${header}\n"unterminated,quote`);
    expect(response.status).toBe(400);
  });

  it('honours Idempotency-Key: a retry replays the first response, the same key with another file is 422', async () => {
    const row = (index: number) => `${nipFor(index)},Bimtek Arsip Digital,ANRI,CLASSICAL,2025-06-02,2025-06-03,12,,`;
    const csv = [header, row(10), row(11)].join('\n');
    const first = await importCsv(csv, { 'idempotency-key': 'roster-1' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ imported: 2, duplicates: 0 });

    const retry = await importCsv(csv, { 'idempotency-key': 'roster-1' });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);

    const other = await importCsv([header, row(12)].join('\n'), { 'idempotency-key': 'roster-1' });
    expect(other.status, JSON.stringify(other.body)).toBe(422);
    expect(other.headers.get('content-type')).toBe('application/problem+json');
    expect(await hoursOf(nipFor(12), 2025)).toBe(0);
    expect(await hoursOf(nipFor(10), 2025)).toBe(12);
  });

  it('refuses a row with hours 1e-300 (or 1e1, 0x8) and keeps the rows around it: never a 5xx, every row accounted for', async () => {
    const row = (index: number, hours: string) => `${nipFor(index)},Bimtek Kearsipan ${index},ANRI,CLASSICAL,2025-07-01,2025-07-02,${hours},,`;
    const csv = [header, row(13, '8'), row(14, '1e-300'), row(15, '1e1'), row(16, '0x8'), row(17, '"7,5"'), row(18, '7.25'), row(19, '-2'), row(20, 'Infinity')].join('\n');
    const response = await importCsv(csv);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ imported: 3, duplicates: 0, rejectedCount: 5 });
    expect(response.body.rejected.map((rejected: { line: number }) => rejected.line)).toEqual([3, 4, 5, 8, 9]);
    for (const rejected of response.body.rejected) expect(rejected.errors.join(' | ')).toMatch(/^hours must be a plain number of hours such as 7\.5 or 7,5/);
    expect(await hoursOf(nipFor(13), 2025)).toBe(8);
    expect(await hoursOf(nipFor(17), 2025)).toBe(7.5);
    expect(await hoursOf(nipFor(18), 2025)).toBe(7.25);
    for (const index of [14, 15, 16, 19, 20]) expect(await hoursOf(nipFor(index), 2025)).toBe(0);
  });

  it('words each rejected row in the caller\'s language', async () => {
    const csv = [header, `${nipFor(23)},Bimtek Arsip,ANRI,Daring,2025-07-01,2025-07-02,1e1,,`].join('\n');
    const response = await importCsv(csv, { 'accept-language': 'id-ID,id;q=0.9,en;q=0.5' });
    expect(response.headers.get('content-language')).toBe('id');
    expect(response.body.rejected).toEqual([
      { line: 2, errors: ['hours harus berupa angka jam biasa seperti 7,5 atau 7.5 (bukan "1e1")', expect.stringMatching(/^method harus salah satu dari CLASSICAL, NON_CLASSICAL, Klasikal, Nonklasikal.* \(bukan "Daring"\)$/)] },
    ]);
  });

  it('refuses a row with values beyond the header, naming them, and names unknown header columns', async () => {
    const csv = [header, `${nipFor(21)},Rapat Koordinasi,Bappeda,CLASSICAL,2025-08-04,2025-08-04,4,,,catatan rahasia,99`, `${nipFor(22)},Rapat Koordinasi,Bappeda,CLASSICAL,2025-08-04,2025-08-04,4,,,,`].join('\n');
    const response = await importCsv(csv);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ imported: 1, rejectedCount: 1 });
    expect(response.body.rejected[0].line).toBe(2);
    expect(response.body.rejected[0].errors[0]).toMatch(/2 value\(s\) beyond the 9 columns.*"catatan rahasia", "99"/);
    expect(await hoursOf(nipFor(21), 2025)).toBe(0);
    expect(await hoursOf(nipFor(22), 2025)).toBe(4);

    const extraColumn = await importCsv(`${header},remarks,Angkatan\n`);
    expect(extraColumn.status).toBe(400);
    expect(extraColumn.body.errors[0]).toMatchObject({ path: 'header', message: expect.stringMatching(/unknown columns "remarks", "Angkatan"/) });
    const missingColumn = await importCsv(`${IMPORT_COLUMNS.filter((column) => column !== 'hours').join(',')}\n`);
    expect(missingColumn.body.errors[0].message).toMatch(/missing hours/);
  });

  it('answers a roster of 1,000 bad rows (its bound) with the first 100 in full and the total count, and refuses 1,001 rows with a 413 that points to the background import', async () => {
    const bad = `${nipFor(23)},${'Judul '.repeat(60)},${'P'.repeat(250)},ONLINE,2025-13-01,2025-02-30,1e9,bad id!,${'C'.repeat(120)}`;
    const rows = Array.from({ length: MAX_SYNC_ROWS }, () => bad);
    const csv = [header, ...rows].join('\n');
    const tooMany = await importCsv(`${csv}\n${bad}`);
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.detail).toMatch(/1001 rows.*at most 1000.*POST \/training-imports/);
    const response = await importCsv(csv);
    expect(response.status).toBe(200);
    expect(response.body.rejectedCount).toBe(rows.length);
    expect(response.body.rejected).toHaveLength(100);
    expect(response.body.rejected[99].line).toBe(101);
    expect(response.body.rejectedNote).toMatch(new RegExp(`first 100 of the ${rows.length} rejected rows`));
    expect(JSON.stringify(response.body).length).toBeLessThan(200_000);
  });

  it('reports a row that the store refuses, and records no Idempotency-Key result while a row only needs a retry', async () => {
    // The store fails the writes of two courses: one for good (as DynamoDB refuses a value), one for now.
    const failures: Record<string, string> = { 'Kursus Ditolak': 'ValidationException', 'Kursus Lambat': 'TimeoutError' };
    const failing = new Set(Object.keys(failures));
    const name = 'import-store-failures';
    db().middlewareStack.add(
      (next, context) => async (args) => {
        const input = JSON.stringify(args.input);
        const title = [...failing].find((candidate) => input.includes(candidate));
        if (context.commandName === 'TransactWriteItemsCommand' && title) throw Object.assign(new Error('injected'), { name: failures[title] });
        return next(args);
      },
      { step: 'initialize', name },
    );
    const row = (index: number, title: string) => `${nipFor(index)},${title},BPSDM,CLASSICAL,2025-09-01,2025-09-01,6,,`;
    const csv = [header, row(24, 'Kursus Baik'), row(25, 'Kursus Ditolak'), row(26, 'Kursus Lambat')].join('\n');
    try {
      const first = await importCsv(csv, { 'idempotency-key': 'roster-faults' });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body).toMatchObject({ imported: 1, rejectedCount: 2 });
      expect(first.body.rejected).toEqual([
        { line: 3, errors: ['the row could not be stored; check its values'] },
        { line: 4, errors: [expect.stringMatching(/did not answer in time; import the file again/)] },
      ]);
      // Nothing stored at all, and only passing failures: a plain 503 to retry.
      const onlySlow = await importCsv([header, row(27, 'Kursus Lambat')].join('\n'));
      expect(onlySlow.status).toBe(503);
      expect(onlySlow.headers.get('retry-after')).toMatch(/^\d+$/);

      failing.delete('Kursus Lambat');
      const retry = await importCsv(csv, { 'idempotency-key': 'roster-faults' });
      expect(retry.body).toMatchObject({ imported: 1, duplicates: 1, rejectedCount: 1 });
      expect(await importCsv(csv, { 'idempotency-key': 'roster-faults' })).toMatchObject({ status: 200, body: retry.body });
    } finally {
      db().middlewareStack.remove(name);
    }
    expect(await hoursOf(nipFor(24), 2025)).toBe(6);
    expect(await hoursOf(nipFor(25), 2025)).toBe(0);
    expect(await hoursOf(nipFor(26), 2025)).toBe(6);
  });
});
