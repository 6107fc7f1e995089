import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInJakarta } from '../../shared/time/calendar.ts';
import { tokenFor, untilServed, useLocalApi } from '../support/api.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';

const { call } = useLocalApi();
let admin: string;
let auditor: string;
let trainingAdmin: string;
let employee: string;

beforeAll(async () => {
  admin = await tokenFor('agreements-admin', { subject: 'admin-1' });
  auditor = await tokenFor('auditor');
  trainingAdmin = await tokenFor('training-admin');
  employee = await tokenFor('employee', { nip: '198609262015051001' });
});

async function create(overrides: Record<string, unknown> = {}) {
  const response = await call('POST', '/agreements', { token: admin, body: agreementBody(overrides) });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

function expectProblem(response: { status: number; headers: Headers; body: any }, status: number) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
}

describe('POST /agreements', () => {
  it('creates an agreement with server fields, Location and ETag', async () => {
    const response = await call('POST', '/agreements', { token: admin, body: agreementBody({ number: 'NK/100/2026' }) });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'ACTIVE', version: 1, createdBy: 'admin-1', number: 'NK/100/2026' });
    expect(response.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('location')).toBe(`/agreements/${response.body.id}`);
    expect(response.headers.get('etag')).toBe('"1"');
    const read = await call('GET', `/agreements/${response.body.id}`, { token: auditor });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(response.body);
  });

  it('defaults a partner country to ID', async () => {
    const created = await create({ partners: [{ name: 'Pemerintah Kota Pariaman', category: 'CITY' }] });
    expect(created.partners[0].country).toBe('ID');
  });

  it('derives PENDING and EXPIRED from the dates', async () => {
    const today = todayInJakarta();
    expect((await create({ startsOn: addDays(today, 1), endsOn: addDays(today, 10) })).status).toBe('PENDING');
    expect((await create({ startsOn: addDays(today, -10), endsOn: addDays(today, -1) })).status).toBe('EXPIRED');
    expect((await create({ startsOn: today, endsOn: today })).status).toBe('ACTIVE');
  });

  it('names every bad field in one 400', async () => {
    const response = await call('POST', '/agreements', {
      token: admin,
      body: agreementBody({ title: '', kind: 'TREATY', contactEmails: ['not-an-email'], partners: [{ name: 'X', category: 'CITY', country: 'XX' }], startsOn: '2026-02-30', surprise: true }),
    });
    expectProblem(response, 400);
    const paths = response.body.errors.map((error: { path: string }) => error.path).sort();
    expect(paths).toEqual(['contactEmails.0', 'kind', 'partners.0.country', 'startsOn', 'surprise', 'title']);
  });

  it('reports missing required fields as required', async () => {
    const response = await call('POST', '/agreements', { token: admin, body: { title: 'Tanpa detail' } });
    expectProblem(response, 400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'kind', code: 'FIELD_REQUIRED', message: 'is required' },
        { path: 'partners', code: 'FIELD_REQUIRED', message: 'is required' },
        { path: 'endsOn', code: 'FIELD_REQUIRED', message: 'is required' },
        { path: 'contactEmails', code: 'FIELD_REQUIRED', message: 'is required' },
      ]),
    );
  });

  it('rejects endsOn before startsOn together with other bad fields', async () => {
    const response = await call('POST', '/agreements', {
      token: admin,
      body: agreementBody({ startsOn: '2026-05-01', endsOn: '2026-04-30', contactEmails: [] }),
    });
    expectProblem(response, 400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'endsOn', code: 'END_BEFORE_START', message: expect.stringContaining('on or after startsOn') },
        { path: 'contactEmails', code: 'TOO_FEW', message: expect.any(String) },
      ]),
    );
  });

  it('requires an existing parent for a PKS and limits it to five years', async () => {
    const missingParent = await call('POST', '/agreements', { token: admin, body: agreementBody({ kind: 'PKS' }) });
    expectProblem(missingParent, 400);
    expect(missingParent.body.errors[0].path).toBe('parentId');

    const unknownParent = await call('POST', '/agreements', { token: admin, body: agreementBody({ kind: 'PKS', parentId: 'no-such-agreement' }) });
    expectProblem(unknownParent, 422);

    const mou = await create({ startsOn: '2025-12-01', endsOn: '2032-01-01' });
    const tooLong = await call('POST', '/agreements', {
      token: admin,
      body: agreementBody({ kind: 'PKS', parentId: mou.id, startsOn: '2026-01-01', endsOn: '2031-01-02' }),
    });
    expectProblem(tooLong, 400);
    const pks = await create({ kind: 'PKS', parentId: mou.id, startsOn: '2026-01-01', endsOn: '2031-01-01' });
    expect(pks.parentId).toBe(mou.id);
  });

  it('refuses a duplicate document number with 409 and writes nothing', async () => {
    await create({ number: 'PKS/007/2026' });
    const duplicate = await call('POST', '/agreements', { token: admin, body: agreementBody({ number: 'pks/007/2026', title: 'Duplikat' }) });
    expectProblem(duplicate, 409);
    const list = await call('GET', '/agreements?partner=kolaka&limit=100', { token: auditor });
    expect(list.body.items.filter((item: { title: string }) => item.title === 'Duplikat')).toHaveLength(0);
  });

  it('refuses malformed JSON, wrong content types and oversized bodies with 4xx problems', async () => {
    expectProblem(await call('POST', '/agreements', { token: admin, rawBody: '{"title": ', headers: { 'content-type': 'application/json' } }), 400);
    expectProblem(await call('POST', '/agreements', { token: admin, rawBody: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
    expectProblem(await call('POST', '/agreements', { token: admin, rawBody: '{}' }), 415);
    expectProblem(await call('POST', '/agreements', { token: admin, rawBody: '', headers: { 'content-type': 'application/json' } }), 400);
    expectProblem(await call('POST', '/agreements', { token: admin, rawBody: '[1,2]', headers: { 'content-type': 'application/json' } }), 400);
    const huge = JSON.stringify(agreementBody({ notes: 'x'.repeat(1_100_000) }));
    expectProblem(await call('POST', '/agreements', { token: admin, rawBody: huge, headers: { 'content-type': 'application/json' } }), 413);
  });
});

describe('authentication and authorization', () => {
  it('needs a valid token: 401 without, with a forged or an expired one', async () => {
    expectProblem(await call('GET', '/agreements'), 401);
    expectProblem(await call('GET', '/agreements', { token: 'not.a.jwt' }), 401);
    const { mintToken } = await import('../../infra/local/tokens.ts');
    const forged = await mintToken({ groups: ['auditor'], key: new TextEncoder().encode('another-key-another-key-another-key') });
    expectProblem(await call('GET', '/agreements', { token: forged }), 401);
    const expired = await mintToken({ groups: ['auditor'], expiresIn: Math.floor(Date.now() / 1000) - 60 });
    expectProblem(await call('GET', '/agreements', { token: expired }), 401);
  });

  it('answers 403 to a valid token of the wrong group', async () => {
    expectProblem(await call('POST', '/agreements', { token: auditor, body: agreementBody() }), 403);
    expectProblem(await call('POST', '/agreements', { token: trainingAdmin, body: agreementBody() }), 403);
    const created = await create();
    expectProblem(await call('GET', `/agreements/${created.id}`, { token: employee }), 403);
    expect((await call('GET', `/agreements/${created.id}`, { token: trainingAdmin })).status).toBe(200);
  });

  it('serves /health and /openapi.json without a token', async () => {
    expect((await call('GET', '/health')).body).toEqual({ status: 'ok' });
    expect((await call('GET', '/openapi.json')).body.openapi).toBe('3.1.0');
  });

  it('answers unknown routes with 404 and wrong methods with 405', async () => {
    expectProblem(await call('GET', '/nothing-here'), 404);
    const wrongMethod = await call('DELETE', '/agreements', { token: admin });
    expectProblem(wrongMethod, 405);
    expect(wrongMethod.headers.get('allow')).toContain('GET');
  });
});

describe('GET /agreements/{id}', () => {
  it('is 404 for an unknown id', async () => {
    expectProblem(await call('GET', '/agreements/00000000-0000-0000-0000-000000000000', { token: auditor }), 404);
    expectProblem(await call('GET', '/agreements/does-not-exist', { token: auditor }), 404);
  });
});

describe('PATCH /agreements/{id}', () => {
  it('applies a merge patch with If-Match and bumps the version', async () => {
    const created = await create({ notes: 'awal' });
    const response = await call('PATCH', `/agreements/${created.id}`, {
      token: admin,
      headers: { 'if-match': '"1"', 'content-type': 'application/merge-patch+json' },
      body: { title: 'Judul baru', notes: null },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ title: 'Judul baru', version: 2 });
    expect(response.body.notes).toBeUndefined();
    expect(response.headers.get('etag')).toBe('"2"');
  });

  it('needs If-Match (428) and refuses a stale one (412) without writing', async () => {
    const created = await create();
    expectProblem(await call('PATCH', `/agreements/${created.id}`, { token: admin, body: { title: 'x' } }), 428);
    await call('PATCH', `/agreements/${created.id}`, { token: admin, headers: { 'if-match': '"1"' }, body: { title: 'v2' } });
    expectProblem(await call('PATCH', `/agreements/${created.id}`, { token: admin, headers: { 'if-match': '"1"' }, body: { title: 'v3' } }), 412);
    const read = await call('GET', `/agreements/${created.id}`, { token: auditor });
    expect(read.body).toMatchObject({ title: 'v2', version: 2 });
  });

  it('refuses server fields and a derived status with 400', async () => {
    const created = await create();
    const response = await call('PATCH', `/agreements/${created.id}`, {
      token: admin,
      headers: { 'if-match': '"1"' },
      body: { id: 'other', version: 9, status: 'ACTIVE' },
    });
    expectProblem(response, 400);
    expect(response.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['id', 'status', 'version']);
  });

  it('validates the merged agreement (endsOn before the stored startsOn)', async () => {
    const created = await create({ startsOn: '2026-01-01', endsOn: '2027-01-01' });
    const response = await call('PATCH', `/agreements/${created.id}`, { token: admin, headers: { 'if-match': '"1"' }, body: { endsOn: '2025-12-31' } });
    expectProblem(response, 400);
    expect(response.body.errors[0].path).toBe('endsOn');
  });

  it('terminates with a reason; a terminated agreement cannot change or be renewed', async () => {
    const created = await create();
    expectProblem(await call('PATCH', `/agreements/${created.id}`, { token: admin, headers: { 'if-match': '"1"' }, body: { status: 'TERMINATED' } }), 400);
    const terminated = await call('PATCH', `/agreements/${created.id}`, {
      token: admin,
      headers: { 'if-match': '"1"' },
      body: { status: 'TERMINATED', terminationReason: 'Mitra membubarkan unit pelaksana' },
    });
    expect(terminated.status).toBe(200);
    expect(terminated.body).toMatchObject({ status: 'TERMINATED', terminatedOn: todayInJakarta(), terminationReason: 'Mitra membubarkan unit pelaksana' });
    expectProblem(await call('PATCH', `/agreements/${created.id}`, { token: admin, headers: { 'if-match': '"2"' }, body: { title: 'x' } }), 409);
    expectProblem(await call('POST', `/agreements/${created.id}/renewals`, { token: admin, body: { endsOn: '2030-01-01' } }), 409);
  });

  it('gives exactly one success to concurrent updates with the same If-Match', async () => {
    const created = await create();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        untilServed(() => call('PATCH', `/agreements/${created.id}`, { token: admin, headers: { 'if-match': '"1"' }, body: { title: `Versi ${index}` } })),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 412)).toHaveLength(19);
    const history = await call('GET', `/agreements/${created.id}/history`, { token: auditor });
    expect(history.body.items).toHaveLength(2);
  });
});

