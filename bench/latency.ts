import type autocannon from 'autocannon';
import { mintToken } from '../infra/local/tokens.ts';
import { startServer } from '../infra/local/server.ts';
import { createAgreement, expiringAgreements, getAgreement } from '../shared/agreements/service.ts';
import { addDays, todayInJakarta } from '../shared/time/calendar.ts';
import type { TrainingInput } from '../shared/training/schemas.ts';
import { addTraining, complianceReport, putEmployee } from '../shared/training/service.ts';
import { inParallel } from './support/bulk.ts';
import { config } from './support/config.ts';
import { agreementInput, employeeInput, unitName } from './support/datasets.ts';
import type { BenchEngine } from './support/engine.ts';
import { markdownTable, ms, times } from './support/format.ts';
import { describeCommands, recorded, replay, type RecordedCommand } from './support/instrument.ts';
import { httpLoad, mergeLoads, rawLoad, type LoadResult } from './support/load.ts';
import { benchNip } from './support/nip.ts';
import { figure, type Section } from './support/report.ts';
import { percentile } from './support/stats.ts';

/**
 * 1. Request overhead: each route through the local server (token verification, the API Gateway
 * event, the middy stack, zod, the service) next to the DynamoDB calls that the same request
 * makes, replayed raw through the same document client, at the same concurrency.
 */

const READERS = 100;
const WRITERS = 200;
const actor = () => ({ subject: 'bench', now: new Date() });

async function seed() {
  const today = todayInJakarta();
  const { agreement } = await createAgreement(agreementInput(0, { startsOn: addDays(today, -30), endsOn: addDays(today, 365) }), actor());
  // More than a page (25) of agreements ending within the default 90 days.
  await inParallel(60, 8, async (index) => {
    await createAgreement(agreementInput(index + 1, { startsOn: addDays(today, -30), endsOn: addDays(today, 1 + index) }), actor());
  });
  const year = Number(today.slice(0, 4));
  const readerUnit = unitName(0);
  await inParallel(READERS, 8, async (index) => {
    await putEmployee(benchNip(index), { ...employeeInput(index, 1), unit: readerUnit }, undefined, actor());
    await addTraining(benchNip(index), trainingBody(`seed ${index}`, year), actor());
  });
  await inParallel(WRITERS, 8, async (index) => {
    await putEmployee(benchNip(READERS + index), { ...employeeInput(READERS + index, 1), unit: unitName(1) }, undefined, actor());
  });
  return { agreementId: agreement.id, readerUnit, year };
}

function trainingBody(title: string, year: number): TrainingInput {
  return { title: `Pelatihan Latensi ${title}`, provider: 'BPSDM Provinsi DKI Jakarta', method: 'CLASSICAL', startsOn: `${year}-03-02`, endsOn: `${year}-03-06`, hours: 8 };
}

interface Scenario {
  name: string;
  expectStatus: number;
  http: () => autocannon.Request;
  /** What the raw side sends per iteration; absent for the server's own floor. */
  raw?: { label: string; prepare?: () => Promise<RecordedCommand[]>; commands?: RecordedCommand[] };
}

async function scenarios(data: Awaited<ReturnType<typeof seed>>): Promise<Scenario[]> {
  const reader = `Bearer ${await mintToken({ groups: ['auditor'] })}`;
  const writer = `Bearer ${await mintToken({ groups: ['training-admin'] })}`;
  const get = (path: string, authorization?: string) => (): autocannon.Request => ({ method: 'GET', path, headers: authorization ? { authorization } : {} });
  // The calls each handler makes, recorded once from the service it calls (a real run, since reads
  // must return data to go on), then replayed as they were sent.
  const recordRead = async (fn: () => Promise<unknown>) => (await recorded(fn, { dryRun: false })).commands;
  const getCommands = await recordRead(() => getAgreement(data.agreementId, new Date()));
  const expiringCommands = await recordRead(() => expiringAgreements({ withinDays: 90, limit: 25 }, new Date()));
  const complianceCommands = await recordRead(() => complianceReport({ unit: data.readerUnit, limit: 25 }, new Date()));

  // Every POST is a new training (a repeat would be a 409), for employees in turn, so that the
  // requests in flight update different totals.
  let posted = 0;
  const nextPost = () => {
    posted += 1;
    return { nip: benchNip(READERS + (posted % WRITERS)), body: trainingBody(`${posted}`, data.year) };
  };
  const sample = await recorded(() => addTraining(benchNip(READERS), trainingBody('sample', data.year), actor()), { dryRun: true });

  return [
    { name: 'GET /health (server floor, no token, no DynamoDB)', expectStatus: 200, http: get('/health') },
    { name: 'GET /agreements/{id}', expectStatus: 200, http: get(`/agreements/${data.agreementId}`, reader), raw: { label: describeCommands(getCommands), commands: getCommands } },
    { name: 'GET /agreements/expiring', expectStatus: 200, http: get('/agreements/expiring', reader), raw: { label: describeCommands(expiringCommands), commands: expiringCommands } },
    {
      name: 'POST /employees/{nip}/trainings',
      expectStatus: 201,
      http: () => ({
        method: 'POST',
        setupRequest: (request) => {
          const { nip, body } = nextPost();
          return { ...request, path: `/employees/${nip}/trainings`, headers: { authorization: writer, 'content-type': 'application/json' }, body: JSON.stringify(body) };
        },
      }),
      raw: {
        label: describeCommands(sample.commands),
        prepare: async () => {
          const { nip, body } = nextPost();
          return (await recorded(() => addTraining(nip, body, actor()), { dryRun: true })).commands;
        },
      },
    },
    {
      name: `GET /compliance?unit=… (${READERS} employees)`,
      expectStatus: 200,
      http: get(`/compliance?unit=${encodeURIComponent(data.readerUnit)}`, reader),
      raw: { label: describeCommands(complianceCommands), commands: complianceCommands },
    },
  ];
}

