import { describe, expect, it } from 'vitest';
import { documentKinds as apiKinds } from '../../shared/agreements/documents/schemas.ts';
import { documentKinds } from '../src/api/documents.ts';
import { agreementFieldWords, changedFields, describeChange, displayValue, isSystemActor, type ValueWords } from '../src/domain/changes.ts';
import { documentBody, fileSize, MAX_DOCUMENT_BYTES, pollWhilePending, uploadProblem } from '../src/domain/document-upload.ts';
import { terminationIssue } from '../src/forms/termination.ts';
import { formatDate, formatNumber, formatTimestamp } from '../src/i18n/format.ts';
import { enumLabels, id as words } from '../src/i18n/messages.ts';

const indonesian: ValueWords = {
  date: (date) => formatDate(date, 'id'),
  timestamp: (iso) => formatTimestamp(iso, 'id'),
  number: (value) => formatNumber(value, 'id'),
  label: (value) => (enumLabels.id as Record<string, string>)[value] ?? value,
  empty: words.emptyValue,
};
const fieldWord = (field: string) => (agreementFieldWords[field] ? words[agreementFieldWords[field]] : field);

describe('documents: the kinds and limits are the API’s own', () => {
  it('offers exactly the kinds the API accepts, each in words', () => {
    expect(documentKinds).toBe(apiKinds);
    expect(documentKinds).toContain('OFFICIAL_TRANSLATION');
    for (const kind of documentKinds) expect(enumLabels.id[kind], kind).toBeTruthy();
    expect(enumLabels.id.OFFICIAL_TRANSLATION).toBe('Terjemahan resmi');
  });

  it('checks size and type before any byte is sent', () => {
    const pdf = { name: 'terjemahan.pdf', type: 'application/pdf', size: 820_000 };
    expect(uploadProblem(documentBody(pdf, 'OFFICIAL_TRANSLATION'))).toBeUndefined();
    expect(uploadProblem(documentBody({ ...pdf, size: MAX_DOCUMENT_BYTES }, 'OTHER'))).toBeUndefined();
    expect(uploadProblem(documentBody({ ...pdf, size: MAX_DOCUMENT_BYTES + 1 }, 'OTHER'))).toBe('tooLarge');
    expect(uploadProblem(documentBody({ ...pdf, size: 0 }, 'OTHER'))).toBe('empty');
    expect(uploadProblem(documentBody({ name: 'naskah.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 10 }, 'OTHER'))).toBe('wrongType');
    expect(uploadProblem(documentBody({ ...pdf, name: `${'a'.repeat(201)}.pdf` }, 'OTHER'))).toBe('badName');
  });

  it('names a PDF the system gave no type by its extension', () => {
    expect(documentBody({ name: 'SCAN.PDF', type: '', size: 5 }, 'SIGNED_AGREEMENT').contentType).toBe('application/pdf');
    expect(uploadProblem(documentBody({ name: 'catatan', type: '', size: 5 }, 'OTHER'))).toBe('wrongType');
  });

  it('writes sizes as Indonesians do', () => {
    const number = (value: number) => formatNumber(value, 'id');
    expect(fileSize(MAX_DOCUMENT_BYTES, number)).toBe('20 MB');
    expect(fileSize(1_572_864, number)).toBe('1,5 MB');
    expect(fileSize(300, number)).toBe('1 KB');
  });

  it('asks again only while a document is still being checked', () => {
    expect(pollWhilePending(undefined)).toBe(false);
    expect(pollWhilePending([{ status: 'AVAILABLE' }, { status: 'REJECTED' }])).toBe(false);
    expect(pollWhilePending([{ status: 'AVAILABLE' }, { status: 'PENDING' }])).toBeGreaterThan(0);
  });
});

describe('history and 412 lines in the person’s words', () => {
  it('names fields as the form does and writes dates, enums and numbers in Indonesian', () => {
    expect(describeChange({ field: 'endsOn', from: '2026-01-27', to: '2031-01-27' }, fieldWord, indonesian)).toEqual({ field: 'Berakhir', from: '27 Januari 2026', to: '27 Januari 2031' });
    expect(describeChange({ field: 'status', to: 'TERMINATED' }, fieldWord, indonesian)).toEqual({ field: 'Status', from: '(kosong)', to: 'Diakhiri' });
    expect(describeChange({ field: 'contactEmails', from: ['a@jakarta.go.id'], to: [] }, fieldWord, indonesian)).toEqual({ field: 'Kontak', from: 'a@jakarta.go.id', to: '(kosong)' });
    expect(describeChange({ field: 'signedDocuments', from: 0, to: 1200 }, fieldWord, indonesian).to).toBe('1.200');
    expect(fieldWord('somethingNew')).toBe('somethingNew');
  });

  it('writes a partner and a document as their name with the rest in brackets', () => {
    expect(displayValue([{ name: 'Kota Osaka', category: 'FOREIGN_GOVERNMENT', country: 'JP' }], indonesian)).toBe('Kota Osaka (Pemerintah asing, JP)');
    // PENDING of a document is "being checked", not the agreement's "not yet in force".
    expect(displayValue({ id: 'd1', filename: 'terjemahan.pdf', kind: 'OFFICIAL_TRANSLATION', status: 'PENDING' }, indonesian)).toBe('terjemahan.pdf (Terjemahan resmi, Sedang diperiksa)');
    expect(displayValue({ activityId: 'a1', on: '2026-12-01', decision: 'CONTINUE', reason: 'Masih berjalan', by: 'sub' }, indonesian)).toBe('1 Desember 2026 (Lanjutkan, Masih berjalan)');
  });

  it('keeps free text as typed', () => {
    expect(displayValue('Kerja Sama Uji 412', indonesian)).toBe('Kerja Sama Uji 412');
    expect(displayValue('ID', indonesian)).toBe('ID');
  });

  it('lists what someone else changed, without bookkeeping', () => {
    const seen = { title: 'A', endsOn: '2026-01-27', version: 1 };
    expect(changedFields(seen, { ...seen, endsOn: '2031-01-27', version: 2 }, ['version'])).toEqual([{ field: 'endsOn', from: '2026-01-27', to: '2031-01-27' }]);
  });

  it('tells the automatic check from a person', () => {
    expect(isSystemActor('jalin:document-check')).toBe(true);
    expect(isSystemActor('3f1c2a9e-0b7d-4c55-9a1e-2d3f4a5b6c7d')).toBe(false);
  });
});

describe('terminate: the reason checked with the API’s schema', () => {
  it('refuses an empty or multi-line reason, in Indonesian', () => {
    expect(terminationIssue('Mitra membubarkan program', 'id')).toBeUndefined();
    expect(terminationIssue('', 'id')).toBeTruthy();
    expect(terminationIssue('   ', 'id')).toBeTruthy();
    expect(terminationIssue('baris satu\nbaris dua', 'id')).toBeTruthy();
    expect(terminationIssue('', 'id')).not.toBe(terminationIssue('', 'en'));
  });
});
