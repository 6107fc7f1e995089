import { BatchGetCommand, GetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError, StaleVersionError, type Explained } from '../errors.ts';
import { db, tableName } from '../db/client.ts';
import { withoutStorage } from '../db/items.ts';
import { keyText } from '../text.ts';
import { queryBuckets, queryPage, type Key } from '../db/query.ts';
import type { TransactStep } from '../db/transactions.ts';
import type { AgreementRecord } from './rules.ts';
import { searchIndexSteps } from './search-index.ts';
import type { AuditEntry } from './schemas.ts';

/**
 * Agreements in the single table (see the README's access-pattern table):
 *
 *   AGREEMENT#<id> / AGREEMENT            the agreement
 *   AGREEMENT#<id> / AUDIT#<version>      one audit entry per version, oldest first
 *   AGREEMENT_NUMBER#<NUMBER> / GUARD     keeps document numbers unique
 *   GSI1  AGREEMENTS / <endsOn>#<id>                 the registry, by end date
 *   GSI1  WITHDRAWN_AGREEMENTS / <endsOn>#<id>       withdrawn entries, out of the registry
 *   GSI2  EXPIRY#<YYYY-MM> / <endsOn>#<id>           open agreements only (sparse), by end month
 *   GSI3  CHILDREN#<parentId> / <startsOn>#<id>      PKS and addenda of an agreement
 */
export const agreementKey = (id: string) => ({ PK: `AGREEMENT#${id}`, SK: 'AGREEMENT' });
const auditKey = (id: string, version: number) => ({ PK: `AGREEMENT#${id}`, SK: `AUDIT#${String(version).padStart(9, '0')}` });
const numberGuardKey = (number: string) => ({ PK: `AGREEMENT_NUMBER#${keyText(number)}`, SK: 'GUARD' });
export const REGISTRY_PARTITION = 'AGREEMENTS';
export const WITHDRAWN_PARTITION = 'WITHDRAWN_AGREEMENTS';
export const expiryBucket = (month: string) => `EXPIRY#${month}`;
export const childrenPartition = (parentId: string) => `CHILDREN#${parentId}`;

/**
 * The stored item of an agreement, keys and index keys included. A withdrawn agreement leaves the
 * registry, the expiry buckets and its parent's children (so every list, sweep and statistic
 * skips it without a filter) for a partition of its own.
 */
export function toItem(record: AgreementRecord): Record<string, unknown> {
  const listed = !record.withdrawal;
  return {
    ...agreementKey(record.id),
    ...record,
    entity: 'AGREEMENT',
    // Lower-cased copies that the list filters match against.
    partnerSearch: record.partners.map((partner) => keyText(partner.name)).join('\n'),
    fieldSearch: record.fields.map(keyText),
    unitKey: keyText(record.ownerUnit),
    GSI1PK: listed ? REGISTRY_PARTITION : WITHDRAWN_PARTITION,
    GSI1SK: `${record.endsOn}#${record.id}`,
    ...(listed && record.lifecycle === 'OPEN' ? { GSI2PK: expiryBucket(record.endsOn.slice(0, 7)), GSI2SK: `${record.endsOn}#${record.id}` } : {}),
    ...(listed && record.parentId ? { GSI3PK: childrenPartition(record.parentId), GSI3SK: `${record.startsOn}#${record.id}` } : {}),
  };
}

export function fromItem(item: Record<string, unknown>): AgreementRecord {
  return withoutStorage(item, ['partnerSearch', 'fieldSearch', 'unitKey']) as AgreementRecord;
}

/** The number a record holds: a withdrawn entry gives its number back, so that the right entry can take it. */
const heldNumber = (record: AgreementRecord | undefined) => (record && !record.withdrawal ? record.number : undefined);

export async function getAgreementRecord(id: string): Promise<AgreementRecord | undefined> {
  const output = await db().send(new GetCommand({ TableName: tableName(), Key: agreementKey(id), ConsistentRead: true }));
  return output.Item ? fromItem(output.Item) : undefined;
}

export function auditStep(id: string, entry: AuditEntry): TransactStep {
  return { item: { Put: { TableName: tableName(), Item: { ...auditKey(id, entry.version), entity: 'AUDIT', ...entry } } } };
}

