import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';

/**
 * A contract tester that knows the API only through its OpenAPI document (GET /openapi.json):
 * it generates requests from the document's JSON Schemas (fast-check), valid ones and ones that
 * break exactly one documented constraint, sends them to a live server, and checks each answer
 * against the document: a documented status, the documented content type, a body that matches
 * the documented schema (ajv, JSON Schema 2020-12), no 5xx but a documented 503, and invalid
 * data refused with 4xx. Valid data the server refuses is reported apart ("refused"): the
 * document allows what the server does not, which is where a document lies by omission (some of
 * it are rules across fields that JSON Schema cannot say).
 *
 * No npm tool fitted (see test/hardening/contract.test.ts); the server's own code is never used.
 */
/** The part of JSON Schema that the generated documents use. */
export type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  example?: unknown;
  readOnly?: boolean;
  $ref?: string;
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}

interface Operation {
  method: string;
  path: string;
  operationId: string;
  parameters: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
  security?: unknown[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Values known to exist on the server (ids, NIPs…), offered next to generated ones, by parameter name. */
export type KnownValues = Record<string, () => fc.Arbitrary<unknown>>;

export interface ContractRequest {
  operation: Operation;
  /** `valid`: every value satisfies the document; otherwise what was broken. */
  broken?: string;
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body?: { type: string; text: string };
  authenticated: boolean;
}

export interface Finding {
  route: string;
  check: 'server error' | 'undocumented status' | 'content type' | 'body schema' | 'invalid data accepted' | 'wrong refusal' | 'valid data refused';
  detail: string;
}

export interface ContractReport {
  sent: number;
  statuses: Record<string, number>;
  /** Per operation: answers 2xx to valid requests. */
  accepted: Record<string, number>;
  violations: Finding[];
  /** Valid per the document, refused by the server: what the document leaves out. */
  refused: Finding[];
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ ...operation, method: method.toUpperCase(), path, parameters: operation.parameters ?? [] })),
  );
}

const route = (operation: Operation) => `${operation.method} ${operation.path}`;

// ---------------------------------------------------------------- values from schemas

const MAX_TEXT = 40;

/** Values that satisfy `schema` (lengths kept short: the point is shape, not size). */
export function valid(schema: Schema): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map(valid));
  switch (Array.isArray(schema.type) ? schema.type[0] : schema.type) {
    case 'string':
      return validString(schema);
    case 'integer':
      return fc.integer({ min: Math.ceil(lowest(schema) ?? -1e6), max: Math.floor(highest(schema) ?? 1e6) });
    case 'number':
      return validNumber(schema);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valid(schema.items ?? {}), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, Math.max(schema.minItems ?? 0, 3)) });
    case 'object':
      return validObject(schema);
    default:
      return fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean());
  }
}

function validString(schema: Schema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? MAX_TEXT, MAX_TEXT));
  const fits = (text: string) => text.length >= min && text.length <= (schema.maxLength ?? Infinity);
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  switch (schema.format) {
    case 'date':
      return fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
    case 'email':
      return fc.emailAddress().filter(fits);
    default:
      return fc.string({ minLength: min, maxLength: max, unit: 'grapheme' });
  }
}

const lowest = (schema: Schema) => schema.minimum ?? schema.exclusiveMinimum;
const highest = (schema: Schema) => schema.maximum ?? schema.exclusiveMaximum;

function validNumber(schema: Schema): fc.Arbitrary<number> {
  const step = schema.multipleOf;
  const min = lowest(schema) ?? -1e6;
  const max = highest(schema) ?? 1e6;
  const inside = (value: number) =>
    (schema.minimum === undefined || value >= schema.minimum) &&
    (schema.exclusiveMinimum === undefined || value > schema.exclusiveMinimum) &&
    (schema.maximum === undefined || value <= schema.maximum) &&
    (schema.exclusiveMaximum === undefined || value < schema.exclusiveMaximum);
  if (step) return fc.integer({ min: Math.ceil(min / step), max: Math.floor(max / step) }).map((k) => k * step).filter(inside);
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).filter(inside);
}

function validObject(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  return fc.record(Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, valid(property)])), {
    requiredKeys: [...required].filter((name) => name in properties),
  }) as fc.Arbitrary<Record<string, unknown>>;
}

