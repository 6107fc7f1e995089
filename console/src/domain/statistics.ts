import type { Agreement } from '../api/client.ts';

/** One breakdown of the year's figures: labelled counts, largest first. */
export interface Breakdown {
  key: string;
  rows: { label: string; count: number }[];
}

export interface YearFigures {
  totals: { key: string; value: number }[];
  breakdowns: Breakdown[];
}

const labelKeys = ['key', 'label', 'name', 'kind', 'category', 'country', 'field', 'value'];
const countKeys = ['count', 'total', 'agreements', 'n'];

function rowsOf(value: unknown): Breakdown['rows'] | undefined {
  if (Array.isArray(value)) {
    const rows = value.flatMap((item) => {
      if (!item || typeof item !== 'object') return [];
      const record = item as Record<string, unknown>;
      const label = labelKeys.map((key) => record[key]).find((candidate) => typeof candidate === 'string');
      const count = countKeys.map((key) => record[key]).find((candidate) => typeof candidate === 'number');
      return typeof label === 'string' && typeof count === 'number' ? [{ label, count }] : [];
    });
    return rows.length ? rows : undefined;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter((entry): entry is [string, number] => typeof entry[1] === 'number');
    return entries.length ? entries.map(([label, count]) => ({ label, count })) : undefined;
  }
  return undefined;
}

/**
 * Reads `GET /agreements/statistics` whatever the exact shape the registry helper settles on
 * (issue 12 §4, built in parallel): top-level numbers are totals; objects of counts or arrays of
 * `{ <label>, count }` are breakdowns. Nested objects are walked one level (e.g. `signed.byKind`).
 */
export function figuresFromStatistics(body: Record<string, unknown>): YearFigures {
  const figures: YearFigures = { totals: [], breakdowns: [] };
  const walk = (object: Record<string, unknown>, prefix: string, depth: number) => {
    for (const [key, value] of Object.entries(object)) {
      const name = prefix ? `${prefix}.${key}` : key;
      if (typeof value === 'number') {
        if (!['year', 'from', 'to'].includes(key)) figures.totals.push({ key: name, value });
        continue;
      }
      const rows = rowsOf(value);
      if (rows) figures.breakdowns.push({ key: name, rows: rows.sort((a, b) => b.count - a.count) });
      else if (value && typeof value === 'object' && !Array.isArray(value) && depth < 2) walk(value as Record<string, unknown>, name, depth + 1);
    }
  };
  walk(body, '', 0);
  return figures;
}

function countBy(items: Agreement[], keyOf: (agreement: Agreement) => string[]): Breakdown['rows'] {
  const counts = new Map<string, number>();
  for (const item of items) for (const key of new Set(keyOf(item))) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count);
}

/** Until the API has statistics: the same figures computed from the registry list (agreements in force on 31 December). */
export function figuresFromAgreements(agreements: Agreement[], year: number): YearFigures {
  const yearEnd = `${year}-12-31`;
  const yearStart = `${year}-01-01`;
  const inForce = agreements.filter((agreement) => agreement.startsOn <= yearEnd && agreement.endsOn >= yearEnd && agreement.status !== 'TERMINATED');
  const signed = agreements.filter((agreement) => (agreement.signedOn ?? agreement.startsOn) >= yearStart && (agreement.signedOn ?? agreement.startsOn) <= yearEnd);
  const foreign = (agreement: Agreement) => agreement.partners.some((partner) => partner.country !== 'ID');
  return {
    totals: [
      { key: 'activeAtEnd', value: inForce.length },
      { key: 'signed', value: signed.length },
      { key: 'sisterCities', value: inForce.filter((agreement) => agreement.kind === 'SISTER_CITY').length },
    ],
    breakdowns: [
      { key: 'byKind', rows: countBy(inForce, (agreement) => [agreement.kind]) },
      { key: 'byPartnerCategory', rows: countBy(inForce, (agreement) => agreement.partners.map((partner) => partner.category)) },
      { key: 'domesticForeign', rows: countBy(inForce, (agreement) => [foreign(agreement) ? 'FOREIGN' : 'DOMESTIC']) },
      { key: 'byCountry', rows: countBy(inForce, (agreement) => agreement.partners.map((partner) => partner.country)) },
    ],
  };
}
