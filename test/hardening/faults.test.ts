import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable, freePort, startDynamoDbLocal, type LocalEngine } from '../../infra/local/dynamodb.ts';
import { useLocalDatabase } from '../../infra/local/environment.ts';
import { startServer, type RunningServer } from '../../infra/local/server.ts';
import { db, tableName } from '../../shared/db/client.ts';
import { transact } from '../../shared/db/transactions.ts';
import { problemFromError } from '../../shared/http/problem.ts';
import { tokenFor } from '../support/api.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';
import { employeeBody, nipFor, trainingBody } from '../support/fixtures/employees.ts';
import { callerFor, expectProblem, tableSnapshot } from '../support/hardening.ts';

/**
 * Faults, in two parts, in this order:
 *
 * Part 1: transactions cancelled half-way leave nothing behind; conflicts are retried. It runs on
 * a fresh table of the run's shared DynamoDB Local.
 * Part 2: DynamoDB stops, hangs, and comes back: 503 with Retry-After in bounded time, then 200.
 * It runs on a second DynamoDB Local of this file's own (started in the background while part 1
 * runs), which it stops and restarts. Both parts point this worker's handlers at their engine
 * with useLocalDatabase, which is process-wide: hence a file of their own.
 */
const sharedEndpoint = inject('dynamoDbEndpoint');
const table = `faults-${randomUUID()}`;
let port: number;
let ownEngine: Promise<LocalEngine>;
let engine: LocalEngine | undefined;
let server: RunningServer;
let admin: string;
let trainingAdmin: string;
let auditor: string;
const call = callerFor(() => server.url);

beforeAll(async () => {
  port = await freePort();
  ownEngine = startDynamoDbLocal({ port });
  ownEngine.catch(() => undefined); // awaited (and reported) by part 2
  await ensureTable(sharedEndpoint, table);
  useLocalDatabase(sharedEndpoint, table);
  server = await startServer();
  admin = await tokenFor('agreements-admin', { subject: 'faults-admin' });
  trainingAdmin = await tokenFor('training-admin', { subject: 'faults-bpsdm' });
  auditor = await tokenFor('auditor');
});

afterAll(async () => {
  await server?.close();
  await (engine ?? (await ownEngine.catch(() => undefined)))?.stop();
});

async function createAgreement(overrides: Record<string, unknown> = {}) {
  const response = await call('POST', '/agreements', { token: admin, body: agreementBody(overrides) });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; version: number };
}

async function partition(pk: string): Promise<Record<string, unknown>[]> {
  const { Items } = await db().send(new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true }));
  return Items ?? [];
}

/** Writes nothing at all: the whole table, item by item, is the same before and after. */
async function expectNoWrite(run: () => Promise<void>): Promise<void> {
  const before = await tableSnapshot();
  await run();
  expect(await tableSnapshot()).toEqual(before);
}

function conflict(): TransactionCanceledException {
  return new TransactionCanceledException({
    message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]',
    $metadata: {},
    CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }],
  });
}

/**
 * Cancels the next `count` transactions of this process's real client with TransactionConflict
 * (as DynamoDB does when another transaction holds an item), then lets them through.
 */
function injectConflicts(count: number): { attempts: () => number; remove: () => void } {
  const name = `inject-conflicts-${randomUUID()}`;
  let attempts = 0;
  db().middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'TransactWriteItemsCommand') return next(args);
      attempts += 1;
      if (attempts <= count) throw conflict();
      return next(args);
    },
    { step: 'initialize', name },
  );
  return { attempts: () => attempts, remove: () => void db().middlewareStack.remove(name) };
}

