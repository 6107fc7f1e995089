import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Group } from '../../shared/http/auth.ts';
import { DEFAULT_MAX_BODY_BYTES } from '../../shared/http/handler.ts';
import { matchRoute } from '../../shared/http/match.ts';
import type { RouteDefinition } from '../../shared/http/route.ts';
import { routes } from '../../shared/http/routes.ts';
import { IMPORT_COLUMNS } from '../../shared/training/import.ts';
import { addDays, todayInJakarta } from '../../shared/time/calendar.ts';
import { tokenFor, useLocalApi } from '../support/api.ts';
import type { Schema as JsonSchema } from '../support/contract.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';
import { employeeBody, nipFor, trainingBody } from '../support/fixtures/employees.ts';
import { problemViolations, rejectedTokens, tableSnapshot, tokenWithGroups, type RawResponse } from '../support/hardening.ts';

/**
 * Property-based fuzzing of every operation of the OpenAPI document with requests that are all
 * invalid: each carries at least one element that the API must refuse (bad token, wrong group,
 * garbage path parameter, unknown or bad query parameter, wrong content type, bad JSON, a body
 * that breaks its schema, a bad If-Match or Idempotency-Key…), plus random noise. Whatever the
 * mix, the API must answer 4xx problem+json (never 5xx, never 2xx) and write nothing.
 *
 * Reproduce a failure with the seed below; fast-check prints the shrunk counterexample.
 */
const SEED = 20_260_501;
const BATCH = 16;
// About 215 requests per operation (31 operations), so that each poison, even those only some routes can carry (If-Match), is sent 20 times or more.
const RUNS = 420; // 420 batches of 16: 6,720 requests

const { url } = useLocalApi();

interface Operation {
  id: string;
  method: string;
  path: string;
  route: RouteDefinition;
  pathParams: string[];
  queryParams: string[];
  bodyTypes: string[];
  bodySchema?: JsonSchema;
}

type Auth =
  | { kind: 'none' }
  | { kind: 'rejected'; name: string }
  | { kind: 'garbage'; header: string }
  | { kind: 'groups'; groups: string[] }
  | { kind: 'employee'; nip: 'self' | string };

type Body = { kind: 'json'; value: unknown } | { kind: 'raw'; text: string };

interface FuzzRequest {
  op: Operation;
  params: Record<string, { value: string; raw?: boolean }>;
  query: [string, string][];
  headers: Record<string, string>;
  contentType: string | null;
  auth: Auth;
  body?: Body;
  poisons: string[];
}

type Poison = { label: string; apply: (request: FuzzRequest) => void };

// ---------------------------------------------------------------- fixtures and the document

let operations: Operation[] = [];
let tokens: Record<string, string> = {};
const employeeTokens = new Map<string, Promise<string>>();
const today = todayInJakarta();
const state = {
  openAgreement: '',
  closedAgreement: '',
  employee: nipFor(4000),
  otherEmployee: nipFor(4001),
  unregistered: nipFor(4999),
  training: '',
};

beforeAll(async () => {
  const admin = await tokenFor('agreements-admin');
  const trainingAdmin = await tokenFor('training-admin');
  const post = async (path: string, token: string, body: unknown, method = 'POST', headers: Record<string, string> = {}) => {
    const response = await fetch(`${url()}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const json = (await response.json()) as Record<string, unknown>;
    expect(response.status, JSON.stringify(json)).toBeLessThan(300);
    return json;
  };
  state.openAgreement = String((await post('/agreements', admin, agreementBody({ number: 'FUZZ/1' }))).id);
  state.closedAgreement = String((await post('/agreements', admin, agreementBody({ number: 'FUZZ/2' }))).id);
  await post(`/agreements/${state.closedAgreement}`, admin, { status: 'TERMINATED', terminationReason: 'Selesai' }, 'PATCH', { 'if-match': '"1"' });
  await post(`/employees/${state.employee}`, trainingAdmin, employeeBody(), 'PUT');
  await post(`/employees/${state.otherEmployee}`, trainingAdmin, employeeBody({ unit: 'Dinas Pendidikan' }), 'PUT');
  state.training = String((await post(`/employees/${state.employee}/trainings`, trainingAdmin, trainingBody({ agreementId: state.openAgreement }))).id);
  await post('/training-targets/2026', trainingAdmin, { hours: 40 }, 'PUT');

  tokens = {
    ...(await rejectedTokens()),
    ...Object.fromEntries(
      await Promise.all(
        (['agreements-admin', 'training-admin', 'auditor'] as const).map(async (group) => [group, await tokenFor(group, { subject: `fuzz-${group}` })] as const),
      ),
    ),
    noGroups: await tokenWithGroups([]),
    unknownGroup: await tokenWithGroups(['admin', 'Agreements-Admin', 'root']),
  };

  const document = (await (await fetch(`${url()}/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId: string; parameters: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>> };
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]): Operation => {
      const route = (routes as Record<string, RouteDefinition>)[operation.operationId];
      if (!route) throw new Error(`operation ${operation.operationId} is not in the route table`);
      const content = operation.requestBody?.content ?? {};
      return {
        id: operation.operationId,
        method: method.toUpperCase(),
        path,
        route,
        pathParams: operation.parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name),
        queryParams: operation.parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name),
        bodyTypes: Object.keys(content),
        ...(Object.values(content)[0]?.schema.type === 'object' ? { bodySchema: Object.values(content)[0]!.schema } : {}),
      };
    }),
  );
});

function employeeToken(nip: string): Promise<string> {
  let token = employeeTokens.get(nip);
  if (!token) {
    token = tokenFor('employee', { nip, subject: `fuzz-employee-${nip.slice(0, 24)}` });
    employeeTokens.set(nip, token);
  }
  return token;
}

