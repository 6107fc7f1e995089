import { beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS } from '../../shared/training/import.ts';
import { tokenFor, useLocalApi } from '../support/api.ts';
import { employeeBody, nipFor } from '../support/fixtures/employees.ts';

const { call } = useLocalApi();
let admin: string;
const header = IMPORT_COLUMNS.join(',');

beforeAll(async () => {
  admin = await tokenFor('training-admin');
  await Promise.all(
    Array.from({ length: 30 }, (_, index) => call('PUT', `/employees/${nipFor(index)}`, { token: admin, body: employeeBody({ unit: 'Peserta PKN II' }) })),
  );
});

const importCsv = (csv: string) => call('POST', '/trainings/import', { token: admin, rawBody: csv, headers: { 'content-type': 'text/csv' } });
const hoursOf = async (nip: string, year: number) => (await call('GET', `/employees/${nip}/training-summary?year=${year}`, { token: admin })).body.hours;

describe('POST /trainings/import', () => {
  it('imports a roster of 30 for a 107-day course in one call, and a re-import changes nothing', async () => {
    const rows = Array.from({ length: 30 }, (_, index) => `${nipFor(index)},PKN Tingkat II Angkatan XXXIV,BPSDM Provinsi DKI Jakarta,CLASSICAL,2024-08-12,2024-12-13,856,,PKN2-34-${index + 1}`);
    const csv = [header, ...rows].join('\n');
    const first = await importCsv(csv);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ imported: 30, duplicates: 0, rejected: [] });
    expect(await hoursOf(nipFor(7), 2024)).toBe(856);

    const again = await importCsv(csv);
    expect(again.body).toEqual({ imported: 0, duplicates: 30, rejected: [] });
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
});
