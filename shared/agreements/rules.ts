import { fieldError, type Explained, type FieldError } from '../errors.ts';
import { render } from '../i18n/messages.ts';
import { addDays, addYears, isCalendarDate, type CalendarDate } from '../time/calendar.ts';
import { agreementSchema, type Agreement, type AgreementKind, type AgreementStatus, type AuditEntry, type CreateAgreement, type ListAgreementsQuery, type PatchAgreement, type Warning } from './schemas.ts';

/**
 * The agreement rules as plain functions: no AWS, no HTTP. Status is never stored: it is
 * derived from the dates and the two events that close an agreement (termination, renewal),
 * so it cannot go stale.
 */
export type Lifecycle = 'OPEN' | 'TERMINATED' | 'RENEWED';

export type AgreementRecord = Omit<Agreement, 'status'> & { lifecycle: Lifecycle };

/** The content of an agreement that its rules look at, whether new or patched. */
type Draft = Pick<CreateAgreement, 'kind' | 'startsOn' | 'endsOn' | 'parentId' | 'signedOn'>;

/** A PKS lasts at most five years; a longer one needs a renewal (domain.md §1). */
export const PKS_MAX_YEARS = 5;

/** Kinds that implement another agreement and must name it. */
const kindsWithParent = new Set(['PKS', 'ADDENDUM']);

export function agreementStatus(record: Pick<AgreementRecord, 'lifecycle' | 'startsOn' | 'endsOn' | 'withdrawal'>, today: CalendarDate): AgreementStatus {
  if (record.withdrawal) return 'WITHDRAWN';
  if (record.lifecycle !== 'OPEN') return record.lifecycle;
  if (today < record.startsOn) return 'PENDING';
  if (today > record.endsOn) return 'EXPIRED';
  return 'ACTIVE';
}

/** The API view of a stored agreement, fields in the schema's order. */
export function toAgreement(record: AgreementRecord, today: CalendarDate): Agreement {
  const view: Record<string, unknown> = {};
  const source: Record<string, unknown> = { ...record, status: agreementStatus(record, today) };
  for (const field of Object.keys(agreementSchema.shape)) if (source[field] !== undefined) view[field] = source[field];
  return view as Agreement;
}

/** Rules that span fields; each violation names the field to fix. */
export function ruleViolations(draft: Draft): FieldError[] {
  const errors: FieldError[] = [];
  // A bad date is reported by its own field's check; the span is judged only between real dates.
  const datesValid = isCalendarDate(String(draft.startsOn)) && isCalendarDate(String(draft.endsOn));
  if (datesValid && draft.endsOn < draft.startsOn) {
    errors.push(fieldError('endsOn', 'END_BEFORE_START', { startsOn: draft.startsOn }));
  } else if (datesValid && draft.kind === 'PKS' && draft.endsOn > addYears(draft.startsOn, PKS_MAX_YEARS)) {
    errors.push(fieldError('endsOn', 'PKS_TOO_LONG', { years: PKS_MAX_YEARS, latest: addYears(draft.startsOn, PKS_MAX_YEARS) }));
  }
  if (kindsWithParent.has(draft.kind) && !draft.parentId) {
    errors.push(fieldError('parentId', 'PARENT_REQUIRED', { kind: draft.kind }));
  }
  return errors;
}

/** The record after a merge patch (status and server fields are handled by the caller). */
export function applyPatch(record: AgreementRecord, patch: PatchAgreement): AgreementRecord {
  const next: Record<string, unknown> = { ...record };
  const writable = ['title', 'kind', 'partners', 'fields', 'startsOn', 'endsOn', 'ownerUnit', 'contactEmails', 'number', 'partnerNumber', 'signedOn', 'parentId', 'notes'] as const;
  for (const field of writable) {
    const value = patch[field];
    if (value === undefined) continue;
    if (value === null) delete next[field];
    else next[field] = value;
  }
  return next as AgreementRecord;
}

/** The successor of a renewed agreement: the same content over the new term. */
export function successorOf(
  record: AgreementRecord,
  renewal: { startsOn?: CalendarDate; endsOn: CalendarDate; number?: string },
): Omit<AgreementRecord, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy'> {
  // Documents and evaluations belong to the old term: the successor starts without them.
  const { id, version, createdAt, updatedAt, createdBy, updatedBy, number, signedOn, renewedBy, renewedOn, terminatedOn, terminationReason, lifecycle, withdrawal, signedDocuments, evaluation, ...content } = record;
  return {
    ...content,
    ...(renewal.number ? { number: renewal.number } : {}),
    startsOn: renewal.startsOn ?? addDays(record.endsOn, 1),
    endsOn: renewal.endsOn,
    renews: id,
    lifecycle: 'OPEN',
  };
}

/**
 * Bookkeeping that is not a change of content: the entry itself says who, when and which version,
 * `lifecycle` shows up as the entry's action, and a creation is not a change of `id` or `createdAt`.
 */
export const untracked: ReadonlySet<string> = new Set(['id', 'version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'lifecycle']);

/** What changed between two versions, for the audit trail. */
export function changesBetween(before: Partial<AgreementRecord>, after: Partial<AgreementRecord>): AuditEntry['changes'] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((field) => !untracked.has(field)).sort();
  return fields.flatMap((field) => {
    const from = before[field as keyof AgreementRecord];
    const to = after[field as keyof AgreementRecord];
    return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ field, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) }];
  });
}

/** The rules of a record about to be stored, including that it cannot be its own parent. */
export function recordViolations(record: Pick<AgreementRecord, 'kind' | 'startsOn' | 'endsOn' | 'parentId' | 'signedOn' | 'id'>): FieldError[] {
  const errors = ruleViolations(record);
  if (record.parentId === record.id) errors.push(fieldError('parentId', 'PARENT_SELF'));
  return errors;
}

