import { beforeAll, describe, expect, it } from 'vitest';
import { tokenFor, useLocalApi } from '../support/api.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';
import { employeeBody } from '../support/fixtures/employees.ts';

/** Issue 12 §6: every problem carries a stable code, and says what is wrong in the caller's language. */
const { call } = useLocalApi();
let admin: string;
let trainingAdmin: string;

beforeAll(async () => {
  admin = await tokenFor('agreements-admin');
  trainingAdmin = await tokenFor('training-admin');
});

const indonesian = { 'accept-language': 'id-ID,id;q=0.9,en;q=0.8' };
const english = { 'accept-language': 'en-GB,en;q=0.9,id;q=0.5' };

describe('the same bad request in Indonesian and in English', () => {
  const badAgreement = agreementBody({ startsOn: '2026-05-01', endsOn: '2026-04-30', kind: 'TREATY' });

  it('answers the same codes, worded in each language, with Content-Language and Vary', async () => {
    const id = await call('POST', '/agreements', { token: admin, body: badAgreement, headers: indonesian });
    const en = await call('POST', '/agreements', { token: admin, body: badAgreement, headers: english });
    for (const response of [id, en]) {
      expect(response.status).toBe(400);
      expect(response.headers.get('vary')).toMatch(/accept-language/i);
      expect(response.body.code).toBe('INVALID_FIELDS');
    }
    expect(id.headers.get('content-language')).toBe('id');
    expect(en.headers.get('content-language')).toBe('en');
    const codes = (body: { errors: { path: string; code: string }[] }) => body.errors.map(({ path, code }) => `${path}:${code}`).sort();
    expect(codes(id.body)).toEqual(codes(en.body));
    expect(codes(en.body)).toEqual(['endsOn:END_BEFORE_START', 'kind:VALUE_NOT_ALLOWED']);
    expect(id.body).toMatchObject({ title: 'Permintaan tidak valid', detail: expect.stringContaining('endsOn harus sama dengan atau setelah tanggal mulai') });
    expect(en.body).toMatchObject({ title: 'The request is invalid', detail: expect.stringContaining('endsOn must be on or after startsOn (2026-05-01)') });
  });

  it('names the broken part of a NIP in either language', async () => {
    const nip = '198613262015051001';
    const id = await call('PUT', `/employees/${nip}`, { token: trainingAdmin, body: employeeBody(), headers: indonesian });
    const en = await call('PUT', `/employees/${nip}`, { token: trainingAdmin, body: employeeBody(), headers: english });
    expect(id.body.errors).toEqual([{ path: 'nip', code: 'NIP_BIRTH_DATE_INVALID', message: 'digit 1–8 (tanggal lahir, TTTTBBHH) 19861326 bukan tanggal yang benar' }]);
    expect(en.body.errors).toEqual([{ path: 'nip', code: 'NIP_BIRTH_DATE_INVALID', message: 'digits 1–8 (birth date, YYYYMMDD) 19861326 are not a real date' }]);
  });

  it('words a domain conflict: a document number already taken', async () => {
    const body = agreementBody({ number: `NK/${Date.now()}/I18N` });
    expect((await call('POST', '/agreements', { token: admin, body })).status).toBe(201);
    const again = await call('POST', '/agreements', { token: admin, body: { ...agreementBody(), number: body.number }, headers: indonesian });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'AGREEMENT_NUMBER_TAKEN', title: 'Bertentangan dengan data saat ini', detail: `Nomor ${String(body.number)} sudah dipakai oleh kerja sama lain.` });
  });
});

describe('what the gateway and the HTTP layer refuse', () => {
  it.each([
    ['no token', () => call('GET', '/agreements', { headers: indonesian }), 401, 'LOCAL_TOKEN_REJECTED', 'Diperlukan token bearer yang valid'],
    ['a group that may not', async () => call('GET', '/compliance?year=2026', { token: admin, headers: indonesian }), 403, 'GROUP_REQUIRED', 'Operasi ini memerlukan salah satu grup'],
    ['an unknown path', () => call('GET', '/nowhere', { headers: indonesian }), 404, 'ROUTE_NOT_FOUND', 'Tidak ada operasi GET /nowhere'],
    ['an unsupported method', () => call('DELETE', '/health', { headers: indonesian }), 405, 'METHOD_NOT_SUPPORTED', 'DELETE tidak didukung pada /health'],
    ['a body of another type', () => call('POST', '/agreements', { token: admin, rawBody: 'x', headers: { ...indonesian, 'content-type': 'text/plain' } }), 415, 'CONTENT_TYPE_UNSUPPORTED', 'Content-Type text/plain tidak diterima'],
  ])('%s: %i %s in Indonesian', async (_what, send, status, code, words) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-language')).toBe('id');
    expect(response.body).toMatchObject({ status, code, detail: expect.stringContaining(words) });
  });

  it('answers English to a caller who does not ask for Indonesian', async () => {
    const response = await call('GET', '/nowhere', { headers: { 'accept-language': 'fr-FR, de;q=0.8' } });
    expect(response.headers.get('content-language')).toBe('en');
    expect(response.body).toMatchObject({ code: 'ROUTE_NOT_FOUND', title: 'Not found', detail: 'No operation at GET /nowhere. GET /openapi.json lists them all.' });
  });
});
