import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetSettings } from '../../shared/config.ts';
import { tokenFor, useLocalApi } from '../support/api.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';
import { employeeBody, nipFor, trainingBody } from '../support/fixtures/employees.ts';
import { openXlsx } from '../support/xlsx.ts';

const { call, url } = useLocalApi();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let agreementsAdmin: string;
let trainingAdmin: string;
const nip = nipFor(7100);
const otherNip = nipFor(7101);

/** A download as bytes (the JSON helper would read a binary body as text). */
async function download(path: string, token?: string) {
  const response = await fetch(`${url()}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

beforeAll(async () => {
  agreementsAdmin = await tokenFor('agreements-admin');
  trainingAdmin = await tokenFor('training-admin');
  const created = [
    await call('POST', '/agreements', { token: agreementsAdmin, body: agreementBody({ number: '000123/PKS/2026', signedOn: '2026-01-28', startsOn: '2026-01-28', endsOn: '2031-01-27', fields: ['pendidikan', 'kesehatan'] }) }),
    await call('POST', '/agreements', {
      token: agreementsAdmin,
      body: agreementBody({
        kind: 'SISTER_CITY',
        title: '=cmd|" /C calc"!A0',
        partners: [
          { name: 'Seoul Metropolitan Government', category: 'FOREIGN_GOVERNMENT', country: 'KR' },
          { name: '+Tokyo', category: 'FOREIGN_GOVERNMENT', country: 'JP' },
        ],
      }),
    }),
  ];
  for (const response of created) expect(response.status, JSON.stringify(response.body)).toBe(201);
  for (const employee of [nip, otherNip]) expect((await call('PUT', `/employees/${employee}`, { token: trainingAdmin, body: employeeBody() })).status).toBe(201);
  expect((await call('POST', `/employees/${nip}/trainings`, { token: trainingAdmin, body: trainingBody({ certificateNumber: '0012/BPSDM/2026' }) })).status).toBe(201);
});

describe('GET /agreements/export', () => {
  it('answers an XLSX with the list\'s rows: numbers as text, dates as dates, a sheet of partners', async () => {
    const response = await download('/agreements/export?format=xlsx', agreementsAdmin);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="kerja-sama-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const workbook = await openXlsx(response.bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Kerja Sama', 'Mitra']);
    const sheet = workbook.getWorksheet('Kerja Sama')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:M3');
    const row = sheet.getColumn(1).values.findIndex((value) => value === '000123/PKS/2026');
    expect(sheet.getCell(row, 1).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell(row, 7).value).toBe('pendidikan; kesehatan');
    expect(sheet.getCell(row, 8).type).toBe(ExcelJS.ValueType.Date);
    expect((sheet.getCell(row, 8).value as Date).toISOString().slice(0, 10)).toBe('2026-01-28');
    expect(sheet.getColumn(2).values).toContain(`'=cmd|" /C calc"!A0`);
    expect(workbook.getWorksheet('Mitra')!.getColumn(3).values).toEqual(expect.arrayContaining(['Seoul Metropolitan Government', "'+Tokyo"]));
  });

  it('takes the list\'s filters, and answers CSV with a BOM', async () => {
    const list = await call('GET', '/agreements?kind=SISTER_CITY', { token: agreementsAdmin });
    const response = await download('/agreements/export?kind=SISTER_CITY&format=csv', agreementsAdmin);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = response.bytes.toString('utf8');
    expect(text.startsWith('\ufeffNomor,Judul,Jenis,')).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + list.body.items.length);
    expect(text).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(text).toContain(',Seoul Metropolitan Government; +Tokyo,');
  });

  it('refuses paging parameters, an unknown format, and callers who may not read the list', async () => {
    expect((await download('/agreements/export?limit=10', agreementsAdmin)).status).toBe(400);
    expect((await download('/agreements/export?format=pdf', agreementsAdmin)).status).toBe(400);
    expect((await download('/agreements/export')).status).toBe(401);
    expect((await download('/agreements/export', await tokenFor('employee', { nip }))).status).toBe(403);
  });
});

