import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInJakarta } from '../../shared/time/calendar.ts';
import { tokenFor, useLocalApi } from '../support/api.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';

const { call } = useLocalApi();
let admin: string;
let auditor: string;
const today = todayInJakarta();
const ids: Record<string, string> = {};

async function create(key: string, overrides: Record<string, unknown>) {
  const response = await call('POST', '/agreements', { token: admin, body: agreementBody(overrides) });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  ids[key] = response.body.id;
  return response.body;
}

beforeAll(async () => {
  admin = await tokenFor('agreements-admin');
  auditor = await tokenFor('auditor');
  await create('soon', { endsOn: addDays(today, 10), partners: [{ name: 'Pemerintah Kota Pekanbaru', category: 'CITY' }], fields: ['Ketahanan Pangan'] });
  await create('later', { endsOn: addDays(today, 80), kind: 'SISTER_CITY', partners: [{ name: 'Tokyo Metropolitan Government', category: 'FOREIGN_GOVERNMENT', country: 'JP' }], fields: ['Tata Kelola Kota'] });
  await create('far', { endsOn: addDays(today, 400) });
  await create('endsToday', { endsOn: today });
  await create('expired', { startsOn: addDays(today, -100), endsOn: addDays(today, -1) });
  await create('pending', { startsOn: addDays(today, 5), endsOn: addDays(today, 30) });
  const parent = await create('parent', { endsOn: addDays(today, 1000) });
  await create('child', { kind: 'PKS', parentId: parent.id, endsOn: addDays(today, 300) });
  const terminated = await create('terminated', { endsOn: addDays(today, 20) });
  await call('PATCH', `/agreements/${terminated.id}`, { token: admin, headers: { 'if-match': '"1"' }, body: { status: 'TERMINATED', terminationReason: 'Dibatalkan' } });
  const renewed = await create('renewed', { endsOn: addDays(today, 15) });
  const successor = await call('POST', `/agreements/${renewed.id}/renewals`, { token: admin, body: { endsOn: addDays(today, 700) } });
  ids.successor = successor.body.id;
});

const idsOf = (items: { id: string }[]) => items.map((item) => item.id);

describe('GET /agreements/expiring', () => {
  it('lists active agreements ending within N days, soonest first', async () => {
    const response = await call('GET', '/agreements/expiring?withinDays=90', { token: auditor });
    expect(response.status).toBe(200);
    expect(idsOf(response.body.items)).toEqual([ids.endsToday, ids.soon, ids.later]);
    expect(response.body.nextCursor).toBeUndefined();
  });

  it('defaults to 90 days and honours the upper bound', async () => {
    expect(idsOf((await call('GET', '/agreements/expiring', { token: auditor })).body.items)).toEqual([ids.endsToday, ids.soon, ids.later]);
    expect(idsOf((await call('GET', '/agreements/expiring?withinDays=0', { token: auditor })).body.items)).toEqual([ids.endsToday]);
    const all = await call('GET', '/agreements/expiring?withinDays=1825', { token: auditor });
    // The renewal's successor starts after the old term ends: PENDING, so not expiring.
    expect(idsOf(all.body.items)).toEqual([ids.endsToday, ids.soon, ids.later, ids.child, ids.far, ids.parent]);
  });

  it('pages with a cursor', async () => {
    const first = await call('GET', '/agreements/expiring?withinDays=1825&limit=2', { token: auditor });
    expect(first.body.items).toHaveLength(2);
    const second = await call('GET', `/agreements/expiring?withinDays=1825&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: auditor });
    expect(idsOf(second.body.items)).toEqual([ids.later, ids.child]);
  });

  it('refuses bad parameters with 400', async () => {
    for (const query of ['withinDays=1826', 'withinDays=-1', 'withinDays=abc', 'withinDays=1.5', 'limit=0', 'limit=101', 'bogus=1']) {
      const response = await call('GET', `/agreements/expiring?${query}`, { token: auditor });
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});

describe('GET /agreements', () => {
  it('lists every agreement by end date, in pages', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const response = await call('GET', `/agreements?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: auditor });
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...idsOf(response.body.items));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(Object.keys(ids).length);
  });

  it('filters by status', async () => {
    const of = async (status: string) => idsOf((await call('GET', `/agreements?status=${status}&limit=100`, { token: auditor })).body.items).sort();
    expect(await of('EXPIRED')).toEqual([ids.expired]);
    expect(await of('PENDING')).toEqual([ids.pending, ids.successor].sort());
    expect(await of('TERMINATED')).toEqual([ids.terminated]);
    expect(await of('RENEWED')).toEqual([ids.renewed]);
    expect(await of('ACTIVE')).toEqual([ids.soon, ids.later, ids.far, ids.endsToday, ids.parent, ids.child].sort());
  });

  it('filters by kind, partner substring, field, parent and end dates', async () => {
    const get = async (query: string) => idsOf((await call('GET', `/agreements?${query}&limit=100`, { token: auditor })).body.items);
    expect(await get('kind=SISTER_CITY')).toEqual([ids.later]);
    expect(await get('partner=TOKYO')).toEqual([ids.later]);
    expect(await get('partner=pekan')).toEqual([ids.soon]);
    expect(await get('field=ketahanan%20pangan')).toContain(ids.soon);
    expect(await get('field=tata%20kelola%20kota')).toEqual([ids.later]);
    expect(await get(`parentId=${ids.parent}`)).toEqual([ids.child]);
    expect(await get(`endsFrom=${addDays(today, 10)}&endsTo=${addDays(today, 80)}`)).toEqual([ids.soon, ids.renewed, ids.terminated, ids.pending, ids.later]);
    expect(await get(`status=ACTIVE&endsTo=${addDays(today, 10)}`)).toEqual([ids.endsToday, ids.soon]);
  });

  it('refuses a tampered cursor or one from another query with 400', async () => {
    const first = await call('GET', '/agreements?limit=2', { token: auditor });
    const cursor: string = first.body.nextCursor;
    const tampered = `${cursor.slice(0, 5)}${cursor[5] === 'A' ? 'B' : 'A'}${cursor.slice(6)}`;
    for (const bad of [tampered, 'garbage', `${cursor}x`, '']) {
      const response = await call('GET', `/agreements?limit=2&cursor=${encodeURIComponent(bad)}`, { token: auditor });
      expect(response.status, bad).toBe(400);
    }
    const otherQuery = await call('GET', `/agreements?limit=2&kind=MOU&cursor=${encodeURIComponent(cursor)}`, { token: auditor });
    expect(otherQuery.status).toBe(400);
    expect(otherQuery.body.errors[0].path).toBe('cursor');
  });

  it('refuses bad filters with 400 naming the parameter', async () => {
    const response = await call('GET', '/agreements?status=SLEEPING&endsFrom=2026-13-01', { token: auditor });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['endsFrom', 'status']);
  });
});
