import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAgreementSchema, patchAgreementSchema } from '../../shared/agreements/schemas.ts';
import { ConflictError, InvalidInputError, fieldError } from '../../shared/errors.ts';
import { HttpError, problemFromError } from '../../shared/http/problem.ts';
import { preferredLanguage } from '../../shared/i18n/language.ts';
import { isMessageCode, messageCodes, messages, render } from '../../shared/i18n/messages.ts';
import { employeeBody, trainingBody } from '../../shared/training/schemas.ts';
import { fieldErrors } from '../../shared/validation.ts';
import * as z from 'zod/mini';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the message catalogue', () => {
  it.each(messageCodes)('%s is worded in Indonesian and English, with the same placeholders', (code) => {
    const { id, en } = messages[code];
    expect(id.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(id, 'the Indonesian is not a copy of the English').not.toBe(en);
    expect(placeholders(id)).toEqual(placeholders(en));
  });

  it('codes are upper snake case, so clients can switch on them', () => {
    for (const code of messageCodes) expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  });

  it('fills placeholders, words catalogue parameters in the language, and leaves an unknown one visible', () => {
    expect(render('AGREEMENT_NUMBER_TAKEN', { number: 'NK/001' }, 'id')).toBe('Nomor NK/001 sudah dipakai oleh kerja sama lain.');
    expect(render('AGREEMENT_TERMINATED', { id: 'a', action: { code: 'ACTION_CHANGED' } }, 'id')).toBe('Kerja sama a sudah diakhiri (TERMINATED) sehingga tidak dapat diubah.');
    expect(render('AGREEMENT_NUMBER_TAKEN')).toBe('Another agreement already has the number {number}.');
  });
});

describe('preferredLanguage (Accept-Language)', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['id', 'id'],
    ['id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7', 'id'],
    ['en-US,en;q=0.9,id;q=0.8', 'en'],
    ['ID-id', 'id'],
    ['id, en', 'id'],
    ['en, id', 'en'],
    ['en;q=0.5, id;q=0.6', 'id'],
    ['id;q=0', 'en'],
    ['*', 'en'],
    ['fr, id;q=0.4', 'id'],
    ['fr, *;q=0.3', 'en'],
    ['en;q=0, *', 'id'],
    ['id;q=abc', 'en'],
    ['indonesian', 'en'],
  ])('%s → %s', (header, language) => {
    expect(preferredLanguage(header)).toBe(language);
  });

  const weight = fc.integer({ min: 0, max: 1000 }).map((q) => q / 1000);
  const range = (tags: string[]) => fc.record({ tag: fc.constantFrom(...tags), q: fc.option(weight, { nil: undefined }) });
  const written = (ranges: { tag: string; q?: number }[]) => ranges.map(({ tag, q }) => (q === undefined ? tag : `${tag};q=${q}`)).join(', ');

  it('never throws and always answers id or en, whatever the header', () => {
    fc.assert(
      fc.property(fc.string(), (header) => {
        expect(['id', 'en']).toContain(preferredLanguage(header));
      }),
    );
  });

  it('follows the weights: Indonesian exactly when it weighs more than English (or first at equal weight)', () => {
    fc.assert(
      fc.property(weight, weight, fc.boolean(), fc.array(range(['fr', 'de', 'ja-JP']), { maxLength: 3 }), (id, en, idFirst, others) => {
        const named = idFirst ? [{ tag: 'id-ID', q: id }, { tag: 'en', q: en }] : [{ tag: 'en', q: en }, { tag: 'id-ID', q: id }];
        const expected = id === 0 ? 'en' : en === 0 || id > en || (id === en && idFirst) ? 'id' : 'en';
        expect(preferredLanguage(written([...named, ...others]))).toBe(expected);
      }),
    );
  });

  it('ignores languages it does not speak, wherever they are written, and the case of the tags', () => {
    fc.assert(
      fc.property(fc.array(range(['id', 'id-ID', 'en', 'en-GB', '*']), { maxLength: 4 }), fc.array(range(['fr', 'de', 'ms', 'jv']), { maxLength: 4 }), (ours, theirs) => {
        const alone = preferredLanguage(written(ours));
        expect(preferredLanguage(written([...ours, ...theirs]))).toBe(alone);
        expect(preferredLanguage(written(ours).toUpperCase())).toBe(alone);
      }),
    );
  });
});

