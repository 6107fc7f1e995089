import { currentYear } from '../../shared/time/calendar.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenFor, untilServed, useLocalApi } from '../support/api.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';
import { employeeBody, nipFor, trainingBody } from '../support/fixtures/employees.ts';

const { call } = useLocalApi();
let trainingAdmin: string;
let auditor: string;
let agreementsAdmin: string;

beforeAll(async () => {
  trainingAdmin = await tokenFor('training-admin', { subject: 'bpsdm-1' });
  auditor = await tokenFor('auditor');
  agreementsAdmin = await tokenFor('agreements-admin');
});

let nextIndex = 0;
async function newEmployee(overrides: Record<string, unknown> = {}) {
  const nip = nipFor(nextIndex++);
  const response = await call('PUT', `/employees/${nip}`, { token: trainingAdmin, body: employeeBody(overrides) });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return nip;
}

async function addTraining(nip: string, overrides: Record<string, unknown> = {}) {
  return call('POST', `/employees/${nip}/trainings`, { token: trainingAdmin, body: trainingBody(overrides) });
}

function expectProblem(response: { status: number; headers: Headers; body: any }, status: number) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
}

describe('PUT /employees/{nip}', () => {
  it('creates with 201, replaces with If-Match, refuses a blind overwrite with 428', async () => {
    const nip = nipFor(900);
    const created = await call('PUT', `/employees/${nip}`, { token: trainingAdmin, body: employeeBody() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ nip, version: 1, unit: 'Dinas Kesehatan' });
    expect(created.headers.get('etag')).toBe('"1"');
    expectProblem(await call('PUT', `/employees/${nip}`, { token: trainingAdmin, body: employeeBody() }), 428);
    const replaced = await call('PUT', `/employees/${nip}`, { token: trainingAdmin, headers: { 'if-match': '"1"' }, body: employeeBody({ unit: 'Dinas Pendidikan' }) });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ version: 2, unit: 'Dinas Pendidikan' });
    expectProblem(await call('PUT', `/employees/${nip}`, { token: trainingAdmin, headers: { 'if-match': '"1"' }, body: employeeBody() }), 412);
  });

  it('accepts the PPPK shape and names the wrong part of a bad NIP', async () => {
    expect((await call('PUT', '/employees/199009132025242014', { token: trainingAdmin, body: employeeBody() })).status).toBe(201);
    const cases: [string, RegExp][] = [
      ['19860926201505100', /18 digits/],
      ['19860926201505100A', /digits only/],
      ['198602302015051001', /birth date/],
      ['198609261980051001', /TMT/],
      ['198609262015053001', /gender/],
      ['198609262015051000', /sequence/],
    ];
    for (const [nip, message] of cases) {
      const response = await call('PUT', `/employees/${nip}`, { token: trainingAdmin, body: employeeBody() });
      expectProblem(response, 400);
      expect(response.body.errors[0].path).toBe('nip');
      expect(response.body.errors[0].message).toMatch(message);
    }
  });

  it('validates the body', async () => {
    const response = await call('PUT', `/employees/${nipFor(901)}`, { token: trainingAdmin, body: { name: '', email: 'x', unit: 'U', salary: 1 } });
    expectProblem(response, 400);
    expect(response.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['email', 'name', 'salary']);
  });
});

describe('who may read an employee', () => {
  it('lets an employee read only its own records', async () => {
    const own = await newEmployee();
    const other = await newEmployee();
    const token = await tokenFor('employee', { nip: own });
    expect((await call('GET', `/employees/${own}`, { token })).status).toBe(200);
    expect((await call('GET', `/employees/${own}/trainings`, { token })).status).toBe(200);
    expect((await call('GET', `/employees/${own}/training-summary`, { token })).status).toBe(200);
    expectProblem(await call('GET', `/employees/${other}`, { token }), 403);
    expectProblem(await call('GET', `/employees/${other}/trainings`, { token }), 403);
    expectProblem(await call('GET', `/employees/${other}/training-summary`, { token }), 403);
    expectProblem(await call('GET', '/employees?unit=Dinas%20Kesehatan', { token }), 403);
    expectProblem(await call('POST', `/employees/${own}/trainings`, { token, body: trainingBody() }), 403);
    expect((await call('GET', `/employees/${other}`, { token: auditor })).status).toBe(200);
    expectProblem(await call('GET', `/employees/${other}`, { token: agreementsAdmin }), 403);
  });

  it('is 404 for an unregistered NIP', async () => {
    expectProblem(await call('GET', `/employees/${nipFor(950)}`, { token: auditor }), 404);
  });
});

