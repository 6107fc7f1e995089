import { spawnSync } from 'node:child_process';
import { startServer } from '../infra/local/server.ts';
import { mintToken } from '../infra/local/tokens.ts';
import { addDays, todayInJakarta } from '../shared/time/calendar.ts';
import { roundHours } from '../shared/training/rules.ts';
import { putEmployee } from '../shared/training/service/employees.ts';
import { callApi, type ApiAnswer, type ApiCall } from './support/api-client.ts';
import { forEachIndex } from './support/bulk.ts';
import { positive } from './support/config.ts';
import { agreementInput, employeeInput } from './support/datasets.ts';
import { startBenchEngine } from './support/engine.ts';
import { ms, textTable } from './support/format.ts';
import { benchNip } from './support/nip.ts';
import { percentile } from './support/stats.ts';

/**
 * `npm run soak`: SOAK_CONNECTIONS clients (50) for SOAK_SECONDS (60) of mixed reads and writes
 * against the local server, on an in-memory DynamoDB Local of its own. Each client owns the
 * agreements it creates (so its If-Match is never stale) and records training for employees shared
 * by all (so totals see concurrent transactions). Afterwards: every answer must have been the
 * expected status, and the data must be exactly what the answers said was written. Exit code 1
 * otherwise. Clients stop starting requests at the deadline and finish the one in flight.
 */
const seconds = positive('SOAK_SECONDS', 60);
const connections = Math.round(positive('SOAK_CONNECTIONS', 50));
const EMPLOYEES = 100;
const HOURS = [1, 2.5, 4, 7.75, 8];

const expectedStatus = { 'create agreement': 201, 'patch agreement': 200, 'get agreement': 200, 'post training': 201, 'training summary': 200, 'expiring list': 200 } as const;
type Kind = keyof typeof expectedStatus;

interface TrackedAgreement {
  id: string;
  version: number;
  notes?: string;
  /** A PATCH got no answer: it may or may not have been applied. */
  maybe?: { version: number; notes: string };
}

const latencies = new Map<Kind, number[]>();
const statuses = new Map<Kind, Record<string, number>>();
const errors: string[] = [];
const agreements: TrackedAgreement[] = [];
const hoursByNip = new Map<string, { hours: number; count: number }>();
/** Keyed POSTs that got no answer, re-sent after the run with the same Idempotency-Key. */
const unanswered: { kind: Kind; call: ApiCall; onCreated: (answer: ApiAnswer) => void }[] = [];

let baseUrl = '';
const tokens = { agreements: '', training: '', reader: '' };
const today = todayInJakarta();
const year = Number(today.slice(0, 4));
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

/** Sends, records latency and status, and tells whether the answer was the expected one. */
async function send(kind: Kind, call: ApiCall): Promise<ApiAnswer & { ok: boolean }> {
  const answer = await callApi(baseUrl, call);
  const counts = statuses.get(kind) ?? {};
  counts[answer.status || 'no answer'] = (counts[answer.status || 'no answer'] ?? 0) + 1;
  statuses.set(kind, counts);
  const ok = answer.status === expectedStatus[kind];
  if (ok) {
    if (!latencies.has(kind)) latencies.set(kind, []);
    latencies.get(kind)!.push(answer.milliseconds);
  }
  else errors.push(`${kind}: ${call.method} ${call.path} answered ${answer.status || 'nothing'} ${JSON.stringify(answer.body).slice(0, 200)}`);
  return { ...answer, ok };
}

function recordTraining(nip: string, hours: number): void {
  const sum = hoursByNip.get(nip) ?? { hours: 0, count: 0 };
  hoursByNip.set(nip, { hours: sum.hours + hours, count: sum.count + 1 });
}

async function createAgreement(client: number, step: number, mine: TrackedAgreement[]): Promise<void> {
  const body = agreementInput(client * 100_000 + step, { startsOn: addDays(today, -30), endsOn: addDays(today, 1 + Math.floor(Math.random() * 700)) });
  const call = { method: 'POST', path: '/agreements', token: tokens.agreements, body, headers: { 'idempotency-key': `soak-agreement-${client}-${step}` } };
  const created = (answer: ApiAnswer) => {
    const tracked = { id: answer.body.id as string, version: answer.body.version as number };
    mine.push(tracked);
    agreements.push(tracked);
  };
  const answer = await send('create agreement', call);
  if (answer.ok) created(answer);
  else if (answer.status === 0) unanswered.push({ kind: 'create agreement', call, onCreated: created });
}

