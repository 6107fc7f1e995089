import type { Alert } from '../api/client.ts';
import type { MessageKey } from '../i18n/messages.ts';

/** A message with its values, for `t()`: the page formats dates and months in the UI language. */
export interface Words {
  key: MessageKey;
  values?: Record<string, string | number>;
  /** Calendar dates (YYYY-MM-DD) among the values, to be written as dates. */
  dates?: Record<string, string>;
  /** Months (YYYY-MM) among the values, to be written as "Desember 2026". */
  months?: Record<string, string>;
}

/** Why an alert failed, in words, from the ledger's `lastError` (shared/alerts, README "Email"). */
export function reasonOf(lastError: string | undefined): MessageKey {
  if (/RecipientDomainNotAllowed/i.test(lastError ?? '')) return 'reasonDomain';
  if (/Bounce|Suppress|Reject/i.test(lastError ?? '')) return 'reasonBounce';
  if (/SendUnconfirmed/i.test(lastError ?? '')) return 'reasonUnconfirmed';
  return 'reasonOther';
}

/**
 * Where an alert's cause is fixed, for every reader of alerts (the API lets each see its kinds):
 * an agreement's page (its contacts; `/ubah` would be a 403 for auditors), the owner unit's
 * agreements for a weekly dormant digest (its subject is the unit, shared/alerts/jobs/dormant-agreements.ts),
 * the employee (`pageOfEmployee`: their address never shows the NIP, components/employee-address.ts),
 * or the compliance overview for the summary sent to the training admins.
 */
export function fixOf(alert: Pick<Alert, 'kind' | 'subject'>, pageOfEmployee: (nip: string) => string): { to: string; text: MessageKey } {
  switch (alert.kind) {
    case 'EXPIRY':
      return { to: `/kerja-sama/${encodeURIComponent(alert.subject)}`, text: 'alertFixAgreement' };
    case 'DORMANT':
      return { to: `/kerja-sama?${new URLSearchParams({ status: 'ACTIVE', ownerUnit: alert.subject })}`, text: 'alertFixDormant' };
    case 'TRAINING':
      return { to: pageOfEmployee(alert.subject), text: 'fixEmployee' };
    case 'TRAINING_SUMMARY':
      return { to: '/pelatihan', text: 'alertFixCompliance' };
  }
}

/** What an alert is about, in words (an EXPIRY alert's agreement title is looked up by the page). */
export function aboutOf(alert: Pick<Alert, 'kind' | 'subject'>): Words {
  switch (alert.kind) {
    case 'EXPIRY':
      return { key: 'alertAboutAgreement' };
    case 'DORMANT':
      return { key: 'alertAboutDormant', values: { unit: alert.subject } };
    case 'TRAINING':
      return { key: 'alertAboutEmployee', values: { nip: alert.subject } };
    case 'TRAINING_SUMMARY':
      return { key: 'alertAboutSummary' };
  }
}

/** Monday of an ISO 8601 week `YYYY-Www` (the week holding 4 January is week 1). */
export function mondayOfIsoWeek(week: string): string | undefined {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return undefined;
  const january4 = Date.UTC(Number(match[1]), 0, 4);
  const weekday = (new Date(january4).getUTCDay() + 6) % 7;
  return new Date(january4 + ((Number(match[2]) - 1) * 7 - weekday) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The alert's period in words, decoded as the jobs build it (shared/alerts/jobs): EXPIRY
 * `<endsOn>@<threshold days>` (0: the end day itself), DORMANT an ISO week, TRAINING and
 * TRAINING_SUMMARY a month `YYYY-MM`. Anything else is shown as it is.
 */
export function periodOf(alert: Pick<Alert, 'kind' | 'period'>): Words {
  const raw: Words = { key: 'alertPeriodRaw', values: { period: alert.period } };
  if (alert.kind === 'EXPIRY') {
    const match = /^(\d{4}-\d{2}-\d{2})@(\d+)$/.exec(alert.period);
    if (!match) return raw;
    const days = Number(match[2]);
    return days === 0 ? { key: 'alertPeriodEndDay', dates: { date: match[1]! } } : { key: 'alertPeriodExpiry', values: { days }, dates: { date: match[1]! } };
  }
  if (alert.kind === 'DORMANT') {
    const monday = mondayOfIsoWeek(alert.period);
    return monday ? { key: 'alertPeriodWeek', dates: { date: monday } } : raw;
  }
  return /^\d{4}-\d{2}$/.test(alert.period) ? { key: 'alertPeriodMonth', months: { month: alert.period } } : raw;
}
