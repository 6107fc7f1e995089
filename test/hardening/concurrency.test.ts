import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, tableName } from '../../shared/db/client.ts';
import { tokenFor, untilServed, useLocalApi, type ApiResponse } from '../support/api.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';
import { employeeBody, nipFor, trainingBody } from '../support/fixtures/employees.ts';
import { expectProblem } from '../support/hardening.ts';

/**
 * Races: optimistic locking, running totals under mixed writes, idempotency keys. Every racing
 * request is re-sent while it answers 503 (contention outlasted the server's retries, nothing was
 * written), as a client would: what is checked must hold however busy the machine is.
 */
const { call } = useLocalApi();
let admin: string;
let trainingAdmin: string;
let auditor: string;

beforeAll(async () => {
  admin = await tokenFor('agreements-admin', { subject: 'race-admin' });
  trainingAdmin = await tokenFor('training-admin', { subject: 'race-bpsdm' });
  auditor = await tokenFor('auditor');
});

function statusCounts(responses: ApiResponse[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const response of responses) counts[response.status] = (counts[response.status] ?? 0) + 1;
  return counts;
}

async function newEmployee(index: number): Promise<string> {
  const nip = nipFor(index);
  expect((await call('PUT', `/employees/${nip}`, { token: trainingAdmin, body: employeeBody() })).status).toBe(201);
  return nip;
}

async function allTrainings(nip: string, year: number): Promise<{ id: string; hours: number }[]> {
  const items: { id: string; hours: number }[] = [];
  let cursor: string | undefined;
  do {
    const page = await call('GET', `/employees/${nip}/trainings?year=${year}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: auditor });
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

/** Every item of one partition, straight from the table (the test's own audit). */
async function partition(pk: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

describe('optimistic locking', () => {
  it('gives exactly one 200 to 50 parallel PATCHes with the same If-Match; the others are 412', async () => {
    const created = await call('POST', '/agreements', { token: admin, body: agreementBody({ title: 'Balapan' }) });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        untilServed(() =>
          call('PATCH', `/agreements/${id}`, { token: admin, headers: { 'if-match': '"1"', 'content-type': 'application/merge-patch+json' }, body: { title: `Versi ${index}`, notes: `catatan ${index}` } }),
        ),
      ),
    );
    expect(statusCounts(responses)).toEqual({ 200: 1, 412: 49 });
    for (const response of responses.filter((response) => response.status === 412)) expectProblem(response, 412);
    const winner = responses.find((response) => response.status === 200)!;
    expect(winner.body.version).toBe(2);

    const stored = await call('GET', `/agreements/${id}`, { token: auditor });
    expect(stored.body).toMatchObject({ version: 2, title: winner.body.title, notes: winner.body.notes });
    const history = await call('GET', `/agreements/${id}/history`, { token: auditor });
    expect(history.body.items.map((entry: { version: number; action: string }) => [entry.version, entry.action])).toEqual([
      [1, 'CREATED'],
      [2, 'UPDATED'],
    ]);
  });
});

describe('running totals under concurrent adds and deletes', () => {
  it('keeps the year total equal to the sum of the remaining records after 200 mixed writes', async () => {
    const nip = await newEmployee(8000);
    const hoursOf = (index: number) => 0.25 * (1 + (index % 16)); // 0.25 … 4: exact in binary
    // Seeded one by one: concurrent writes to one total contend, and this part is not the test.
    const seeded: ApiResponse[] = [];
    for (let index = 0; index < 60; index += 1) {
      seeded.push(
        await untilServed(() =>
          call('POST', `/employees/${nip}/trainings`, {
            token: trainingAdmin,
            headers: { 'idempotency-key': `seed-${index}` },
            body: trainingBody({ title: `Awal ${index}`, method: 'NON_CLASSICAL', startsOn: '2026-06-01', endsOn: '2026-06-02', hours: hoursOf(index) }),
          }),
        ),
      );
    }
    expect(statusCounts(seeded)).toEqual({ 201: 60 });
    const seededIds = seeded.map((response) => response.body.id as string);

    // 200 writes at once: 120 adds, 50 deletes of distinct seeded records, and 30 second deletes of
    // records that are being deleted at the same moment (exactly one of each pair may succeed).
    const deleted = seededIds.slice(0, 50);
    const deletedTwice = deleted.slice(0, 30);
    const operations: (() => Promise<ApiResponse>)[] = [
      ...Array.from({ length: 120 }, (_, index) => () =>
        call('POST', `/employees/${nip}/trainings`, {
          token: trainingAdmin,
          headers: { 'idempotency-key': `mixed-${index}` },
          body: trainingBody({ title: `Serentak ${index}`, method: 'NON_CLASSICAL', startsOn: '2026-07-01', endsOn: '2026-07-03', hours: hoursOf(index + 3) }),
        }),
      ),
      ...[...deleted, ...deletedTwice].map((id) => () => call('DELETE', `/employees/${nip}/trainings/${id}`, { token: trainingAdmin })),
    ];
    // Interleave adds and deletes deterministically.
    const order = operations.map((_, index) => index).sort((a, b) => ((a * 7919) % 200) - ((b * 7919) % 200));
    const responses = await Promise.all(order.map((index) => untilServed(operations[index]!)));
    const adds = order.map((index, position) => [index, responses[position]!] as const).filter(([index]) => index < 120).map(([, response]) => response);
    const deletes = order.map((index, position) => [index, responses[position]!] as const).filter(([index]) => index >= 120).map(([, response]) => response);
    expect(statusCounts(adds)).toEqual({ 201: 120 });
    expect(statusCounts(deletes)).toEqual({ 204: 50, 404: 30 });

    const remaining = await allTrainings(nip, 2026);
    expect(remaining).toHaveLength(60 - 50 + 120);
    const remainingIds = new Set(remaining.map((training) => training.id));
    for (const id of deleted) expect(remainingIds.has(id)).toBe(false);
    const sum = remaining.reduce((total, training) => total + training.hours, 0);
    const summary = await call('GET', `/employees/${nip}/training-summary?year=2026`, { token: auditor });
    expect(summary.status).toBe(200);
    expect(summary.body.hours).toBe(sum);

    // The stored total also counts the records: no decrement was applied twice or lost.
    const items = await partition(`EMPLOYEE#${nip}`);
    const total = items.find((item) => item.SK === 'TOTAL#2026');
    expect(total).toMatchObject({ hours: sum, trainings: remaining.length });
    const audits = items.filter((item) => String(item.SK).startsWith('AUDIT#'));
    // A record carries who added it and when; removals leave an audit entry (the record is gone).
    expect(items.filter((item) => item.entity === 'TRAINING')).toHaveLength(remaining.length);
    expect(audits.filter((item) => item.action === 'TRAINING_REMOVED')).toHaveLength(50);
  });
});

