import { startServer } from '../infra/local/server.ts';
import { config } from './support/config.ts';
import type { BenchEngine } from './support/engine.ts';
import { markdownTable, ms, times } from './support/format.ts';
import { replay, type RecordedCommand } from './support/instrument.ts';
import { latencyScenarios, seedLatencyData, TARGETED_ROUTE, type Scenario } from './support/latency-scenarios.ts';
import { httpLoad, mergeLoads, rawLoad, type LoadResult } from './support/load.ts';
import { figure, type Section } from './support/report.ts';
import { percentile } from './support/stats.ts';

/**
 * 1. Request overhead: each route through the local server (token verification, the API Gateway
 * event, the middy stack, zod, the service) next to the DynamoDB calls that the same request
 * makes, replayed raw through the same document client, at the same concurrency. For the targeted
 * route, also its handler invoked directly, which splits the overhead between server and handler.
 */
const MAX_P50_RATIO = 1.5;
/** Even: each round runs the sides forward then backward. */
const SLICES_PER_SIDE = 4;

type Side = 'raw' | 'direct' | 'http';

interface Measurement {
  scenario: Scenario;
  connections: number;
  loads: Partial<Record<Side, LoadResult>>;
}

function sidesOf(url: string, scenario: Scenario, connections: number): Partial<Record<Side, (seconds: number) => Promise<LoadResult>>> {
  const raw = scenario.raw;
  const direct = scenario.direct;
  return {
    ...(raw
      ? {
          raw: (seconds: number) =>
            rawLoad({ connections, seconds, ...(raw.prepare ? { prepare: raw.prepare } : {}), call: (prepared) => replay((prepared as RecordedCommand[] | undefined) ?? raw.commands ?? []) }),
        }
      : {}),
    ...(direct ? { direct: (seconds: number) => rawLoad({ connections, seconds, call: direct }) } : {}),
    http: (seconds: number) => httpLoad({ url, connections, seconds, expectStatus: scenario.expectStatus, request: scenario.http() }),
  };
}

async function measure(url: string, scenario: Scenario, connections: number): Promise<Measurement> {
  const sides = sidesOf(url, scenario, connections);
  const order = (['raw', 'direct', 'http'] as const).filter((side) => sides[side]);
  // Warm up (module load, JIT, connections), then slices in the order raw, direct, HTTP, HTTP,
  // direct, raw, repeated: the machine is shared, and its load changes within seconds; slices of a
  // second, alternating, let a burst of someone else's work weigh on every side alike, which two
  // halves did not (the same build gave 1.3x and 2.5x in consecutive runs).
  for (const side of order) await sides[side]!(1);
  const slice = config.latencySeconds / SLICES_PER_SIDE;
  const slices: Partial<Record<Side, LoadResult[]>> = {};
  for (let round = 0; round < SLICES_PER_SIDE / 2; round++) {
    for (const side of [...order, ...[...order].reverse()]) (slices[side] ??= []).push(await sides[side]!(slice));
  }
  const loads: Partial<Record<Side, LoadResult>> = {};
  for (const side of order) loads[side] = mergeLoads(slices[side]!);
  return { scenario, connections, loads };
}

const p = (load: LoadResult, at: number) => percentile(load.latencies, at);

function figuresOf({ scenario, connections, loads }: Measurement) {
  const who = `${scenario.name}, ${connections} client${connections > 1 ? 's' : ''}`;
  const http = loads.http!;
  const errors = Object.values(loads).reduce((sum, load) => sum + load.errors, 0);
  const errorNote = errors ? ` — ${errors} errors` : '';
  const raw = loads.raw;
  if (!raw) return [figure(`${who}: p50 / p99`, `${ms(p(http, 50))} / ${ms(p(http, 99))}${errorNote}`, errors ? '0 errors' : '—', errors ? false : undefined)];
  const targeted = scenario.name === TARGETED_ROUTE;
  const p50 = p(http, 50) / p(raw, 50);
  const lines = [
    figure(
      `${who}: p50 HTTP / raw`,
      `${times(p50)} (${ms(p(http, 50))} vs ${ms(p(raw, 50))} ${scenario.raw!.label})${errorNote}`,
      targeted ? `≤ ${MAX_P50_RATIO}x` : errors ? '0 errors' : '—',
      targeted || errors ? p50 <= MAX_P50_RATIO && errors === 0 : undefined,
    ),
    figure(`${who}: p99 HTTP / raw`, `${times(p(http, 99) / p(raw, 99))} (${ms(p(http, 99))} vs ${ms(p(raw, 99))})`),
  ];
  const direct = loads.direct;
  if (direct) lines.push(figure(`${who}: p50 handler invoked directly / raw`, `${times(p(direct, 50) / p(raw, 50))} (${ms(p(direct, 50))} vs ${ms(p(raw, 50))})`));
  return lines;
}

function detailTable(measurements: Measurement[]): string {
  const cell = (load: LoadResult | undefined, at: number) => (load ? ms(p(load, at)) : '—');
  const volume = (load: LoadResult | undefined) =>
    load ? `${load.latencies.length}${load.errors ? ` (${Object.entries(load.statuses).map(([status, count]) => `${status}: ${count}`).join(', ')})` : ''}` : '—';
  return markdownTable(
    ['Route', 'Clients', 'Raw calls per request', 'Raw p50', 'Raw p99', 'Direct p50', 'Direct p99', 'HTTP p50', 'HTTP p99', 'Samples raw / direct / HTTP', 'HTTP / raw p50', 'HTTP / raw p99'],
    measurements.map(({ scenario, connections, loads }) => [
      scenario.name,
      String(connections),
      scenario.raw?.label ?? '—',
      cell(loads.raw, 50),
      cell(loads.raw, 99),
      cell(loads.direct, 50),
      cell(loads.direct, 99),
      cell(loads.http, 50),
      cell(loads.http, 99),
      [loads.raw, loads.direct, loads.http].map(volume).join(' / '),
      loads.raw ? times(p(loads.http!, 50) / p(loads.raw, 50)) : '—',
      loads.raw ? times(p(loads.http!, 99) / p(loads.raw, 99)) : '—',
    ]),
  );
}

export async function requestOverhead(engine: BenchEngine, log: (line: string) => void): Promise<Section> {
  await engine.useTable('bench-latency');
  const scenarios = await latencyScenarios(await seedLatencyData());
  const server = await startServer();
  try {
    const measurements: Measurement[] = [];
    for (const scenario of scenarios) {
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
        `Each side: ${config.latencySeconds} s of closed-loop load after 1 s of warm-up, in ${SLICES_PER_SIDE} slices ordered raw, direct, HTTP, HTTP, direct, raw, and again. ` +
          "HTTP: autocannon to the local server of `npm start` in this process (HS256 token verification, the API Gateway v2 event, the route's handler module). " +
          'Raw: the exact DynamoDB commands the handler sent for that request (recorded by an SDK middleware), replayed through the same `db()` document client; for the POST, each iteration replays the transaction of a new training recorded in a dry run. ' +
          `Direct (${TARGETED_ROUTE} only): the handler module called in-process with a prepared event, i.e. the Lambda's own work without the HTTP hop and the token check that API Gateway does on AWS. ` +
          'Answers other than the expected status count as errors and stay out of the percentiles; percentiles are nearest-rank over every request.',
      ],
    };
  } finally {
    await server.close();
  }
}