/** One way to break `schema`, with a label saying which constraint, or none when it constrains nothing. */
function breakings(schema: Schema, onTheWire = false): fc.Arbitrary<[string, unknown]>[] {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const out: fc.Arbitrary<[string, unknown]>[] = [];
  // On the wire (path, query) every value is text: breaking the JSON type says nothing there.
  const typed = (...values: [string, unknown][]) => (onTheWire ? [] : [fc.constantFrom<[string, unknown]>(...values)]);
  if (schema.anyOf || schema.oneOf) {
    const types = (schema.anyOf ?? schema.oneOf)!.map((variant) => variant.type);
    if (!types.includes('object')) out.push(...typed(['type', types.includes('string') ? { not: 'a string' } : 'not-a-value']));
    return out;
  }
  if (schema.enum) out.push(fc.constant(['enum', `${String(schema.enum[0])}-not-listed`]));
  switch (type) {
    case 'string':
      out.push(...typed(['type', 42], ['type', true], ['type', null]));
      if (schema.maxLength !== undefined) out.push(fc.constant(['maxLength', 'x'.repeat(schema.maxLength + 1)]));
      if (schema.minLength) out.push(fc.constant(['minLength', '']));
      if (schema.format === 'date') out.push(fc.constantFrom<[string, unknown]>(['format', '2026-02-30'], ['format', '01/02/2026'], ['format', '2026-1-1']));
      if (schema.format === 'email') out.push(fc.constantFrom<[string, unknown]>(['format', 'not-an-email'], ['format', 'a@b']));
      if (schema.pattern) {
        const pattern = new RegExp(schema.pattern);
        out.push(fc.constantFrom('bad value!', '', '../x', 'ü'.repeat(3)).filter((text) => !pattern.test(text)).map((text): [string, unknown] => ['pattern', text]));
      }
      break;
    case 'number':
    case 'integer':
      out.push(...typed(['type', '30'], ['type', true], ['type', null]));
      if (schema.maximum !== undefined) out.push(fc.constant(['maximum', schema.maximum + 1]));
      if (schema.exclusiveMinimum !== undefined) out.push(fc.constant(['exclusiveMinimum', schema.exclusiveMinimum]));
      if (schema.minimum !== undefined) out.push(fc.constant(['minimum', schema.minimum - 1]));
      if (schema.multipleOf) out.push(fc.constant(['multipleOf', schema.multipleOf * 1.5 + (lowest(schema) ?? 0) + schema.multipleOf]));
      break;
    case 'array':
      out.push(...typed(['type', 'x'], ['type', { 0: 'x' }]));
      if (schema.minItems) out.push(fc.constant(['minItems', []]));
      if (schema.maxItems !== undefined) out.push(valid(schema.items ?? {}).map((item): [string, unknown] => ['maxItems', Array.from({ length: schema.maxItems! + 1 }, () => item)]));
      if (schema.items) out.push(...breakings(schema.items).map((item) => item.map(([label, value]): [string, unknown] => [`items.${label}`, [value]])));
      break;
    case 'object':
      out.push(...typed(['type', []], ['type', 'x'], ['type', 42]));
      break;
  }
  return out;
}

/** A body that breaks one constraint of an object schema: a property, a required one missing, an unknown one. */
function brokenObject(schema: Schema): fc.Arbitrary<[string, Record<string, unknown> | unknown]> {
  const properties = Object.entries(schema.properties ?? {});
  const options: fc.Arbitrary<[string, unknown]>[] = [...breakings(schema)];
  for (const [name, property] of properties) {
    for (const broken of breakings(property)) {
      options.push(fc.tuple(validObject(schema), broken).map(([body, [label, value]]): [string, unknown] => [`${name}: ${label}`, { ...body, [name]: value }]));
    }
  }
  for (const name of schema.required ?? []) {
    options.push(validObject(schema).map((body): [string, unknown] => {
      const { [name]: _missing, ...rest } = body;
      return [`${name}: required`, rest];
    }));
  }
  if (schema.additionalProperties === false) {
    options.push(validObject(schema).map((body): [string, unknown] => ['additionalProperties', { ...body, notInTheDocument: 1 }]));
  }
  return fc.oneof(...options);
}

