import type { MessageKey } from '../i18n/messages.ts';

export interface Change {
  field: string;
  from?: unknown;
  to?: unknown;
}

/** The fields whose values differ between two versions of a resource (for the 412 page and history). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>, ignore: readonly string[] = []): Change[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((key) => !ignore.includes(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((field) => ({ field, from: before[field], to: after[field] }));
}

/**
 * An agreement's fields by the words the person knows them by: the edit form's labels where the
 * form has the field, the records' words for what only the server writes (history, 412).
 */
export const agreementFieldWords: Readonly<Record<string, MessageKey>> = {
  title: 'title',
  kind: 'kind',
  parentId: 'parentId',
  number: 'number',
  partnerNumber: 'partnerNumber',
  partners: 'partners',
  startsOn: 'startsOn',
  endsOn: 'endsOn',
  signedOn: 'signedOn',
  ownerUnit: 'ownerUnit',
  fields: 'fields',
  contactEmails: 'contacts',
  notes: 'notes',
  status: 'historyStatus',
  terminationReason: 'historyTerminationReason',
  terminatedOn: 'historyTerminatedOn',
  renews: 'historyRenews',
  renewedBy: 'historyRenewedBy',
  renewedOn: 'historyRenewedOn',
  withdrawal: 'historyWithdrawal',
  documents: 'documents',
  signedDocuments: 'historySignedDocuments',
  activities: 'historyActivities',
  evaluation: 'historyEvaluation',
};

/** How values are written in the person's language (the console's i18n helpers). */
export interface ValueWords {
  date: (date: string) => string;
  timestamp: (iso: string) => string;
  number: (value: number) => string;
  label: (value: string) => string;
  empty: string;
}

const calendarDate = /^\d{4}-\d{2}-\d{2}$/;
const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** API enum values are SCREAMING_SNAKE_CASE; free text shown as typed. */
const enumValue = /^[A-Z][A-Z_]*[A-Z]$/;
/** Ids and bookkeeping inside a nested value (a document, an evaluation): nothing a person reads. */
const hiddenKeys = /^(id|.+Id|by|createdBy|createdAt|checkedAt)$/;

/** A document's status has its own words: `PENDING` there means "being checked", not "not yet in force". */
export const documentStatusKey = (status: string) => `DOCUMENT_${status}`;

/**
 * A value as a person reads it in "field: before → after": dates as "27 Januari 2031", enum codes
 * in words, lists joined, and a nested record (a partner, a document) as its first value with
 * the rest in brackets: "Kota Osaka (Pemerintah asing, JP)".
 */
export function displayValue(value: unknown, words: ValueWords): string {
  if (value === undefined || value === null || value === '') return words.empty;
  if (typeof value === 'number') return words.number(value);
  if (typeof value === 'string') {
    if (calendarDate.test(value)) return words.date(value);
    if (isoTimestamp.test(value) && !Number.isNaN(Date.parse(value))) return words.timestamp(value);
    return enumValue.test(value) ? words.label(value) : value;
  }
  if (Array.isArray(value)) return value.length ? value.map((item) => displayValue(item, words)).join(', ') : words.empty;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const isDocument = 'filename' in record;
    const parts = Object.entries(record)
      .filter(([key, item]) => !hiddenKeys.test(key) && item !== undefined && item !== null && item !== '')
      .map(([key, item]) => (isDocument && key === 'status' && typeof item === 'string' ? words.label(documentStatusKey(item)) : displayValue(item, words)));
    if (parts.length === 0) return words.empty;
    const [head, ...rest] = parts;
    return rest.length ? `${head} (${rest.join(', ')})` : head!;
  }
  return String(value);
}

/** One change in words: the field's name (its key when the console has no word for it) and both values. */
export function describeChange(change: Change, fieldWord: (field: string) => string, words: ValueWords): { field: string; from: string; to: string } {
  return { field: fieldWord(change.field), from: displayValue(change.from, words), to: displayValue(change.to, words) };
}

/** The console's own jobs write as `jalin:…` (the automatic document check); people write as their token's subject. */
export const isSystemActor = (by: string) => by.startsWith('jalin:');
