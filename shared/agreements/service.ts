import { randomUUID } from 'node:crypto';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import type { Actor, VersionPrecondition } from '../actor.ts';
import { findReplay } from '../db/idempotency.ts';
import type { BucketPosition, Key } from '../db/query.ts';
import { ConflictError, InvalidInputError, StaleVersionError } from '../errors.ts';
import { addDays, monthsSpanned, todayInJakarta } from '../time/calendar.ts';
import {
  auditPageOf,
  insertAgreement,
  queryEndingBetween,
  queryRegistry,
  renewAgreement as storeRenewal,
  replaceAgreement,
  requireAgreementRecord,
  type RegistryFilter,
} from './repository.ts';
import { applyPatch, changesBetween, ruleViolations, successorOf, toAgreement, type AgreementRecord } from './rules.ts';
import type { Agreement, AuditEntry, CreateAgreement, ListAgreementsQuery, PatchAgreement, RenewAgreement } from './schemas.ts';

function rejectIfInvalid(record: Pick<AgreementRecord, 'kind' | 'startsOn' | 'endsOn' | 'parentId' | 'signedOn' | 'id'>): void {
  const errors = ruleViolations(record);
  if (record.parentId === record.id) errors.push({ path: 'parentId', message: 'cannot name the agreement itself' });
  if (errors.length) throw new InvalidInputError(errors);
}

function auditEntry(record: AgreementRecord, action: AuditEntry['action'], changes: AuditEntry['changes']): AuditEntry {
  return { version: record.version, at: record.updatedAt, by: record.updatedBy, action, changes };
}

export async function createAgreement(input: CreateAgreement, actor: Actor): Promise<{ agreement: Agreement; replayed: boolean }> {
  const at = actor.now.toISOString();
  const record: AgreementRecord = {
    ...input,
    id: randomUUID(),
    lifecycle: 'OPEN',
    version: 1,
    createdAt: at,
    updatedAt: at,
    createdBy: actor.subject,
    updatedBy: actor.subject,
  };
  rejectIfInvalid(record);
  const firstResult = actor.idempotency && (await findReplay<Agreement>(actor.idempotency));
  if (firstResult) return { agreement: firstResult, replayed: true };
  const agreement = toAgreement(record, todayInJakarta(actor.now));
  const earlier = await insertAgreement(
    record,
    auditEntry(record, 'CREATED', changesBetween({}, record)),
    actor.idempotency ? { scope: actor.idempotency, result: agreement } : undefined,
  );
  return earlier ? { agreement: earlier, replayed: true } : { agreement, replayed: false };
}

export async function getAgreement(id: string, now: Date): Promise<Agreement> {
  return toAgreement(await requireAgreementRecord(id), todayInJakarta(now));
}

function assertOpen(record: AgreementRecord, doing: string): void {
  if (record.lifecycle !== 'OPEN') {
    const by = record.lifecycle === 'RENEWED' ? ` (its successor is ${record.renewedBy})` : '';
    throw new ConflictError(`Agreement ${record.id} is ${record.lifecycle}${by} and cannot be ${doing}.`);
  }
}

export async function updateAgreement(id: string, patch: PatchAgreement, expectedVersion: VersionPrecondition, actor: Actor): Promise<Agreement> {
  const before = await requireAgreementRecord(id);
  const today = todayInJakarta(actor.now);
  if (expectedVersion !== 'any' && before.version !== expectedVersion) {
    throw new StaleVersionError(`Agreement ${id} is at version ${before.version}, not ${expectedVersion}; read it again.`);
  }
  assertOpen(before, patch.status === 'TERMINATED' ? 'terminated' : 'changed');
  if (patch.status !== 'TERMINATED' && patch.terminationReason !== undefined) {
    throw new InvalidInputError([{ path: 'terminationReason', message: 'is only accepted together with "status": "TERMINATED"' }]);
  }
  if (patch.status === 'TERMINATED' && patch.terminationReason === undefined) {
    throw new InvalidInputError([{ path: 'terminationReason', message: 'is required to terminate an agreement' }]);
  }
  let after = applyPatch(before, patch);
  if (patch.status === 'TERMINATED') {
    after = { ...after, lifecycle: 'TERMINATED', terminatedOn: today, terminationReason: patch.terminationReason };
  }
  rejectIfInvalid(after);
  const changes = changesBetween(before, after);
  if (changes.length === 0) return toAgreement(before, today);
  after = { ...after, version: before.version + 1, updatedAt: actor.now.toISOString(), updatedBy: actor.subject };
  await replaceAgreement(before, after, auditEntry(after, patch.status === 'TERMINATED' ? 'TERMINATED' : 'UPDATED', changes));
  return toAgreement(after, today);
}

