import type { FieldError } from '../errors.ts';
import { addDays, addYears, isCalendarDate, type CalendarDate } from '../time/calendar.ts';
import { agreementSchema, type Agreement, type AgreementStatus, type AuditEntry, type CreateAgreement, type PatchAgreement } from './schemas.ts';

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

export function agreementStatus(record: Pick<AgreementRecord, 'lifecycle' | 'startsOn' | 'endsOn'>, today: CalendarDate): AgreementStatus {
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
    errors.push({ path: 'endsOn', message: `must be on or after startsOn (${draft.startsOn})` });
  } else if (datesValid && draft.kind === 'PKS' && draft.endsOn > addYears(draft.startsOn, PKS_MAX_YEARS)) {
    errors.push({
      path: 'endsOn',
      message: `must be at most ${PKS_MAX_YEARS} years after startsOn for a PKS (${addYears(draft.startsOn, PKS_MAX_YEARS)}); extend it with a renewal`,
    });
  }
  if (kindsWithParent.has(draft.kind) && !draft.parentId) {
    errors.push({ path: 'parentId', message: `is required for a ${draft.kind}: name the agreement it implements` });
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
  const { id, version, createdAt, updatedAt, createdBy, updatedBy, number, signedOn, renewedBy, terminatedOn, terminationReason, lifecycle, ...content } = record;
  return {
    ...content,
    ...(renewal.number ? { number: renewal.number } : {}),
    startsOn: renewal.startsOn ?? addDays(record.endsOn, 1),
    endsOn: renewal.endsOn,
    renews: id,
    lifecycle: 'OPEN',
  };
}

/** Bookkeeping that every change touches; `lifecycle` shows up as the entry's action instead. */
const untracked = new Set(['version', 'updatedAt', 'updatedBy', 'lifecycle']);

/** What changed between two versions, for the audit trail. */
export function changesBetween(before: Partial<AgreementRecord>, after: Partial<AgreementRecord>): AuditEntry['changes'] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((field) => !untracked.has(field)).sort();
  return fields.flatMap((field) => {
    const from = before[field as keyof AgreementRecord];
    const to = after[field as keyof AgreementRecord];
    return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ field, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) }];
  });
}
