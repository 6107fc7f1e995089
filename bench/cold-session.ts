import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiGatewayEvent } from '../infra/local/api-gateway-event.ts';
import { seedDemoData } from '../infra/local/seed-demo-data.ts';
import { listAgreements } from '../shared/agreements/service.ts';
import { apiFunctionEntry, apiFunctionOf } from '../shared/http/layout.ts';
import { matchRoute } from '../shared/http/match.ts';
import type { RouteDefinition } from '../shared/http/route.ts';
import { routes } from '../shared/http/routes.ts';
import { bundle, type Bundle } from './support/bundle.ts';
import { coldInvocation, type ColdInvocation } from './support/cold-invoke.ts';
import { config } from './support/config.ts';
import type { BenchEngine } from './support/engine.ts';
import { kb, markdownTable, ms, times } from './support/format.ts';
import { figure, type Section } from './support/report.ts';
import { median } from './support/stats.ts';

/**
 * 6. Cold session: the API calls the console makes when a person opens its main pages once
 * (the attention inbox, one agreement's detail, the compliance summary and one unit), played
 * against several ways of laying the routes out in Lambda functions. Each function the session
 * touches costs one cold start: its bundle loaded in a fresh process (Lambda's init), then its
 * first request. The chosen layout's own entries (functions/api/*.ts) are measured as deployed;
 * the others are generated from the same route modules.
 */
const MAX_SESSION_RATIO = 2;
const root = fileURLToPath(new URL('../', import.meta.url));
const rows = Object.entries(routes as Record<string, RouteDefinition>);

const sessionPaths = (agreementId: string) => [
  '/agreements/expiring?withinDays=180',
  '/alerts?status=FAILED',
  '/agreements?status=PENDING',
  `/agreements/${agreementId}`,
  `/agreements/${agreementId}/history`,
  `/agreements/${agreementId}/outcomes`,
  `/agreements?parentId=${agreementId}`,
  '/compliance/summary?year=2026',
  `/compliance?year=2026&unit=${encodeURIComponent('Dinas Kesehatan')}`,
];

interface Layout {
  name: string;
  /** The function serving a route, by its row. */
  functionOf: (route: RouteDefinition) => string;
  /** The entry file of a function: the real one, or one generated for the comparison. */
  entryOf: (name: string) => string;
  chosen?: boolean;
}

/** An entry that serves `served` through the same router as the real entries. */
function generatedEntry(dir: string, name: string, served: RouteDefinition[]): string {
  const file = join(dir, `${name.replace(/\W/g, '-')}.ts`);
  const imports = served.map((route, index) => `import { handler as h${index} } from '${root}functions/${route.handler}.ts';`);
  writeFileSync(file, `import { routeTo } from '${root}shared/http/router.ts';\n${imports.join('\n')}\nexport const handler = routeTo([${served.map((_, index) => `h${index}`).join(', ')}]);\n`);
  return file;
}

function layouts(dir: string): Layout[] {
  const grouped = (name: string, functionOf: (route: RouteDefinition) => string): Layout => ({
    name,
    functionOf,
    entryOf: (group) => generatedEntry(dir, `${name}-${group}`, rows.map(([, route]) => route).filter((route) => functionOf(route) === group)),
  });
  return [
    { name: 'one function per route (before)', functionOf: (route) => route.handler, entryOf: (handler) => join(root, 'functions', `${handler}.ts`) },
    grouped('one function per capability', (route) => route.tag),
    { name: 'public / read / write (chosen)', functionOf: apiFunctionOf, entryOf: (name) => join(root, 'functions', `${apiFunctionEntry(name as never)}.ts`), chosen: true },
    grouped('one function for the whole API', () => 'api'),
  ];
}

const claims = { sub: 'bench-auditor', 'cognito:groups': '[auditor]' };

function eventFor(path: string) {
  const url = new URL(path, 'http://localhost');
  const match = matchRoute('GET', url.pathname);
  if (match.kind !== 'route') throw new Error(`the session calls ${path}, which no route serves`);
  const event = apiGatewayEvent({ method: 'GET', url, headers: { host: 'localhost' }, body: Buffer.alloc(0), routeKey: `GET ${match.route.path}`, pathParameters: match.params });
  return { route: match.route, event: { ...event, requestContext: { ...event.requestContext, authorizer: { jwt: { claims, scopes: [] } } } } };
}