// ---------------------------------------------------------------- requests

function parameterValue(parameter: Parameter, known: KnownValues): fc.Arbitrary<string> {
  // HTTP carries header values as visible ASCII: a header's string is drawn from those characters.
  const asciiOnly = parameter.in === 'header' && parameter.schema.type === 'string' && !parameter.schema.enum && !parameter.schema.pattern;
  const generated = asciiOnly ? fc.stringMatching(/^[\x21-\x7e]{0,40}$/).filter((text) => text.length <= (parameter.schema.maxLength ?? Infinity)) : valid(parameter.schema).map(String);
  const example = parameter.schema.example === undefined ? [] : [fc.constant(String(parameter.schema.example))];
  const offered = known[parameter.name];
  return offered ? fc.oneof({ arbitrary: offered().map(String), weight: 3 }, { arbitrary: generated, weight: 1 }, ...example) : fc.oneof(generated, ...example);
}

function requestArbitrary(operation: Operation, known: KnownValues): fc.Arbitrary<ContractRequest> {
  const parameters = operation.parameters;
  const values = fc.record(
    Object.fromEntries(parameters.map((parameter) => [`${parameter.in}:${parameter.name}`, parameter.required ? parameterValue(parameter, known) : fc.option(parameterValue(parameter, known), { freq: 1, nil: undefined })])),
  );
  const [bodyType, bodySchema] = Object.entries(operation.requestBody?.content ?? {}).map(([type, media]) => [type, media.schema] as const)[0] ?? [];
  const bodies: fc.Arbitrary<{ value?: unknown; broken?: string }> = bodySchema
    ? fc.oneof(
        { arbitrary: (known[`body:${operation.operationId}`]?.() ?? valid(bodySchema)).map((value) => ({ value })), weight: 3 },
        { arbitrary: valid(bodySchema).map((value) => ({ value })), weight: 2 },
        ...(bodySchema.type === 'object' ? [{ arbitrary: brokenObject(bodySchema).map(([broken, value]) => ({ value, broken: `body ${broken}` })), weight: 3 }] : []),
      )
    : fc.constant({});
  const brokenParameters = parameters.flatMap((parameter) => [
    // Headers are left to the server's own tests.
    ...breakings(parameter.schema, true)
      .filter(() => parameter.in !== 'header')
      .map((broken) => broken.map(([label, value]): [string, Parameter, string | undefined] => [`${parameter.in} ${parameter.name}: ${label}`, parameter, value === null ? undefined : typeof value === 'string' ? value : JSON.stringify(value)])),
    ...(parameter.required && parameter.in !== 'path' ? [fc.constant<[string, Parameter, string | undefined]>([`${parameter.in} ${parameter.name}: required`, parameter, undefined])] : []),
  ]);
  const secured = (operation.security ?? []).length > 0;
  return fc
    .record({
      values,
      body: bodies,
      brokenParameter: brokenParameters.length ? fc.option(fc.oneof(...brokenParameters), { freq: 3, nil: undefined }) : fc.constant(undefined),
      // One request in ten without a token: a documented 401.
      authenticated: secured ? fc.integer({ min: 0, max: 9 }).map((draw) => draw > 0) : fc.constant(false),
    })
    .map(({ values: chosen, body, brokenParameter, authenticated }): ContractRequest => {
      const settings = { ...chosen } as Record<string, string | undefined>;
      let broken = body.broken;
      if (brokenParameter && !broken) {
        const [label, parameter, value] = brokenParameter;
        settings[`${parameter.in}:${parameter.name}`] = value;
        // A path parameter cannot be absent, and an empty one changes the route rather than the value.
        if (!(parameter.in === 'path' && !value)) broken = label;
      }
      // `.` and `..` would be dot segments that change the route: sent percent-encoded, as values.
      const segment = (value: string) => encodeURIComponent(value).replace(/^\.{1,2}$/, (dots) => '%2E'.repeat(dots.length));
      const path = operation.path.replace(/\{(\w+)\}/g, (_whole, name: string) => segment(settings[`path:${name}`] || 'x'));
      const query = parameters.filter((parameter) => parameter.in === 'query' && settings[`query:${parameter.name}`] !== undefined).map((parameter): [string, string] => [parameter.name, settings[`query:${parameter.name}`]!]);
      const headers = Object.fromEntries(parameters.filter((parameter) => parameter.in === 'header' && settings[`header:${parameter.name}`] !== undefined).map((parameter) => [parameter.name.toLowerCase(), settings[`header:${parameter.name}`]!]));
      return {
        operation,
        ...(broken ? { broken } : {}),
        path,
        query,
        headers,
        ...(bodyType && 'value' in body ? { body: { type: bodyType, text: typeof body.value === 'string' && !bodyType.includes('json') ? body.value : JSON.stringify(body.value) } } : {}),
        authenticated: !secured || authenticated,
      };
    });
}