export async function renewAgreement(id: string, renewal: RenewAgreement, actor: Actor): Promise<{ agreement: Agreement; replayed: boolean }> {
  const old = await requireAgreementRecord(id);
  const at = actor.now.toISOString();
  const today = todayInJakarta(actor.now);
  const successor: AgreementRecord = {
    ...successorOf(old, renewal),
    id: randomUUID(),
    version: 1,
    createdAt: at,
    updatedAt: at,
    createdBy: actor.subject,
    updatedBy: actor.subject,
  };
  const agreement = toAgreement(successor, today);
  const firstResult = actor.idempotency && (await findReplay<Agreement>(actor.idempotency));
  if (firstResult) return { agreement: firstResult, replayed: true };
  assertOpen(old, 'renewed');
  rejectIfInvalid(successor);
  const closed: AgreementRecord = { ...old, lifecycle: 'RENEWED', renewedBy: successor.id, version: old.version + 1, updatedAt: at, updatedBy: actor.subject };
  const earlier = await storeRenewal(
    { before: old, after: closed, audit: auditEntry(closed, 'RENEWED', changesBetween(old, closed)) },
    { record: successor, audit: auditEntry(successor, 'CREATED', changesBetween({}, successor)) },
    actor.idempotency ? { scope: actor.idempotency, result: agreement } : undefined,
  );
  return earlier ? { agreement: earlier, replayed: true } : { agreement, replayed: false };
}

/** What a status filter means for the registry query, given today's date. */
function statusFilter(status: ListAgreementsQuery['status'], today: string): Partial<RegistryFilter> {
  switch (status) {
    case 'PENDING':
      return { lifecycle: 'OPEN', startsAfter: today };
    case 'ACTIVE':
      return { lifecycle: 'OPEN', startsOnOrBefore: today, endsFrom: today };
    case 'EXPIRED':
      return { lifecycle: 'OPEN', endsTo: addDays(today, -1) };
    case 'TERMINATED':
    case 'RENEWED':
      return { lifecycle: status };
    default:
      return {};
  }
}

/** The later of two optional lower bounds, the earlier of two upper bounds. */
const later = (a?: string, b?: string) => (a && b ? (a > b ? a : b) : (a ?? b));
const earlier = (a?: string, b?: string) => (a && b ? (a < b ? a : b) : (a ?? b));

export async function listAgreements(query: ListAgreementsQuery, now: Date): Promise<Page<Agreement>> {
  const today = todayInJakarta(now);
  const { limit, cursor, status, ...filters } = query;
  const scope = `agreements:${JSON.stringify({ ...filters, status })}`;
  const byStatus = statusFilter(status, today);
  const filter: RegistryFilter = {
    ...filters,
    ...byStatus,
    endsFrom: later(filters.endsFrom, byStatus.endsFrom),
    endsTo: earlier(filters.endsTo, byStatus.endsTo),
  };
  if (filter.endsFrom && filter.endsTo && filter.endsFrom > filter.endsTo) return { items: [] };
  const page = await queryRegistry(filter, limit, cursor ? (decodeCursor(scope, cursor) as Key) : undefined);
  return {
    items: page.items.map((record) => toAgreement(record, today)),
    ...(page.next ? { nextCursor: encodeCursor(scope, page.next) } : {}),
  };
}

export async function expiringAgreements(query: { withinDays: number; limit: number; cursor?: string }, now: Date): Promise<Page<Agreement>> {
  const today = todayInJakarta(now);
  const until = addDays(today, query.withinDays);
  const scope = `expiring:${query.withinDays}`;
  const position = query.cursor ? (decodeCursor(scope, query.cursor) as unknown as BucketPosition) : undefined;
  const page = await queryEndingBetween(monthsSpanned(today, until), today, until, today, query.limit, position);
  return {
    items: page.items.map((record) => toAgreement(record, today)),
    ...(page.next ? { nextCursor: encodeCursor(scope, { ...page.next }) } : {}),
  };
}

export async function agreementHistory(id: string, query: { limit: number; cursor?: string }): Promise<Page<AuditEntry>> {
  const scope = `history:${id}`;
  const start = query.cursor ? (decodeCursor(scope, query.cursor) as Key) : undefined;
  if (!start) await requireAgreementRecord(id);
  const page = await auditPageOf(id, query.limit, start);
  return { items: page.items, ...(page.next ? { nextCursor: encodeCursor(scope, page.next) } : {}) };
}
