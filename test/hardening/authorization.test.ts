import { beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../infra/local/tokens.ts';
import { alertKinds, type AlertKind } from '../../shared/alerts/kinds.ts';
import { claim } from '../../shared/alerts/ledger.ts';
import { groups, type Group } from '../../shared/http/auth.ts';
import type { RouteDefinition } from '../../shared/http/route.ts';
import { routes } from '../../shared/http/routes.ts';
import { IMPORT_COLUMNS } from '../../shared/training/import.ts';
import { tokenFor, useLocalApi, type ApiResponse } from '../support/api.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';
import { employeeBody, nipFor, trainingBody } from '../support/fixtures/employees.ts';
import { expectProblem } from '../support/hardening.ts';

/**
 * The authorization matrix: every route of the route table × every group, no token, an expired
 * token and a token signed by another key, against a table written by hand from the issue's
 * rules (not derived from the route table, which is what is being checked):
 *
 * - agreements-admin writes agreements; training-admin writes employees, training, targets, imports;
 * - agreements are read by agreements-admin, training-admin and auditor;
 * - training data is read by training-admin and auditor (the writers of a domain read it);
 * - auditor reads everything;
 * - employee reads only its own data (GET /employees/{nip}, its trainings, its summary) and
 *   GET /training-targets/{year};
 * - training programs: training-admin writes them; training readers and agreements-admin read
 *   programs (no personal data; they are agreements' outcomes); only training readers read
 *   participants (NIPs and names); employee none;
 * - /health and /openapi.json are public.
 */
type Access = 'public' | readonly (Group | 'employee:own')[];

const AGREEMENT_READERS = ['agreements-admin', 'training-admin', 'auditor'] as const;
const TRAINING_READERS = ['training-admin', 'auditor'] as const;

const expectedAccess: Record<string, Access> = {
  // Agreements registry
  createAgreement: ['agreements-admin'],
  updateAgreement: ['agreements-admin'],
  renewAgreement: ['agreements-admin'],
  listAgreements: AGREEMENT_READERS,
  expiringAgreements: AGREEMENT_READERS,
  getAgreement: AGREEMENT_READERS,
  agreementHistory: AGREEMENT_READERS,
  agreementOutcomes: AGREEMENT_READERS,
  searchAgreements: AGREEMENT_READERS,
  agreementStatistics: AGREEMENT_READERS,
  dormantAgreements: AGREEMENT_READERS,
  withdrawAgreement: ['agreements-admin'],
  restoreAgreement: ['agreements-admin'],
  // Employees and training
  putEmployee: ['training-admin'],
  setReminders: ['training-admin', 'employee:own'],
  addTraining: ['training-admin'],
  deleteTraining: ['training-admin'],
  putTarget: ['training-admin'],
  importTrainings: ['training-admin'],
  createImport: ['training-admin'],
  listImports: TRAINING_READERS,
  getImport: TRAINING_READERS,
  importRejected: TRAINING_READERS,
  listEmployees: TRAINING_READERS,
  compliance: TRAINING_READERS,
  complianceSummary: TRAINING_READERS,
  getEmployee: [...TRAINING_READERS, 'employee:own'],
  listTrainings: [...TRAINING_READERS, 'employee:own'],
  getTraining: [...TRAINING_READERS, 'employee:own'],
  trainingSummary: [...TRAINING_READERS, 'employee:own'],
  getTarget: [...TRAINING_READERS, 'employee'],
  // Alerts: each group reads only the kinds about what it may read (expectedAlertKinds below).
  listAlerts: ['agreements-admin', 'training-admin', 'auditor'],
  // Training programs and participants
  createProgram: ['training-admin'],
  updateProgram: ['training-admin'],
  putParticipant: ['training-admin'],
  addParticipants: ['training-admin'],
  removeParticipant: ['training-admin'],
  listPrograms: [...TRAINING_READERS, 'agreements-admin'],
  getProgram: [...TRAINING_READERS, 'agreements-admin'],
  listParticipants: TRAINING_READERS,
  getParticipant: TRAINING_READERS,
  // Documents: agreement readers list and download, agreements-admin adds and deletes, employees see none
  addDocument: ['agreements-admin'],
  deleteDocument: ['agreements-admin'],
  listDocuments: AGREEMENT_READERS,
  getDocument: AGREEMENT_READERS,
  // Activities and evaluations
  recordActivity: ['agreements-admin'],
  deleteActivity: ['agreements-admin'],
  listActivities: AGREEMENT_READERS,
  // Exports: the groups of the list each one exports
  exportAgreements: AGREEMENT_READERS,
  exportCompliance: TRAINING_READERS,
  exportTrainings: [...TRAINING_READERS, 'employee:own'],
  // System
  health: 'public',
  openapi: 'public',
};

/**
 * Alerts carry what they are about as `subject`: an agreement id (EXPIRY, DORMANT), an employee's
 * NIP (TRAINING) or a unit's compliance (TRAINING_SUMMARY). A group reads the kinds whose subject
 * it may read: agreements (AGREEMENT_READERS) or training data (TRAINING_READERS).
 */
const expectedAlertKinds: Record<Group, readonly AlertKind[]> = {
  'agreements-admin': ['DORMANT', 'EXPIRY'],
  'training-admin': ['DORMANT', 'EXPIRY', 'TRAINING', 'TRAINING_SUMMARY'],
  auditor: ['DORMANT', 'EXPIRY', 'TRAINING', 'TRAINING_SUMMARY'],
  employee: [],
};

type Caller = Group | 'none' | 'expired' | 'forged';
const callers: readonly Caller[] = [...groups, 'none', 'expired', 'forged'];

const { call } = useLocalApi();
const ownNip = nipFor(7000);
const otherNip = nipFor(7001);
const tokens = {} as Record<Caller, string | undefined>;
let employeeOther: string;
let agreementId: string;
let trainingId: string;

beforeAll(async () => {
  for (const group of groups) tokens[group] = await tokenFor(group, { subject: `matrix-${group}`, ...(group === 'employee' ? { nip: ownNip } : {}) });
  tokens.none = undefined;
  const everyGroup = [...groups];
  tokens.expired = await mintToken({ groups: everyGroup, nip: ownNip, expiresIn: Math.floor(Date.now() / 1000) - 60 });
  tokens.forged = await mintToken({ groups: everyGroup, nip: ownNip, key: new TextEncoder().encode('not-the-local-secret-not-the-local-secret') });
  employeeOther = await tokenFor('employee', { nip: otherNip, subject: 'matrix-other-employee' });

  const admin = tokens['agreements-admin']!;
  const trainingAdmin = tokens['training-admin']!;
  const created = await call('POST', '/agreements', { token: admin, body: agreementBody() });
  expect(created.status).toBe(201);
  agreementId = created.body.id;
  for (const nip of [ownNip, otherNip]) expect((await call('PUT', `/employees/${nip}`, { token: trainingAdmin, body: employeeBody() })).status).toBe(201);
  const training = await call('POST', `/employees/${ownNip}/trainings`, { token: trainingAdmin, body: trainingBody() });
  expect(training.status).toBe(201);
  trainingId = training.body.id;
});

/** A plausible request for the route: valid where that is easy, never an auth question. */
let sequence = 0;
function requestFor(id: string, route: RouteDefinition): { method: string; path: string; body?: unknown; rawBody?: string; headers: Record<string, string> } {
  sequence += 1;
  const values: Record<string, string> = { id: agreementId, nip: ownNip, trainingId, year: '2026' };
  const path = route.path.replace(/\{(\w+)\}/g, (_whole, name: string) => encodeURIComponent(values[name] ?? 'x'));
  const headers: Record<string, string> = route.conditional === true ? { 'if-match': '"1"' } : {};
  const bodies: Record<string, unknown> = {
    createAgreement: agreementBody(),
    updateAgreement: { notes: `Catatan ${sequence}` },
    renewAgreement: { endsOn: '2040-01-01' },
    withdrawAgreement: { reason: 'Dicatat dua kali' },
    putEmployee: employeeBody(),
    setReminders: { remind: true },
    addTraining: trainingBody({ title: `Pelatihan Matriks ${sequence}` }),
    putTarget: { hours: 40 },
    createProgram: { title: `Program Matriks ${sequence}`, provider: 'BPSDM', method: 'CLASSICAL', startsOn: '2026-03-02', endsOn: '2026-03-06', jp: 40 },
    updateProgram: { title: 'Program Matriks', provider: 'BPSDM', method: 'CLASSICAL', startsOn: '2026-03-02', endsOn: '2026-03-06', jp: 40 },
    addParticipants: { participants: [{ nip: otherNip }] },
    addDocument: { filename: 'Perjanjian.pdf', contentType: 'application/pdf', size: 1000, kind: 'SIGNED_AGREEMENT' },
    recordActivity: { kind: 'MEETING', on: '2026-01-05', description: `Rapat koordinasi ${sequence}` },
    createImport: { filename: 'roster.csv', size: 100 },
  };
  if (id === 'putEmployee') return { method: route.method, path: `/employees/${nipFor(7100 + sequence)}`, body: bodies.putEmployee, headers };
  if (id === 'importTrainings') return { method: route.method, path, rawBody: `${IMPORT_COLUMNS.join(',')}\n`, headers: { 'content-type': 'text/csv' } };
  if (!route.body) return { method: route.method, path, headers };
  return { method: route.method, path, body: bodies[id] ?? {}, headers };
}

function allows(access: Access, caller: Caller): boolean {
  if (access === 'public') return true;
  if (caller === 'none' || caller === 'expired' || caller === 'forged') return false;
  return access.includes(caller) || (caller === 'employee' && access.includes('employee:own'));
}

async function send(id: string, route: RouteDefinition, token: string | undefined): Promise<ApiResponse> {
  const request = requestFor(id, route);
  return call(request.method, request.path, {
    ...(token ? { token } : {}),
    headers: request.headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
    ...(request.rawBody !== undefined ? { rawBody: request.rawBody } : {}),
  });
}

const table = Object.entries(routes as Record<string, RouteDefinition>);

describe('the hand-written rules and the route table', () => {
  it('has an expected row for every route, and no row for a route that does not exist', () => {
    expect(Object.keys(expectedAccess).sort()).toEqual(Object.keys(routes).sort());
  });

  it("agrees with each route's access", () => {
    const disagreements = table.flatMap(([id, route]) => {
      const expected = expectedAccess[id];
      if (!expected) return [];
      const declared = route.access === 'public' ? 'public' : [...route.access].sort().join(', ');
      const wanted = expected === 'public' ? 'public' : [...new Set(expected.map((entry) => (entry === 'employee:own' ? 'employee' : entry)))].sort().join(', ');
      return declared === wanted ? [] : [`${route.method} ${route.path} (${id}): route table [${declared}], rules [${wanted}]`];
    });
    expect(disagreements).toEqual([]);
  });
});

describe.each(table)('%s', (id, route) => {
  const expected = expectedAccess[id];

  it.each(callers)(`${route.method} ${route.path} as %s`, async (caller) => {
    expect(expected, `no expected access written for ${id}: add it to expectedAccess`).toBeDefined();
    const response = await send(id, route, tokens[caller]);
    const context = `${caller} → ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
    expect(response.status, context).toBeLessThan(500);
    if (allows(expected!, caller)) {
      expect([401, 403], context).not.toContain(response.status);
    } else if (caller === 'none' || caller === 'expired' || caller === 'forged') {
      expectProblem(response, 401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    } else {
      expectProblem(response, 403);
    }
  });

  if (expected !== 'public' && expected?.includes('employee:own')) {
    it(`${route.method} ${route.path} as an employee of another NIP`, async () => {
      expectProblem(await send(id, route, employeeOther), 403);
    });
  }
});

describe('GET /alerts shows each group only the kinds it may read', () => {
  beforeAll(async () => {
    const subjects: Record<AlertKind, string> = { EXPIRY: agreementId, DORMANT: 'Biro Kerja Sama Daerah', TRAINING: otherNip, TRAINING_SUMMARY: 'Dinas Kesehatan' };
    for (const kind of alertKinds) {
      const message = { to: ['someone@jakarta.go.id'], subject: kind, text: kind, html: kind };
      expect(await claim({ id: `${kind}#matrix`, kind, subject: subjects[kind], period: '2026-11', message }, new Date())).toBeDefined();
    }
  });

  it.each(groups.filter((group) => routes.listAlerts.access.includes(group as never)))('as %s: the readable kinds, listed and one by one; 403 for another kind', async (group) => {
    const listed = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await call('GET', `/alerts?status=PENDING&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: tokens[group] });
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      for (const alert of page.body.items) listed.add(alert.kind);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect([...listed].sort()).toEqual(expectedAlertKinds[group]);
    for (const kind of alertKinds) {
      const one = await call('GET', `/alerts?status=PENDING&kind=${kind}`, { token: tokens[group] });
      if (expectedAlertKinds[group].includes(kind)) expect(one.body.items.map((alert: { kind: string }) => alert.kind)).toEqual([kind]);
      else expectProblem(one, 403);
    }
  });
});