describe('a transaction cancelled half-way leaves nothing partial', () => {
  it('a duplicate document number: no agreement, no audit entry, no guard', async () => {
    await createAgreement({ number: 'ATOM/1' });
    await expectNoWrite(async () => {
      expectProblem(await call('POST', '/agreements', { token: admin, body: agreementBody({ number: 'atom/1', title: 'Duplikat' }) }), 409);
      expectProblem(await call('POST', '/agreements', { token: admin, body: agreementBody({ number: ' ATOM/1 ', title: 'Duplikat' }), headers: { 'idempotency-key': 'atom-dup' } }), 409);
    });
    // The failed keyed request did not store its key: the same key with a new number now works.
    const retried = await call('POST', '/agreements', { token: admin, body: agreementBody({ number: 'ATOM/1B', title: 'Duplikat' }), headers: { 'idempotency-key': 'atom-dup' } });
    expect(retried.status).toBe(201);
  });

  it('a PKS whose parent does not exist (the last condition of the transaction fails)', async () => {
    await expectNoWrite(async () => {
      expectProblem(await call('POST', '/agreements', { token: admin, body: agreementBody({ kind: 'PKS', parentId: 'no-such-parent', number: 'ATOM/PKS' }) }), 422);
    });
    // Its number was not kept either.
    await createAgreement({ number: 'ATOM/PKS' });
  });

  it("a PATCH to another agreement's number, and a renewal that takes a used number", async () => {
    const first = await createAgreement({ number: 'ATOM/2' });
    const second = await createAgreement({ number: 'ATOM/3' });
    await expectNoWrite(async () => {
      expectProblem(await call('PATCH', `/agreements/${second.id}`, { token: admin, headers: { 'if-match': '"1"' }, body: { number: 'ATOM/2', title: 'Diubah' } }), 409);
      expectProblem(await call('POST', `/agreements/${first.id}/renewals`, { token: admin, body: { endsOn: '2040-01-01', number: 'ATOM/3' } }), 409);
    });
    expect((await call('GET', `/agreements/${first.id}`, { token: auditor })).body).toMatchObject({ status: 'ACTIVE', version: 1 });
    expect((await call('GET', `/agreements/${second.id}`, { token: auditor })).body).toMatchObject({ number: 'ATOM/3', version: 1 });
  });

  it('a duplicate training (certificate) and a training for an unknown agreement leave the total alone', async () => {
    const nip = nipFor(3000);
    expect((await call('PUT', `/employees/${nip}`, { token: trainingAdmin, body: employeeBody() })).status).toBe(201);
    expect((await call('POST', `/employees/${nip}/trainings`, { token: trainingAdmin, body: trainingBody({ certificateNumber: 'ATOM-CERT', hours: 10 }) })).status).toBe(201);
    await expectNoWrite(async () => {
      expectProblem(await call('POST', `/employees/${nip}/trainings`, { token: trainingAdmin, body: trainingBody({ title: 'Lain', certificateNumber: 'atom-cert', hours: 5 }) }), 409);
      expectProblem(await call('POST', `/employees/${nip}/trainings`, { token: trainingAdmin, body: trainingBody({ title: 'Kajian', agreementId: 'no-such-agreement', hours: 5 }) }), 422);
      expectProblem(await call('POST', `/employees/${nipFor(3001)}/trainings`, { token: trainingAdmin, body: trainingBody({ hours: 5 }) }), 404);
    });
    expect((await call('GET', `/employees/${nip}/training-summary?year=2026`, { token: auditor })).body.hours).toBe(10);
  });

  it('a refused employee PUT (428 exists without If-Match, 412 stale If-Match) writes nothing, not even its new unit', async () => {
    const nip = nipFor(3100);
    expect((await call('PUT', `/employees/${nip}`, { token: trainingAdmin, body: employeeBody({ unit: 'Dinas Kesehatan' }) })).status).toBe(201);
    await expectNoWrite(async () => {
      expectProblem(await call('PUT', `/employees/${nip}`, { token: trainingAdmin, body: employeeBody({ unit: 'Unit Yang Tidak Pernah Ada' }) }), 428);
      expectProblem(await call('PUT', `/employees/${nip}`, { token: trainingAdmin, headers: { 'if-match': '"7"' }, body: employeeBody({ unit: 'Unit Hantu' }) }), 412);
    });
  });
});

describe('transaction conflicts are retried, and the write lands exactly once', () => {
  it('transact() retries TransactionConflict cancellations, then succeeds (mocked client)', async () => {
    const mock = mockClient(DynamoDBDocumentClient);
    try {
      mock.on(TransactWriteCommand).rejectsOnce(conflict()).rejectsOnce(conflict()).rejectsOnce(conflict()).resolves({});
      const item = { Put: { TableName: 'any', Item: { PK: 'P', SK: 'S' } } };
      await transact([{ item }]);
      expect(mock).toHaveReceivedCommandTimes(TransactWriteCommand, 4);
      for (const attempt of mock.commandCalls(TransactWriteCommand)) expect(attempt.args[0].input).toEqual({ TransactItems: [item] });

      // A condition failure is not retried: it is the step's own error, at once.
      mock.reset();
      mock.on(TransactWriteCommand).rejects(
        new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'ConditionalCheckFailed' }] }),
      );
      await expect(transact([{ item, onConditionFailed: () => new Error('the step said no') }])).rejects.toThrow('the step said no');
      expect(mock).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
    } finally {
      mock.restore();
    }
  });

  it('transact() gives up after 8 conflicts with an error that the HTTP layer answers as 503 with Retry-After (mocked client)', async () => {
    const mock = mockClient(DynamoDBDocumentClient);
    try {
      mock.on(TransactWriteCommand).rejects(conflict());
      const error = await transact([{ item: { Put: { TableName: 'any', Item: { PK: 'P', SK: 'S' } } } }]).then(
        () => undefined,
        (failure: unknown) => failure,
      );
      expect(mock).toHaveReceivedCommandTimes(TransactWriteCommand, 8);
      expect((error as Error).name).toBe('TransactionConflictException');
      const { response } = problemFromError(error, '/agreements');
      expect(response.statusCode).toBe(503);
      expect(response.headers).toMatchObject({ 'content-type': 'application/problem+json', 'retry-after': expect.stringMatching(/^\d+$/) });
    } finally {
      mock.restore();
    }
  });

  it('POST /agreements under 3 injected conflicts: 201, one agreement, one audit entry, one guard', async () => {
    const injected = injectConflicts(3);
    try {
      const response = await call('POST', '/agreements', { token: admin, body: agreementBody({ number: 'RETRY/1', title: 'Dicoba Lagi' }), headers: { 'idempotency-key': 'retry-1' } });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect(injected.attempts()).toBe(4);
      const stored = (await partition(`AGREEMENT#${response.body.id}`)).map((item) => String(item.SK));
      expect(stored.filter((sk) => !sk.startsWith('WORD#'))).toEqual(['AGREEMENT', 'AUDIT#000000001']);
      expect(stored.filter((sk) => sk.startsWith('WORD#')).sort()).toEqual(['WORD#1', 'WORD#dicoba', 'WORD#lagi', 'WORD#retry'].sort());
      expect(await partition('AGREEMENT_NUMBER#retry/1')).toHaveLength(1);
    } finally {
      injected.remove();
    }
    const listed = await call('GET', '/agreements?partner=kolaka&limit=100', { token: auditor });
    expect(listed.body.items.filter((item: { title: string }) => item.title === 'Dicoba Lagi')).toHaveLength(1);
  });

  it('POST /employees/{nip}/trainings under 3 injected conflicts: counted once in the total', async () => {
    const nip = nipFor(3200);
    expect((await call('PUT', `/employees/${nip}`, { token: trainingAdmin, body: employeeBody() })).status).toBe(201);
    const injected = injectConflicts(3);
    try {
      const response = await call('POST', `/employees/${nip}/trainings`, { token: trainingAdmin, body: trainingBody({ hours: 7.5 }) });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect(injected.attempts()).toBe(4);
    } finally {
      injected.remove();
    }
    expect((await call('GET', `/employees/${nip}/training-summary?year=2026`, { token: auditor })).body.hours).toBe(7.5);
    expect((await call('GET', `/employees/${nip}/trainings?year=2026`, { token: auditor })).body.items).toHaveLength(1);
  });

  it('conflicts that outlast every retry: a retryable 503 with Retry-After, not a 500, and nothing written', async () => {
    const injected = injectConflicts(1_000);
    try {
      await expectNoWrite(async () => {
        const response = await call('POST', '/agreements', { token: admin, body: agreementBody({ number: 'RETRY/2' }) });
        expectProblem(response, 503);
        expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      });
    } finally {
      injected.remove();
    }
  });
});

