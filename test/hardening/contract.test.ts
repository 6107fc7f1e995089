import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../infra/local/tokens.ts';
import { IMPORT_COLUMNS } from '../../shared/training/import.ts';
import { tokenFor, useLocalApi } from '../support/api.ts';
import { runContract, summarize, type KnownValues, type OpenApiDocument } from '../support/contract.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';
import { employeeBody, nipFor, trainingBody } from '../support/fixtures/employees.ts';

/**
 * The contract, checked from the outside: requests generated from GET /openapi.json alone
 * (test/support/contract.ts), answers checked against the same document. A short run here
 * (CONTRACT_REQUESTS, 1,000); `npm run soak` runs it longer.
 *
 * Why a tool of our own: openapi-fuzzer-core reads Swagger 2.0 only (`in: body`, `definitions`)
 * and checks statuses, not bodies; Prism's validation proxy and Portman (Postman collections run
 * by Newman) bring a proxy or a runner of their own with hundreds of dependencies and partial
 * OpenAPI 3.1; the Python tools cannot be installed here. fast-check (already here) generates
 * from the document's JSON Schemas, and ajv (JSON Schema 2020-12, as OpenAPI 3.1) validates.
 */
const REQUESTS = Number(process.env.CONTRACT_REQUESTS ?? 1_000);
const SEED = 20_261_130;

/**
 * Where the document and the server may part, known and reported; each key is
 * `METHOD path [check] detail prefix`. None today: a new one fails the test.
 */
const KNOWN: string[] = [];

const { url } = useLocalApi();
const state = { agreements: [] as string[], nips: [] as string[], trainings: [] as string[], documents: [] as string[], activities: [] as string[] };
let document: OpenApiDocument;
let token: string;

beforeAll(async () => {
  const admin = await tokenFor('agreements-admin');
  const trainingAdmin = await tokenFor('training-admin');
  const send = async (method: string, path: string, body: unknown, as: string) => {
    const response = await fetch(`${url()}${path}`, { method, headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status, path).toBeLessThan(300);
    return (await response.json()) as { id: string };
  };
  for (let index = 0; index < 3; index += 1) state.agreements.push((await send('POST', '/agreements', agreementBody(), admin)).id);
  for (let index = 0; index < 3; index += 1) {
    const nip = nipFor(6000 + index);
    await send('PUT', `/employees/${nip}`, employeeBody(), trainingAdmin);
    state.nips.push(nip);
    state.trainings.push((await send('POST', `/employees/${nip}/trainings`, trainingBody({ agreementId: state.agreements[0] }), trainingAdmin)).id);
  }
  for (let index = 0; index < 3; index += 1) {
    state.documents.push((await send('POST', `/agreements/${state.agreements[0]}/documents`, documentBody, admin)).id);
    state.activities.push((await send('POST', `/agreements/${state.agreements[0]}/activities`, activityBody, admin)).id);
  }
  document = (await (await fetch(`${url()}/openapi.json`)).json()) as OpenApiDocument;
  token = await mintToken({ groups: ['agreements-admin', 'training-admin', 'auditor'], subject: 'contract' });
});

const documentBody = { filename: 'Perjanjian.pdf', contentType: 'application/pdf', size: 2048, kind: 'SIGNED_AGREEMENT' };
const activityBody = { kind: 'MEETING', on: '2026-01-05', description: 'Rapat koordinasi', participants: ['Biro Kerja Sama Daerah'] };

/** Values that exist on the server, offered next to the generated ones (as examples would be). */
function knownValues(): KnownValues {
  const fresh = fc.integer({ min: 6100, max: 9000 }).map((index) => nipFor(index));
  return {
    id: () => fc.constantFrom(...state.agreements),
    nip: () => fc.oneof(fc.constantFrom(...state.nips), fresh),
    trainingId: () => fc.constantFrom(...state.trainings),
    documentId: () => fc.constantFrom(...state.documents),
    activityId: () => fc.constantFrom(...state.activities),
    year: () => fc.integer({ min: 2020, max: 2035 }).map(String),
    limit: () => fc.integer({ min: 1, max: 100 }).map(String),
    withinDays: () => fc.integer({ min: 0, max: 1825 }).map(String),
    parentId: () => fc.constantFrom(...state.agreements),
    agreementId: () => fc.constantFrom(...state.agreements),
    'If-Match': () => fc.constantFrom('"1"', '"2"'),
    'Idempotency-Key': () => fc.uuid(),
    'body:createAgreement': () => fc.integer({ min: 1, max: 1_000_000 }).map((n) => agreementBody({ number: `KONTRAK/${n}` })),
    'body:updateAgreement': () => fc.constantFrom<unknown>({ notes: 'Rapat evaluasi' }, { title: 'Judul Baru' }),
    'body:renewAgreement': () => fc.constant({ endsOn: '2040-01-01' }),
    'body:putEmployee': () => fc.constant(employeeBody()),
    'body:addTraining': () => fc.integer({ min: 1, max: 1_000_000 }).map((n) => trainingBody({ title: `Pelatihan Kontrak ${n}` })),
    'body:addDocument': () => fc.constant(documentBody),
    'body:recordActivity': () => fc.constant(activityBody),
    'body:putTarget': () => fc.integer({ min: 1, max: 1000 }).map((hours) => ({ hours })),
    'body:importTrainings': () =>
      fc.integer({ min: 1, max: 1_000_000 }).map((n) => [IMPORT_COLUMNS.join(','), `${state.nips[n % 3]},Kursus Kontrak ${n},BPSDM,CLASSICAL,2026-04-01,2026-04-02,8,,`].join('\n')),
    'body:createImport': () =>
      fc.integer({ min: 1, max: 1_000_000 }).map((n) => [IMPORT_COLUMNS.join(';'), `${state.nips[n % 3]};Impor Kontrak ${n};BPSDM;Klasikal;01/04/2026;02/04/2026;8;;`].join('\r\n')),
  };
}

describe('the live API against its OpenAPI document', () => {
  it(`answers ${REQUESTS} generated requests as documented: status, content type, body schema; refuses invalid data; no 5xx`, async () => {
    const report = await runContract({ baseUrl: url(), document, token, known: knownValues(), requests: REQUESTS, seed: SEED });
    const violations = summarize(report.violations);
    const unknown = violations.filter((line) => !KNOWN.some((known) => line.replace(/^\d+× /, '').startsWith(known)));
    console.info(
      [
        `contract: ${report.sent} requests; statuses ${JSON.stringify(report.statuses)}`,
        `accepted (2xx to valid requests) per operation: ${JSON.stringify(report.accepted)}`,
        `violations (${report.violations.length}):`,
        ...violations.map((line) => `  ${line}`),
        `valid per the document, refused by the server (${report.refused.length}):`,
        ...summarize(report.refused).slice(0, 40).map((line) => `  ${line}`),
      ].join('\n'),
    );
    expect(report.sent).toBeGreaterThanOrEqual(REQUESTS);
    expect(unknown).toEqual([]);
    // Valid data is accepted: most operations answered 2xx to some generated request (random
    // optional parameters, a cursor above all, make the others rarer in a short run).
    const accepting = Object.values(report.accepted).filter((count) => count > 0).length;
    expect(accepting / Object.keys(report.accepted).length).toBeGreaterThanOrEqual(0.8);
  });
});
