import { beforeAll, describe, expect, it } from 'vitest';
import { hasLinkedTrainingSince } from '../../shared/training/repository/records.ts';
import { addDays, todayInJakarta } from '../../shared/time/calendar.ts';
import { tokenFor, useLocalApi } from '../support/api.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';

const { call } = useLocalApi();
let admin: string;
let auditor: string;
const today = todayInJakarta();

beforeAll(async () => {
  admin = await tokenFor('agreements-admin');
  auditor = await tokenFor('auditor');
});

async function newAgreement(): Promise<string> {
  const created = await call('POST', '/agreements', { token: admin, body: agreementBody({ kind: 'SISTER_CITY', startsOn: addDays(today, -400), endsOn: addDays(today, 60) }) });
  expect(created.status).toBe(201);
  return created.body.id;
}

const record = (agreementId: string, body: Record<string, unknown>, token = admin) =>
  call('POST', `/agreements/${agreementId}/activities`, { token, body: { kind: 'VISIT', on: addDays(today, -3), description: 'Kunjungan delegasi', ...body } });

describe('activities and evaluations', () => {
  it('a visit counts as activity for dormancy (the rule the weekly job and GET /agreements/dormant share) and in the outcomes', async () => {
    const id = await newAgreement();
    const since = addDays(today, -180);
    expect(await hasLinkedTrainingSince(id, since)).toBe(false);

    const visit = await record(id, { participants: ['Wali Kota', 'Biro Kerja Sama Daerah'] });
    expect(visit.status, JSON.stringify(visit.body)).toBe(201);
    expect(visit.body).toMatchObject({ agreementId: id, kind: 'VISIT', participants: ['Wali Kota', 'Biro Kerja Sama Daerah'] });
    expect(await hasLinkedTrainingSince(id, since)).toBe(true);

    const outcomes = await call('GET', `/agreements/${id}/outcomes`, { token: auditor });
    expect(outcomes.body).toEqual({ agreementId: id, trainings: 0, participants: 0, hours: 0, activities: 1, lastActivityOn: addDays(today, -3) });
    const history = await call('GET', `/agreements/${id}/history`, { token: auditor });
    expect(history.body.items.at(-1)).toMatchObject({ action: 'ACTIVITY_RECORDED', changes: [{ field: 'activities', to: { id: visit.body.id, kind: 'VISIT' } }] });
  });

  it('an evaluation closes the loop on the agreement; deleting it opens the loop again', async () => {
    const id = await newAgreement();
    const evaluation = await record(id, { kind: 'EVALUATION', on: addDays(today, -1), description: 'Evaluasi menjelang berakhir', decision: 'RENEW', reason: 'Pertukaran pelajar berjalan baik' });
    expect(evaluation.status).toBe(201);
    const older = await record(id, { kind: 'EVALUATION', on: addDays(today, -30), description: 'Evaluasi lama', decision: 'CONTINUE', reason: 'Catatan terlambat' });
    expect(older.status).toBe(201);
    const agreement = await call('GET', `/agreements/${id}`, { token: auditor });
    expect(agreement.body.evaluation).toEqual({ activityId: evaluation.body.id, on: addDays(today, -1), decision: 'RENEW', reason: 'Pertukaran pelajar berjalan baik', by: expect.any(String) });

    const list = await call('GET', `/agreements/${id}/activities?limit=1`, { token: auditor });
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([evaluation.body.id]);
    const next = await call('GET', `/agreements/${id}/activities?limit=1&cursor=${encodeURIComponent(list.body.nextCursor)}`, { token: auditor });
    expect(next.body.items.map((item: { id: string }) => item.id)).toEqual([older.body.id]);

    expect((await call('DELETE', `/agreements/${id}/activities/${evaluation.body.id}`, { token: admin })).status).toBe(204);
    expect((await call('GET', `/agreements/${id}`, { token: auditor })).body.evaluation).toBeUndefined();
    expect((await call('DELETE', `/agreements/${id}/activities/${evaluation.body.id}`, { token: admin })).status).toBe(404);
  });

  it('refuses a future date, an evaluation without its decision, documents of no such id, and other groups', async () => {
    const id = await newAgreement();
    const future = await record(id, { on: addDays(today, 1) });
    expect(future.status).toBe(400);
    expect(future.body.errors.map((error: { path: string }) => error.path)).toEqual(['on']);
    const bare = await record(id, { kind: 'EVALUATION' });
    expect(bare.body.errors.map((error: { path: string }) => error.path)).toEqual(['decision', 'reason']);
    const missing = await record(id, { documentIds: ['20261130000000000-00000000-0000-4000-8000-000000000000'] });
    expect(missing.status).toBe(422);
    expect((await record(id, {}, auditor)).status).toBe(403);
    expect((await record('no-such-agreement', {})).status).toBe(404);
    expect((await call('GET', `/agreements/${id}/activities`, { token: await tokenFor('employee', { nip: '198609262015051001' }) })).status).toBe(403);
  });

  it('names documents of the agreement as its evidence', async () => {
    const id = await newAgreement();
    const document = await call('POST', `/agreements/${id}/documents`, { token: admin, body: { filename: 'laporan.pdf', contentType: 'application/pdf', size: 100, kind: 'IMPLEMENTATION_REPORT' } });
    const report = await record(id, { kind: 'REPORT', description: 'Laporan pelaksanaan', documentIds: [document.body.id] });
    expect(report.status).toBe(201);
    expect(report.body.documentIds).toEqual([document.body.id]);
  });
});