describe('GET /compliance/export', () => {
  it('keeps each 18-digit NIP as text, with hours as numbers', async () => {
    const response = await download('/compliance/export?year=2026&unit=Dinas%20Kesehatan', trainingAdmin);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('kepatuhan-pelatihan-2026-dinas-kesehatan.xlsx');
    const sheet = (await openXlsx(response.bytes)).worksheets[0]!;
    const row = sheet.getColumn(1).values.findIndex((value) => value === nip);
    expect(row).toBeGreaterThan(1);
    expect(sheet.getCell(row, 1).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell(row, 1).numFmt).toBe('@');
    expect(sheet.getCell(row, 5).value).toBe(30);
    expect(sheet.getCell(row, 8).value).toBe('Belum memenuhi');
  });

  it('of every unit: the report of each unit in turn, every employee once', async () => {
    const units = ['Dinas Pendidikan', 'Badan Pendapatan Daerah', 'Biro Hukum'];
    const others = units.map((_, index) => nipFor(7110 + index));
    for (const [index, other] of others.entries()) expect((await call('PUT', `/employees/${other}`, { token: trainingAdmin, body: employeeBody({ unit: units[index] }) })).status).toBe(201);
    const response = await download('/compliance/export?year=2026&format=csv', trainingAdmin);
    expect(response.status).toBe(200);
    const rows = response.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((line) => line.split(','));
    const expected = [];
    for (const unit of [...new Set([...units, 'Dinas Kesehatan'])].sort()) {
      const report = await call('GET', `/compliance?year=2026&unit=${encodeURIComponent(unit)}&limit=100`, { token: trainingAdmin });
      expected.push(...(report.body.items as { nip: string }[]).map((item) => item.nip));
    }
    expect(rows.map((row) => row[0])).toEqual(expected);
    expect(new Set(expected)).toEqual(new Set([nip, otherNip, ...others]));
  });

  it('is for training readers only', async () => {
    expect((await download('/compliance/export', agreementsAdmin)).status).toBe(403);
    expect((await download('/compliance/export', await tokenFor('employee', { nip }))).status).toBe(403);
  });
});

describe('GET /employees/{nip}/trainings/export', () => {
  it('lets an employee export their own records, and no one else\'s', async () => {
    const own = await tokenFor('employee', { nip });
    const response = await download(`/employees/${nip}/trainings/export?year=2026&format=csv`, own);
    expect(response.status).toBe(200);
    expect(response.bytes.toString('utf8')).toContain(`${nip},Pelatihan Kepemimpinan Administrator,BPSDM Provinsi DKI Jakarta,Klasikal,2026-03-02,2026-03-06,30,2026,0012/BPSDM/2026,`);
    expect((await download(`/employees/${otherNip}/trainings/export?year=2026`, own)).status).toBe(403);
    expect((await download(`/employees/${nipFor(7199)}/trainings/export?year=2026`, trainingAdmin)).status).toBe(404);
  });
});

describe('an export too large for a Lambda response', () => {
  beforeAll(() => {
    process.env.EXPORT_INLINE_MAX_BYTES = '2000';
    resetSettings();
  });
  afterAll(() => {
    delete process.env.EXPORT_INLINE_MAX_BYTES;
    resetSettings();
  });

  it('is stored under exports/ and answered 201 with a link that downloads it without a token', async () => {
    const response = await call('GET', '/agreements/export?format=xlsx', { token: agreementsAdmin });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ filename: expect.stringMatching(/^kerja-sama-.*\.xlsx$/), contentType: XLSX, rows: 2, download: { url: expect.stringContaining(`${url()}/files/`) } });
    expect(response.body.size).toBeGreaterThan(2000);
    expect(response.headers.get('location')).toBe(response.body.download.url);

    const file = await fetch(response.body.download.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain(response.body.filename);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.length).toBe(response.body.size);
    expect((await openXlsx(bytes)).getWorksheet('Kerja Sama')!.rowCount).toBe(3);
  });
});

describe('the OpenAPI document', () => {
  it('documents each export as a file (XLSX or CSV) or a download link', async () => {
    const document = (await call('GET', '/openapi.json')).body;
    for (const path of ['/agreements/export', '/compliance/export', '/employees/{nip}/trainings/export']) {
      const responses = document.paths[path].get.responses;
      expect(Object.keys(responses['200'].content), path).toEqual([XLSX, 'text/csv']);
      expect(responses['200'].content[XLSX].schema).toEqual({ type: 'string', contentMediaType: XLSX });
      expect(responses['201'].content['application/json'].schema.properties.download.required).toEqual(['url', 'expiresAt']);
      expect(document.paths[path].get.parameters.map((parameter: { name: string }) => parameter.name)).toContain('format');
    }
  });
});