async function patchAgreement(tracked: TrackedAgreement, client: number, step: number): Promise<void> {
  if (tracked.maybe) return;
  const notes = `Rapat evaluasi ${client}-${step}`;
  const answer = await send('patch agreement', {
    method: 'PATCH',
    path: `/agreements/${tracked.id}`,
    token: tokens.agreements,
    body: { notes },
    headers: { 'if-match': `"${tracked.version}"`, 'content-type': 'application/merge-patch+json' },
  });
  if (answer.ok) {
    if (answer.body.version !== tracked.version + 1) errors.push(`patch agreement: ${tracked.id} went from version ${tracked.version} to ${answer.body.version}`);
    tracked.version = answer.body.version as number;
    tracked.notes = notes;
  } else if (answer.status === 0) tracked.maybe = { version: tracked.version + 1, notes };
}

async function getAgreement(tracked: TrackedAgreement): Promise<void> {
  const answer = await send('get agreement', { method: 'GET', path: `/agreements/${tracked.id}`, token: tokens.reader });
  // Reads are strongly consistent: a client must see its own last write.
  if (answer.ok && !tracked.maybe && answer.body.version !== tracked.version) errors.push(`get agreement: ${tracked.id} read version ${answer.body.version} after writing ${tracked.version}`);
}

async function postTraining(client: number, step: number): Promise<void> {
  const nip = benchNip(Math.floor(Math.random() * EMPLOYEES));
  const hours = pick(HOURS);
  const body = { title: `Pelatihan Soak ${client}-${step}`, provider: 'BPSDM Provinsi DKI Jakarta', method: 'CLASSICAL', startsOn: `${year}-02-02`, endsOn: `${year}-02-03`, hours };
  const call = { method: 'POST', path: `/employees/${nip}/trainings`, token: tokens.training, body, headers: { 'idempotency-key': `soak-training-${client}-${step}` } };
  const answer = await send('post training', call);
  if (answer.ok) recordTraining(nip, hours);
  else if (answer.status === 0) unanswered.push({ kind: 'post training', call, onCreated: () => recordTraining(nip, hours) });
}

async function client(index: number, deadline: number): Promise<void> {
  const mine: TrackedAgreement[] = [];
  for (let step = 1; performance.now() < deadline; step += 1) {
    const roll = Math.random();
    if (mine.length === 0 || roll < 0.12) await createAgreement(index, step, mine);
    else if (roll < 0.3) await patchAgreement(pick(mine), index, step);
    else if (roll < 0.5) await getAgreement(pick(mine));
    else if (roll < 0.78) await postTraining(index, step);
    else if (roll < 0.95) await send('training summary', { method: 'GET', path: `/employees/${benchNip(Math.floor(Math.random() * EMPLOYEES))}/training-summary`, token: tokens.reader });
    else await send('expiring list', { method: 'GET', path: '/agreements/expiring?withinDays=365', token: tokens.reader });
  }
}

/** Re-sends keyed POSTs that got no answer: the API replays the first result or applies it now. */
async function settleUnanswered(): Promise<void> {
  for (const { kind, call, onCreated } of unanswered) {
    const answer = await callApi(baseUrl, call);
    if (answer.status === expectedStatus[kind]) onCreated(answer);
  }
}

