import { randomUUID } from 'node:crypto';
import type { Actor, VersionPrecondition } from '../actor.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import { writeOnce } from '../db/idempotency.ts';
import type { BucketPosition, Key } from '../db/query.ts';
import { transact } from '../db/transactions.ts';
import { ConflictError, InvalidInputError, StaleVersionError, UnprocessableError } from '../errors.ts';
import { addDays, monthsSpanned, todayInJakarta } from '../time/calendar.ts';
import {
  auditPageOf,
  getAgreementRecord,
  insertionSteps,
  queryEndingBetween,
  queryRegistry,
  renewalSteps,
  replacementSteps,
  requireAgreementRecord,
} from './repository.ts';
import {
  applyPatch,
  changesBetween,
  closedReason,
  parentRules,
  recordViolations,
  registryFilterFor,
  successorOf,
  terminationViolations,
  toAgreement,
  type AgreementRecord,
} from './rules.ts';
import { dormantPage } from '../alerts/dormant.ts';
import { possibleDuplicates } from './duplicates.ts';
import { historyEntryView } from './history.ts';
import type { Agreement, AuditEntry, CreateAgreement, ListAgreementsQuery, PatchAgreement, RenewAgreement, Warning } from './schemas.ts';

function auditEntry(record: AgreementRecord, action: AuditEntry['action'], changes: AuditEntry['changes']): AuditEntry {
  return { version: record.version, at: record.updatedAt, by: record.updatedBy, action, changes };
}

/**
 * The record's own rules and, unless `againstParent` is false, those against its parent (read
 * here, and checked unchanged in the write's transaction): errors refuse the write, warnings
 * travel with the answer.
 */
async function checkRecord(record: AgreementRecord, againstParent = true): Promise<{ parent: AgreementRecord | undefined; warnings: Warning[] }> {
  const own = recordViolations(record);
  if (own.length) throw new InvalidInputError(own);
  if (!againstParent || !record.parentId) return { parent: undefined, warnings: [] };
  const parent = await getAgreementRecord(record.parentId);
  const { errors, warnings } = parentRules(record, parent);
  if (errors.length) throw new UnprocessableError({ code: 'AGREEMENT_PARENT_MISMATCH' }, errors);
  return { parent, warnings };
}

const withWarnings = (agreement: Agreement, warnings: Warning[]): Agreement => (warnings.length ? { ...agreement, warnings } : agreement);

function assertOpen(record: AgreementRecord, action: Parameters<typeof closedReason>[1]): void {
  const reason = closedReason(record, action);
  if (reason) throw new ConflictError(reason);
}

export async function createAgreement(input: CreateAgreement, actor: Actor): Promise<{ agreement: Agreement; replayed: boolean }> {
  const { result, replayed } = await writeOnce(actor.idempotency, actor.now, async () => {
    const at = actor.now.toISOString();
    const record: AgreementRecord = { ...input, id: randomUUID(), lifecycle: 'OPEN', version: 1, createdAt: at, updatedAt: at, createdBy: actor.subject, updatedBy: actor.subject };
    const { parent, warnings } = await checkRecord(record);
    const duplicates = await possibleDuplicates(record);
    return {
      result: withWarnings(toAgreement(record, todayInJakarta(actor.now)), [...warnings, ...duplicates]),
      steps: insertionSteps(record, auditEntry(record, 'CREATED', changesBetween({}, record)), parent),
    };
  });
  return { agreement: result, replayed };
}

export async function getAgreement(id: string, now: Date): Promise<Agreement> {
  return toAgreement(await requireAgreementRecord(id), todayInJakarta(now));
}