describe('training records and totals', () => {
  it('records a training, counts its hours in the year of endsOn, and removes them on delete', async () => {
    const nip = await newEmployee();
    const first = await addTraining(nip, { hours: 12.5 });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ nip, year: 2026, hours: 12.5 });
    const newYear = await addTraining(nip, { title: 'Seminar Akhir Tahun', startsOn: '2026-12-30', endsOn: '2027-01-01', hours: 16 });
    expect(newYear.body.year).toBe(2027);

    const summary2026 = await call('GET', `/employees/${nip}/training-summary?year=2026`, { token: auditor });
    expect(summary2026.body).toEqual({ nip, year: 2026, hours: 12.5, targetHours: 40, remainingHours: 27.5, compliant: false, jp: 16.67, targetJp: 53.33, remainingJp: 36.67, targetUnit: 'HOURS' });
    expect((await call('GET', `/employees/${nip}/training-summary?year=2027`, { token: auditor })).body.hours).toBe(16);
    expect((await call('GET', `/employees/${nip}/trainings?year=2027`, { token: auditor })).body.items.map((item: { id: string }) => item.id)).toEqual([newYear.body.id]);

    expect((await call('DELETE', `/employees/${nip}/trainings/${first.body.id}`, { token: trainingAdmin })).status).toBe(204);
    expect((await call('GET', `/employees/${nip}/training-summary?year=2026`, { token: auditor })).body.hours).toBe(0);
    expectProblem(await call('DELETE', `/employees/${nip}/trainings/${first.body.id}`, { token: trainingAdmin }), 404);
    expect((await addTraining(nip, { hours: 12.5 })).status).toBe(201);
  });

  it('answers the Location of a created training: readers and the employee itself, 403 for another employee, 404 for an unknown id', async () => {
    const nip = await newEmployee();
    const other = await newEmployee();
    const created = await addTraining(nip, { hours: 6 });
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    expect(location).toBe(`/employees/${nip}/trainings/${created.body.id}`);
    for (const token of [auditor, trainingAdmin, await tokenFor('employee', { nip })]) {
      const read = await call('GET', location, { token });
      expect(read.status, JSON.stringify(read.body)).toBe(200);
      expect(read.body).toEqual(created.body);
    }
    expectProblem(await call('GET', location, { token: await tokenFor('employee', { nip: other }) }), 403);
    expectProblem(await call('GET', location, { token: agreementsAdmin }), 403);
    expectProblem(await call('GET', `/employees/${other}/trainings/${created.body.id}`, { token: auditor }), 404);
    expectProblem(await call('GET', `/employees/${nip}/trainings/20260306-no-such-training`, { token: auditor }), 404);
    expectProblem(await call('GET', `/employees/${nipFor(961)}/trainings/${created.body.id}`, { token: auditor }), 404);
  });

  it('refuses the same training twice, by course or by certificate', async () => {
    const nip = await newEmployee();
    expect((await addTraining(nip, { certificateNumber: 'SERT-001' })).status).toBe(201);
    expectProblem(await addTraining(nip, { certificateNumber: 'SERT-002' }), 409);
    expectProblem(await addTraining(nip, { title: '  pelatihan   KEPEMIMPINAN administrator ' }), 409);
    expectProblem(await addTraining(nip, { title: 'Lain', certificateNumber: 'sert-001' }), 409);
    expect((await call('GET', `/employees/${nip}/training-summary?year=2026`, { token: auditor })).body.hours).toBe(30);
  });

  it('checks hours, dates, the employee and the agreement', async () => {
    const nip = await newEmployee();
    for (const hours of [0, -1, 0.3, 'ten']) expectProblem(await addTraining(nip, { hours }), 400);
    const tooMany = await addTraining(nip, { startsOn: '2026-03-02', endsOn: '2026-03-03', hours: 48.25 });
    expectProblem(tooMany, 400);
    expect(tooMany.body.errors[0].path).toBe('hours');
    expect((await addTraining(nip, { startsOn: '2026-03-02', endsOn: '2026-03-03', hours: 48 })).status).toBe(201);
    expectProblem(await addTraining(nip, { endsOn: '2026-03-01' }), 400);
    expectProblem(await addTraining(nip, { method: 'ONLINE' }), 400);
    expectProblem(await addTraining(nipFor(960), {}), 404);
    const unknownAgreement = await addTraining(nip, { title: 'Kajian', agreementId: 'no-such-agreement' });
    expectProblem(unknownAgreement, 422);
  });

  it('keeps the total exact under 200 concurrent writes for one employee', async () => {
    const nip = await newEmployee();
    // All at once on one total: contention may exhaust a write's retries (503, nothing written);
    // the client retries it with its key, which replays a write that did land.
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        untilServed(() =>
          call('POST', `/employees/${nip}/trainings`, {
            token: trainingAdmin,
            headers: { 'idempotency-key': `webinar-${index}` },
            body: trainingBody({ title: `Webinar ${index}`, method: 'NON_CLASSICAL', startsOn: '2026-05-01', endsOn: '2026-05-01', hours: 0.25 + (index % 4) * 0.25 }),
          }),
        ),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(200).fill(201));
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(200);
    const expected = responses.reduce((sum, response) => sum + response.body.hours, 0);
    const summary = await call('GET', `/employees/${nip}/training-summary?year=2026`, { token: auditor });
    expect(summary.body.hours).toBe(expected);
    let listed = 0;
    let cursor: string | undefined;
    do {
      const page = await call('GET', `/employees/${nip}/trainings?year=2026&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: auditor });
      listed += page.body.items.length;
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(listed).toBe(200);
  });

  it('replays a keyed retry instead of recording twice', async () => {
    const nip = await newEmployee();
    const first = await call('POST', `/employees/${nip}/trainings`, { token: trainingAdmin, body: trainingBody(), headers: { 'idempotency-key': 'rec-1' } });
    const retry = await call('POST', `/employees/${nip}/trainings`, { token: trainingAdmin, body: trainingBody(), headers: { 'idempotency-key': 'rec-1' } });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
  });
});

describe('targets and compliance', () => {
  it('uses the default target, and a stored one changes compliance at once', async () => {
    expect((await call('GET', '/training-targets/2031', { token: auditor })).body).toEqual({ year: 2031, hours: 40, jp: 53.33, unit: 'HOURS', source: 'DEFAULT' });
    const unit = 'Biro Hukum';
    const met = await newEmployee({ unit });
    const unmet = await newEmployee({ unit });
    await addTraining(met, { startsOn: '2031-02-01', endsOn: '2031-02-05', hours: 40 });
    await addTraining(unmet, { startsOn: '2031-02-01', endsOn: '2031-02-05', hours: 20 });

    const unmetList = await call('GET', `/compliance?year=2031&unit=${encodeURIComponent(unit)}&status=UNMET`, { token: auditor });
    expect(unmetList.body.items).toEqual([{ nip: unmet, name: 'Budi Santoso', unit, hours: 20, targetHours: 40, remainingHours: 20, compliant: false, jp: 26.67, targetJp: 53.33, remainingJp: 26.67 }]);
    const metList = await call('GET', `/compliance?year=2031&unit=${encodeURIComponent(unit)}&status=MET`, { token: auditor });
    expect(metList.body.items.map((row: { nip: string }) => row.nip)).toEqual([met]);

    const stored = await call('PUT', '/training-targets/2031', { token: trainingAdmin, body: { hours: 20 } });
    expect(stored.body).toMatchObject({ year: 2031, hours: 20, source: 'STORED' });
    const nowMet = await call('GET', `/compliance?year=2031&unit=${encodeURIComponent(unit)}&status=MET`, { token: auditor });
    expect(nowMet.body.items.map((row: { nip: string }) => row.nip).sort()).toEqual([met, unmet].sort());
    expectProblem(await call('PUT', '/training-targets/2031', { token: trainingAdmin, body: { hours: 0 } }), 400);
    expectProblem(await call('PUT', '/training-targets/2031', { token: trainingAdmin, body: { hours: 15, jp: 20 } }), 400);
    expectProblem(await call('PUT', '/training-targets/2031', { token: trainingAdmin, body: { jp: 2.5 } }), 400);
    // The national rule in JP: 20 JP of 45 minutes are 15 hours, and compliance compares those hours.
    const national = await call('PUT', '/training-targets/2031', { token: trainingAdmin, body: { jp: 20 } });
    expect(national.body).toMatchObject({ year: 2031, hours: 15, jp: 20, unit: 'JP', source: 'STORED' });
    const summary = await call('GET', `/employees/${unmet}/training-summary?year=2031`, { token: auditor });
    expect(summary.body).toMatchObject({ hours: 20, jp: 26.67, targetHours: 15, targetJp: 20, compliant: true, targetUnit: 'JP' });
    expect((await call('PUT', '/training-targets/2031', { token: trainingAdmin, body: { hours: 20 } })).body).toMatchObject({ hours: 20, unit: 'HOURS' });
    expectProblem(await call('PUT', '/training-targets/20x1', { token: trainingAdmin, body: { hours: 10 } }), 400);
  });

  it('counts employees without any training as unmet, and summarises per unit', async () => {
    // Registration opens the current year for the employee (a zero total); other years open on 1 January.
    const year = currentYear(new Date());
    const unit = 'Dinas Perhubungan';
    const trained = await newEmployee({ unit });
    const untrained = await newEmployee({ unit });
    await addTraining(trained, { startsOn: `${year}-01-05`, endsOn: `${year}-01-10`, hours: 45 });
    const unmet = await call('GET', `/compliance?year=${year}&unit=${encodeURIComponent(unit)}&status=UNMET`, { token: trainingAdmin });
    expect(unmet.body.items.map((row: { nip: string }) => row.nip)).toEqual([untrained]);
    const summary = await call('GET', `/compliance/summary?year=${year}&limit=100`, { token: auditor });
    // Any day of the current year asks for some hours: no hours at all is far behind the pace.
    expect(summary.body.items).toContainEqual({ unit, employees: 2, met: 1, unmet: 1, rate: 0.5, onPace: 0, behind: 0, farBehind: 1 });
  });

  it('pages through a unit', async () => {
    const unit = 'Kecamatan Menteng';
    const nips = [await newEmployee({ unit }), await newEmployee({ unit }), await newEmployee({ unit })];
    const first = await call('GET', `/compliance?year=2026&unit=${encodeURIComponent(unit)}&limit=2`, { token: auditor });
    expect(first.body.items).toHaveLength(2);
    const second = await call('GET', `/compliance?year=2026&unit=${encodeURIComponent(unit)}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: auditor });
    expect([...first.body.items, ...second.body.items].map((row: { nip: string }) => row.nip).sort()).toEqual(nips.sort());
    const employees = await call('GET', `/employees?unit=${encodeURIComponent(unit)}`, { token: auditor });
    expect(employees.body.items.map((employee: { nip: string }) => employee.nip).sort()).toEqual(nips.sort());
  });
});

describe('GET /agreements/{id}/outcomes', () => {
  it('counts the trainings, participants and hours linked to an agreement', async () => {
    const agreement = await call('POST', '/agreements', { token: agreementsAdmin, body: agreementBody({ title: 'MoU LAN' }) });
    const a = await newEmployee();
    const b = await newEmployee();
    await addTraining(a, { agreementId: agreement.body.id, hours: 20 });
    await addTraining(a, { agreementId: agreement.body.id, title: 'Coaching', hours: 4.5 });
    await addTraining(b, { agreementId: agreement.body.id, hours: 20 });
    await addTraining(b, { title: 'Tidak terkait', hours: 8 });
    const outcomes = await call('GET', `/agreements/${agreement.body.id}/outcomes`, { token: auditor });
    expect(outcomes.body).toEqual({ agreementId: agreement.body.id, programs: 0, trainings: 3, participants: 2, internalParticipants: 2, externalParticipants: 0, hours: 44.5, internalHours: 44.5, externalHours: 0, activities: 0 });
    expectProblem(await call('GET', '/agreements/unknown/outcomes', { token: auditor }), 404);
  });
});