interface Measurement {
  scenario: Scenario;
  connections: number;
  http: LoadResult;
  raw?: LoadResult;
}

async function measure(url: string, scenario: Scenario, connections: number): Promise<Measurement> {
  const http = (seconds: number) => httpLoad({ url, connections, seconds, expectStatus: scenario.expectStatus, request: scenario.http() });
  const spec = scenario.raw;
  const raw = spec
    ? (seconds: number) =>
        rawLoad({
          connections,
          seconds,
          ...(spec.prepare ? { prepare: spec.prepare } : {}),
          call: (prepared) => replay((prepared as RecordedCommand[] | undefined) ?? spec.commands ?? []),
        })
    : undefined;
  // Warm up (module load, JIT, connections), then raw-HTTP-HTTP-raw halves, so that a drift of the
  // machine during the measurement weighs on both sides alike.
  await http(1);
  await raw?.(1);
  const half = config.latencySeconds / 2;
  const rawFirst = await raw?.(half);
  const httpResults = [await http(half), await http(half)];
  const rawLast = await raw?.(half);
  return { scenario, connections, http: mergeLoads(httpResults), ...(rawFirst && rawLast ? { raw: mergeLoads([rawFirst, rawLast]) } : {}) };
}

const p = (load: LoadResult, at: number) => percentile(load.latencies, at);

function figuresOf(m: Measurement) {
  const who = `${m.scenario.name}, ${m.connections} client${m.connections > 1 ? 's' : ''}`;
  const errors = m.http.errors + (m.raw?.errors ?? 0);
  const errorNote = errors ? ` — ${errors} errors` : '';
  if (!m.raw) return [figure(`${who}: p50 / p99`, `${ms(p(m.http, 50))} / ${ms(p(m.http, 99))}${errorNote}`, errors ? '0 errors' : '—', errors ? false : undefined)];
  const raw = m.raw;
  const targeted = m.scenario.name === 'GET /agreements/{id}';
  const p50 = p(m.http, 50) / p(raw, 50);
  const pass50 = targeted || errors ? p50 <= 1.5 && errors === 0 : undefined;
  return [
    figure(`${who}: p50 HTTP / raw`, `${times(p50)} (${ms(p(m.http, 50))} vs ${ms(p(raw, 50))} ${m.scenario.raw!.label})${errorNote}`, targeted ? '≤ 1.5x' : errors ? '0 errors' : '—', pass50),
    figure(`${who}: p99 HTTP / raw`, `${times(p(m.http, 99) / p(raw, 99))} (${ms(p(m.http, 99))} vs ${ms(p(raw, 99))})`),
  ];
}

function detailTable(measurements: Measurement[]): string {
  const statuses = (load: LoadResult) => Object.entries(load.statuses).map(([status, count]) => `${status}: ${count}`).join(', ');
  return markdownTable(
    ['Route', 'Clients', 'Raw calls per request', 'HTTP p50', 'HTTP p99', 'HTTP requests (statuses)', 'Raw p50', 'Raw p99', 'Raw iterations', 'p50 ratio', 'p99 ratio'],
    measurements.map((m) => [
      m.scenario.name,
      String(m.connections),
      m.scenario.raw?.label ?? '—',
      ms(p(m.http, 50)),
      ms(p(m.http, 99)),
      `${m.http.latencies.length} (${statuses(m.http)})`,
      m.raw ? ms(p(m.raw, 50)) : '—',
      m.raw ? ms(p(m.raw, 99)) : '—',
      m.raw ? `${m.raw.latencies.length}${m.raw.errors ? ` (${m.raw.errors} failed)` : ''}` : '—',
      m.raw ? times(p(m.http, 50) / p(m.raw, 50)) : '—',
      m.raw ? times(p(m.http, 99) / p(m.raw, 99)) : '—',
    ]),
  );
}

export async function requestOverhead(engine: BenchEngine, log: (line: string) => void): Promise<Section> {
  await engine.useTable('bench-latency');
  const data = await seed();
  const server = await startServer();
  try {
    const measurements: Measurement[] = [];
    for (const scenario of await scenarios(data)) {
      for (const connections of config.concurrencies) {
        log(`  ${scenario.name}, ${connections} client(s)…`);
        measurements.push(await measure(server.url, scenario, connections));
      }
    }
    return {
      title: '1. Request overhead (local server vs the same DynamoDB calls made raw)',
      figures: measurements.flatMap(figuresOf),
      details: [
        detailTable(measurements),
        `Each row: ${config.latencySeconds} s of closed-loop load per side after 1 s of warm-up, in halves ordered raw, HTTP, HTTP, raw. ` +
          'HTTP goes through autocannon to the local server of `npm start` (HS256 token verification, API Gateway v2 event, the route\'s handler module) in this process. ' +
          'Raw replays, through the same `db()` document client, the exact DynamoDB commands the handler sent for that request (recorded by an SDK middleware); for the POST, each iteration replays the transaction of a new training recorded in a dry run. ' +
          'Non-2xx answers are counted as errors and left out of the percentiles.',
      ],
    };
  } finally {
    await server.close();
  }
}