describe('POST /agreements/{id}/renewals', () => {
  it('creates the successor and closes the old agreement in one step', async () => {
    const old = await create({ number: 'MOU/RENEW/1', endsOn: addDays(todayInJakarta(), 20) });
    const renewal = await call('POST', `/agreements/${old.id}/renewals`, { token: admin, body: { endsOn: addDays(todayInJakarta(), 2000), number: 'MOU/RENEW/2' } });
    expect(renewal.status, JSON.stringify(renewal.body)).toBe(201);
    expect(renewal.body).toMatchObject({ renews: old.id, title: old.title, startsOn: addDays(old.endsOn, 1), number: 'MOU/RENEW/2', version: 1 });
    expect(renewal.headers.get('location')).toBe(`/agreements/${renewal.body.id}`);
    const closed = await call('GET', `/agreements/${old.id}`, { token: auditor });
    expect(closed.body).toMatchObject({ status: 'RENEWED', renewedBy: renewal.body.id, version: 2 });
    expectProblem(await call('POST', `/agreements/${old.id}/renewals`, { token: admin, body: { endsOn: '2035-01-01' } }), 409);
  });

  it('validates the new term and the new number', async () => {
    const old = await create({ number: 'MOU/RENEW/3' });
    expectProblem(await call('POST', `/agreements/${old.id}/renewals`, { token: admin, body: { endsOn: old.endsOn } }), 400);
    expectProblem(await call('POST', `/agreements/${old.id}/renewals`, { token: admin, body: { endsOn: '2035-01-01', number: 'MOU/RENEW/3' } }), 409);
    expectProblem(await call('POST', '/agreements/unknown-id/renewals', { token: admin, body: { endsOn: '2035-01-01' } }), 404);
    expect((await call('GET', `/agreements/${old.id}`, { token: auditor })).body.status).toBe('ACTIVE');
  });
});