/** What each kind that implements another may name as its parent. */
const parentKinds: Partial<Record<AgreementKind, readonly AgreementKind[]>> = {
  // A PKS implements a framework: an MoU, or a sister-city agreement.
  PKS: ['MOU', 'SISTER_CITY'],
  // An addendum amends the agreement itself, never another addendum.
  ADDENDUM: ['MOU', 'PKS', 'LOI', 'SISTER_CITY', 'OTHER'],
};

/** Whether an agreement of kind `parent` may be the parent of one of kind `child` (a kind without a rule takes any). */
export function parentKindAllowed(child: AgreementKind, parent: AgreementKind): boolean {
  return parentKinds[child]?.includes(parent) ?? true;
}

/**
 * A child agreement against its parent. Refused: a parent that does not exist, of a kind the
 * child cannot implement, already closed, or starting after the child. Accepted with a warning:
 * a child that outlives its parent (the parent may yet be renewed, but someone should look).
 */
export function parentRules(
  child: Pick<AgreementRecord, 'kind' | 'startsOn' | 'endsOn' | 'parentId'>,
  parent: Pick<AgreementRecord, 'id' | 'kind' | 'startsOn' | 'endsOn' | 'lifecycle' | 'renewedBy'> | undefined,
): { errors: FieldError[]; warnings: Warning[] } {
  if (!child.parentId) return { errors: [], warnings: [] };
  if (!parent) return { errors: [fieldError('parentId', 'PARENT_NOT_FOUND', { parentId: child.parentId })], warnings: [] };
  const errors: FieldError[] = [];
  if (!parentKindAllowed(child.kind, parent.kind)) {
    errors.push(fieldError('parentId', 'PARENT_KIND_NOT_ALLOWED', { parentKind: parent.kind, kind: child.kind, allowed: parentKinds[child.kind]!.join(', ') }));
  }
  if (parent.lifecycle === 'TERMINATED') errors.push(fieldError('parentId', 'PARENT_TERMINATED'));
  if (parent.lifecycle === 'RENEWED') errors.push(fieldError('parentId', 'PARENT_RENEWED', { successor: String(parent.renewedBy) }));
  if (child.startsOn < parent.startsOn) errors.push(fieldError('startsOn', 'START_BEFORE_PARENT', { parentStartsOn: parent.startsOn }));
  const warnings = child.endsOn > parent.endsOn ? [{ path: 'endsOn', code: 'END_AFTER_PARENT', message: render('END_AFTER_PARENT', { parentEndsOn: parent.endsOn }) }] : [];
  return { errors, warnings };
}

/** Why a closed or withdrawn agreement cannot be changed, or `undefined` when it is open. */
export function closedReason(
  record: Pick<AgreementRecord, 'id' | 'lifecycle' | 'renewedBy' | 'withdrawal'>,
  action: 'ACTION_CHANGED' | 'ACTION_RENEWED' | 'ACTION_TERMINATED' | 'ACTION_WITHDRAWN',
): Explained | undefined {
  if (record.withdrawal) return { code: 'AGREEMENT_WITHDRAWN', params: { id: record.id, action: { code: action } } };
  if (record.lifecycle === 'OPEN') return undefined;
  if (record.lifecycle === 'RENEWED') return { code: 'AGREEMENT_RENEWED', params: { id: record.id, successor: String(record.renewedBy), action: { code: action } } };
  return { code: 'AGREEMENT_TERMINATED', params: { id: record.id, action: { code: action } } };
}

/** A termination names its reason, and a reason comes only with a termination. */
export function terminationViolations(patch: Pick<PatchAgreement, 'status' | 'terminationReason'>): FieldError[] {
  if (patch.status !== 'TERMINATED' && patch.terminationReason !== undefined) {
    return [fieldError('terminationReason', 'TERMINATION_REASON_UNEXPECTED')];
  }
  if (patch.status === 'TERMINATED' && patch.terminationReason === undefined) return [fieldError('terminationReason', 'TERMINATION_REASON_REQUIRED')];
  return [];
}

/** The registry query for a list request: its status filter turned into dates and lifecycle, given today. */
export function registryFilterFor(query: Omit<ListAgreementsQuery, 'limit' | 'cursor'>, today: CalendarDate) {
  const { status, ...filters } = query;
  const byStatus = statusFilter(status, today);
  const endsFrom = later(filters.endsFrom, byStatus.endsFrom);
  const endsTo = earlier(filters.endsTo, byStatus.endsTo);
  return {
    filter: { ...filters, ...byStatus, endsFrom, endsTo },
    /** The bounds exclude each other: nothing can match, so nothing need be read. */
    empty: endsFrom !== undefined && endsTo !== undefined && endsFrom > endsTo,
  };
}

function statusFilter(
  status: AgreementStatus | undefined,
  today: CalendarDate,
): { lifecycle?: Lifecycle; startsAfter?: string; startsOnOrBefore?: string; endsFrom?: string; endsTo?: string; withdrawn?: true } {
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
    case 'WITHDRAWN':
      // Withdrawn entries sit in a partition of their own, out of every list, sweep and statistic.
      return { withdrawn: true };
    default:
      return {};
  }
}

/** The later of two optional lower bounds, the earlier of two upper bounds. */
const later = (a?: string, b?: string) => (a && b ? (a > b ? a : b) : (a ?? b));
const earlier = (a?: string, b?: string) => (a && b ? (a < b ? a : b) : (a ?? b));
