import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiGatewayEvent } from '../infra/local/api-gateway-event.ts';
import { apiFunctionEntry } from '../shared/http/layout.ts';
import { todayInJakarta } from '../shared/time/calendar.ts';
import { bundle } from './support/bundle.ts';
import { config } from './support/config.ts';
import { unitName } from './support/datasets.ts';
import type { BenchEngine } from './support/engine.ts';
import { count, kb, markdownTable } from './support/format.ts';
import { inFreshNode } from './support/fresh-node.ts';
import { loadEmployees } from './support/load-data.ts';
import { figure, type Section } from './support/report.ts';

/**
 * 9. Exports (issue 12 §5): the compliance list of every employee (60,000) exported by the
 * export function's own bundle in a fresh Node process, as one Lambda invocation: duration, the
 * file's size and where it went (inline or the file store), and the process's peak RSS, next to
 * the export of one unit (1/60 of the rows). Memory that does not grow with the rows is bounded.
 */
const TABLE = 'bench-exports';
const root = fileURLToPath(new URL('../', import.meta.url));
/** Lambda memory of every API function (infra/lambda.ts): the peak must stay well inside it. */
const LAMBDA_MEMORY_MB = 512;
/** API Gateway waits 29 s; the export of 60,000 rows must fit. */
const ROUTE_SECONDS = 29;

/** Runs in the fresh process: load the bundle, invoke it once, report RSS after load and the peak. */
const probe = `
const { handler } = await import(process.env.BUNDLE_URL);
const loadedRss = process.memoryUsage().rss;
const start = performance.now();
const result = await handler(JSON.parse(process.env.EVENT), { awsRequestId: 'bench' });
const ms = performance.now() - start;
if (result.statusCode >= 300) { process.stderr.write('status ' + result.statusCode + ' ' + result.body); process.exit(3); }
const stored = result.statusCode === 201 ? JSON.parse(result.body) : undefined;
const bytes = stored ? stored.size : Buffer.from(result.body, 'base64').length;
process.stdout.write(JSON.stringify({ ms, status: result.statusCode, bytes, loadedRss, peakRss: process.resourceUsage().maxRSS * 1024 }));
`;

interface Run {
  label: string;
  rows: number;
  ms: number;
  status: number;
  bytes: number;
  loadedRss: number;
  peakRss: number;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function exportsBenchmark(engine: BenchEngine, log: (line: string) => void): Promise<Section> {
  const employees = config.exportRows;
  const year = Number(todayInJakarta().slice(0, 4));
  await engine.useTable(TABLE);
  log(`  loading ${count(employees)} employees with their totals of ${year}`);
  await loadEmployees(engine, 0, employees, { year, targetHours: 40 });

  const dir = mkdtempSync(join(tmpdir(), 'jalin-bench-exports-'));
  try {
    const exportBundle = await bundle(join(root, 'functions', `${apiFunctionEntry('export')}.ts`), join(dir, 'export', 'index.mjs'));
    const readBundle = await bundle(join(root, 'functions', `${apiFunctionEntry('read')}.ts`), join(dir, 'read', 'index.mjs'));
    const environment = {
      TABLE_NAME: TABLE,
      DYNAMODB_ENDPOINT: engine.endpoint,
      AWS_REGION: 'ap-southeast-3',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      DYNAMODB_REQUEST_TIMEOUT_MS: '20000',
      FILES_DIR: join(dir, 'files'),
      JALIN_QUIET: '1',
    };
    const claims = { sub: 'bench-auditor', 'cognito:groups': '[auditor]' };
    const run = async (label: string, query: string, rows: number): Promise<Run> => {
      const url = new URL(`http://localhost/compliance/export?${query}`);
      const event = apiGatewayEvent({ method: 'GET', url, headers: { host: 'localhost' }, body: Buffer.alloc(0), routeKey: 'GET /compliance/export' });
      const withClaims = { ...event, requestContext: { ...event.requestContext, authorizer: { jwt: { claims, scopes: [] } } } };
      log(`  ${label}`);
      const printed = await inFreshNode(probe, { ...environment, BUNDLE_URL: `file://${exportBundle.file}`, EVENT: JSON.stringify(withClaims) }, label);
      return { label, rows, ...(JSON.parse(printed) as Omit<Run, 'label' | 'rows'>) };
    };
    const unitRows = Math.round(employees / config.units);
    const runs = [
      await run(`XLSX, one unit (${count(unitRows)} rows)`, `year=${year}&unit=${encodeURIComponent(unitName(0))}&format=xlsx`, unitRows),
      await run(`XLSX, every employee (${count(employees)} rows)`, `year=${year}&format=xlsx`, employees),
      await run(`CSV, every employee (${count(employees)} rows)`, `year=${year}&format=csv`, employees),
    ];
    const [small, ...large] = runs as [Run, ...Run[]];
    const peak = Math.max(...large.map((entry) => entry.peakRss));
    const growth = peak - small.peakRss;
    const slowest = Math.max(...large.map((entry) => entry.ms));
    const source = (name: string) => exportBundle.sources.find((entry) => entry.source === name)?.bytes ?? 0;
    return {
      title: '9. Exports',
      figures: [
        figure(`Peak RSS of the export function, ${count(employees)} rows`, `${mb(peak)} (one unit: ${mb(small.peakRss)}; after load: ${mb(small.loadedRss)})`, `< ${LAMBDA_MEMORY_MB / 2} MB (half the function)`, peak < LAMBDA_MEMORY_MB * 1024 * 1024 / 2),
        figure(`Export of ${count(employees)} rows, one invocation`, `${(slowest / 1000).toFixed(1)} s`, `< ${ROUTE_SECONDS} s`, slowest < ROUTE_SECONDS * 1000),
        figure('Export bundle (fflate + shared/exports)', `${kb(exportBundle.bytes)} (${kb(source('fflate'))} + ${kb(source('shared/exports'))}); read ${kb(readBundle.bytes)}`),
      ],
      details: [
        markdownTable(
          ['Export', 'Rows', 'Duration', 'File', 'Answer', 'RSS after load', 'Peak RSS'],
          runs.map((entry) => [entry.label, count(entry.rows), `${(entry.ms / 1000).toFixed(1)} s`, mb(entry.bytes), entry.status === 201 ? '201 stored, link' : '200 inline', mb(entry.loadedRss), mb(entry.peakRss)]),
        ),
        `Peak RSS grows by ${mb(Math.max(0, growth))} from ${count(unitRows)} to ${count(employees)} rows (60 times the rows): the writer holds two pages of 500 items and the file goes ` +
          'through the function\'s /tmp, so what stays in memory is at most the inline answer (4 MiB and its base64), not the rows. Reads go through the list service (GSI1 Query per unit, BatchGet of totals), never a Scan.',
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