describe('Idempotency-Key', () => {
  it('replays the first response for a retry and refuses the key with another body', async () => {
    const body = agreementBody({ number: 'IDEM/1' });
    const first = await call('POST', '/agreements', { token: admin, body, headers: { 'idempotency-key': 'key-1' } });
    const retry = await call('POST', '/agreements', { token: admin, body, headers: { 'idempotency-key': 'key-1' } });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('location')).toBe(first.headers.get('location'));
    expectProblem(await call('POST', '/agreements', { token: admin, body: { ...body, title: 'Lain' }, headers: { 'idempotency-key': 'key-1' } }), 422);
    const listed = await call('GET', `/agreements?limit=100&endsFrom=${String(body.endsOn)}&endsTo=${String(body.endsOn)}`, { token: auditor });
    expect(listed.body.items.filter((item: { number?: string }) => item.number === 'IDEM/1')).toHaveLength(1);
  });

  it('creates one record for concurrent identical keyed POSTs', async () => {
    const body = agreementBody({ title: 'Serentak' });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => untilServed(() => call('POST', '/agreements', { token: admin, body, headers: { 'idempotency-key': 'key-concurrent' } }))),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    const listed = await call('GET', `/agreements?limit=100&endsFrom=${String(body.endsOn)}&endsTo=${String(body.endsOn)}`, { token: auditor });
    expect(listed.body.items.filter((item: { title: string }) => item.title === 'Serentak')).toHaveLength(1);
  });

  it('replays a renewal retried after it succeeded', async () => {
    const old = await create();
    const first = await call('POST', `/agreements/${old.id}/renewals`, { token: admin, body: { endsOn: '2034-01-01' }, headers: { 'idempotency-key': 'renew-1' } });
    const retry = await call('POST', `/agreements/${old.id}/renewals`, { token: admin, body: { endsOn: '2034-01-01' }, headers: { 'idempotency-key': 'renew-1' } });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
  });
});

describe('GET /agreements/{id}/history', () => {
  it('lists who changed what, oldest first', async () => {
    const created = await create({ title: 'Sejarah' });
    await call('PATCH', `/agreements/${created.id}`, { token: admin, headers: { 'if-match': '"1"' }, body: { title: 'Sejarah 2' } });
    const history = await call('GET', `/agreements/${created.id}/history`, { token: auditor });
    expect(history.status).toBe(200);
    expect(history.body.items.map((entry: { action: string }) => entry.action)).toEqual(['CREATED', 'UPDATED']);
    expect(history.body.items[1]).toMatchObject({ version: 2, by: 'admin-1', changes: [{ field: 'title', from: 'Sejarah', to: 'Sejarah 2' }] });
    expectProblem(await call('GET', '/agreements/unknown/history', { token: auditor }), 404);
  });
});