export async function coldSession(engine: BenchEngine, log: (line: string) => void): Promise<Section> {
  await engine.useTable('bench-cold-session');
  await seedDemoData();
  const [agreement] = (await listAgreements({ limit: 1 } as never, new Date())).items;
  if (!agreement) throw new Error('the demo data holds no agreement');
  const calls = sessionPaths(agreement.id).map(eventFor);
  const environment = {
    TABLE_NAME: 'bench-cold-session',
    DYNAMODB_ENDPOINT: engine.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: engine.endpoint,
    AWS_REGION: 'ap-southeast-3',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    JALIN_QUIET: '1',
  };
  const dir = mkdtempSync(join(tmpdir(), 'jalin-bench-session-'));
  try {
    const floorBundle = await bundle(join(root, 'bench/support/probes/floor-handler.ts'), join(dir, 'floor', 'index.mjs'));
    const measured: { layout: Layout; woken: Map<string, (typeof calls)[number]>; bundles: Map<string, Bundle>; runs: ColdInvocation[][] }[] = [];
    for (const layout of layouts(dir)) {
      // The functions the session wakes, in order, each with the first call that wakes it.
      const woken = new Map<string, (typeof calls)[number]>();
      for (const call of calls) if (!woken.has(layout.functionOf(call.route))) woken.set(layout.functionOf(call.route), call);
      const bundles = new Map<string, Bundle>();
      for (const name of woken.keys()) bundles.set(name, await bundle(layout.entryOf(name), join(dir, 'out', layout.name.replace(/\W/g, '-'), name.replace(/\W/g, '-'), 'index.mjs')));
      measured.push({ layout, woken, bundles, runs: [] });
    }
    log(`  ${measured.length} layouts bundled; ${config.coldStartRuns} rounds of cold sessions…`);
    const floorRuns: ColdInvocation[] = [];
    for (let round = -1; round < config.coldStartRuns; round += 1) {
      // Round -1 warms the file cache; layouts interleave so that slow moments hit all alike.
      const floor = await coldInvocation(floorBundle.file, { id: 'none' }, environment);
      const rounds = [];
      for (const entry of measured) {
        const session: ColdInvocation[] = [];
        for (const [name, call] of entry.woken) session.push(await coldInvocation(entry.bundles.get(name)!.file, call.event, environment));
        rounds.push(session);
      }
      if (round < 0) continue;
      floorRuns.push(floor);
      rounds.forEach((session, index) => measured[index]!.runs.push(session));
      log(`  round ${round + 1}/${config.coldStartRuns}`);
    }
    const floorInit = median(floorRuns.map((run) => run.load));
    const floorTotal = median(floorRuns.map((run) => run.total));
    const summary = measured.map((entry) => {
      const init = median(entry.runs.map((session) => session.reduce((sum, start) => sum + start.load, 0)));
      const total = median(entry.runs.map((session) => session.reduce((sum, start) => sum + start.total, 0)));
      const largest = Math.max(...[...entry.bundles.values()].map((built) => built.bytes));
      return { entry, init, total, largest };
    });
    const chosen = summary.find((line) => line.entry.layout.chosen)!;
    const figures = summary.map((line) =>
      figure(
        `cold session, ${line.entry.layout.name}: cold starts, summed init / one floor init`,
        `${line.entry.woken.size} cold start${line.entry.woken.size === 1 ? '' : 's'}, ${times(line.init / floorInit)} (${ms(line.init)} vs ${ms(floorInit)})`,
        line === chosen ? `≤ ${MAX_SESSION_RATIO}x` : '—',
        line === chosen ? line.init / floorInit <= MAX_SESSION_RATIO : undefined,
      ),
    );
    const details = [
      `The session: ${calls.length} calls, as an \`auditor\`: ${sessionPaths(':id').map((path) => `\`GET ${path}\``).join(', ')}.`,
      markdownTable(
        ['Layout', 'Functions woken', 'Cold starts', 'Summed init (load)', 'Init / floor', 'Summed init + first request', '/ floor (same)', 'Largest bundle woken'],
        summary.map((line) => [
          line.entry.layout.name,
          [...line.entry.woken.keys()].join(', '),
          String(line.entry.woken.size),
          ms(line.init),
          times(line.init / floorInit),
          ms(line.total),
          times(line.total / floorTotal),
          kb(line.largest),
        ]),
      ),
      `Floor: one GetItem bundle (${kb(floorBundle.bytes)}), init ${ms(floorInit)}, init + its GetItem ${ms(floorTotal)}. ` +
        `Init is \`await import(bundle)\` in a fresh \`node\` process (Lambda's init phase runs the module's top level); the first request adds the SDK client's creation and the request itself against DynamoDB Local. Medians of ${config.coldStartRuns} rounds after a discarded warm-up round.`,
    ];
    return { title: '6. Cold session (the console\'s first visit, by function layout)', figures, details };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