async function verifyTrainings(): Promise<string[]> {
  const problems: string[] = [];
  await forEachIndex(EMPLOYEES, 8, async (index) => {
    const nip = benchNip(index);
    const expected = hoursByNip.get(nip) ?? { hours: 0, count: 0 };
    const summary = await callApi(baseUrl, { method: 'GET', path: `/employees/${nip}/training-summary?year=${year}`, token: tokens.reader });
    if (summary.status !== 200 || summary.body.hours !== roundHours(expected.hours)) problems.push(`${nip}: total ${summary.body?.hours} hours, expected ${roundHours(expected.hours)}`);
    let count = 0;
    let hours = 0;
    let cursor: string | undefined;
    do {
      const page = await callApi(baseUrl, { method: 'GET', path: `/employees/${nip}/trainings?year=${year}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token: tokens.reader });
      if (page.status !== 200) {
        problems.push(`${nip}: listing trainings answered ${page.status}`);
        return;
      }
      count += page.body.items.length;
      hours += page.body.items.reduce((sum: number, item: { hours: number }) => sum + item.hours, 0);
      cursor = page.body.nextCursor;
    } while (cursor);
    if (count !== expected.count || roundHours(hours) !== roundHours(expected.hours)) problems.push(`${nip}: ${count} records of ${roundHours(hours)} hours, expected ${expected.count} of ${roundHours(expected.hours)}`);
  });
  return problems;
}

async function verifyAgreements(): Promise<string[]> {
  const problems: string[] = [];
  await forEachIndex(agreements.length, 8, async (index) => {
    const tracked = agreements[index]!;
    const answer = await callApi(baseUrl, { method: 'GET', path: `/agreements/${tracked.id}`, token: tokens.reader });
    const applied = tracked.maybe && answer.body?.version === tracked.maybe.version ? tracked.maybe : tracked;
    if (answer.status !== 200 || answer.body.version !== applied.version || answer.body.notes !== applied.notes) {
      problems.push(`${tracked.id}: read ${answer.status} version ${answer.body?.version} notes ${answer.body?.notes}, expected version ${applied.version} notes ${applied.notes}`);
      return;
    }
    const history = await callApi(baseUrl, { method: 'GET', path: `/agreements/${tracked.id}/history?limit=100`, token: tokens.reader });
    if (history.status !== 200 || history.body.items.length !== applied.version) problems.push(`${tracked.id}: ${history.body?.items?.length} audit entries for version ${applied.version}`);
  });
  return problems;
}

function report(elapsedSeconds: number): void {
  const kinds = Object.keys(expectedStatus) as Kind[];
  const rows = kinds.map((kind) => {
    const done = latencies.get(kind) ?? [];
    const answered = Object.entries(statuses.get(kind) ?? {}).map(([status, count]) => `${status}: ${count}`).join(', ');
    return [kind, String(expectedStatus[kind]), answered || '—', done.length ? ms(percentile(done, 50)) : '—', done.length ? ms(percentile(done, 99)) : '—'];
  });
  const total = kinds.reduce((sum, kind) => sum + Object.values(statuses.get(kind) ?? {}).reduce((a, b) => a + b, 0), 0);
  console.log(`\nSoak: ${connections} clients for ${elapsedSeconds.toFixed(1)} s, ${total} requests (${(total / elapsedSeconds).toFixed(0)}/s)\n`);
  console.log(textTable(['Request', 'Expected', 'Answers', 'p50', 'p99'], rows));
}

/**
 * The contract test of `npm test` (requests generated from GET /openapi.json, answers checked
 * against it), longer: SOAK_CONTRACT_REQUESTS (5,000) on a server and engine of its own.
 */
function runContractLonger(): boolean {
  const requests = String(Math.round(positive('SOAK_CONTRACT_REQUESTS', 5_000)));
  console.log(`\nContract: ${requests} requests generated from the OpenAPI document…`);
  const run = spawnSync('npx', ['vitest', 'run', 'test/hardening/contract.test.ts'], { stdio: 'inherit', env: { ...process.env, CONTRACT_REQUESTS: requests } });
  return run.status !== 0;
}

const engine = await startBenchEngine();
let server: Awaited<ReturnType<typeof startServer>> | undefined;
let failed = true;
try {
  await engine.useTable('soak');
  await forEachIndex(EMPLOYEES, 8, async (index) => {
    await putEmployee(benchNip(index), employeeInput(index, 5), undefined, { subject: 'soak', now: new Date() });
  });
  server = await startServer();
  baseUrl = server.url;
  tokens.agreements = await mintToken({ groups: ['agreements-admin'] });
  tokens.training = await mintToken({ groups: ['training-admin'] });
  tokens.reader = await mintToken({ groups: ['auditor'] });

  console.log(`Soak: ${connections} clients for ${seconds} s against ${baseUrl}…`);
  const start = performance.now();
  await Promise.all(Array.from({ length: connections }, (_, index) => client(index, start + seconds * 1_000)));
  const elapsed = (performance.now() - start) / 1_000;
  await settleUnanswered();
  report(elapsed);

  const trainingProblems = await verifyTrainings();
  const agreementProblems = await verifyAgreements();
  const recorded = [...hoursByNip.values()].reduce((sum, entry) => sum + entry.count, 0);
  console.log(`\nErrors during the run: ${errors.length}${errors.length ? `\n  ${errors.slice(0, 10).join('\n  ')}` : ''}`);
  console.log(`Training totals and records of ${EMPLOYEES} employees (${recorded} records written): ${trainingProblems.length ? `${trainingProblems.length} wrong\n  ${trainingProblems.slice(0, 10).join('\n  ')}` : 'all exact'}`);
  console.log(`Agreements (${agreements.length} created): ${agreementProblems.length ? `${agreementProblems.length} wrong\n  ${agreementProblems.slice(0, 10).join('\n  ')}` : 'each at its last version, with its notes and one audit entry per version'}`);
  const contractFailed = runContractLonger();
  failed = errors.length > 0 || trainingProblems.length > 0 || agreementProblems.length > 0 || contractFailed;
  console.log(failed ? '\nSOAK FAILED' : '\nSoak passed: 0 errors, data exactly as written, the contract held.');
} catch (error) {
  console.error(error);
} finally {
  await server?.close();
  await engine.stop();
}
process.exit(failed ? 1 : 0);
