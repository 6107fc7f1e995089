import { beforeAll, describe, expect, it } from 'vitest';
import { tokenFor, useLocalApi } from '../support/api.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';
import { expectProblem } from '../support/hardening.ts';

const { call } = useLocalApi();
let admin: string;
let auditor: string;

beforeAll(async () => {
  admin = await tokenFor('agreements-admin');
  auditor = await tokenFor('auditor');
});

async function create(overrides: Record<string, unknown>) {
  const response = await call('POST', '/agreements', { token: admin, body: agreementBody(overrides) });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

describe('GET /agreements/search', () => {
  it('finds an agreement by a word start of its number or title, ignoring case and accents', async () => {
    const agreement = await create({ title: 'Nota Kesepakatan Penanggulangan Banjir', number: 'HTTP/SRCH/77' });
    const byNumber = await call('GET', '/agreements/search?q=http%2Fsrch%2F77', { token: auditor });
    expect(byNumber.status).toBe(200);
    expect(byNumber.body.items.map((item: { id: string }) => item.id)).toEqual([agreement.id]);
    const byTitle = await call('GET', `/agreements/search?q=${encodeURIComponent('PENANGGULÁNGAN banj')}`, { token: auditor });
    expect(byTitle.body.items.map((item: { id: string }) => item.id)).toEqual([agreement.id]);
    expect((await call('GET', '/agreements/search?q=%2F%2F', { token: auditor })).body).toEqual({ items: [] });
  });

  it('needs q', async () => {
    expectProblem(await call('GET', '/agreements/search', { token: auditor }), 400);
  });
});

describe('POST and DELETE /agreements/{id}/withdrawal', () => {
  it('withdraws with a reason under If-Match, hides the entry, and restores it', async () => {
    const agreement = await create({ title: 'Entri Salah Http' });
    expectProblem(await call('POST', `/agreements/${agreement.id}/withdrawal`, { token: admin, body: { reason: 'Salah' } }), 428);
    expectProblem(await call('POST', `/agreements/${agreement.id}/withdrawal`, { token: admin, headers: { 'if-match': '"1"' }, body: {} }), 400);
    const withdrawn = await call('POST', `/agreements/${agreement.id}/withdrawal`, { token: admin, headers: { 'if-match': '"1"' }, body: { reason: 'Dicatat dua kali' } });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'WITHDRAWN', withdrawal: { reason: 'Dicatat dua kali' } });
    expect(withdrawn.headers.get('etag')).toBe('"2"');
    expectProblem(await call('PATCH', `/agreements/${agreement.id}`, { token: admin, headers: { 'if-match': '"2"' }, body: { notes: 'x' } }), 409);
    const listed = await call('GET', '/agreements?status=WITHDRAWN&limit=100', { token: auditor });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(agreement.id);
    expectProblem(await call('DELETE', `/agreements/${agreement.id}/withdrawal`, { token: admin, headers: { 'if-match': '"1"' } }), 412);
    const restored = await call('DELETE', `/agreements/${agreement.id}/withdrawal`, { token: admin, headers: { 'if-match': '"2"' } });
    expect(restored.status).toBe(200);
    expect(restored.body.status).toBe('ACTIVE');
    expectProblem(await call('DELETE', `/agreements/${agreement.id}/withdrawal`, { token: admin, headers: { 'if-match': '"3"' } }), 409);
  });
});

describe('GET /agreements/statistics', () => {
  it('answers the figures of a year, and of a range', async () => {
    await create({ signedOn: '2026-02-01', startsOn: '2026-02-01', endsOn: '2027-01-31', kind: 'SISTER_CITY', partners: [{ name: 'Kota Statistik', category: 'FOREIGN_GOVERNMENT', country: 'FR' }] });
    const year = await call('GET', '/agreements/statistics?year=2026', { token: auditor });
    expect(year.status).toBe(200);
    expect(year.body).toMatchObject({ from: 2026, to: 2026 });
    expect(year.body.signed.byKind.SISTER_CITY).toBeGreaterThanOrEqual(1);
    expect(year.body.signed.byCountry.FR).toBeGreaterThanOrEqual(1);
    const range = await call('GET', '/agreements/statistics?from=2025&to=2026', { token: auditor });
    expect(range.body).toMatchObject({ from: 2025, to: 2026 });
  });

  it('refuses a year with a range, a reversed range and a year out of bounds', async () => {
    expectProblem(await call('GET', '/agreements/statistics?year=2026&from=2020', { token: auditor }), 400);
    expectProblem(await call('GET', '/agreements/statistics?from=2026&to=2020', { token: auditor }), 400);
    expectProblem(await call('GET', '/agreements/statistics?year=20260', { token: auditor }), 400);
  });
});

describe('GET /agreements/dormant and the ownerUnit filter', () => {
  it('lists agreements without activity, and filters the registry by owner unit', async () => {
    const agreement = await create({ ownerUnit: 'Dinas Uji Dormant Http', startsOn: '2025-01-01' });
    const dormant = await call('GET', '/agreements/dormant?days=180&limit=100', { token: auditor });
    expect(dormant.status).toBe(200);
    expect(dormant.body.items.map((item: { id: string }) => item.id)).toContain(agreement.id);
    const unit = await call('GET', `/agreements?ownerUnit=${encodeURIComponent('dinas uji DORMANT http')}`, { token: auditor });
    expect(unit.body.items.map((item: { id: string }) => item.id)).toEqual([agreement.id]);
    expectProblem(await call('GET', '/agreements/dormant?days=0', { token: auditor }), 400);
  });
});