describe('zod issues as coded field errors', () => {
  const errorsOf = (schema: z.ZodMiniType, input: unknown) => {
    const result = z.safeParse(schema, input, { reportInput: true });
    return result.success ? [] : fieldErrors(result.error.issues);
  };

  it('gives each kind of issue its code', () => {
    const errors = errorsOf(createAgreementSchema, {
      title: 7,
      kind: 'TREATY',
      partners: [],
      fields: [],
      startsOn: '2026-02-30',
      endsOn: '2026-03-01',
      ownerUnit: 'x'.repeat(201),
      contactEmails: ['not an email'],
      extra: true,
    });
    const codes = Object.fromEntries(errors.map((error) => [error.path, error.code]));
    expect(codes).toEqual({
      title: 'EXPECTED_TEXT',
      kind: 'VALUE_NOT_ALLOWED',
      partners: 'TOO_FEW',
      startsOn: 'DATE_INVALID',
      ownerUnit: 'TOO_LONG',
      'contactEmails.0': 'EMAIL_INVALID',
      extra: 'FIELD_UNKNOWN',
    });
    expect(errorsOf(createAgreementSchema, {}).find((error) => error.path === 'title')?.code).toBe('FIELD_REQUIRED');
    expect(errorsOf(patchAgreementSchema, { status: 'ACTIVE', version: 3 }).map((error) => error.code)).toEqual(['STATUS_ONLY_TERMINATED', 'FIELD_READ_ONLY']);
    expect(errorsOf(employeeBody, { name: 'Budi', email: 'budi@jakarta.go.id', unit: 'Dinas', nip: '1' })).toMatchObject([{ path: 'nip', code: 'FIELD_UNKNOWN' }]);
  });

  it('codes every issue our request schemas can raise, whatever the body', () => {
    const schemas = [createAgreementSchema, patchAgreementSchema, employeeBody, trainingBody];
    fc.assert(
      fc.property(fc.constantFrom(...schemas), fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('title', 'kind', 'startsOn', 'endsOn', 'hours', 'partners', 'email', 'status'), fc.jsonValue())), (schema, body) => {
        for (const error of errorsOf(schema, body)) expect(isMessageCode(error.code), `${error.path}: ${error.message}`).toBe(true);
      }),
    );
  });
});

describe('problems in the caller’s language', () => {
  const bodyOf = (response: { body?: string }) => JSON.parse(response.body ?? '') as Record<string, any>;

  it('words a coded domain error, its title and its field errors in Indonesian, and says so', () => {
    const error = new InvalidInputError([fieldError('endsOn', 'END_BEFORE_START', { startsOn: '2026-01-01' }), fieldError('', 'BODY_EMPTY')]);
    const { response } = problemFromError(error, '/agreements', 'id');
    expect(response.headers).toMatchObject({ 'content-language': 'id', vary: 'accept-language' });
    expect(bodyOf(response)).toEqual({
      type: 'urn:jalin:problem:invalid-request',
      title: 'Permintaan tidak valid',
      status: 400,
      code: 'INVALID_FIELDS',
      detail: 'Isian tidak valid: endsOn harus sama dengan atau setelah tanggal mulai, startsOn (2026-01-01); isi permintaan kosong: permintaan ini wajib memiliki isi',
      instance: '/agreements',
      errors: [
        { path: 'endsOn', code: 'END_BEFORE_START', message: 'harus sama dengan atau setelah tanggal mulai, startsOn (2026-01-01)' },
        { path: '', code: 'BODY_EMPTY', message: 'kosong: permintaan ini wajib memiliki isi' },
      ],
    });
    expect(bodyOf(problemFromError(error, '/agreements', 'en').response).detail).toBe(error.message);
  });

  it('keeps an error raised without a code working: its status’s code, its English message', () => {
    const { response } = problemFromError(new ConflictError('Document already signed.', [{ path: 'file', message: 'is signed' }]), '/x', 'id');
    expect(response.headers).toMatchObject({ 'content-language': 'en' });
    expect(bodyOf(response)).toMatchObject({ title: 'Conflict with the current state', code: 'CONFLICT', detail: 'Document already signed.', errors: [{ path: 'file', code: 'FIELD_INVALID', message: 'is signed' }] });
    expect(bodyOf(problemFromError(new HttpError(403, { code: 'OWN_RECORDS_ONLY' }), '/x', 'id').response)).toMatchObject({
      title: 'Tidak diizinkan',
      code: 'OWN_RECORDS_ONLY',
      detail: 'Token pegawai hanya dapat membaca data miliknya sendiri.',
    });
  });
});