// ---------------------------------------------------------------- values

// Bodies carry 100 KB strings. URLs and headers stay under 16 KB in total: beyond that Node's
// HTTP parser (the local API Gateway stand-in) answers a bare 431 before any handler runs, as API
// Gateway answers its own error beyond its limits; neither is this API's response.
const HUGE = 100 * 1024;
const hugeStrings = ['x'.repeat(HUGE), 'é'.repeat(HUGE / 2), `${'a'.repeat(HUGE - 10)}@jakarta.go.id`, '🙂'.repeat(HUGE / 4)];
const badDates = ['2025-02-30', '2026-13-01', 'tomorrow', '2026-02-29', '2026-00-10', '2026-01-32', '2026-1-1', '26-01-01', '2026/01/01', '2026-01-01T00:00:00Z', '', ' 2026-01-01', '01-02-2026', '+02026-01-01', '2026-W01', '٢٠٢٦-٠١-٠١', 'null', '9999-99-99', '2026-02-28\n'];
const badNips = [
  '19860926201505100',
  '19860926201505100A',
  '198602302015051001',
  '198609261980051001',
  '198609262015053001',
  '198609262015051000',
  '111111111111111111',
  '000000000000000000',
  '１９８６０９２６２０１５０５１００１',
  ' 198609262015051001',
  '198609262015051001 ',
  '-98609262015051001',
  '1.9860926201505e17',
  '198609262015051001198609262015051001',
  '20990101202501 1001',
  'nip',
  'null',
  '0',
  '30001231202501 1001',
];
const garbageIds = ['a b', 'x'.repeat(65), 'x'.repeat(2_500), '../etc/passwd', 'ü', "'; DROP TABLE jalin; --", '<script>alert(1)</script>', 'x/history', 'AGREEMENT#1', '${id}', '\u0000', '💥', 'id.with.dots', '*', '%', 'a\nb'];
const garbageYears = ['tomorrow', '1999', '2101', '20x1', '2026.5', '-2026', 'NaN', 'Infinity', '', ' ', 'null', 'true', '99999999999999999999', '1e400', '2026-01-01'];
const badLimits = ['0', '101', '-1', 'abc', '2.5', '1e9', '99999999999999999999', '', 'NaN', 'Infinity', '10,20', '1000000', 'null', '[10]', '0x'];
const badCursorShapes = ['', 'x'.repeat(2049)];
const garbageCursors = ['abc', 'abc.def', 'a.b.c', 'eyJzIjoiYWdyZWVtZW50cyIsInAiOnt9fQ.AAAAAAAAAAAAAAAAAAAAAA', '....', '%00', 'null', 'x'.repeat(2048), '🙂.🙂', 'e30.e30'];
const badEnums = ['active', 'ALL', 'TREATY', '', ' ', 'ACTIVE,EXPIRED', 'null', '0'];
const badEmails = ['not-an-email', 'a@b', '@jakarta.go.id', 'a@@jakarta.go.id', 'a b@jakarta.go.id', `${'x'.repeat(250)}@jakarta.go.id`, 'kerjasama@', 'kerjasama@jakarta..go.id'];
const badJsonTexts = ['{"title": ', '{', '}', "{'title': 'x'}", 'undefined', 'NaN', '{"a":1}}', '{"a":1,}', '[1,2', '\u0000', 'tru', '{"a":"\\x"}', '"unterminated', '{"a" 1}', '<xml/>', 'title=x&kind=MOU', '\uFEFF{"a":1}', '{"a":01}', '{"a":.5}', '{"a":1e}'];
const unknownNames = ['foo', 'Limit', 'LIMIT', 'page', 'offset', 'constructor', 'toString', 'sort', 'q', 'filter[status]', 'status[]', 'limit ', ' limit', 'nextCursor', 'token', 'admin', 'x'.repeat(300), 'ID', 'hasOwnProperty', 'valueOf'];
const noiseHeaders = fc.dictionary(
  fc.constantFrom('x-forwarded-for', 'accept', 'x-amzn-trace-id', 'accept-language', 'x-request-id', 'origin', 'cookie', 'x-http-method-override', 'x-forwarded-proto'),
  fc.constantFrom('127.0.0.1', 'text/html', '*/*', 'id-ID', 'javascript:alert(1)', 'DELETE', 'https', 'session=abc', '\t', 'x'.repeat(1_000)),
  { maxKeys: 3 },
);

function plausibleParam(name: string): fc.Arbitrary<string> {
  switch (name) {
    case 'id':
      return fc.oneof(fc.constantFrom('open', 'closed', 'does-not-exist').map((kind) => (kind === 'open' ? state.openAgreement : kind === 'closed' ? state.closedAgreement : kind)), fc.uuid());
    case 'nip':
      return fc.constantFrom('employee', 'other', 'unregistered').map((kind) => (kind === 'employee' ? state.employee : kind === 'other' ? state.otherEmployee : state.unregistered));
    case 'trainingId':
      return fc.oneof(fc.constantFrom('existing', '20260306-does-not-exist').map((kind) => (kind === 'existing' ? state.training : kind)), fc.uuid());
    case 'year':
      return fc.constantFrom('2026', '2031', '2000', '2100');
    default:
      return fc.constant('x');
  }
}

