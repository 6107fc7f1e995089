import { keyText } from '../text.ts';
import { todayInJakarta, type CalendarDate } from '../time/calendar.ts';
import type { AgreementRecord } from './rules.ts';
import type { Statistics } from './schemas.ts';

/**
 * The figures of a period of whole years, from the registry's records alone (pure: the caller
 * reads them). Withdrawn entries are not in the registry, so they never count.
 *
 * - signed: signing date (or, when none is recorded, the start date) inside the period;
 * - active: active on `asOf` (the period's last day, or today while the period runs): started,
 *   not ended, not terminated by then, and not yet replaced by the successor of a renewal;
 * - renewals / terminations: renewed / terminated inside the period;
 * - expiredWithoutRenewal: ended inside the period (and before today) while still open, i.e.
 *   neither renewed nor terminated.
 */
export function periodStatistics(records: readonly AgreementRecord[], period: { from: number; to: number }, today: CalendarDate): Statistics {
  const start = `${period.from}-01-01`;
  const end = `${period.to}-12-31`;
  const asOf = end < today ? end : today;
  const byId = new Map(records.map((record) => [record.id, record]));
  const within = (day: string | undefined) => day !== undefined && day >= start && day <= end;
  const active = records.filter((record) => activeOn(record, asOf, byId));
  return {
    from: period.from,
    to: period.to,
    asOf,
    signed: breakdown(records.filter((record) => within(record.signedOn ?? record.startsOn))),
    active: breakdown(active),
    sisterCitiesActive: active.filter((record) => record.kind === 'SISTER_CITY').length,
    renewals: records.filter((record) => record.lifecycle === 'RENEWED' && within(renewedOn(record))).length,
    terminations: records.filter((record) => record.lifecycle === 'TERMINATED' && within(record.terminatedOn)).length,
    expiredWithoutRenewal: records.filter((record) => record.lifecycle === 'OPEN' && within(record.endsOn) && record.endsOn < today).length,
  };
}

/** Renewals record their day; those renewed before it was recorded were last written by the renewal. */
const renewedOn = (record: AgreementRecord) => record.renewedOn ?? todayInJakarta(new Date(record.updatedAt));

export function activeOn(record: AgreementRecord, day: CalendarDate, byId: ReadonlyMap<string, AgreementRecord>): boolean {
  if (record.startsOn > day || record.endsOn < day) return false;
  if (record.lifecycle === 'TERMINATED') return record.terminatedOn === undefined || record.terminatedOn > day;
  if (record.lifecycle === 'RENEWED') {
    const successor = record.renewedBy ? byId.get(record.renewedBy) : undefined;
    return successor === undefined || successor.startsOn > day;
  }
  return true;
}

function breakdown(records: readonly AgreementRecord[]): Statistics['signed'] {
  const byKind: Record<string, number> = {};
  const byPartnerCategory: Record<string, number> = {};
  const byCountry: Record<string, number> = {};
  const byField: Record<string, number> = {};
  /** A subject area under the first spelling met (`Pariwisata` and `pariwisata` are one). */
  const fieldNames = new Map<string, string>();
  let foreign = 0;
  for (const record of records) {
    count(byKind, record.kind);
    for (const category of new Set(record.partners.map((partner) => partner.category))) count(byPartnerCategory, category);
    const countries = new Set(record.partners.map((partner) => partner.country));
    for (const country of countries) count(byCountry, country);
    if ([...countries].some((country) => country !== 'ID')) foreign += 1;
    for (const field of new Set(record.fields.map(keyText))) {
      if (!fieldNames.has(field)) fieldNames.set(field, record.fields.find((name) => keyText(name) === field)!);
      count(byField, fieldNames.get(field)!);
    }
  }
  return { total: records.length, byKind, byPartnerCategory, domestic: records.length - foreign, foreign, byCountry, byField };
}

function count(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
