import { describe, expect, it } from 'vitest';
import { demoAgreements } from '../../infra/local/demo-data.ts';
import type { AgreementRecord } from '../../shared/agreements/rules.ts';
import { createAgreementSchema } from '../../shared/agreements/schemas.ts';
import { periodStatistics } from '../../shared/agreements/statistics-rules.ts';
import { parseInput } from '../../shared/validation.ts';

/** The demo data, as the registry would hold it once seeded (each entry valid as a request body). */
const records: AgreementRecord[] = demoAgreements.map(({ key, parentKey, ...body }) => ({
  ...parseInput(createAgreementSchema, { ...body, ...(parentKey ? { parentId: parentKey } : {}) }),
  id: key,
  lifecycle: 'OPEN',
  version: 1,
  createdAt: '2026-11-30T00:00:00.000Z',
  updatedAt: '2026-11-30T00:00:00.000Z',
  createdBy: 'demo-seed',
  updatedBy: 'demo-seed',
}));

describe('the demo year', () => {
  const stats = periodStatistics(records, { from: 2024, to: 2024 }, '2026-11-30');

  it('is a year like the bureau’s 2024: 102 agreements, domestic and foreign', () => {
    expect(stats.signed.total).toBe(102);
    expect(stats.signed.domestic).toBeGreaterThan(0);
    expect(stats.signed.foreign).toBeGreaterThan(0);
  });

  it('has 23 sister cities active at its end, and 19 agreements with national institutions and regions', () => {
    expect(stats.sisterCitiesActive).toBe(23);
    const { CENTRAL_GOVERNMENT = 0, PROVINCE = 0, REGENCY = 0, CITY = 0 } = stats.signed.byPartnerCategory;
    expect(CENTRAL_GOVERNMENT + PROVINCE + REGENCY + CITY).toBe(19);
  });

  it('names every parent before its children, with unique keys and numbers', () => {
    const keys = demoAgreements.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    const numbers = demoAgreements.flatMap((entry) => entry.number ?? []);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const [index, entry] of demoAgreements.entries()) if (entry.parentKey) expect(keys.slice(0, index)).toContain(entry.parentKey);
  });
});