function numberGuardSteps(before: string | undefined, after: string | undefined, agreementId: string): TransactStep[] {
  const same = before !== undefined && after !== undefined && keyText(before) === keyText(after);
  if (same) return [];
  const steps: TransactStep[] = [];
  if (after !== undefined) {
    steps.push({
      item: {
        Put: {
          TableName: tableName(),
          Item: { ...numberGuardKey(after), entity: 'GUARD', agreementId },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      onConditionFailed: () => new ConflictError({ code: 'AGREEMENT_NUMBER_TAKEN', params: { number: after } }),
    });
  }
  if (before !== undefined) steps.push({ item: { Delete: { TableName: tableName(), Key: numberGuardKey(before) } } });
  return steps;
}

/** The parent read by the use case is still there, unchanged, when the child is written. */
function parentUnchangedStep(parent: AgreementRecord | undefined): TransactStep[] {
  if (!parent) return [];
  return [
    {
      item: {
        ConditionCheck: { TableName: tableName(), Key: agreementKey(parent.id), ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': parent.version } },
      },
      onConditionFailed: () => new ConflictError({ code: 'AGREEMENT_PARENT_CHANGED', params: { parentId: parent.id } }),
    },
  ];
}

function versionedPut(record: AgreementRecord, expectedVersion: number, stale: string | Explained, onlyOpen = true): TransactStep {
  return {
    item: {
      Put: {
        TableName: tableName(),
        Item: toItem(record),
        // Only an open agreement changes: a renewal retried under a new key finds it closed.
        // A withdrawal or restoration may concern a closed one: its version is condition enough.
        ConditionExpression: `attribute_exists(PK) AND version = :expected${onlyOpen ? ' AND lifecycle = :open AND attribute_not_exists(withdrawal)' : ''}`,
        ExpressionAttributeValues: { ':expected': expectedVersion, ...(onlyOpen ? { ':open': 'OPEN' } : {}) },
      },
    },
    onConditionFailed: () => new StaleVersionError(stale),
  };
}

/** The steps that store a new agreement with its number guard and first audit entry. */
export function insertionSteps(record: AgreementRecord, audit: AuditEntry, parent: AgreementRecord | undefined): TransactStep[] {
  return [
    { item: { Put: { TableName: tableName(), Item: toItem(record), ConditionExpression: 'attribute_not_exists(PK)' } } },
    ...numberGuardSteps(undefined, record.number, record.id),
    ...parentUnchangedStep(parent),
    auditStep(record.id, audit),
    ...searchIndexSteps(undefined, record),
  ];
}

/** The steps that replace an agreement still at `before.version`, moving its number guard along (and checking the parent it was judged against). */
export function replacementSteps(before: AgreementRecord, after: AgreementRecord, audit: AuditEntry, parent: AgreementRecord | undefined): TransactStep[] {
  return [
    versionedPut(after, before.version, { code: 'AGREEMENT_CHANGED_SINCE', params: { id: before.id, version: before.version } }),
    ...numberGuardSteps(before.number, after.number, after.id),
    ...parentUnchangedStep(parent),
    auditStep(after.id, audit),
    ...searchIndexSteps(before, after),
  ];
}

/** The steps that withdraw or restore an agreement: its number guard, search words and indexes follow. */
export function withdrawalSteps(before: AgreementRecord, after: AgreementRecord, audit: AuditEntry): TransactStep[] {
  return [
    versionedPut(after, before.version, `Agreement ${before.id} has changed since version ${before.version}; read it again.`, false),
    ...numberGuardSteps(heldNumber(before), heldNumber(after), after.id),
    auditStep(after.id, audit),
    ...searchIndexSteps(before, after),
  ];
}

/** The steps that close `old` as renewed and open its successor. */
export function renewalSteps(old: { before: AgreementRecord; after: AgreementRecord; audit: AuditEntry }, successor: { record: AgreementRecord; audit: AuditEntry }): TransactStep[] {
  return [
    {
      ...versionedPut(old.after, old.before.version, { code: 'AGREEMENT_CHANGED_MEANWHILE', params: { id: old.before.id } }),
      onConditionFailed: () => new ConflictError({ code: 'AGREEMENT_CHANGED_MEANWHILE', params: { id: old.before.id } }),
    },
    { item: { Put: { TableName: tableName(), Item: toItem(successor.record), ConditionExpression: 'attribute_not_exists(PK)' } } },
    ...numberGuardSteps(undefined, successor.record.number, successor.record.id),
    auditStep(old.after.id, old.audit),
    auditStep(successor.record.id, successor.audit),
    ...searchIndexSteps(undefined, successor.record),
  ];
}

/** Several agreements by id (at most 100), in the order asked; ids that exist no more are left out. */
export async function getAgreementRecords(ids: readonly string[]): Promise<AgreementRecord[]> {
  const found = new Map<string, AgreementRecord>();
  let keys: Record<string, unknown>[] | undefined = ids.map(agreementKey);
  while (keys?.length) {
    const output: BatchGetCommandOutput = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys } } }));
    for (const item of output.Responses?.[tableName()] ?? []) found.set(item.id as string, fromItem(item));
    keys = output.UnprocessedKeys?.[tableName()]?.Keys;
  }
  return ids.flatMap((id) => found.get(id) ?? []);
}

export async function requireAgreementRecord(id: string): Promise<AgreementRecord> {
  const record = await getAgreementRecord(id);
  if (!record) throw new NotFoundError({ code: 'AGREEMENT_NOT_FOUND', params: { id } });
  return record;
}

