import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInJakarta } from '../../shared/time/calendar.ts';
import { tokenFor, useLocalApi } from '../support/api.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';
import { employeeBody, nipFor, trainingBody } from '../support/fixtures/employees.ts';

/** Defects found from outside (issue 9): each answered 500, or stored what it should refuse. */
const { call } = useLocalApi();
let admin: string;
let trainingAdmin: string;

beforeAll(async () => {
  admin = await tokenFor('agreements-admin');
  trainingAdmin = await tokenFor('training-admin');
});

const fieldOf = (body: { errors?: { path: string; message: string }[] }, path: string) => body.errors?.find((error) => error.path === path)?.message;

describe('partner countries', () => {
  it.each([
    ['Indonesia', 'write ID'],
    ['Jepang', 'write JP'],
    ['UK', 'write GB'],
    ['JPN', 'such as ID or JP'],
    ['XA', 'such as ID or JP'],
    ['EU', 'such as ID or JP'],
    ['UN', 'such as ID or JP'],
    ['QO', 'such as ID or JP'],
  ])('refuses %s with a 400 that names the field (%s)', async (country, hint) => {
    const response = await call('POST', '/agreements', { token: admin, body: agreementBody({ partners: [{ name: 'Mitra', category: 'FOREIGN_GOVERNMENT', country }] }) });
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(fieldOf(response.body, 'partners.0.country')).toContain(hint);
  });
});

describe('text fields', () => {
  it.each([
    ['a NUL', 'Biro\u0000Kerja Sama'],
    ['only a zero-width space', '\u200b'],
    ['a lone surrogate', 'Biro \ud800'],
    ['a control character', 'Biro\u0010'],
  ])('refuses a unit name with %s', async (_case, unit) => {
    const response = await call('PUT', `/employees/${nipFor(900)}`, { token: trainingAdmin, body: employeeBody({ unit }) });
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(fieldOf(response.body, 'unit')).toBeDefined();
  });

  it('stores names trimmed and in NFC, so one unit is one unit', async () => {
    const nip = nipFor(901);
    const response = await call('PUT', `/employees/${nip}`, { token: trainingAdmin, body: employeeBody({ unit: '  Dinas Kesehatan\u0301 ' }) });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.unit).toBe('Dinas Kesehatan\u0301'.normalize('NFC'));
  });
});

describe('hours', () => {
  it.each([1e-300, 5e-324, 1e-20, 1.0000000000000002, 0.1, -0.25, 0])('refuses %s hours with a 400, for a training and a target', async (hours) => {
    const nip = nipFor(902);
    await call('PUT', `/employees/${nip}`, { token: trainingAdmin, body: employeeBody() });
    const training = await call('POST', `/employees/${nip}/trainings`, { token: trainingAdmin, body: trainingBody({ hours }) });
    expect(training.status, JSON.stringify(training.body)).toBe(400);
    expect(fieldOf(training.body, 'hours')).toContain('0.25');
    const target = await call('PUT', '/training-targets/2026', { token: trainingAdmin, body: { hours } });
    expect(target.status, JSON.stringify(target.body)).toBe(400);
  });

  it('accepts quarter hours exactly', async () => {
    const nip = nipFor(903);
    await call('PUT', `/employees/${nip}`, { token: trainingAdmin, body: employeeBody() });
    const response = await call('POST', `/employees/${nip}/trainings`, { token: trainingAdmin, body: trainingBody({ hours: 7.75 }) });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  });
});

describe('If-Match (RFC 9110)', () => {
  it('takes * as "whatever version is stored", and never matches a weak ETag', async () => {
    const created = await call('POST', '/agreements', { token: admin, body: agreementBody() });
    const id = created.body.id as string;
    const weak = await call('PATCH', `/agreements/${id}`, { token: admin, body: { notes: 'a' }, headers: { 'if-match': 'W/"1"' } });
    expect(weak.status).toBe(412);
    const any = await call('PATCH', `/agreements/${id}`, { token: admin, body: { notes: 'b' }, headers: { 'if-match': '*' } });
    expect(any.status, JSON.stringify(any.body)).toBe(200);
    expect(any.headers.get('etag')).toBe('"2"');
    const missing = await call('PATCH', '/agreements/no-such-agreement', { token: admin, body: { notes: 'c' }, headers: { 'if-match': '*' } });
    expect(missing.status).toBe(404);
  });

  it('replaces an employee with If-Match: *, and still refuses to create one with it', async () => {
    const nip = nipFor(904);
    expect((await call('PUT', `/employees/${nip}`, { token: trainingAdmin, body: employeeBody(), headers: { 'if-match': '*' } })).status).toBe(404);
    expect((await call('PUT', `/employees/${nip}`, { token: trainingAdmin, body: employeeBody() })).status).toBe(201);
    const replaced = await call('PUT', `/employees/${nip}`, { token: trainingAdmin, body: employeeBody({ position: 'Analis' }), headers: { 'if-match': '*' } });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    expect(replaced.body.version).toBe(2);
  });
});

describe('a PKS and its parent', () => {
  const today = todayInJakarta();
  async function mou(overrides: Record<string, unknown> = {}) {
    const response = await call('POST', '/agreements', { token: admin, body: agreementBody({ startsOn: addDays(today, -100), endsOn: addDays(today, 1000), ...overrides }) });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as { id: string; endsOn: string };
  }
  const pks = (parentId: string, overrides: Record<string, unknown> = {}) =>
    call('POST', '/agreements', { token: admin, body: agreementBody({ kind: 'PKS', parentId, startsOn: addDays(today, -10), endsOn: addDays(today, 300), ...overrides }) });

  it('accepts a PKS inside its MoU, without warnings', async () => {
    const response = await pks((await mou()).id);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.warnings).toBeUndefined();
  });

  it('refuses a PKS under another PKS, naming the parent', async () => {
    const parent = await pks((await mou()).id);
    const response = await pks(parent.body.id);
    expect(response.status).toBe(422);
    expect(fieldOf(response.body, 'parentId')).toContain('MOU, SISTER_CITY');
  });

  it('refuses a PKS that starts before its MoU', async () => {
    const response = await pks((await mou()).id, { startsOn: addDays(today, -200) });
    expect(response.status).toBe(422);
    expect(fieldOf(response.body, 'startsOn')).toContain("parent's startsOn");
  });

  it('accepts a PKS that outlives its MoU, with a warning the console shows', async () => {
    const parent = await mou({ endsOn: addDays(today, 100) });
    const response = await pks(parent.id, { endsOn: addDays(today, 400) });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.warnings).toEqual([{ path: 'endsOn', code: 'END_AFTER_PARENT', message: expect.stringContaining(parent.endsOn) }]);
  });

  it('refuses a PKS under a terminated MoU', async () => {
    const parent = await mou();
    await call('PATCH', `/agreements/${parent.id}`, { token: admin, body: { status: 'TERMINATED', terminationReason: 'Dibatalkan' }, headers: { 'if-match': '"1"' } });
    const response = await pks(parent.id);
    expect(response.status).toBe(422);
    expect(fieldOf(response.body, 'parentId')).toContain('terminated');
  });
});