// ---------------------------------------------------------------- checking answers

function validators(document: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'openapi', components: document.components ?? {} });
  const cache = new Map<Schema, ValidateFunction>();
  return (schema: Schema) => {
    let validate = cache.get(schema);
    if (!validate) {
      validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')) as object);
      cache.set(schema, validate);
    }
    return validate;
  };
}

function check(request: ContractRequest, status: number, contentType: string, text: string, validator: ReturnType<typeof validators>): Finding[] {
  const operation = request.operation;
  const findings: Finding[] = [];
  const at = (check: Finding['check'], detail: string) => findings.push({ route: route(operation), check, detail });
  const documented = operation.responses[String(status)];
  if (status >= 500 && !documented) at('server error', `${status}: ${text.slice(0, 200)}`);
  else if (!documented) at('undocumented status', `${status} (documented: ${Object.keys(operation.responses).join(', ')})${request.broken ? ` for ${request.broken}` : ''}`);
  if (status === 500) at('server error', `500 to ${describe(request)}`);
  if (documented) {
    const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
    const media = documented.content?.[mediaType];
    if (!documented.content && text !== '') at('content type', `${status} has a body (${mediaType}) where the document has none`);
    else if (documented.content && !media) at('content type', `${status} answered ${mediaType || 'no content type'} (documented: ${Object.keys(documented.content).join(', ')})`);
    // A file (an export) is checked by its documented media type only.
    else if (media && /[/+]json$/.test(mediaType)) {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        at('body schema', `${status} body is not JSON`);
      }
      const validate = validator(media.schema);
      if (body !== undefined && !validate(body)) at('body schema', `${status}: ${validate.errors?.map((error) => `${error.instancePath || '/'} ${error.message}`).join('; ')}`);
    }
  }
  if (request.broken && status >= 200 && status < 300) at('invalid data accepted', `${request.broken} answered ${status}`);
  else if (request.broken && request.authenticated && status !== 401 && status !== 403) {
    const wrong = wrongRefusal(request.broken, status, text);
    if (wrong) at('wrong refusal', `${request.broken}: ${wrong}`);
  }
  return findings;
}

/**
 * The exact refusal one broken constraint must get, derived from what was broken, not from the
 * server's schemas: input is parsed before anything else runs (only authentication and
 * authorization come first), and one 400 names every bad field, so a broken parameter or body
 * field is a 400 `invalid-request` whose `errors` name that field; a broken `If-Match` is a
 * precondition failure (412, or 428 when it amounts to no header at all).
 */
export function expectedRefusal(broken: string): { statuses: number[]; path?: string } {
  const parameter = /^(path|query|header) ([\w-]+): /.exec(broken);
  // A body the document allows may still break a rule it cannot state (a cross-field rule): its
  // 400 comes first, since input is parsed before preconditions are checked.
  if (parameter?.[2] === 'If-Match') return { statuses: [400, 412, 428] };
  if (parameter) return { statuses: [400], path: parameter[2]! };
  const field = /^body (\w+): /.exec(broken);
  if (field) return { statuses: [400], path: field[1]! };
  if (broken === 'body additionalProperties') return { statuses: [400], path: 'notInTheDocument' };
  return { statuses: [400] };
}

