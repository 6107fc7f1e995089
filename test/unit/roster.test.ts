import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkEmployeeRow, checkTrainingRow, detectDelimiter, excelNipProblem, isoDate, parseRoster, readRosterHeader, type RowCheck } from '../../shared/training/imports/roster.ts';
import { rejectedCsv } from '../../shared/training/imports/rejected-csv.ts';
import { rowErrorsText } from '../../shared/training/imports/row-errors.ts';
import type { Language } from '../../shared/i18n/messages.ts';
import { nipFor } from '../support/fixtures/employees.ts';

/** Why a row was refused, worded in `language` (none for a row accepted). */
const reasonsOf = (check: RowCheck<unknown>, language: Language) => (check.ok ? [] : rowErrorsText(check.errors, language));

const nip = nipFor(3);

describe('roster files as Indonesian spreadsheets write them', () => {
  it('reads a semicolon file with a BOM, CRLF, Indonesian headers, dd/mm/yyyy dates, decimal commas and Klasikal', () => {
    const csv = `\uFEFFNIP;Judul;Penyelenggara;Metode;Tanggal Mulai;Tanggal Selesai;Jam;Nomor Sertifikat\r\n${nip};Pelatihan Dasar;BPSDM;Klasikal;02/03/2026;6/3/2026;7,5;\r\n`;
    const { header, rows } = parseRoster(csv);
    expect(header).toMatchObject({ kind: 'trainings', delimiter: ';', columns: ['nip', 'title', 'provider', 'method', 'startsOn', 'endsOn', 'hours', 'certificateNumber'] });
    expect(rows).toEqual([{ line: 2, fields: [nip, 'Pelatihan Dasar', 'BPSDM', 'Klasikal', '02/03/2026', '6/3/2026', '7,5', ''] }]);
    expect(checkTrainingRow(header, rows[0]!)).toEqual({
      ok: true,
      entry: { nip, title: 'Pelatihan Dasar', provider: 'BPSDM', method: 'CLASSICAL', startsOn: '2026-03-02', endsOn: '2026-03-06', hours: 7.5 },
    });
  });

  it('accepts the method codes and the Indonesian words, and names the accepted words otherwise', () => {
    const { header } = parseRoster('nip,title,provider,method,startsOn,endsOn,hours');
    const method = (word: string) => checkTrainingRow(header, { line: 2, fields: [nip, 'Webinar', 'LAN', word, '2026-03-02', '2026-03-02', '2'] });
    for (const word of ['NON_CLASSICAL', 'Nonklasikal', 'non-klasikal', 'Non Klasikal']) expect(method(word)).toMatchObject({ ok: true, entry: { method: 'NON_CLASSICAL' } });
    for (const word of ['CLASSICAL', 'klasikal', 'KLASIKAL']) expect(method(word)).toMatchObject({ ok: true, entry: { method: 'CLASSICAL' } });
    const refused = method('Daring');
    expect(refused).toMatchObject({ ok: false, errors: [{ path: 'method', code: 'ROSTER_METHOD_UNKNOWN' }] });
    expect(reasonsOf(refused, 'en')).toEqual(['method must be one of CLASSICAL, NON_CLASSICAL, Klasikal, Nonklasikal (or Non-klasikal) (not "Daring")']);
    expect(reasonsOf(refused, 'id')).toEqual(['method harus salah satu dari CLASSICAL, NON_CLASSICAL, Klasikal, Nonklasikal (or Non-klasikal) (bukan "Daring")']);
  });

  it('rejects NIPs that Excel rounded, saying to format the column as Text', () => {
    expect(excelNipProblem('1.98609E+17')?.message).toMatch(/Excel rounded.*format the NIP column as Text/);
    expect(excelNipProblem('198609262015051000')?.message).toMatch(/format the NIP column as Text/);
    expect(excelNipProblem(nip)).toBeUndefined();
    const { header } = parseRoster('nip;nama;unit kerja;jabatan;email;email atasan');
    const row = checkEmployeeRow(header, { line: 2, fields: ['1,98609E+17', 'Budi', 'Dinas Kesehatan', '', 'budi@jakarta.go.id', ''] });
    expect(reasonsOf(row, 'en')).toEqual([expect.stringMatching(/^nip looks like a number Excel rounded \("1,98609E\+17"\): format the NIP column as Text/)]);
    expect(reasonsOf(row, 'id')).toEqual([expect.stringMatching(/^nip tampaknya angka yang dibulatkan Excel \("1,98609E\+17"\): format kolom NIP sebagai Teks/)]);
  });

  it('reads an employees roster (a SIMPEG/BKD export) by its header', () => {
    const { header, rows } = parseRoster(`NIP,Nama,Unit Kerja,Jabatan,Email,Email Atasan\n${nip},Siti Aminah,Dinas Kesehatan,Analis,siti@jakarta.go.id,kepala@jakarta.go.id\n`);
    expect(header.kind).toBe('employees');
    expect(checkEmployeeRow(header, rows[0]!)).toEqual({
      ok: true,
      entry: { nip, name: 'Siti Aminah', unit: 'Dinas Kesehatan', position: 'Analis', email: 'siti@jakarta.go.id', supervisorEmail: 'kepala@jakarta.go.id' },
    });
  });

  it('reads the shipped employees example without a rejected row', () => {
    const { header, rows } = parseRoster(readFileSync(new URL('../../examples/roster-pegawai.csv', import.meta.url), 'utf8'));
    expect(header.kind).toBe('employees');
    expect(rows.map((row) => checkEmployeeRow(header, row)).filter((check) => !check.ok)).toEqual([]);
  });

  it('names unknown and missing columns, and the names it accepts', () => {
    expect(() => readRosterHeader('nip;judul;catatan')).toThrow(/unknown column "catatan"; missing provider, method, startsOn, endsOn, hours.*accepted names: nip \(nip\); title \(judul/);
  });

  it('says a wrong date may also be written dd/mm/yyyy', () => {
    const { header } = parseRoster('nip,title,provider,method,startsOn,endsOn,hours');
    const row = checkTrainingRow(header, { line: 2, fields: [nip, 'Webinar', 'LAN', 'Klasikal', '31/02/2026', '2026-03-02', '2'] });
    expect(reasonsOf(row, 'en')).toEqual(['startsOn must be a real date written YYYY-MM-DD or dd/mm/yyyy']);
  });

  it('turns day-first dates into ISO ones and leaves ISO dates alone', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01'), max: new Date('2150-12-31'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [year, month, day] = iso.split('-');
        expect(isoDate(`${day}/${month}/${year}`)).toBe(iso);
        expect(isoDate(`${Number(day)}/${Number(month)}/${year}`)).toBe(iso);
        expect(isoDate(iso)).toBe(iso);
      }),
    );
  });

  it('detects the delimiter outside quotes', () => {
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
    expect(detectDelimiter('"a,b";c;d\r\n1,2')).toBe(';');
  });

  it('writes the rejected rows back in the file\'s delimiter: any value reads back as it was', () => {
    fc.assert(
      fc.property(fc.constantFrom(';' as const, ',' as const), fc.array(fc.string({ unit: fc.constantFrom('a', ';', ',', '"', '\n', ' ', 'é') }), { minLength: 1, maxLength: 4 }), (delimiter, fields) => {
        const csv = rejectedCsv(['nip', 'title'], delimiter, [{ line: 7, fields, errors: [{ path: 'nip', message: 'is wrong' }, { path: 'hours', message: 'too' }] }], 'en');
        expect(csv.startsWith('\uFEFF')).toBe(true);
        const [head, row] = parse(csv, { delimiter, bom: true }) as string[][];
        expect(head!.slice(-2)).toEqual(['line', 'errors']);
        expect(row!.slice(0, fields.length)).toEqual(fields);
        expect(row!.slice(-2)).toEqual(['7', 'nip is wrong; hours too']);
      }),
    );
  });
});