function plausibleQuery(name: string): fc.Arbitrary<string> {
  switch (name) {
    case 'limit':
      return fc.integer({ min: 1, max: 100 }).map(String);
    case 'cursor':
      return fc.constantFrom(...garbageCursors);
    case 'status':
      return fc.constantFrom('PENDING', 'ACTIVE', 'EXPIRED', 'TERMINATED', 'RENEWED', 'MET', 'UNMET');
    case 'kind':
      return fc.constantFrom('MOU', 'PKS', 'SISTER_CITY');
    case 'endsFrom':
    case 'endsTo':
      return fc.integer({ min: -400, max: 4000 }).map((days) => addDays(today, days));
    case 'withinDays':
      return fc.integer({ min: 0, max: 1825 }).map(String);
    case 'year':
      return fc.integer({ min: 2000, max: 2100 }).map(String);
    case 'parentId':
      return plausibleParam('id');
    case 'format':
      return fc.constantFrom('xlsx', 'csv');
    default:
      return fc.constantFrom('kolaka', 'Dinas Kesehatan', 'pendidikan', 'x');
  }
}

function badQueryValues(name: string): string[] {
  switch (name) {
    case 'limit':
      return badLimits;
    case 'cursor':
      return badCursorShapes;
    case 'status':
    case 'kind':
      return badEnums;
    case 'endsFrom':
    case 'endsTo':
      return badDates;
    case 'withinDays':
      return ['-1', '1826', 'abc', '2.5', '1e9', '', 'NaN', '90,90', 'ninety'];
    case 'year':
      return garbageYears;
    case 'parentId':
      return garbageIds;
    default:
      return ['', '   ', 'x'.repeat(201), 'x'.repeat(2_500)];
  }
}

function garbageParams(name: string): string[] {
  switch (name) {
    case 'nip':
      return badNips;
    case 'year':
      return garbageYears;
    default:
      return garbageIds;
  }
}

// ---------------------------------------------------------------- base requests

function baseBody(op: Operation): fc.Arbitrary<Body | undefined> {
  switch (op.id) {
    case 'createAgreement':
      return fc.constantFrom(
        agreementBody(),
        agreementBody({ number: 'FUZZ/NEW' }),
        agreementBody({ kind: 'PKS', parentId: 'PARENT' }),
        agreementBody({ partners: [{ name: 'Kota Bandung', category: 'CITY' }], notes: 'catatan' }),
      ).map((value) => ({ kind: 'json', value: JSON.parse(JSON.stringify(value).replace('"PARENT"', JSON.stringify(state.openAgreement))) }));
    case 'updateAgreement':
      return fc.constantFrom<unknown>({ title: 'Judul baru' }, { notes: null }, { status: 'TERMINATED', terminationReason: 'Selesai' }, { endsOn: addDays(today, 900) }, {}).map((value) => ({ kind: 'json', value }));
    case 'renewAgreement':
      return fc.constantFrom<unknown>({ endsOn: addDays(today, 3000) }, { endsOn: addDays(today, 3000), startsOn: addDays(today, 400), number: 'FUZZ/R' }).map((value) => ({ kind: 'json', value }));
    case 'withdrawAgreement':
      return fc.constant<Body>({ kind: 'json', value: { reason: 'Dicatat dua kali' } });
    case 'putEmployee':
      return fc.constantFrom<unknown>(employeeBody(), employeeBody({ unit: 'Dinas Fuzz', supervisorEmail: 'atasan@jakarta.go.id' })).map((value) => ({ kind: 'json', value }));
    case 'addTraining':
      return fc.constantFrom<unknown>(trainingBody({ title: 'Pelatihan Fuzz' }), trainingBody({ title: 'Webinar Fuzz', method: 'NON_CLASSICAL', hours: 2.5, certificateNumber: 'FZ-1' })).map((value) => ({ kind: 'json', value }));
    case 'addDocument':
      return fc.constantFrom<unknown>({ filename: 'Perjanjian.pdf', contentType: 'application/pdf', size: 2048, kind: 'SIGNED_AGREEMENT' }).map((value) => ({ kind: 'json', value }));
    case 'recordActivity':
      return fc.constantFrom<unknown>({ kind: 'VISIT', on: '2026-01-05', description: 'Kunjungan kerja' }).map((value) => ({ kind: 'json', value }));
    case 'putTarget':
      return fc.constantFrom<unknown>({ hours: 20 }, { hours: 40.5 }).map((value) => ({ kind: 'json', value }));
    case 'importTrainings':
      return fc.constant<Body>({ kind: 'raw', text: `${IMPORT_COLUMNS.join(',')}\n${nipFor(4000)},Impor Fuzz,BPSDM,CLASSICAL,2026-04-01,2026-04-02,8,,\n` });
    default:
      return fc.constant(undefined);
  }
}

function baseAuth(op: Operation): fc.Arbitrary<Auth> {
  if (op.route.access === 'public') return fc.constantFrom<Auth>({ kind: 'none' }, { kind: 'groups', groups: ['auditor'] }, { kind: 'rejected', name: 'expired' });
  return fc.constantFrom(...op.route.access).map((group): Auth => (group === 'employee' ? { kind: 'employee', nip: 'self' } : { kind: 'groups', groups: [group] }));
}

// ---------------------------------------------------------------- poisons: each guarantees a refusal

const set = (request: FuzzRequest, name: string, value: string) => {
  request.query = [...request.query.filter(([key]) => key !== name), [name, value]];
};

/**
 * The poisons that apply to an operation. Bad credentials are one poison among many and weigh
 * less, so that most requests carry a valid token of an allowed group and reach validation.
 */