describe('Idempotency-Key under concurrency', () => {
  it('creates exactly one agreement for 20 concurrent identical keyed POSTs', async () => {
    const body = agreementBody({ title: 'Kunci Serentak', number: 'IDEM/RACE/1' });
    const responses = await Promise.all(Array.from({ length: 20 }, () => untilServed(() => call('POST', '/agreements', { token: admin, body, headers: { 'idempotency-key': 'race-agreement-1' } }))));
    expect(statusCounts(responses)).toEqual({ 201: 20 });
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    const id = responses[0]!.body.id as string;
    for (const response of responses) expect(response.headers.get('location')).toBe(`/agreements/${id}`);

    const listed = await call('GET', `/agreements?limit=100&endsFrom=${String(body.endsOn)}&endsTo=${String(body.endsOn)}`, { token: auditor });
    expect(listed.body.items.filter((item: { title: string }) => item.title === 'Kunci Serentak')).toHaveLength(1);
    const history = await call('GET', `/agreements/${id}/history`, { token: auditor });
    expect(history.body.items).toHaveLength(1);
  });

  it('creates exactly one agreement for 20 concurrent identical keyed POSTs without a document number', async () => {
    const body = agreementBody({ title: 'Kunci Serentak Tanpa Nomor' });
    const responses = await Promise.all(Array.from({ length: 20 }, () => untilServed(() => call('POST', '/agreements', { token: admin, body, headers: { 'idempotency-key': 'race-agreement-2' } }))));
    expect(statusCounts(responses)).toEqual({ 201: 20 });
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    const listed = await call('GET', `/agreements?limit=100&endsFrom=${String(body.endsOn)}&endsTo=${String(body.endsOn)}`, { token: auditor });
    expect(listed.body.items.filter((item: { title: string }) => item.title === 'Kunci Serentak Tanpa Nomor')).toHaveLength(1);
  });

  it('records exactly one training for 20 concurrent identical keyed POSTs, and counts its hours once', async () => {
    const nip = await newEmployee(8100);
    const body = trainingBody({ title: 'Diklat Serentak', hours: 12, certificateNumber: 'RACE-1' });
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => untilServed(() => call('POST', `/employees/${nip}/trainings`, { token: trainingAdmin, body, headers: { 'idempotency-key': 'race-training-1' } }))),
    );
    expect(statusCounts(responses)).toEqual({ 201: 20 });
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    expect(await allTrainings(nip, 2026)).toHaveLength(1);
    const summary = await call('GET', `/employees/${nip}/training-summary?year=2026`, { token: auditor });
    expect(summary.body.hours).toBe(12);
  });
});
