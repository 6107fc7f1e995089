import { AsyncLocalStorage } from 'node:async_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGatewayEvent } from '../../infra/local/api-gateway-event.ts';
import { loadHandler } from '../../infra/local/functions.ts';
import { db } from '../../shared/db/client.ts';
import { consumerOf, fileConsumers } from '../../shared/files/consumers.ts';
import { objectCreatedEvent } from '../../shared/files/events.ts';
import { fileStore } from '../../shared/files/store.ts';
import type { Result } from '../../shared/http/handler.ts';
import { apiFunctionEntry, apiFunctionOf } from '../../shared/http/layout.ts';
import { matchRoute } from '../../shared/http/match.ts';
import type { TableAction } from '../../shared/http/route.ts';
import { routes, type RouteId } from '../../shared/http/routes.ts';
import { addDays, todayInJakarta } from '../../shared/time/calendar.ts';
import { importFileKey } from '../../shared/training/imports/roster-file.ts';
import { useTestTable } from '../support/database.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';
import { employeeBody, nipFor, trainingBody } from '../support/fixtures/employees.ts';

/**
 * Least privilege, checked against behaviour: every route is driven through its deployed function
 * (shared/http/layout.ts) down every branch that touches the table (a number that moves, a parent,
 * a keyed retry, a linked agreement…), and the DynamoDB actions it really sends must be exactly
 * those its row declares, which are what its function's role is granted (infra/lambda.ts). An
 * action missing from a row fails here before it fails in AWS; one declared but never used
 * is a grant to remove.
 */
useTestTable();
/** A route's id, or `consumer:<entry>` for a file consumer (shared/files/consumers.ts). */
const currentRoute = new AsyncLocalStorage<string>();
const used = new Map<string, Set<TableAction>>();
const transactItemActions: Record<string, TableAction> = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem' };
const MIDDLEWARE = 'record-table-actions';

beforeAll(() => {
  db().middlewareStack.add(
    (next, context) => async (args) => {
      const route = currentRoute.getStore();
      if (route) {
        const actions = used.get(route) ?? new Set<TableAction>();
        const command = (context.commandName ?? '').replace(/Command$/, '');
        if (command === 'TransactWriteItems') {
          for (const item of (args.input as { TransactItems: Record<string, unknown>[] }).TransactItems) actions.add(transactItemActions[Object.keys(item)[0]!]!);
        } else actions.add(command as TableAction);
        used.set(route, actions);
      }
      return next(args);
    },
    { step: 'initialize', name: MIDDLEWARE },
  );
});
afterAll(() => db().middlewareStack.remove(MIDDLEWARE));

const claims = { sub: 'least-privilege', 'cognito:groups': ['agreements-admin', 'training-admin', 'auditor'] };

/** Calls a route through the function that serves it on AWS, recording what it sends to the table. */
async function call(method: string, path: string, options: { body?: unknown; csv?: string; headers?: Record<string, string> } = {}) {
  const url = new URL(path, 'http://localhost');
  const match = matchRoute(method, url.pathname);
  if (match.kind !== 'route') throw new Error(`${method} ${path}: no route`);
  const body = options.csv ?? (options.body === undefined ? '' : JSON.stringify(options.body));
  const headers = { 'content-type': options.csv ? 'text/csv' : 'application/json', ...options.headers };
  const event = apiGatewayEvent({ method, url, headers, body: Buffer.from(body), routeKey: `${method} ${match.route.path}`, pathParameters: match.params, claims });
  const handler = await loadHandler<(event: unknown, context: unknown) => Promise<Result>>(apiFunctionEntry(apiFunctionOf(match.route)));
  const result = await currentRoute.run(match.id as RouteId, () => handler(event, {}));
  expect(result.statusCode, `${method} ${path}: ${result.body}`).toBeLessThan(300);
  if (!result.body || result.isBase64Encoded) return undefined;
  return /json/.test(String(result.headers?.['content-type'])) ? JSON.parse(result.body) : result.body;
}

/** Runs the file consumer of a key as its S3 event notification would, recording what it sends to the table. */
async function consume(key: string, size: number) {
  const consumer = consumerOf(key)!;
  const handler = await loadHandler<(event: unknown, context: unknown) => Promise<unknown>>(consumer.entry);
  await currentRoute.run(`consumer:${consumer.entry}`, () => handler(objectCreatedEvent('test', key, size, new Date()), {}));
}