function poisonsFor(op: Operation): fc.Arbitrary<Poison> {
  const authPoisons: fc.Arbitrary<Poison>[] = [];
  const poisons: fc.Arbitrary<Poison>[] = [];
  const route = op.route;
  const secured = route.access !== 'public';
  const access = secured ? (route.access as readonly Group[]) : [];

  if (secured) {
    authPoisons.push(
      fc
        .oneof(
          fc.constant<Auth>({ kind: 'none' }),
          fc.constantFrom(...Object.keys(tokens).filter((name) => !['agreements-admin', 'training-admin', 'auditor'].includes(name))).map((name): Auth => ({ kind: 'rejected', name })),
          fc.oneof(
            fc.constantFrom('Bearer', 'Bearer ', 'Basic YWRtaW46YWRtaW4=', 'bearer not.a.jwt', 'Bearer a.b.c', 'Token abc', 'Bearer  ', `Bearer ${'A'.repeat(2_000)}`),
            fc.string({ maxLength: 60 }).filter((text) => /^[\x20-\x7e]*$/.test(text)).map((text) => `Bearer ${text}`),
          ).map((header): Auth => ({ kind: 'garbage', header })),
        )
        .map((auth): Poison => ({ label: `auth:${auth.kind === 'rejected' ? auth.name : auth.kind}`, apply: (request) => void (request.auth = auth) })),
    );
    const wrongGroups = (['agreements-admin', 'training-admin', 'auditor'] as const).filter((group) => !access.includes(group));
    if (wrongGroups.length) {
      authPoisons.push(fc.constantFrom(...wrongGroups).map((group): Poison => ({ label: `auth:wrong-group:${group}`, apply: (request) => void (request.auth = { kind: 'groups', groups: [group] }) })));
    }
    if (!access.includes('employee')) {
      authPoisons.push(fc.constant<Poison>({ label: 'auth:wrong-group:employee', apply: (request) => void (request.auth = { kind: 'employee', nip: state.employee }) }));
    } else if (op.pathParams.includes('nip')) {
      authPoisons.push(fc.constant<Poison>({ label: 'auth:employee-of-another-nip', apply: (request) => void (request.auth = { kind: 'employee', nip: 'other' }) }));
    }
  }

  // An unknown query parameter: every query schema is strict.
  poisons.push(
    fc
      .tuple(fc.oneof(fc.constantFrom(...unknownNames), fc.stringMatching(/^[a-z][a-zA-Z_]{0,20}$/)).filter((name) => !op.queryParams.includes(name)), fc.constantFrom('1', '', 'true', 'x'.repeat(1000)))
      .map(([name, value]): Poison => ({ label: 'query:unknown', apply: (request) => set(request, name, value) })),
  );
  // A repeated numeric parameter (API Gateway joins them with a comma).
  const numeric = op.queryParams.filter((name) => ['limit', 'year', 'withinDays'].includes(name));
  if (numeric.length) {
    poisons.push(fc.constantFrom(...numeric).map((name): Poison => ({ label: 'query:repeated', apply: (request) => void request.query.push([name, '10'], [name, '20']) })));
  }
  // A known query parameter with a value its schema refuses (huge limits, bad dates, …).
  for (const name of op.queryParams) {
    const field = (route.query as z.ZodObject).shape[name] as z.ZodType;
    const bad = badQueryValues(name).filter((value) => !field.safeParse(value).success);
    poisons.push(fc.constantFrom(...bad).map((value): Poison => ({ label: `query:bad-${name}`, apply: (request) => set(request, name, value) })));
  }
  // A path parameter its schema refuses, or one that breaks the path itself.
  for (const name of op.pathParams) {
    const field = (route.params as z.ZodObject).shape[name] as z.ZodType;
    const bad = garbageParams(name).filter((value) => !field.safeParse(value).success);
    poisons.push(
      fc.oneof(
        fc.constantFrom(...bad).map((value): Poison => ({ label: `path:bad-${name}`, apply: (request) => void (request.params[name] = { value }) })),
        fc.constantFrom('%ZZ', '', '..', '%2e%2e', '%', 'a/b', '?').map((value): Poison => ({ label: `path:raw-${name}`, apply: (request) => void (request.params[name] = { value, raw: true }) })),
      ),
    );
  }

  if (route.body) {
    const accepted = route.bodyTypes ?? ['application/json'];
    const isJson = accepted.some((type) => type.endsWith('json'));
    const jsonType = () => fc.constantFrom(...accepted, `${accepted[0]}; charset=utf-8`, accepted[0]!.toUpperCase());
    poisons.push(
      fc
        .oneof(
          fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/jsonp', 'application/json-patch+json', 'text/html', 'application/octet-stream', 'json', 'text/csv', 'application/json', 'text/json', 'application/merge-patch+json', '*/*', ';', ''),
          fc.constant(null),
        )
        .filter((type) => !accepted.includes(type?.split(';')[0]?.trim().toLowerCase() ?? ''))
        .map((type): Poison => ({ label: `body:content-type=${type === null ? 'none' : type}`, apply: (request) => void (request.contentType = type) })),
      fc
        .tuple(fc.constantFrom('', ' ', '\n\t  \r\n'), jsonType())
        .map(([text, type]): Poison => ({ label: 'body:empty', apply: (request) => void ((request.body = { kind: 'raw', text }), (request.contentType = type)) })),
    );
    if (isJson) {
      poisons.push(
        fc
          .tuple(fc.oneof(fc.constantFrom(...badJsonTexts), fc.string({ maxLength: 40 }).filter((text) => text.trim() !== '' && !isJsonText(text))), jsonType())
          .map(([text, type]): Poison => ({ label: 'body:bad-json', apply: (request) => void ((request.body = { kind: 'raw', text }), (request.contentType = type)) })),
      );
      // A body over 1 MB (413) is sent now and then: each costs a megabyte, and says one thing.
      const overLimit = fc.constant<Poison>({
        label: 'body:over-1MB',
        apply: (request) => void (request.body = { kind: 'raw', text: JSON.stringify({ ...(request.body?.kind === 'json' && typeof request.body.value === 'object' ? request.body.value : {}), notes: 'x'.repeat(DEFAULT_MAX_BODY_BYTES) }) }),
      });
      poisons.push(fc.oneof({ arbitrary: schemaPoison(op), weight: 6 }, { arbitrary: overLimit, weight: 1 }), schemaPoison(op));
    } else {
      const header = IMPORT_COLUMNS.join(',');
      poisons.push(
        fc
          .constantFrom(
            'nip,title\n1,2',
            `${header.replaceAll(',', '|')}\n`,
            `${IMPORT_COLUMNS.slice(1).join(',')}\n`,
            `${[...IMPORT_COLUMNS, 'nip'].join(',')}\n`,
            `${header},extra\n`,
            `${header}\n"unterminated,quote`,
            `"${header}\n`,
            `${nipFor(4000)},Pelatihan,BPSDM,CLASSICAL,2026-04-01,2026-04-02,8,,\n`,
            '{"nip":"198609262015051001"}',
            `${header.replaceAll(',', ';')};catatan\n`,
          )
          .map((text): Poison => ({ label: 'body:bad-csv', apply: (request) => void (request.body = { kind: 'raw', text }) })),
      );
    }
  }

  if (route.conditional) {
    // `*` is no garbage: it matches whatever version is stored (RFC 9110).
    const garbage = ['abc', '"abc"', 'W/"x"', '"-1"', '"1.0"', '"1234567890123456"', '"1", "2"', 'W/ "1"', '1 2', '""', 'null', '"0x1"'].filter((value) => !VERSION_TAG.test(value.trim()));
    poisons.push(fc.constantFrom(...garbage).map((value): Poison => ({ label: 'header:bad-if-match', apply: (request) => void (request.headers['if-match'] = value) })));
    if (route.conditional === true) {
      poisons.push(fc.constantFrom('', ' ', null).map((value): Poison => ({ label: 'header:no-if-match', apply: (request) => void (value === null ? delete request.headers['if-match'] : (request.headers['if-match'] = value)) })));
    }
  }
  if (route.idempotent) {
    poisons.push(
      fc
        .constantFrom('a b', 'x'.repeat(201), 'clé', '', 'tab\there', 'ümlaut')
        .map((value): Poison => ({ label: 'header:bad-idempotency-key', apply: (request) => void (request.headers['idempotency-key'] = value) })),
    );
  }
  const others = fc.oneof(...poisons);
  return authPoisons.length ? fc.oneof({ arbitrary: fc.oneof(...authPoisons), weight: 1 }, { arbitrary: others, weight: 4 }) : others;
}

// Mirrors shared/http/handler.ts: what If-Match must look like to name a version.
const VERSION_TAG = /^(?:W\/)?"?(\d{1,15})"?$/;

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A JSON body that breaks the operation's schema: mutations derived from the OpenAPI schema. */
function schemaPoison(op: Operation): fc.Arbitrary<Poison> {
  const schema = op.bodySchema ?? {};
  const properties = Object.entries(schema.properties ?? {});
  const required = schema.required ?? [];
  const mutations: fc.Arbitrary<[string, (body: Record<string, unknown>) => unknown]>[] = [
    fc.constantFrom<unknown>([], [{}], 'string', 42, null, true, 0, [agreementBody()]).map((value) => ['not-an-object', () => value]),
    // Parsed from text, so that `__proto__` is an own key as it is for the server's JSON.parse.
    fc.constantFrom(...unknownNames, '__proto__', 'id', 'version', 'createdBy', 'Title').map((name) => [`unknown-field:${name}`, (body) => withKey(body, name, 'x')]),
  ];
  if (required.length) mutations.push(fc.constantFrom(...required).map((name) => [`missing:${name}`, (body) => omit(body, name)]));
  if (properties.length) {
    mutations.push(
      fc.tuple(fc.constantFrom(...properties), fc.nat()).map(([[name, property], pick]) => {
        const candidates = wrongValues(property);
        const value = candidates[pick % candidates.length];
        return [`field:${name}`, (body) => ({ ...body, [name]: value })];
      }),
    );
  }
  // Rules across fields (dates in order, PKS with a parent, hours within the days).
  const crossField: Record<string, Record<string, unknown>[]> = {
    createAgreement: [{ startsOn: '2026-05-01', endsOn: '2026-04-30' }, { kind: 'PKS', parentId: undefined }, { kind: 'PKS', startsOn: '2026-01-01', endsOn: '2031-01-02' }],
    addTraining: [{ startsOn: '2026-03-02', endsOn: '2026-03-01' }, { startsOn: '2026-03-02', endsOn: '2026-03-03', hours: 48.25 }, { hours: 0.3 }, { hours: 0 }, { hours: -1 }],
    renewAgreement: [{ startsOn: '2030-01-02', endsOn: '2030-01-01' }],
    putTarget: [{ hours: 0 }, { hours: 1000.5 }, { hours: -40 }],
  };
  const rules = crossField[op.id];
  if (rules) mutations.push(fc.constantFrom(...rules).map((overrides) => ['rule', (body) => ({ ...body, ...overrides })]));

  return fc
    .tuple(fc.array(fc.oneof(...mutations), { minLength: 1, maxLength: 3 }), fc.constantFrom(...(op.route.bodyTypes ?? ['application/json'])))
    .map(([chosen, type]): Poison => ({
      label: `body:schema(${chosen.map(([name]) => name).join(',')})`,
      apply: (request) => {
        let value: unknown = request.body?.kind === 'json' ? request.body.value : {};
        for (const [, mutate] of chosen) value = value && typeof value === 'object' && !Array.isArray(value) ? mutate(value as Record<string, unknown>) : value;
        request.body = { kind: 'json', value };
        request.contentType = type;
      },
    }));
}

function withKey(body: Record<string, unknown>, name: string, value: unknown): Record<string, unknown> {
  const rest = JSON.stringify(body).slice(1);
  return JSON.parse(`{${JSON.stringify(name)}:${JSON.stringify(value)}${rest === '}' ? '' : ','}${rest}`) as Record<string, unknown>;
}

function omit(body: Record<string, unknown>, name: string): Record<string, unknown> {
  const { [name]: _removed, ...rest } = body;
  return rest;
}

function wrongValues(property: JsonSchema): unknown[] {
  const variant = property.anyOf?.find((option) => option.type !== 'null') ?? property;
  if (property.readOnly) return ['x', 1, null, { nested: true }];
  const values: unknown[] = [];
  switch (variant.type) {
    case 'string':
      values.push(42, true, ['x'], { value: 'x' }, 12.5);
      if (variant.maxLength !== undefined) values.push(...hugeStrings);
      if (variant.minLength) values.push('   ', '\t\n');
      if (variant.format === 'date') values.push(...badDates);
      if (variant.format === 'email') values.push(...badEmails);
      if (variant.enum || variant.const) values.push('mou', 'TREATY', '', 'ACTIVE', 'classical');
      if (variant.pattern) values.push(...garbageIds.slice(0, 10));
      break;
    case 'number':
    case 'integer':
      values.push('30', '', true, [30], { hours: 30 }, -1, 0, 0.1, 1e308, -0.0001, 44_000, 1001);
      break;
    case 'array':
      values.push('kerjasama@jakarta.go.id', { 0: 'x' }, 1, [], [null], [42], Array.from({ length: 60 }, () => ({ name: 'X', category: 'CITY' })), [{ name: 'X', category: 'CITY', country: 'XX' }], [{ name: '', category: 'NOPE' }], [{ name: 'X', category: 'CITY', extra: 1 }], ['not-an-email'], [hugeStrings[0]]);
      break;
    default:
      values.push(42);
  }
  if (!property.anyOf) values.push(null);
  return values;
}

// ---------------------------------------------------------------- the generator

let discarded = 0;

function requestArbitrary(): fc.Arbitrary<FuzzRequest> {
  const perOperation = operations.map((op) => {
    const poisons = poisonsFor(op);
    return fc
      .record({
        params: fc.record(Object.fromEntries(op.pathParams.map((name) => [name, plausibleParam(name).map((value) => ({ value }))]))),
        query: op.queryParams.length ? fc.array(fc.constantFrom(...op.queryParams).chain((name) => plausibleQuery(name).map((value): [string, string] => [name, value])), { maxLength: 3 }) : fc.constant([] as [string, string][]),
        headers: fc.tuple(noiseHeaders, op.route.idempotent ? fc.option(fc.oneof(fc.constantFrom('fuzz-key-1', 'k'.repeat(200)), fc.uuid()), { nil: undefined }) : fc.constant(undefined), op.route.conditional ? fc.constantFrom('"1"', '"2"', 'W/"1"', '1') : fc.constant(undefined)),
        auth: baseAuth(op),
        body: baseBody(op),
        poisons: fc.array(poisons, { minLength: 1, maxLength: 3 }),
      })
      .map(({ params, query, headers: [noise, idempotencyKey, ifMatch], auth, body, poisons: chosen }) => {
        const request: FuzzRequest = {
          op,
          params: { ...params },
          query: [...query],
          headers: { ...noise, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}), ...(ifMatch ? { 'if-match': ifMatch } : {}) },
          contentType: body ? (op.route.bodyTypes ?? ['application/json'])[0]! : null,
          auth,
          ...(body ? { body: structuredClone(body) } : {}),
          poisons: chosen.map((poison) => poison.label),
        };
        for (const poison of chosen) poison.apply(request);
        Object.defineProperty(request, fc.toStringMethod, { value: () => describeRequest(request) });
        return request;
      })
      // The poisons are built to be refused; this keeps only requests that the oracle agrees
      // cannot succeed (e.g. a body mutation that happens to leave the body valid is dropped).
      .filter((request) => {
        const refused = refusalReasons(request).length > 0;
        if (!refused) discarded += 1;
        return refused;
      });
  });
  return fc.oneof(...perOperation);
}

// ---------------------------------------------------------------- sending and the oracle

function pathOf(request: FuzzRequest): string {
  return request.op.path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const param = request.params[name]!;
    return param.raw ? param.value : encodeURIComponent(param.value);
  });
}

