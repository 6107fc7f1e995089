import type { operations } from '../api/schema';
import type { MessageKey } from '../i18n/messages.ts';
import type { Language } from '../i18n/format.ts';

/** The answer of `GET /agreements/statistics`, as the OpenAPI contract types it. */
export type Statistics = operations['agreementStatistics']['responses'][200]['content']['application/json'];
type Part = Statistics['signed'];

/** One breakdown of a part of the year: labelled counts, largest first. */
export interface Breakdown {
  key: string;
  title: string;
  rows: { key: string; label: string; count: number }[];
}

/** The agreements signed in the period, or those active on `asOf`: their total and breakdowns. */
export interface FigureGroup {
  key: 'active' | 'signed';
  title: string;
  total: number;
  breakdowns: Breakdown[];
}

export interface YearFigures {
  totals: { key: string; label: string; value: number }[];
  groups: FigureGroup[];
}

/** What the mapping needs of the UI language: its words, enum names and the date format. */
export interface Namer {
  language: Language;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  label: (value: string) => string;
  date: (date: string) => string;
}

const regionNames = new Map<Language, Intl.DisplayNames>();
/** A partner country's name in the UI language ("JP" → "Jepang"); the code itself if unknown. */
export function countryName(code: string, language: Language): string {
  let names = regionNames.get(language);
  if (!names) regionNames.set(language, (names = new Intl.DisplayNames([language === 'en' ? 'en-GB' : 'id-ID'], { type: 'region', fallback: 'code' })));
  return names.of(code) ?? code;
}

function rowsOf(counts: Record<string, number>, labelOf: (key: string) => string): Breakdown['rows'] {
  return Object.entries(counts)
    .map(([key, count]) => ({ key, label: labelOf(key), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function breakdownsOf(part: Part, names: Namer): Breakdown[] {
  return [
    { key: 'kind', title: names.t('statByKind'), rows: rowsOf(part.byKind, names.label) },
    { key: 'category', title: names.t('statByCategory'), rows: rowsOf(part.byPartnerCategory, names.label) },
    {
      key: 'domestic-foreign',
      title: names.t('statDomesticForeign'),
      rows: [
        { key: 'domestic', label: names.t('statDomestic'), count: part.domestic },
        { key: 'foreign', label: names.t('statForeign'), count: part.foreign },
      ],
    },
    { key: 'country', title: names.t('statByCountry'), rows: rowsOf(part.byCountry, (code) => countryName(code, names.language)) },
    // Subject areas are free text, written by staff in Indonesian: shown as written.
    { key: 'field', title: names.t('statByField'), rows: rowsOf(part.byField, (field) => field) },
  ];
}

/** The period as people say it: "2026", or "2024–2026". */
export function periodText(statistics: Pick<Statistics, 'from' | 'to'>): string {
  return statistics.from === statistics.to ? String(statistics.from) : `${statistics.from}–${statistics.to}`;
}

/** The figures of `GET /agreements/statistics`, each labelled in the UI language. */
export function figuresFromStatistics(statistics: Statistics, names: Namer): YearFigures {
  const period = periodText(statistics);
  const asOf = names.date(statistics.asOf);
  return {
    totals: [
      { key: 'active', label: names.t('statActiveTotal', { date: asOf }), value: statistics.active.total },
      { key: 'signed', label: names.t('statSignedTotal', { period }), value: statistics.signed.total },
      { key: 'sister-cities', label: names.t('statSisterCities', { date: asOf }), value: statistics.sisterCitiesActive },
      { key: 'renewals', label: names.t('statRenewals', { period }), value: statistics.renewals },
      { key: 'terminations', label: names.t('statTerminations', { period }), value: statistics.terminations },
      { key: 'expired', label: names.t('statExpiredWithoutRenewal', { period }), value: statistics.expiredWithoutRenewal },
    ],
    groups: [
      { key: 'active', title: names.t('statActiveGroup', { date: asOf }), total: statistics.active.total, breakdowns: breakdownsOf(statistics.active, names) },
      { key: 'signed', title: names.t('statSignedGroup', { period }), total: statistics.signed.total, breakdowns: breakdownsOf(statistics.signed, names) },
    ],
  };
}