describe('table actions', () => {
  it('are exactly what each route declares, over every branch that touches the table', async () => {
    const today = todayInJakarta();
    const mou = await call('POST', '/agreements', { body: agreementBody({ number: 'LP/001', startsOn: addDays(today, -30) }), headers: { 'idempotency-key': 'mou-1' } });
    const pks = await call('POST', '/agreements', { body: agreementBody({ kind: 'PKS', parentId: mou.id, startsOn: today, endsOn: addDays(today, 300) }) });
    await call('PATCH', `/agreements/${pks.id}`, { body: { number: 'LP/002' }, headers: { 'if-match': '"1"' } });
    await call('PATCH', `/agreements/${pks.id}`, { body: { number: 'LP/003', endsOn: addDays(today, 200) }, headers: { 'if-match': '"2"' } });
    await call('GET', `/agreements/${mou.id}`);
    await call('GET', '/agreements?status=ACTIVE');
    await call('GET', '/agreements/expiring?withinDays=400');
    await call('GET', `/agreements/${mou.id}/history`);
    await call('GET', `/agreements/${mou.id}/outcomes`);
    const document = await call('POST', `/agreements/${mou.id}/documents`, {
      body: { filename: 'Perjanjian.pdf', contentType: 'application/pdf', size: 9, kind: 'SIGNED_AGREEMENT' },
      headers: { 'idempotency-key': 'document-1' },
    });
    await (await fileStore()).write(`documents/${mou.id}/${document.id}`, '%PDF-1.7\n', 'application/pdf');
    await consume(`documents/${mou.id}/${document.id}`, 9);
    await call('GET', `/agreements/${mou.id}/documents`);
    await call('GET', `/agreements/${mou.id}/documents/${document.id}`);
    const evaluation = await call('POST', `/agreements/${mou.id}/activities`, {
      body: { kind: 'EVALUATION', on: today, description: 'Evaluasi tahunan', decision: 'RENEW', reason: 'Program berjalan baik', documentIds: [document.id] },
      headers: { 'idempotency-key': 'activity-1' },
    });
    await call('GET', `/agreements/${mou.id}/activities`);
    await call('DELETE', `/agreements/${mou.id}/activities/${evaluation.id}`);
    await call('DELETE', `/agreements/${mou.id}/documents/${document.id}`);
    await call('POST', `/agreements/${mou.id}/renewals`, { body: { endsOn: addDays(today, 2000) }, headers: { 'idempotency-key': 'renew-1' } });
    await call('GET', '/agreements/search?q=kesepakatan');
    await call('GET', '/agreements/statistics?year=2026');
    await call('GET', '/agreements/dormant?days=10');
    await call('POST', `/agreements/${pks.id}/withdrawal`, { body: { reason: 'Dicatat dua kali' }, headers: { 'if-match': '"3"', 'idempotency-key': 'withdraw-1' } });
    await call('DELETE', `/agreements/${pks.id}/withdrawal`, { headers: { 'if-match': '"4"' } });

    const nip = nipFor(4000);
    await call('PUT', `/employees/${nip}`, { body: employeeBody() });
    await call('PUT', `/employees/${nip}`, { body: employeeBody({ position: 'Kepala Seksi' }), headers: { 'if-match': '"1"' } });
    await call('GET', `/employees/${nip}`);
    await call('GET', '/employees?unit=Dinas%20Kesehatan');
    await call('GET', '/employees?name=bu');
    // A rename deletes the index item of the word that went; a later word's hit reads its employee.
    await call('PUT', `/employees/${nip}`, { body: employeeBody({ name: 'Budi Santosa', position: 'Kepala Seksi' }), headers: { 'if-match': '"2"' } });
    await call('GET', '/employees?name=santo');
    await call('PUT', `/employees/${nip}/reminders`, { body: { remind: false } });
    const training = await call('POST', `/employees/${nip}/trainings`, { body: trainingBody({ agreementId: pks.id, certificateNumber: 'C-1' }), headers: { 'idempotency-key': 'training-1' } });
    await call('GET', `/employees/${nip}/trainings?year=2026`);
    await call('GET', `/employees/${nip}/trainings/${training.id}`);
    await call('GET', `/employees/${nip}/training-summary?year=2026`);
    await call('DELETE', `/employees/${nip}/trainings/${training.id}`);
    await call('PUT', '/training-targets/2026', { body: { hours: 40 } });
    await call('GET', '/training-targets/2026');
    // The second row falls in a year the employee has no total of yet: it is written alone, as the API writes one record.
    const roster = `nip,title,provider,method,startsOn,endsOn,hours,agreementId,certificateNumber\n${nip},PKN Tingkat II,BPSDM,CLASSICAL,2026-08-12,2026-11-27,40,${pks.id},C-2\n${nip},Orientasi,BPSDM,CLASSICAL,2027-01-05,2027-01-06,8,,\n`;
    await call('POST', '/trainings/import', { csv: roster, headers: { 'idempotency-key': 'import-1' } });
    await call('GET', '/compliance?year=2026&unit=Dinas%20Kesehatan');
    await call('GET', '/compliance/summary?year=2026');
    await call('GET', '/alerts?status=FAILED');
    const upload = await call('POST', '/training-imports', { body: { filename: 'roster.csv', size: roster.length } });
    // New rows (another title, hence other records): the worker writes them in bulk and alone.
    const fresh = roster.replaceAll('PKN Tingkat II', 'PKN Tingkat III').replaceAll('Orientasi', 'Orientasi Lanjut').replace('C-2', 'C-3').replaceAll('2027-', '2028-');
    const inline = await call('POST', '/training-imports', { csv: fresh });
    // The worker, as the imports queue (AWS) or the local server starts it when the roster is stored.
    await consume(importFileKey(inline.id), Buffer.byteLength(fresh));
    await call('GET', '/training-imports');
    await call('GET', `/training-imports/${upload.id}`);
    await call('GET', `/training-imports/${upload.id}/rejected`);

    const programBody = { title: 'PKN Tingkat II', provider: 'BPSDM', method: 'CLASSICAL', startsOn: '2026-08-13', endsOn: '2026-11-26', jp: 60, agreementId: pks.id };
    const program = await call('POST', '/training-programs', { body: programBody, headers: { 'idempotency-key': 'program-1' } });
    await call('PUT', `/training-programs/${program.id}`, { body: { ...programBody, agreementId: mou.id, cohort: 'Angkatan XXXIV' }, headers: { 'if-match': '"1"' } });
    await call('GET', `/training-programs/${program.id}`);
    await call('GET', '/training-programs?year=2026');
    await call('GET', `/training-programs?agreementId=${mou.id}`);
    await call('PUT', `/training-programs/${program.id}/participants/${nip}`, { body: { changeProjectTitle: 'Satu data' } });
    await call('PUT', `/training-programs/${program.id}/participants/${nip}`, { body: {}, headers: { 'if-match': '"1"' } });
    await call('PUT', `/employees/${nipFor(4002)}`, { body: employeeBody() });
    await call('POST', `/training-programs/${program.id}/participants`, { body: { participants: [{ nip: nipFor(4001), name: 'Rina', agency: 'LAN RI' }, { nip: nipFor(4002) }] } });
    await call('GET', `/training-programs/${program.id}/participants`);
    await call('GET', `/training-programs/${program.id}/participants/${nip}`);
    await call('DELETE', `/training-programs/${program.id}/participants/${nip}`);
    await call('GET', '/agreements/export?status=ACTIVE&format=csv');
    await call('GET', `/employees/${nip}/trainings/export?year=2026`);
    await call('GET', '/compliance/export?year=2026');

    const tableRoutes = (Object.keys(routes) as RouteId[]).filter((id) => routes[id].actions.length > 0);
    const untried = tableRoutes.filter((id) => !used.has(id));
    expect(untried, 'routes the scenario above does not call yet').toEqual([]);
    for (const id of tableRoutes) {
      expect([...used.get(id)!].sort(), id).toEqual([...new Set(routes[id].actions)].sort());
    }
    for (const consumer of fileConsumers.filter((each) => each.tableActions.length > 0)) {
      expect([...(used.get(`consumer:${consumer.entry}`) ?? [])].sort(), consumer.entry).toEqual([...new Set(consumer.tableActions)].sort());
    }
  });
});
