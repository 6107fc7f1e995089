import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { useLocalDatabase } from '../../infra/local/environment.ts';
import { freePort } from '../../infra/local/dynamodb.ts';
import { createAgreementSchema } from '../../shared/agreements/schemas.ts';
import { createAgreement, expiringAgreements, listAgreements, renewAgreement } from '../../shared/agreements/service.ts';
import { db, tableName } from '../../shared/db/client.ts';
import { ConflictError, UnprocessableError } from '../../shared/errors.ts';
import { parseInput } from '../../shared/validation.ts';
import { useTestTable } from '../support/database.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';

const database = useTestTable();
const actorAt = (iso: string) => ({ subject: 'tester', now: new Date(iso) });
const input = (overrides: Record<string, unknown>) => parseInput(createAgreementSchema, agreementBody(overrides));

/** The agreement and its audit entries (its search words, WORD#…, are left out). */
async function partitionOf(id: string) {
  const { Items } = await db().send(new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `AGREEMENT#${id}` } }));
  return (Items ?? []).filter((item) => !String(item.SK).startsWith('WORD#'));
}

describe('expiring window across a year end', () => {
  it('finds agreements in December and January from a December "today"', async () => {
    // 20 Dec 2030 WIB; the window of 30 days reaches 19 Jan 2031.
    const now = '2030-12-19T18:00:00Z';
    const december = await createAgreement(input({ startsOn: '2030-01-01', endsOn: '2030-12-31', title: 'Desember' }), actorAt(now));
    const january = await createAgreement(input({ startsOn: '2030-01-01', endsOn: '2031-01-19', title: 'Januari' }), actorAt(now));
    await createAgreement(input({ startsOn: '2030-01-01', endsOn: '2031-01-20', title: 'Di luar jendela' }), actorAt(now));
    await createAgreement(input({ startsOn: '2030-01-01', endsOn: '2030-12-19', title: 'Sudah berakhir' }), actorAt(now));
    const page = await expiringAgreements({ withinDays: 30, limit: 25 }, new Date(now));
    expect(page.items.map((item) => item.id)).toEqual([december.agreement.id, january.agreement.id]);
  });
});

describe('atomic writes', () => {
  it('leaves nothing behind when the number guard cancels a create', async () => {
    const now = '2026-06-01T00:00:00Z';
    await createAgreement(input({ number: 'ATOM/1' }), actorAt(now));
    const before = (await db().send(new ScanCommand({ TableName: tableName(), Select: 'COUNT' }))).Count;
    await expect(createAgreement(input({ number: 'ATOM/1' }), actorAt(now))).rejects.toBeInstanceOf(ConflictError);
    await expect(createAgreement(input({ kind: 'PKS', parentId: 'missing' }), actorAt(now))).rejects.toBeInstanceOf(UnprocessableError);
    // A Scan here is the test's own audit of the whole table, never a code path of the service.
    const after = (await db().send(new ScanCommand({ TableName: tableName(), Select: 'COUNT' }))).Count;
    expect(after).toBe(before);
  });

  it('writes the renewal, the closed original and both audit entries together', async () => {
    const now = '2026-06-01T00:00:00Z';
    const { agreement: old } = await createAgreement(input({ number: 'ATOM/2' }), actorAt(now));
    const { agreement: next } = await renewAgreement(old.id, { endsOn: '2032-01-01', number: 'ATOM/3' }, actorAt(now));
    expect((await partitionOf(old.id)).map((item) => item.SK)).toEqual(['AGREEMENT', 'AUDIT#000000001', 'AUDIT#000000002']);
    expect((await partitionOf(next.id)).map((item) => item.SK)).toEqual(['AGREEMENT', 'AUDIT#000000001']);
    const closed = (await partitionOf(old.id))[0]!;
    expect(closed).toMatchObject({ lifecycle: 'RENEWED', renewedBy: next.id });
    expect(closed.GSI2PK).toBeUndefined();
  });

  it('lists without reading other partitions: a closed agreement leaves the expiry index', async () => {
    const now = '2026-06-01T00:00:00Z';
    const { agreement } = await createAgreement(input({ startsOn: '2026-01-01', endsOn: '2026-06-10', title: 'Akan diperbarui' }), actorAt(now));
    expect((await expiringAgreements({ withinDays: 30, limit: 100 }, new Date(now))).items.map((item) => item.id)).toContain(agreement.id);
    await renewAgreement(agreement.id, { endsOn: '2028-06-10' }, actorAt(now));
    expect((await expiringAgreements({ withinDays: 30, limit: 100 }, new Date(now))).items.map((item) => item.id)).not.toContain(agreement.id);
    expect((await listAgreements({ status: 'RENEWED', limit: 100 }, new Date(now))).items.map((item) => item.id)).toContain(agreement.id);
  });
});

describe('when DynamoDB is unreachable', () => {
  it('answers 503 problem+json with Retry-After, then recovers', async () => {
    const { handler } = await import('../../functions/agreements/list.ts');
    const event = {
      version: '2.0',
      rawPath: '/agreements',
      headers: {},
      requestContext: { requestId: 'r1', http: { method: 'GET', path: '/agreements' }, authorizer: { jwt: { claims: { sub: 'u', 'cognito:groups': '[auditor]' } } } },
    } as unknown as APIGatewayProxyEventV2;
    useLocalDatabase(`http://127.0.0.1:${await freePort()}`, database.tableName());
    const started = Date.now();
    const down = await handler(event, {} as Context);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(down.statusCode).toBe(503);
    expect(down.headers?.['content-type']).toBe('application/problem+json');
    expect(down.headers?.['retry-after']).toBe('2');
    useLocalDatabase(database.endpoint, database.tableName());
    expect((await handler(event, {} as Context)).statusCode).toBe(200);
  });
});