describe('DynamoDB stops, hangs and comes back', () => {
  it('answers 503 problem+json with Retry-After within 10 s while the engine is down, and recovers on restart', async () => {
    engine = await ownEngine;
    await ensureTable(engine.endpoint, table);
    useLocalDatabase(engine.endpoint, table);
    const created = await createAgreement({ number: 'FAULT/1' });
    expect((await call('GET', `/agreements/${created.id}`, { token: auditor })).status).toBe(200);

    await engine!.stop();
    engine = undefined;
    const down = [
      await call('GET', `/agreements/${created.id}`, { token: auditor }),
      await call('GET', '/agreements?limit=5', { token: auditor }),
      await call('POST', '/agreements', { token: admin, body: agreementBody() }),
      await call('GET', `/employees/${nipFor(3000)}`, { token: auditor }),
    ];
    for (const response of down) {
      expectProblem(response, 503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(response.elapsedMs).toBeLessThan(10_000);
    }
    // What needs no database still answers.
    expect((await call('GET', '/health')).status).toBe(200);
    expectProblem(await call('GET', '/agreements?limit=5'), 401);

    engine = await startDynamoDbLocal({ port });
    await ensureTable(engine.endpoint, table);
    const first = await call('GET', '/agreements?limit=5', { token: auditor });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.items).toEqual([]); // a new in-memory engine: the table was recreated empty
    expect((await call('POST', '/agreements', { token: admin, body: agreementBody({ number: 'FAULT/1' }) })).status).toBe(201);
    expectProblem(await call('GET', `/agreements/${created.id}`, { token: auditor }), 404);
  });

  it('answers 503 within 10 s when DynamoDB accepts connections but never answers', async () => {
    const sockets = new Set<Socket>();
    const blackHole: Server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.resume(); // read and drop the request, never answer
    });
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    const { port: holePort } = blackHole.address() as { port: number };
    // The product's own request timeout (the test run raises it for a busy machine): the 503 must come within it.
    const raised = process.env.DYNAMODB_REQUEST_TIMEOUT_MS;
    process.env.DYNAMODB_REQUEST_TIMEOUT_MS = '2000';
    try {
      useLocalDatabase(`http://127.0.0.1:${holePort}`, table);
      const responses = await Promise.all([
        call('GET', '/agreements?limit=5', { token: auditor }),
        call('POST', '/agreements', { token: admin, body: agreementBody() }),
      ]);
      for (const response of responses) {
        expectProblem(response, 503);
        expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(response.elapsedMs).toBeLessThan(10_000);
      }
    } finally {
      if (raised === undefined) delete process.env.DYNAMODB_REQUEST_TIMEOUT_MS;
      else process.env.DYNAMODB_REQUEST_TIMEOUT_MS = raised;
      useLocalDatabase(engine!.endpoint, table);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => blackHole.close(() => resolve()));
    }
    expect((await call('GET', '/agreements?limit=5', { token: auditor })).status).toBe(200);
  });
});
