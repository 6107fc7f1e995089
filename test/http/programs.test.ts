import { beforeAll, describe, expect, it } from 'vitest';
import { tokenFor, useLocalApi } from '../support/api.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';
import { employeeBody, nipFor } from '../support/fixtures/employees.ts';
import { expectProblem } from '../support/hardening.ts';

const { call } = useLocalApi();
let trainingAdmin: string;
let auditor: string;
let agreementsAdmin: string;

/** An official of LAN RI: a valid NIP that is not a DKI employee. */
const externalNip = nipFor(8999);

const pkn = {
  title: 'Pelatihan Kepemimpinan Nasional Tingkat II',
  provider: 'BPSDM Provinsi DKI Jakarta',
  method: 'CLASSICAL',
  startsOn: '2024-08-12',
  endsOn: '2024-12-13',
  jp: 100,
  cohort: 'Angkatan XXXIV',
};

beforeAll(async () => {
  trainingAdmin = await tokenFor('training-admin', { subject: 'bpsdm-programs' });
  auditor = await tokenFor('auditor');
  agreementsAdmin = await tokenFor('agreements-admin');
});

let nextIndex = 8000;
async function newEmployee(unit = 'Dinas Kesehatan') {
  const nip = nipFor(nextIndex++);
  expect((await call('PUT', `/employees/${nip}`, { token: trainingAdmin, body: employeeBody({ unit }) })).status).toBe(201);
  return nip;
}

