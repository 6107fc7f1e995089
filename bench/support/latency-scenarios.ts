import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type autocannon from 'autocannon';
import { apiGatewayEvent } from '../../infra/local/api-gateway-event.ts';
import { mintToken, verifyToken } from '../../infra/local/tokens.ts';
import { createAgreement, expiringAgreements, getAgreement } from '../../shared/agreements/service.ts';
import { matchRoute } from '../../shared/http/match.ts';
import { addDays, todayInJakarta } from '../../shared/time/calendar.ts';
import type { TrainingInput } from '../../shared/training/schemas.ts';
import { addTraining } from '../../shared/training/service/records.ts';
import { complianceReport } from '../../shared/training/service/compliance.ts';
import { putEmployee } from '../../shared/training/service/employees.ts';
import { forEachIndex } from './bulk.ts';
import { agreementInput, employeeInput, unitName } from './datasets.ts';
import { describeCommands, recorded, type RecordedCommand } from './instrument.ts';
import { benchNip } from './nip.ts';

/**
 * The routes of the request-overhead benchmark, each as an HTTP request and as the DynamoDB
 * commands its handler sends (recorded from the service the handler calls), on a small table
 * seeded through the services.
 */
export interface Scenario {
  name: string;
  expectStatus: number;
  http: () => autocannon.Request;
  /** The raw side; absent for the server's own floor. */
  raw?: { label: string; commands?: RecordedCommand[]; prepare?: () => Promise<RecordedCommand[]> };
  /** The route's Lambda handler invoked in-process with a ready event: no HTTP, no token check. */
  direct?: () => Promise<void>;
}

export const TARGETED_ROUTE = 'GET /agreements/{id}';
const READERS = 100;
const WRITERS = 200;
const actor = () => ({ subject: 'bench', now: new Date() });

function trainingBody(title: string, year: number): TrainingInput {
  return { title: `Pelatihan Latensi ${title}`, provider: 'BPSDM Provinsi DKI Jakarta', method: 'CLASSICAL', startsOn: `${year}-03-02`, endsOn: `${year}-03-06`, hours: 8 };
}

export async function seedLatencyData() {
  const today = todayInJakarta();
  const { agreement } = await createAgreement(agreementInput(0, { startsOn: addDays(today, -30), endsOn: addDays(today, 365) }), actor());
  // More than a page (25) of agreements ending within the default 90 days.
  await forEachIndex(60, 8, async (index) => {
    await createAgreement(agreementInput(index + 1, { startsOn: addDays(today, -30), endsOn: addDays(today, 1 + index) }), actor());
  });
  const year = Number(today.slice(0, 4));
  const readerUnit = unitName(0);
  await forEachIndex(READERS, 8, async (index) => {
    await putEmployee(benchNip(index), { ...employeeInput(index, 1), unit: readerUnit }, undefined, actor());
    await addTraining(benchNip(index), trainingBody(`seed ${index}`, year), actor());
  });
  await forEachIndex(WRITERS, 8, async (index) => {
    await putEmployee(benchNip(READERS + index), { ...employeeInput(READERS + index, 1), unit: unitName(1) }, undefined, actor());
  });
  return { agreementId: agreement.id, readerUnit, year };
}

type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** Invokes the handler module that serves `path` (as the local server would) with a ready-made event. */
async function directGet(path: string, authorization: string): Promise<() => Promise<void>> {
  const url = new URL(path, 'http://localhost');
  const match = matchRoute('GET', url.pathname);
  if (match.kind !== 'route') throw new Error(`no route serves GET ${path}`);
  const { handler } = (await import(`../../functions/${match.route.handler}.ts`)) as { handler: LambdaHandler };
  const claims = await verifyToken(authorization);
  const routeKey = `${match.route.method} ${match.route.path}`;
  const event = apiGatewayEvent({ method: 'GET', url, headers: { authorization }, body: Buffer.alloc(0), routeKey, pathParameters: match.params, ...(claims ? { claims } : {}) });
  const context = { functionName: match.id, awsRequestId: 'bench', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
  return async () => {
    const result = await handler(event, context);
    if (result.statusCode !== 200) throw new Error(`${routeKey} answered ${result.statusCode}`);
  };
}

export async function latencyScenarios(data: Awaited<ReturnType<typeof seedLatencyData>>): Promise<Scenario[]> {
  const reader = `Bearer ${await mintToken({ groups: ['auditor'] })}`;
  const writer = `Bearer ${await mintToken({ groups: ['training-admin'] })}`;
  const get = (path: string, authorization?: string) => (): autocannon.Request => ({ method: 'GET', path, headers: authorization ? { authorization } : {} });
  // Reads are recorded from a real run (they must return data to go on), then replayed as sent.
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
  const agreementPath = `/agreements/${data.agreementId}`;

  return [
    { name: 'GET /health (server floor, no token, no DynamoDB)', expectStatus: 200, http: get('/health') },
    {
      name: TARGETED_ROUTE,
      expectStatus: 200,
      http: get(agreementPath, reader),
      raw: { label: describeCommands(getCommands), commands: getCommands },
      direct: await directGet(agreementPath, reader),
    },
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
