import type { operations } from '../api/schema';

type Ok<Operation extends keyof operations> = operations[Operation]['responses'] extends { 200: { content: { 'application/json': infer Body } } } ? Body : never;
export type ComplianceSummary = Ok<'complianceSummary'>;
export type UnitCompliance = ComplianceSummary['items'][number];
export type ComplianceRow = Ok<'compliance'>['items'][number];
export type Target = Ok<'getTarget'>;

/** The heat map's columns, in the order of the pace: good news first. */
export const heatColumns = [
  { key: 'met', good: true },
  { key: 'onPace', good: true },
  { key: 'behind', good: false },
  { key: 'farBehind', good: false },
] as const;

/** Share of the unit at which a cell gets the next shade: 0–9 %, 10–24 %, 25–49 %, ≥ 50 %. */
export const heatSteps = [0, 0.1, 0.25, 0.5] as const;
/** Mantine's green and red 0/2/4/6: black text keeps at least 6:1 contrast on each. */
const shades = { good: ['#ebfbee', '#b2f2bb', '#69db7c', '#40c057'], bad: ['#fff5f5', '#ffc9c9', '#ff8787', '#fa5252'] } as const;

/** A whole percentage (0 of 0 is 0 %). */
export function percentOf(count: number, of: number): number {
  return of ? Math.round((count / of) * 100) : 0;
}

export function heatLevel(share: number): number {
  return heatSteps.findLastIndex((step) => share >= step);
}

export function heatColour(good: boolean, share: number): string {
  return shades[good ? 'good' : 'bad'][Math.max(0, heatLevel(share))]!;
}

/** Worst first: the largest share far behind, then behind, then the lowest share meeting the target; ties by name. */
export function worstFirst(units: UnitCompliance[]): UnitCompliance[] {
  const share = (unit: UnitCompliance, count: number) => (unit.employees ? count / unit.employees : 0);
  return [...units].sort(
    (a, b) => share(b, b.farBehind) - share(a, a.farBehind) || share(b, b.behind) - share(a, a.behind) || share(a, a.met) - share(b, b.met) || a.unit.localeCompare(b.unit, 'id'),
  );
}

/**
 * The unit page's bands, as the "20 JP" trackers show them: nothing yet (0), part of the target
 * (more than 0, under it: 1–19 JP when the target is 20 JP; with 40 hours, anything from a
 * quarter hour to 39¾ hours), and met (at or above the target). Decided on hours, which is what
 * compliance compares.
 */
export const bands = ['none', 'partial', 'met'] as const;
export type Band = (typeof bands)[number];

export function bandOf(row: Pick<ComplianceRow, 'hours' | 'compliant'>): Band {
  return row.compliant ? 'met' : row.hours > 0 ? 'partial' : 'none';
}

/** Rows per page of GET /compliance (its maximum): a unit of 5,000 is 50 calls. */
export const COMPLIANCE_PAGE = 100;

/** The years the pages offer: next year (to set its target ahead) and the last five. */
export function yearsAround(thisYear: number): number[] {
  return [thisYear + 1, ...Array.from({ length: 5 }, (_, index) => thisYear - index)];
}