export async function updateAgreement(id: string, patch: PatchAgreement, expectedVersion: VersionPrecondition, actor: Actor): Promise<Agreement> {
  const before = await requireAgreementRecord(id);
  const today = todayInJakarta(actor.now);
  if (expectedVersion !== 'any' && before.version !== expectedVersion) {
    throw new StaleVersionError({ code: 'AGREEMENT_STALE', params: { id, current: before.version, expected: expectedVersion } });
  }
  assertOpen(before, patch.status === 'TERMINATED' ? 'ACTION_TERMINATED' : 'ACTION_CHANGED');
  const termination = terminationViolations(patch);
  if (termination.length) throw new InvalidInputError(termination);
  let after = applyPatch(before, patch);
  if (patch.status === 'TERMINATED') after = { ...after, lifecycle: 'TERMINATED', terminatedOn: today, terminationReason: patch.terminationReason };
  const changes = changesBetween(before, after);
  // A child is judged against its parent again only when what relates them changes.
  const relationChanged = (['parentId', 'kind', 'startsOn', 'endsOn'] as const).some((field) => after[field] !== before[field]);
  const { parent, warnings } = await checkRecord(after, relationChanged);
  if (changes.length === 0) return toAgreement(before, today);
  after = { ...after, version: before.version + 1, updatedAt: actor.now.toISOString(), updatedBy: actor.subject };
  await transact(replacementSteps(before, after, auditEntry(after, patch.status === 'TERMINATED' ? 'TERMINATED' : 'UPDATED', changes), parent));
  return withWarnings(toAgreement(after, today), warnings);
}

export async function renewAgreement(id: string, renewal: RenewAgreement, actor: Actor): Promise<{ agreement: Agreement; replayed: boolean }> {
  const { result, replayed } = await writeOnce(actor.idempotency, actor.now, async () => {
    const old = await requireAgreementRecord(id);
    const at = actor.now.toISOString();
    const successor: AgreementRecord = { ...successorOf(old, renewal), id: randomUUID(), version: 1, createdAt: at, updatedAt: at, createdBy: actor.subject, updatedBy: actor.subject };
    assertOpen(old, 'ACTION_RENEWED');
    const own = recordViolations(successor);
    if (own.length) throw new InvalidInputError(own);
    const closed: AgreementRecord = { ...old, lifecycle: 'RENEWED', renewedBy: successor.id, renewedOn: todayInJakarta(actor.now), version: old.version + 1, updatedAt: at, updatedBy: actor.subject };
    return {
      result: toAgreement(successor, todayInJakarta(actor.now)),
      steps: renewalSteps(
        { before: old, after: closed, audit: auditEntry(closed, 'RENEWED', changesBetween(old, closed)) },
        { record: successor, audit: auditEntry(successor, 'CREATED', changesBetween({}, successor)) },
      ),
    };
  });
  return { agreement: result, replayed };
}

export async function listAgreements(query: ListAgreementsQuery, now: Date): Promise<Page<Agreement>> {
  const today = todayInJakarta(now);
  const { limit, cursor, ...filters } = query;
  const scope = `agreements:${JSON.stringify(filters)}`;
  const { filter, empty } = registryFilterFor(filters, today);
  if (empty) return { items: [] };
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

/** The dormant agreements (the weekly email's rule, shared/alerts/dormant.ts), by end date. */
export async function dormantAgreements(query: { days: number; limit: number; cursor?: string }, now: Date): Promise<Page<Agreement>> {
  const today = todayInJakarta(now);
  const scope = `dormant:${query.days}`;
  const page = await dormantPage(today, query.days, query.limit, query.cursor ? (decodeCursor(scope, query.cursor) as Key) : undefined);
  return {
    items: page.items.map((record) => toAgreement(record, today)),
    ...(page.next ? { nextCursor: encodeCursor(scope, page.next) } : {}),
  };
}

export async function agreementHistory(id: string, query: { limit: number; cursor?: string }): Promise<Page<AuditEntry>> {
  const scope = `history:${id}`;
  const start = query.cursor ? (decodeCursor(scope, query.cursor) as Key) : undefined;
  if (!start) await requireAgreementRecord(id);
  const page = await auditPageOf(id, query.limit, start);
  return { items: page.items.map(historyEntryView), ...(page.next ? { nextCursor: encodeCursor(scope, page.next) } : {}) };
}