function queryOf(request: FuzzRequest): string {
  if (!request.query.length) return '';
  return `?${request.query.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&')}`;
}

async function authorization(request: FuzzRequest): Promise<string | undefined> {
  const { auth } = request;
  switch (auth.kind) {
    case 'none':
      return undefined;
    case 'garbage':
      return auth.header;
    case 'rejected':
      return `Bearer ${tokens[auth.name]}`;
    case 'groups':
      return `Bearer ${tokens[auth.groups[0]!]}`;
    case 'employee': {
      const own = request.params.nip && !request.params.nip.raw ? request.params.nip.value : state.employee;
      const nip = auth.nip === 'self' ? own : auth.nip === 'other' ? (own === state.otherEmployee ? state.employee : state.otherEmployee) : auth.nip;
      return `Bearer ${await employeeToken(nip)}`;
    }
  }
}

function bodyBytes(request: FuzzRequest): Buffer | undefined {
  if (!request.body) return undefined;
  return Buffer.from(request.body.kind === 'json' ? JSON.stringify(request.body.value) : request.body.text, 'utf8');
}

async function send(request: FuzzRequest): Promise<RawResponse> {
  const headers: Record<string, string> = { ...request.headers };
  const token = await authorization(request);
  if (token !== undefined) headers.authorization = token;
  if (request.contentType !== null) headers['content-type'] = request.contentType;
  const body = bodyBytes(request);
  const response = await fetch(`${url()}${pathOf(request)}${queryOf(request)}`, { method: request.op.method, headers, ...(body ? { body } : {}) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/**
 * Why this request cannot succeed, judged from the request alone (the generator's own check:
 * a request with no reason is a bug of the generator, not of the API).
 */
function refusalReasons(request: FuzzRequest): string[] {
  const reasons: string[] = [];
  const { op } = request;
  const route = op.route;
  const path = new URL(pathOf(request), 'http://localhost').pathname;
  const match = matchRoute(op.method, path);
  if (match.kind !== 'route') return [`no route (${match.kind})`];
  if (match.id !== op.id) return [];
  if (route.access !== 'public') {
    const { auth } = request;
    if (auth.kind === 'none' || auth.kind === 'garbage' || auth.kind === 'rejected') reasons.push('unauthenticated or no group');
    if (auth.kind === 'groups' && !auth.groups.some((group) => (route.access as readonly string[]).includes(group))) reasons.push('wrong group');
    if (auth.kind === 'employee' && !route.access.includes('employee')) reasons.push('wrong group (employee)');
    if (auth.kind === 'employee' && auth.nip !== 'self' && op.pathParams.includes('nip') && route.access.includes('employee')) reasons.push("another employee's data");
  }
  if (!(route.params ?? NO_PARAMS).safeParse(match.params).success) reasons.push('path parameter refused by its schema');
  const query: Record<string, string> = {};
  for (const [name, value] of request.query) query[name] = name in query ? `${query[name]},${value}` : value;
  if (!(route.query ?? NO_QUERY).safeParse(query).success) reasons.push('query refused by its schema');
  if (route.body) {
    const bytes = bodyBytes(request) ?? Buffer.alloc(0);
    const mediaType = request.contentType?.split(';')[0]?.trim().toLowerCase();
    const text = bytes.toString('utf8');
    if (bytes.length > (route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES)) reasons.push('body too large');
    else if (!mediaType || !(route.bodyTypes ?? ['application/json']).includes(mediaType)) reasons.push('content type not accepted');
    else if (text.trim() === '') reasons.push('empty body');
    else if (mediaType.endsWith('json')) {
      if (!isJsonText(text)) reasons.push('not JSON');
      else if (!route.body.safeParse(JSON.parse(text)).success) reasons.push('body refused by its schema');
    } else if (csvRefused(text)) reasons.push('CSV refused');
  }
  if (route.conditional) {
    const ifMatch = request.headers['if-match']?.trim();
    if (route.conditional === true && !ifMatch) reasons.push('If-Match missing');
    if (ifMatch && !VERSION_TAG.test(ifMatch)) reasons.push('If-Match names no version');
  }
  if (route.idempotent && request.headers['idempotency-key'] !== undefined && !/^[\x21-\x7e]{1,200}$/.test(request.headers['idempotency-key'].trim())) {
    reasons.push('bad Idempotency-Key');
  }
  return reasons;
}

// As shared/http/handler.ts parses a route without params or query (built once: zod compiles on first use).
const NO_PARAMS = z.object({});
const NO_QUERY = z.strictObject({});

function csvRefused(text: string): boolean {
  try {
    const records = parseCsv(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
    return records[0]?.map((name) => name.trim()).join(',') !== IMPORT_COLUMNS.join(',');
  } catch {
    return true;
  }
}

/** `query:bad-limit` → `query:bad`, `body:schema(missing:title)` → `body:schema`, `auth:expired` → `auth`. */
function category(label: string): string {
  if (label.startsWith('auth:')) return 'auth';
  if (label.startsWith('body:content-type')) return 'body:content-type';
  return label.replace(/\(.*$/, '').replace(/^(query:bad|path:bad|path:raw)-.*$/, '$1');
}

function describeRequest(request: FuzzRequest): string {
  const body = request.body ? (request.body.kind === 'json' ? JSON.stringify(request.body.value) : request.body.text) : '';
  const auth = request.auth.kind === 'groups' ? `groups=${request.auth.groups.join('+')}` : request.auth.kind === 'rejected' ? request.auth.name : request.auth.kind === 'employee' ? `employee(${request.auth.nip})` : request.auth.kind === 'garbage' ? `garbage ${JSON.stringify(request.auth.header.slice(0, 60))}` : 'none';
  return [
    `${request.op.method} ${pathOf(request).slice(0, 200)}${queryOf(request).slice(0, 300)}`,
    `  auth: ${auth}; content-type: ${String(request.contentType)}; headers: ${JSON.stringify(request.headers).slice(0, 300)}`,
    `  body (${body.length} chars): ${body.slice(0, 400)}`,
    `  poisons: ${request.poisons.join(' | ')}`,
  ].join('\n');
}

/**
 * The refusal a request must get, from its poisons alone and the order in which API Gateway and
 * the handler look at a request (written here, not taken from the server): the route (a raw path
 * that names none is 404/405), the token (401), the group (403), the body's size and type
 * (413, 415), then params, query and body together (400), If-Match (428 missing, 412 unusable),
 * the Idempotency-Key (400), and last whose records an employee may read (403).
 */
function expectedRefusal(request: FuzzRequest): { statuses: number[] } {
  const has = (prefix: string) => request.poisons.some((label) => label.startsWith(prefix));
  // Several auth poisons overwrite one another: what counts is the credential sent.
  const access = request.op.route.access;
  const auth = request.auth;
  // A raw segment, or an empty one, names no route: API Gateway's $default answers.
  if (Object.values(request.params).some((param) => param.raw || param.value === '')) return { statuses: [404, 405] };
  // Signed tokens that name no group of Jalin's are authenticated, then refused (403).
  const signedWithoutGroups = auth.kind === 'rejected' && (auth.name === 'noGroups' || auth.name === 'unknownGroup');
  if (access !== 'public' && !signedWithoutGroups && (auth.kind === 'none' || auth.kind === 'rejected' || auth.kind === 'garbage')) return { statuses: [401] };
  const groups = auth.kind === 'groups' ? auth.groups : auth.kind === 'employee' ? ['employee'] : [];
  if (access !== 'public' && !groups.some((group) => (access as readonly string[]).includes(group))) return { statuses: [403] };
  // Poisons overwrite one another here too: the body and content type sent are what count.
  const route = request.op.route;
  if (route.body && request.body) {
    const text = request.body.kind === 'raw' ? request.body.text : JSON.stringify(request.body.value);
    if (Buffer.byteLength(text) > (route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES)) return { statuses: [413] };
    const mediaType = request.contentType?.split(';')[0]?.trim().toLowerCase();
    if (!mediaType || !(route.bodyTypes ?? ['application/json']).includes(mediaType)) return { statuses: [415] };
  }
  // A name given twice arrives comma-joined (as API Gateway sends it): never a valid value, but for
  // a cursor, which is opaque text until the use case decodes it (after who may read is checked).
  const names = request.query.map(([name]) => name);
  const repeated = names.some((name, index) => name !== 'cursor' && names.indexOf(name) !== index);
  if (repeated || ['query:', 'path:bad', 'body:empty', 'body:bad-json', 'body:schema'].some(has)) return { statuses: [400] };
  // If-Match as sent (poisons overwrite one another): absent or blank is 428 where it is required,
  // anything but `*` or a strong version is 412; a version other than the stored 1 fails later.
  const ifMatch = route.conditional ? request.headers['if-match']?.trim() : undefined;
  if (route.conditional === true && !ifMatch) return { statuses: [428] };
  if (ifMatch && !/^(\*|"?\d{1,15}"?)$/.test(ifMatch)) return { statuses: [412] };
  const precondition = ifMatch && ifMatch !== '*' && !/^"?1"?$/.test(ifMatch) ? [412] : [];
  if (has('header:bad-idempotency-key')) return { statuses: [400, ...precondition] };
  if (has('body:bad-csv')) return { statuses: [400] };
  if (auth.kind === 'employee' && auth.nip === 'other') return { statuses: [403] };
  return { statuses: [400, 404, 409, 412, 422] };
}

// ---------------------------------------------------------------- the property

describe('fuzzing every operation of the OpenAPI document with invalid requests', () => {
  it('answers each with 4xx problem+json, never 5xx, and writes nothing', async () => {
    expect(operations.map((op) => op.id).sort()).toEqual(Object.keys(routes).sort());
    const before = await tableSnapshot();

    const perOperation = new Map<string, number>();
    const perCategory = new Map<string, number>();
    let validCredentials = 0;
    const statuses = new Map<number, number>();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(requestArbitrary(), { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const responses = await Promise.all(batch.map(send));
        sent += batch.length;
        batch.forEach((request, index) => {
          const response = responses[index]!;
          perOperation.set(request.op.id, (perOperation.get(request.op.id) ?? 0) + 1);
          for (const label of new Set(request.poisons.map(category))) perCategory.set(label, (perCategory.get(label) ?? 0) + 1);
          if (!request.poisons.some((label) => label.startsWith('auth:'))) validCredentials += 1;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const context = `${describeRequest(request)}\n  → ${response.status} ${response.headers.get('content-type')} ${response.text.slice(0, 400)}`;
          expect(response.status, `5xx or 2xx for an invalid request:\n${context}`).toBeGreaterThanOrEqual(400);
          expect(response.status, `5xx for an invalid request:\n${context}`).toBeLessThan(500);
          expect(problemViolations(response), `not a proper problem:\n${context}`).toEqual([]);
          const expected = expectedRefusal(request);
          expect(expected.statuses, `the refusal for its poisons:\n${context}`).toContain(response.status);
          if (response.status === 400) expect(JSON.parse(response.text).type, context).toBe('urn:jalin:problem:invalid-request');
        });
      }),
      { seed: SEED, numRuns: RUNS },
    );

    expect(sent).toBeGreaterThanOrEqual(5_000);
    for (const op of operations) expect(perOperation.get(op.id) ?? 0, `requests for ${op.id}`).toBeGreaterThanOrEqual(100);
    // Every kind of poison was sent, and most requests had valid credentials (they reached validation).
    for (const kind of ['auth', 'query:unknown', 'query:repeated', 'query:bad', 'path:bad', 'path:raw', 'body:content-type', 'body:empty', 'body:over-1MB', 'body:bad-json', 'body:schema', 'body:bad-csv', 'header:bad-if-match', 'header:no-if-match', 'header:bad-idempotency-key']) {
      expect(perCategory.get(kind) ?? 0, `requests poisoned with ${kind}`).toBeGreaterThanOrEqual(20);
    }
    expect(validCredentials / sent).toBeGreaterThan(0.6);
    const after = await tableSnapshot();
    expect(after).toEqual(before);
    console.info(
      `fuzz: ${sent} requests (${discarded} valid candidates discarded, ${validCredentials} with valid credentials) over ${operations.length} operations; poisons ${JSON.stringify(Object.fromEntries(perCategory))}; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}; per operation ${JSON.stringify(Object.fromEntries(perOperation))}`,
    );
  });
});
