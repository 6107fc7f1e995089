import { beforeAll, describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../shared/time/calendar.ts';
import { tokenFor, useLocalApi } from '../support/api.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';
import { employeeBody, nipFor, trainingBody } from '../support/fixtures/employees.ts';
import { expectProblem, tableSnapshot } from '../support/hardening.ts';

/**
 * Edge cases found while hardening (outside the fuzzer, whose requests are all invalid): valid
 * but extreme inputs, and places where the local API Gateway stand-in or the OpenAPI document
 * part from the contract.
 */
const { call } = useLocalApi();
let admin: string;
let trainingAdmin: string;
let auditor: string;

beforeAll(async () => {
  admin = await tokenFor('agreements-admin');
  trainingAdmin = await tokenFor('training-admin');
  auditor = await tokenFor('auditor');
});

describe('dates at the edge of the calendar', () => {
  it('never stores a date that is not YYYY-MM-DD: renewing an agreement that ends on 9999-12-31', async () => {
    const created = await call('POST', '/agreements', { token: admin, body: agreementBody({ startsOn: '9999-01-01', endsOn: '9999-12-31' }) });
    if (created.status === 400) {
      // Refused at the door: dates are bounded, so the day after any stored date is a date.
      expect(created.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['endsOn', 'startsOn']);
      return;
    }
    expect(created.status).toBe(201);
    const renewal = await call('POST', `/agreements/${created.body.id}/renewals`, { token: admin, body: { endsOn: '9999-12-31' } });
    // Either refused (no day after 9999-12-31 can be written YYYY-MM-DD) or a real date.
    if (renewal.status === 201) {
      expect(isCalendarDate(renewal.body.startsOn), `successor startsOn ${JSON.stringify(renewal.body.startsOn)}`).toBe(true);
    } else {
      expectProblem(renewal, 400);
    }
  });

  it('keeps every training readable: one whose year no list accepts (2000–2100) is refused or listed', async () => {
    const nip = nipFor(5000);
    expect((await call('PUT', `/employees/${nip}`, { token: trainingAdmin, body: employeeBody() })).status).toBe(201);
    for (const [startsOn, endsOn] of [
      ['2101-01-01', '2101-01-02'],
      ['1999-12-30', '1999-12-31'],
    ] as const) {
      const created = await call('POST', `/employees/${nip}/trainings`, { token: trainingAdmin, body: trainingBody({ title: `Diklat ${endsOn}`, startsOn, endsOn, hours: 8 }) });
      if (created.status === 400) continue;
      expect(created.status).toBe(201);
      const year = endsOn.slice(0, 4);
      const listed = await call('GET', `/employees/${nip}/trainings?year=${year}`, { token: auditor });
      expect(listed.status, `a training recorded for ${year} (${created.body.id}) cannot be listed: ${JSON.stringify(listed.body)}`).toBe(200);
      expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);
    }
  });
});

describe('the local API Gateway stand-in', () => {
  it('refuses the query parameter __proto__ like any other unknown parameter, and writes nothing', async () => {
    expectProblem(await call('GET', '/agreements?__proto__=x', { token: auditor }), 400);
    expectProblem(await call('GET', '/agreements?constructor=x', { token: auditor }), 400);
    const before = await tableSnapshot();
    expectProblem(await call('POST', '/agreements?__proto__=1', { token: admin, body: agreementBody() }), 400);
    expect(await tableSnapshot()).toEqual(before);
  });
});

describe('the local API Gateway stand-in refuses what its HTTP parser cannot take, as problem+json', () => {
  it.each([
    ['a URL over 16 KB', `/agreements?partner=${'x'.repeat(17_000)}`, {}],
    ['headers over 16 KB', '/agreements', { 'x-notes': 'x'.repeat(17_000) }],
  ])('answers %s with 431', async (_case, path, headers) => {
    const response = await call('GET', path, { token: auditor, headers });
    expectProblem(response, 431);
    expect(response.body.detail).toMatch(/16384 bytes/);
  });
});

describe('the OpenAPI document', () => {
  it('marks If-Match required only where it is: PUT /employees/{nip} creates without it', async () => {
    const document = (await call('GET', '/openapi.json')).body;
    const ifMatch = (path: string, method: string) => document.paths[path][method].parameters.find((parameter: { name: string }) => parameter.name === 'If-Match');
    expect(ifMatch('/agreements/{id}', 'patch')?.required).toBe(true);
    const create = await call('PUT', `/employees/${nipFor(5001)}`, { token: trainingAdmin, body: employeeBody() });
    expect(create.status).toBe(201); // no If-Match sent
    expect(ifMatch('/employees/{nip}', 'put')?.required).toBe(false);
  });
});