function wrongRefusal(broken: string, status: number, text: string): string | undefined {
  const expected = expectedRefusal(broken);
  if (!expected.statuses.includes(status)) return `answered ${status}, not ${expected.statuses.join(' or ')}`;
  if (status !== 400) return undefined;
  let problem: { type?: string; errors?: { path: string }[] };
  try {
    problem = JSON.parse(text) as typeof problem;
  } catch {
    return 'a 400 without a problem body';
  }
  if (problem.type !== 'urn:jalin:problem:invalid-request') return `a 400 of type ${problem.type}`;
  const path = expected.path;
  if (path !== undefined && !problem.errors?.some((error) => error.path === path || error.path.startsWith(`${path}.`))) {
    return `the errors name ${problem.errors?.map((error) => error.path || '(body)').join(', ') || 'nothing'}, not ${path}`;
  }
  return undefined;
}

// ---------------------------------------------------------------- the run

export interface ContractRun {
  baseUrl: string;
  document: OpenApiDocument;
  /** A bearer token allowed to call every secured operation. */
  token: string;
  known?: KnownValues;
  requests: number;
  seed: number;
  concurrency?: number;
}

export async function runContract(run: ContractRun): Promise<ContractReport> {
  const operations = operationsOf(run.document);
  const validator = validators(run.document);
  const arbitrary = fc.oneof(...operations.map((operation) => requestArbitrary(operation, run.known ?? {})));
  const concurrency = run.concurrency ?? 8;
  const batches = fc.sample(fc.array(arbitrary, { minLength: concurrency, maxLength: concurrency }), { seed: run.seed, numRuns: Math.ceil(run.requests / concurrency) });
  const report: ContractReport = { sent: 0, statuses: {}, accepted: {}, violations: [], refused: [] };
  for (const operation of operations) report.accepted[route(operation)] = 0;
  for (const batch of batches) {
    await Promise.all(
      batch.map(async (request) => {
        // A reset connection is no answer at all: sent once more before it counts (a reused socket the server closed).
        const answer = await send(run.baseUrl, request, run.token).catch(() => send(run.baseUrl, request, run.token)).catch((error: Error) => error);
        report.sent += 1;
        if (answer instanceof Error) {
          report.violations.push({ route: route(request.operation), check: 'server error', detail: `no answer (${(answer.cause as Error | undefined)?.message ?? answer.message}) to ${describe(request)}` });
          return;
        }
        report.statuses[answer.status] = (report.statuses[answer.status] ?? 0) + 1;
        report.violations.push(...check(request, answer.status, answer.contentType, answer.text, validator));
        if (!request.broken && request.authenticated && answer.status >= 200 && answer.status < 300) report.accepted[route(request.operation)]! += 1;
        if (!request.broken && request.authenticated && answer.status === 400) {
          report.refused.push({ route: route(request.operation), check: 'valid data refused', detail: refusedFields(answer.text) });
        }
      }),
    );
  }
  return report;
}

async function send(baseUrl: string, request: ContractRequest, token: string) {
  const query = request.query.length ? `?${new URLSearchParams(request.query).toString()}` : '';
  const headers: Record<string, string> = { ...request.headers, ...(request.authenticated ? { authorization: `Bearer ${token}` } : {}), ...(request.body ? { 'content-type': request.body.type } : {}) };
  // A request left unanswered is a finding, not a hang of the run.
  const response = await fetch(`${baseUrl}${request.path}${query}`, { method: request.operation.method, headers, signal: AbortSignal.timeout(120_000), ...(request.body ? { body: request.body.text } : {}) });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

function describe(request: ContractRequest): string {
  const query = request.query.length ? `?${new URLSearchParams(request.query).toString()}` : '';
  return `${request.operation.method} ${request.path}${query} ${JSON.stringify(request.headers)} ${request.body ? `${request.body.type} ${request.body.text.slice(0, 300)}` : ''}`;
}

/** The fields a 400 names (its `errors[].path`), to group what the document leaves out. */
function refusedFields(text: string): string {
  try {
    const problem = JSON.parse(text) as { errors?: { path: string; message: string }[] };
    return (problem.errors ?? []).map((error) => `${error.path || '(body)'}: ${error.message.replace(/\d+/g, 'N').slice(0, 60)}`).join('; ') || '(no field named)';
  } catch {
    return '(not JSON)';
  }
}

/** Findings grouped with their counts, for a report. */
export function summarize(findings: Finding[]): string[] {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    const key = `${finding.route} [${finding.check}] ${finding.detail}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort(([, a], [, b]) => b - a).map(([key, count]) => `${count}× ${key}`);
}
