import { describe, expect, it } from 'vitest';
import { rejectedCsv } from '../../shared/training/imports/rejected-csv.ts';
import { demoNip } from '../../infra/local/demo-data-training.ts';
import { previewRoster, readParticipantRoster, readRejectedCsv } from '../src/domain/roster-check.ts';
import { programBodyOf, programDraftOf, emptyProgramDraft } from '../src/forms/program-draft.ts';

const header = 'NIP;Judul;Penyelenggara;Metode;Tanggal Mulai;Tanggal Selesai;Jam';

describe('a roster checked in the browser with the API parser', () => {
  it('names every bad row by its line, with the reasons the import gives', () => {
    const csv = `\uFEFF${header}\r\n${demoNip(1)};Bimtek;ANRI;Klasikal;01/09/2026;02/09/2026;6,5\r\n1.98609E+17;Bimtek;ANRI;Klasikal;01/09/2026;02/09/2026;6\r\n${demoNip(2)};Bimtek;ANRI;Daring;01/09/2026;02/09/2026;1e1\r\n`;
    const preview = previewRoster(csv, 'en');
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.header.kind).toBe('trainings');
    expect(preview.total).toBe(3);
    expect(preview.bad.map((row) => row.line)).toEqual([3, 4]);
    expect(preview.bad[0]!.errors.join()).toMatch(/format the NIP column as Text/);
    expect(preview.bad[1]!.errors.join()).toMatch(/hours must be a plain number.*method must be one of/s);
    // In the console's language, with the API's own words.
    const indonesian = previewRoster(csv, 'id');
    expect(indonesian.ok && indonesian.bad[1]!.errors.join()).toMatch(/hours harus berupa angka jam biasa.*method harus salah satu dari/s);
  });

  it('reports an unusable header once, instead of a row each', () => {
    const preview = previewRoster('nip;catatan\n1;2\n', 'en');
    expect(preview).toMatchObject({ ok: false, headerError: expect.stringMatching(/unknown column "catatan"/) });
  });

  it('reads back the API rejected-rows file, in either delimiter', () => {
    for (const delimiter of [';', ',']) {
      const errors = [
        { path: 'nip', message: 'must be 18 digits long, not 3' },
        { path: 'method', message: 'is required' },
      ];
      const file = rejectedCsv(['NIP', 'Judul'], delimiter, [{ line: 7, fields: ['123', 'Bimtek; lanjut, 2'], errors }], 'en');
      expect(readRejectedCsv(file)).toEqual([{ line: 7, nip: '123', errors: ['nip must be 18 digits long, not 3', 'method is required'] }]);
    }
    expect(readRejectedCsv('\uFEFF')).toEqual([]);
  });
});

describe("a cohort's roster, pasted", () => {
  it('takes NIPs alone or with a header; checks each entry with the API schema, in the reader language', () => {
    expect(readParticipantRoster(`${demoNip(1)}\n${demoNip(2)},Sitti,Pemkab Kolaka`, 'id')).toEqual({
      entries: [{ nip: demoNip(1) }, { nip: demoNip(2), name: 'Sitti', agency: 'Pemkab Kolaka' }],
      problems: new Map(),
    });
    const roster = readParticipantRoster(`nip;instansi;proyek perubahan\n123;;\n${demoNip(3)};LAN RI;Satu data`, 'id');
    expect(roster.entries).toEqual([{ nip: '123' }, { nip: demoNip(3), agency: 'LAN RI', changeProjectTitle: 'Satu data' }]);
    expect(roster.problems.get(0)).toEqual(['nip harus 18 digit, bukan 3']);
    expect(roster.problems.get(1)?.join()).toMatch(/^name /);
  });

  it('says so for half-typed text instead of failing', () => {
    expect(readParticipantRoster('"198', 'en').problems.get(-1)).toHaveLength(1);
  });
});

describe('a program form body', () => {
  it('carries the length in the unit picked, and leaves empty optional fields out', () => {
    const draft = { ...emptyProgramDraft, title: 'PKP', startsOn: '2026-05-04', endsOn: '2026-06-26', length: '7,5', lengthUnit: 'HOURS' as const };
    expect(programBodyOf(draft)).toEqual({ title: 'PKP', provider: 'BPSDM Provinsi DKI Jakarta', method: 'CLASSICAL', startsOn: '2026-05-04', endsOn: '2026-06-26', hours: 7.5 });
    expect(programBodyOf({ ...draft, lengthUnit: 'JP', length: '40', cohort: 'Angkatan VII' })).toMatchObject({ jp: 40, cohort: 'Angkatan VII' });
    expect(programBodyOf({ ...draft, length: '' })).not.toHaveProperty('hours');
  });

  it('opens a stored program in the unit it was planned in', () => {
    const stored = { id: 'p', title: 'PKP', provider: 'BPSDM', method: 'CLASSICAL', startsOn: '2026-05-04', endsOn: '2026-06-26', year: 2026, hours: 30, jp: 40, lengthUnit: 'JP', jpMinutes: 45, internalParticipants: 0, externalParticipants: 0, version: 1, createdAt: '', createdBy: '', updatedAt: '' } as const;
    expect(programDraftOf(stored)).toMatchObject({ lengthUnit: 'JP', length: '40', agreementId: '', cohort: '' });
  });
});
