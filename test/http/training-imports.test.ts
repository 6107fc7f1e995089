import { beforeAll, describe, expect, it } from 'vitest';
import { settleFileConsumers } from '../../infra/local/files.ts';
import { tokenFor, untilServed, useLocalApi } from '../support/api.ts';
import { employeeBody, nipFor } from '../support/fixtures/employees.ts';

const { call } = useLocalApi();
let admin: string;
let auditor: string;
const nips = Array.from({ length: 4 }, (_, index) => nipFor(2_000 + index));

beforeAll(async () => {
  admin = await tokenFor('training-admin');
  auditor = await tokenFor('auditor');
  for (const nip of nips) expect((await untilServed(() => call('PUT', `/employees/${nip}`, { token: admin, body: employeeBody() }))).status).toBe(201);
});

/** The import once every consumer the uploads started has finished (awaited, not slept). */
async function settled(id: string) {
  await settleFileConsumers();
  const response = await call('GET', `/training-imports/${id}`, { token: auditor });
  expect(response.status).toBe(200);
  return response.body;
}

const roster = [
  'NIP;Judul;Penyelenggara;Metode;Tanggal Mulai;Tanggal Selesai;Jam',
  ...nips.map((nip) => `${nip};Bimtek Arsip;ANRI;Nonklasikal;01/09/2026;02/09/2026;6,5`),
  `1.98609E+17;Bimtek Arsip;ANRI;Nonklasikal;01/09/2026;02/09/2026;6,5`,
  `${nips[0]};Bimtek Arsip Lanjut;ANRI;Daring;01/09/2026;02/09/2026;6`,
].join('\r\n');

describe('POST /training-imports', () => {
  it('takes a roster through the returned upload URL and imports it in the background', async () => {
    const body = Buffer.from(`\uFEFF${roster}\r\n`);
    const created = await call('POST', '/training-imports', { token: admin, body: { filename: 'roster-september.csv', size: body.length } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('location')).toBe(`/training-imports/${created.body.id}`);
    expect(created.body).toMatchObject({ status: 'QUEUED', filename: 'roster-september.csv', upload: { method: 'PUT', headers: { 'content-type': 'text/csv' } } });

    const put = await fetch(created.body.upload.url, { method: 'PUT', headers: created.body.upload.headers, body });
    expect(put.status).toBe(200);
    const done = await settled(created.body.id);
    expect(done).toMatchObject({ kind: 'trainings', status: 'DONE', rows: { total: 6, processed: 6, imported: 4, duplicates: 0, rejected: 2 } });
    expect(done.finishedAt).toBeDefined();
    const summary = await call('GET', `/employees/${nips[1]}/training-summary?year=2026`, { token: admin });
    expect(summary.body.hours).toBe(6.5);

    const rejected = await call('GET', `/training-imports/${created.body.id}/rejected`, { token: auditor });
    expect(rejected.status).toBe(200);
    expect(rejected.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (rejected.body as string).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('NIP;Judul;Penyelenggara;Metode;Tanggal Mulai;Tanggal Selesai;Jam;line;errors');
    expect(lines[1]).toMatch(/^1\.98609E\+17;.*;6;"nip looks like a number Excel rounded .*format the NIP column as Text/);
    expect(lines[2]).toMatch(/;7;"?method must be one of CLASSICAL, NON_CLASSICAL, Klasikal, Nonklasikal/);

    const listed = await call('GET', '/training-imports?limit=5', { token: auditor });
    expect(listed.body.items[0]).toMatchObject({ id: created.body.id, status: 'DONE' });
  });

  it('takes a roster in the body with 202 and a Location to follow; a re-import counts every row a duplicate', async () => {
    const first = await call('POST', '/training-imports', { token: admin, rawBody: roster, headers: { 'content-type': 'text/csv' } });
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    expect(first.headers.get('location')).toBe(`/training-imports/${first.body.id}`);
    expect(first.body).toMatchObject({ kind: 'trainings', status: 'QUEUED', rows: { total: 0 } });
    expect(await settled(first.body.id)).toMatchObject({ status: 'DONE', rows: { imported: 0, duplicates: 4, rejected: 2 } });
    expect((await call('GET', `/employees/${nips[1]}/training-summary?year=2026`, { token: admin })).body.hours).toBe(6.5);
  });

  it('imports employees (a SIMPEG export) by the same path, creating and updating them', async () => {
    const newcomer = nipFor(2_100);
    const csv = `NIP,Nama,Unit Kerja,Jabatan,Email,Email Atasan\n${newcomer},Siti Aminah,Dinas Pendidikan,Guru,siti@jakarta.go.id,kepala@jakarta.go.id\n${nips[2]},Budi Santoso,Dinas Kesehatan,Kepala Seksi,budi.santoso@jakarta.go.id,\n`;
    const created = await call('POST', '/training-imports', { token: admin, rawBody: csv, headers: { 'content-type': 'text/csv' } });
    expect(created.status).toBe(202);
    expect(await settled(created.body.id)).toMatchObject({ kind: 'employees', status: 'DONE', rows: { imported: 2, rejected: 0 } });
    expect((await call('GET', `/employees/${newcomer}`, { token: admin })).body).toMatchObject({ name: 'Siti Aminah', supervisorEmail: 'kepala@jakarta.go.id' });
    expect((await call('GET', `/employees/${nips[2]}`, { token: admin })).body).toMatchObject({ position: 'Kepala Seksi', version: 2 });
  });

  it('refuses an unusable header at once, a body over 5 MB, and an upload over 50 MB', async () => {
    const header = await call('POST', '/training-imports', { token: admin, rawBody: 'nip;catatan\n1;2', headers: { 'content-type': 'text/csv' } });
    expect(header.status).toBe(400);
    expect(header.body.errors[0]).toMatchObject({ path: 'header', message: expect.stringMatching(/unknown column "catatan"/) });
    const big = await call('POST', '/training-imports', { token: admin, rawBody: `nip\n${'1\n'.repeat(2_700_000)}`, headers: { 'content-type': 'text/csv' } });
    expect(big.status).toBe(413);
    const huge = await call('POST', '/training-imports', { token: admin, body: { filename: 'x.csv', size: 60 * 1_048_576 } });
    expect(huge.status).toBe(400);
    expect(huge.body.errors[0].path).toBe('size');
  });

  it('lets an auditor read but not import, and answers 404 for an unknown import', async () => {
    expect((await call('POST', '/training-imports', { token: auditor, body: { filename: 'x.csv', size: 10 } })).status).toBe(403);
    expect((await call('GET', '/training-imports/does-not-exist', { token: auditor })).status).toBe(404);
    expect((await call('GET', '/training-imports/does-not-exist/rejected', { token: admin })).status).toBe(404);
  });
});