async function newProgram(overrides: Record<string, unknown> = {}) {
  const created = await call('POST', '/training-programs', { token: trainingAdmin, body: { ...pkn, ...overrides } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

const hoursOf = async (nip: string, year: number) => (await call('GET', `/employees/${nip}/training-summary?year=${year}`, { token: auditor })).body.hours;

describe('POST /training-programs', () => {
  it('stores the length in hours and JP whichever is given, and lists by year and by agreement', async () => {
    const agreement = await call('POST', '/agreements', { token: agreementsAdmin, body: agreementBody({ startsOn: '2024-01-01', endsOn: '2028-12-31' }) });
    const program = await newProgram({ agreementId: agreement.body.id });
    expect(program).toMatchObject({ hours: 75, jp: 100, lengthUnit: 'JP', jpMinutes: 45, year: 2024, cohort: 'Angkatan XXXIV', internalParticipants: 0, externalParticipants: 0, version: 1 });
    const inHours = await newProgram({ jp: undefined, hours: 30, title: 'Pelatihan Teknis Pengadaan', startsOn: '2024-03-04', endsOn: '2024-03-08', cohort: undefined });
    expect(inHours).toMatchObject({ hours: 30, jp: 40, lengthUnit: 'HOURS' });

    const ofYear = await call('GET', '/training-programs?year=2024&limit=1', { token: auditor });
    expect(ofYear.body.items.map((item: { id: string }) => item.id)).toEqual([inHours.id]);
    const next = await call('GET', `/training-programs?year=2024&limit=1&cursor=${encodeURIComponent(ofYear.body.nextCursor)}`, { token: auditor });
    expect(next.body.items.map((item: { id: string }) => item.id)).toEqual([program.id]);
    const ofAgreement = await call('GET', `/training-programs?agreementId=${agreement.body.id}`, { token: agreementsAdmin });
    expect(ofAgreement.body.items.map((item: { id: string }) => item.id)).toEqual([program.id]);
    expect((await call('GET', '/training-programs?year=2023', { token: auditor })).body.items).toEqual([]);
  });

  it('refuses both or neither length, a length beyond 24 hours a day, and an unknown agreement', async () => {
    const both = await call('POST', '/training-programs', { token: trainingAdmin, body: { ...pkn, hours: 75 } });
    expectProblem(both, 400);
    expect(both.body.errors).toContainEqual(expect.objectContaining({ path: 'hours' }));
    expectProblem(await call('POST', '/training-programs', { token: trainingAdmin, body: { ...pkn, jp: undefined } }), 400);
    const tooLong = await call('POST', '/training-programs', { token: trainingAdmin, body: { ...pkn, startsOn: '2024-08-12', endsOn: '2024-08-12', jp: 40 } });
    expectProblem(tooLong, 400);
    expect(tooLong.body.errors).toContainEqual(expect.objectContaining({ path: 'jp' }));
    expectProblem(await call('POST', '/training-programs', { token: trainingAdmin, body: { ...pkn, agreementId: 'nope' } }), 422);
  });

  it('replays a keyed create instead of creating twice', async () => {
    const first = await call('POST', '/training-programs', { token: trainingAdmin, headers: { 'idempotency-key': 'program-1' }, body: { ...pkn, title: 'Latsar CPNS' } });
    const again = await call('POST', '/training-programs', { token: trainingAdmin, headers: { 'idempotency-key': 'program-1' }, body: { ...pkn, title: 'Latsar CPNS' } });
    expect(again.body.id).toBe(first.body.id);
  });
});

describe('participants', () => {
  it("counts a DKI employee's participation in their hours, an external one only in the agreement's outcomes", async () => {
    const agreement = await call('POST', '/agreements', { token: agreementsAdmin, body: agreementBody({ startsOn: '2024-01-01', endsOn: '2028-12-31' }) });
    const program = await newProgram({ agreementId: agreement.body.id });
    const internal = await newEmployee('Biro Organisasi');

    const added = await call('PUT', `/training-programs/${program.id}/participants/${internal}`, { token: trainingAdmin, body: { changeProjectTitle: 'Digitalisasi layanan perizinan' } });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({ kind: 'INTERNAL', name: 'Budi Santoso', unit: 'Biro Organisasi', changeProjectTitle: 'Digitalisasi layanan perizinan', version: 1 });
    expect(await hoursOf(internal, 2024)).toBe(75);
    const record = await call('GET', `/employees/${internal}/trainings/${added.body.trainingId}`, { token: auditor });
    expect(record.body).toMatchObject({ title: pkn.title, hours: 75, programId: program.id, agreementId: agreement.body.id });

    const external = await call('PUT', `/training-programs/${program.id}/participants/${externalNip}`, { token: trainingAdmin, body: { name: 'Rina Wulandari', agency: 'LAN RI' } });
    expect(external.status).toBe(201);
    expect((await call('GET', `/employees/${externalNip}`, { token: auditor })).status).toBe(404);
    expect((await call('GET', '/compliance?year=2024&unit=Biro%20Organisasi', { token: auditor })).body.items.map((row: { nip: string }) => row.nip)).toEqual([internal]);

    const outcomes = await call('GET', `/agreements/${agreement.body.id}/outcomes`, { token: agreementsAdmin });
    expect(outcomes.body).toEqual({
      agreementId: agreement.body.id,
      programs: 1,
      trainings: 1,
      participants: 2,
      internalParticipants: 1,
      externalParticipants: 1,
      hours: 150,
      internalHours: 75,
      externalHours: 75,
    });
    expect((await call('GET', `/training-programs/${program.id}`, { token: auditor })).body).toMatchObject({ internalParticipants: 1, externalParticipants: 1, version: 1 });

    // A retried PUT changes nothing; a different one needs If-Match; the change project is replaced with it.
    expect((await call('PUT', `/training-programs/${program.id}/participants/${internal}`, { token: trainingAdmin, body: { changeProjectTitle: 'Digitalisasi layanan perizinan' } })).status).toBe(200);
    expectProblem(await call('PUT', `/training-programs/${program.id}/participants/${internal}`, { token: trainingAdmin, body: { changeProjectTitle: 'Lain' } }), 428);
    const retitled = await call('PUT', `/training-programs/${program.id}/participants/${internal}`, { token: trainingAdmin, headers: { 'if-match': '"1"' }, body: { changeProjectTitle: 'Satu data kepegawaian' } });
    expect(retitled.body).toMatchObject({ changeProjectTitle: 'Satu data kepegawaian', version: 2 });
    expect(retitled.headers.get('etag')).toBe('"2"');
    expectProblem(await call('PUT', `/training-programs/${program.id}/participants/${internal}`, { token: trainingAdmin, headers: { 'if-match': '"1"' }, body: {} }), 412);
    expectProblem(await call('PUT', `/training-programs/${program.id}/participants/${internal}`, { token: trainingAdmin, headers: { 'if-match': '"2"' }, body: { name: 'X', agency: 'LAN RI' } }), 409);
    expect(await hoursOf(internal, 2024)).toBe(75);

    // The record belongs to the program: it leaves with the participant, not on its own.
    expectProblem(await call('DELETE', `/employees/${internal}/trainings/${added.body.trainingId}`, { token: trainingAdmin }), 409);
    expect((await call('DELETE', `/training-programs/${program.id}/participants/${internal}`, { token: trainingAdmin })).status).toBe(204);
    expect(await hoursOf(internal, 2024)).toBe(0);
    expectProblem(await call('GET', `/employees/${internal}/trainings/${added.body.trainingId}`, { token: auditor }), 404);
    expectProblem(await call('DELETE', `/training-programs/${program.id}/participants/${internal}`, { token: trainingAdmin }), 404);
    expect((await call('GET', `/agreements/${agreement.body.id}/outcomes`, { token: auditor })).body).toMatchObject({ participants: 1, internalParticipants: 0, externalParticipants: 1, hours: 75 });
  });

  it('refuses an unregistered NIP without agency, and a DKI employee given as external', async () => {
    const program = await newProgram({ title: 'Pelatihan Dasar CPNS' });
    expectProblem(await call('PUT', `/training-programs/${program.id}/participants/${nipFor(8998)}`, { token: trainingAdmin, body: {} }), 404);
    const employee = await newEmployee();
    expectProblem(await call('PUT', `/training-programs/${program.id}/participants/${employee}`, { token: trainingAdmin, body: { name: 'Budi', agency: 'LAN RI' } }), 409);
    expectProblem(await call('PUT', `/training-programs/${program.id}/participants/${employee}`, { token: trainingAdmin, body: { name: 'Budi' } }), 400);
    expectProblem(await call('PUT', `/training-programs/unknown/participants/${employee}`, { token: trainingAdmin, body: {} }), 404);
  });

  it('adds a roster in one request, reports each refused entry, and changes nothing when retried', async () => {
    const program = await newProgram({ title: 'Pelatihan Kepemimpinan Pengawas', startsOn: '2026-05-04', endsOn: '2026-06-26', jp: 40, cohort: 'Angkatan VII' });
    const nips = [await newEmployee('Dinas Pendidikan'), await newEmployee('Dinas Pendidikan')];
    const participants = [...nips.map((nip) => ({ nip })), { nip: externalNip, name: 'Rina Wulandari', agency: 'LAN RI' }, { nip: nipFor(8997) }];
    const first = await call('POST', `/training-programs/${program.id}/participants`, { token: trainingAdmin, body: { participants } });
    expect(first.body).toMatchObject({ added: 3, unchanged: 0, rejectedCount: 1, rejected: [{ index: 3, nip: nipFor(8997) }] });
    const again = await call('POST', `/training-programs/${program.id}/participants`, { token: trainingAdmin, body: { participants } });
    expect(again.body).toMatchObject({ added: 0, unchanged: 3, rejectedCount: 1 });
    for (const nip of nips) expect(await hoursOf(nip, 2026)).toBe(30);
    const listed = await call('GET', `/training-programs/${program.id}/participants?limit=2`, { token: auditor });
    expect(listed.body.items).toHaveLength(2);
    expect(listed.body.nextCursor).toBeDefined();
    const tooMany = Array.from({ length: 101 }, (_, index) => ({ nip: nipFor(9000 + index) }));
    expectProblem(await call('POST', `/training-programs/${program.id}/participants`, { token: trainingAdmin, body: { participants: tooMany } }), 400);
  });
});

describe('PUT /training-programs/{id}', () => {
  it("needs If-Match, keeps what participants' records copy while they take part, lets the cohort change", async () => {
    const program = await newProgram({ title: 'Pelatihan Analis Kebijakan' });
    const body = { ...pkn, title: 'Pelatihan Analis Kebijakan' };
    expectProblem(await call('PUT', `/training-programs/${program.id}`, { token: trainingAdmin, body }), 428);
    const renamed = await call('PUT', `/training-programs/${program.id}`, { token: trainingAdmin, headers: { 'if-match': '"1"' }, body: { ...body, title: 'Pelatihan Fungsional Analis Kebijakan' } });
    expect(renamed.body).toMatchObject({ title: 'Pelatihan Fungsional Analis Kebijakan', version: 2 });
    expectProblem(await call('PUT', `/training-programs/${program.id}`, { token: trainingAdmin, headers: { 'if-match': '"1"' }, body }), 412);

    const nip = await newEmployee();
    expect((await call('PUT', `/training-programs/${program.id}/participants/${nip}`, { token: trainingAdmin, body: {} })).status).toBe(201);
    const current = { ...body, title: 'Pelatihan Fungsional Analis Kebijakan' };
    const moved = await call('PUT', `/training-programs/${program.id}`, { token: trainingAdmin, headers: { 'if-match': '"2"' }, body: { ...current, jp: 90 } });
    expectProblem(moved, 409);
    expect(moved.body.detail).toMatch(/hours/);
    const recohorted = await call('PUT', `/training-programs/${program.id}`, { token: trainingAdmin, headers: { 'if-match': '"2"' }, body: { ...current, cohort: 'Angkatan XXXV' } });
    expect(recohorted.body).toMatchObject({ cohort: 'Angkatan XXXV', version: 3, internalParticipants: 1 });
  });
});