export async function auditPageOf(id: string, limit: number, start?: Key) {
  const page = await queryPage(
    {
      keyCondition: 'PK = :pk AND begins_with(SK, :audit)',
      names: {},
      values: { ':pk': agreementKey(id).PK, ':audit': 'AUDIT#' },
    },
    limit,
    start,
  );
  return { items: page.items.map((item) => withoutStorage(item) as AuditEntry), next: page.next };
}

export interface RegistryFilter {
  endsFrom?: string;
  endsTo?: string;
  parentId?: string;
  kind?: string;
  partner?: string;
  field?: string;
  ownerUnit?: string;
  /** Read the withdrawn entries instead of the registry. */
  withdrawn?: boolean;
  /** Extra conditions on `lifecycle` and `startsOn` that a status filter needs. */
  lifecycle?: string;
  startsAfter?: string;
  startsOnOrBefore?: string;
}

/**
 * A page of the registry, ordered by end date. The end-date range is a key condition on GSI1
 * (or, for the children of one agreement, on GSI3 with the range as a filter); the other filters
 * only thin out what the key condition reads.
 */
export async function queryRegistry(filter: RegistryFilter, limit: number, start?: Key) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const conditions: string[] = [];
  /** Adds `#attribute <operator> :placeholder` (or a function call) to the filter. */
  const where = (attribute: string, placeholder: string, value: unknown, build: (name: string, value: string) => string) => {
    names[`#${attribute}`] = attribute;
    values[`:${placeholder}`] = value;
    conditions.push(build(`#${attribute}`, `:${placeholder}`));
  };
  if (filter.kind) where('kind', 'kind', filter.kind, (n, v) => `${n} = ${v}`);
  if (filter.partner) where('partnerSearch', 'partner', keyText(filter.partner), (n, v) => `contains(${n}, ${v})`);
  if (filter.field) where('fieldSearch', 'field', keyText(filter.field), (n, v) => `contains(${n}, ${v})`);
  if (filter.ownerUnit) {
    // Items written before `unitKey` existed match on the unit as written.
    names['#ownerUnit'] = 'ownerUnit';
    values[':ownerUnitAsWritten'] = filter.ownerUnit;
    where('unitKey', 'ownerUnit', keyText(filter.ownerUnit), (n, v) => `(${n} = ${v} OR #ownerUnit = :ownerUnitAsWritten)`);
  }
  if (filter.lifecycle) where('lifecycle', 'lifecycle', filter.lifecycle, (n, v) => `${n} = ${v}`);
  if (filter.startsAfter) where('startsOn', 'startsAfter', filter.startsAfter, (n, v) => `${n} > ${v}`);
  if (filter.startsOnOrBefore) where('startsOn', 'startsOnOrBefore', filter.startsOnOrBefore, (n, v) => `${n} <= ${v}`);

  let keyCondition: string;
  let index: 'GSI1' | 'GSI3';
  if (filter.parentId) {
    index = 'GSI3';
    keyCondition = 'GSI3PK = :pk';
    values[':pk'] = childrenPartition(filter.parentId);
    if (filter.endsFrom) where('endsOn', 'endsFrom', filter.endsFrom, (n, v) => `${n} >= ${v}`);
    if (filter.endsTo) where('endsOn', 'endsTo', filter.endsTo, (n, v) => `${n} <= ${v}`);
  } else {
    index = 'GSI1';
    values[':pk'] = filter.withdrawn ? WITHDRAWN_PARTITION : REGISTRY_PARTITION;
    const from = filter.endsFrom;
    const to = filter.endsTo ? `${filter.endsTo}#\uffff` : undefined;
    if (from) values[':from'] = from;
    if (to) values[':to'] = to;
    keyCondition = `GSI1PK = :pk${from && to ? ' AND GSI1SK BETWEEN :from AND :to' : from ? ' AND GSI1SK >= :from' : to ? ' AND GSI1SK <= :to' : ''}`;
  }
  const page = await queryPage(
    { index, keyCondition, names, values, ...(conditions.length ? { filter: conditions.join(' AND ') } : {}) },
    limit,
    start,
  );
  return { items: page.items.map(fromItem), next: page.next };
}

/** Open agreements ending in `from`..`to`, soonest first, reading only the months spanned. */
export async function queryEndingBetween(months: string[], from: string, to: string, startedBy: string, limit: number, position?: { bucket: number; key?: Key }) {
  const queries = months.map((month) => ({
    index: 'GSI2' as const,
    keyCondition: 'GSI2PK = :bucket AND GSI2SK BETWEEN :from AND :to',
    filter: '#startsOn <= :startedBy',
    names: { '#startsOn': 'startsOn' },
    values: { ':bucket': expiryBucket(month), ':from': from, ':to': `${to}#\uffff`, ':startedBy': startedBy },
  }));
  const page = await queryBuckets(queries, limit, position);
  return { items: page.items.map(fromItem), next: page.next };
}
