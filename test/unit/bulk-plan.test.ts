import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketOf } from '../../shared/training/hours-index.ts';
import { keyText } from '../../shared/text.ts';
import { totalId, type Total } from '../../shared/training/repository/totals.ts';
import { planBatch, type StoredState } from '../../shared/training/service/bulk-plan.ts';
import { newTraining } from '../../shared/training/service/records.ts';
import type { Training } from '../../shared/training/schemas.ts';
import { nipFor } from '../support/fixtures/employees.ts';

const by = { subject: 'test', now: new Date('2026-06-01T00:00:00Z') };
const training = (employee: number, course: number, hours: number, extra: { agreementId?: string; certificateNumber?: string } = {}): Training =>
  newTraining(nipFor(employee), { title: `Kursus ${course}`, provider: 'BPSDM', method: 'CLASSICAL', startsOn: '2026-03-02', endsOn: '2026-03-03', hours, ...extra }, by);
const total = (employee: number, hours: number, unit = 'Dinas Kesehatan', counted: Training[] = []): Total => ({
  nip: nipFor(employee),
  year: 2026,
  unit,
  name: `Pegawai ${employee}`,
  hours,
  trainings: counted.length,
  records: counted.map((each) => each.id),
  certificates: counted.flatMap((each) => (each.certificateNumber ? [keyText(each.certificateNumber)] : [])),
  revision: 3,
});
const state = (parts: Partial<StoredState>): StoredState => ({ totals: new Map(), agreements: new Set(), profiles: new Set(), ...parts });
const totalsOf = (...totals: Total[]) => new Map(totals.map((each) => [totalId(each.nip, each.year), each]));

describe('a batch of roster rows under the lock', () => {
  it('decides each row by the most telling reason: unknown employee, unknown agreement, no total yet, counted already', () => {
    const rows = [
      training(1, 1, 4),
      training(2, 1, 4),
      training(1, 2, 4, { agreementId: 'gone' }),
      training(1, 3, 4, { certificateNumber: 's-1 ' }),
      training(3, 1, 4),
      training(2, 9, 4, { agreementId: 'gone' }),
    ];
    const counted = training(1, 7, 10, { certificateNumber: 'S-1' });
    const plan = planBatch(rows, state({ totals: totalsOf(total(1, 10, 'Dinas Kesehatan', [counted])), profiles: new Set([nipFor(3)]) }));
    expect(plan.decisions.map((decision) => decision.kind)).toEqual(['imported', 'rejected', 'rejected', 'duplicate', 'alone', 'rejected']);
    expect(plan.decisions[1]).toMatchObject({ errors: [{ path: 'nip', code: 'ROW_EMPLOYEE_UNKNOWN' }] });
    expect(plan.decisions[2]).toMatchObject({ errors: [{ path: 'agreementId', code: 'ROW_AGREEMENT_UNKNOWN', params: { agreementId: 'gone' } }] });
  });

  it('writes each record once and each total once, with exactly the hours, records and certificates of the rows it imports', () => {
    const row = fc.record({ employee: fc.integer({ min: 1, max: 6 }), course: fc.integer({ min: 1, max: 8 }), quarters: fc.integer({ min: 1, max: 160 }), certificate: fc.boolean() });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (each) => `${each.employee}#${each.course}`, maxLength: 40 }), fc.subarray([1, 2, 3, 4, 5, 6]), fc.subarray([1, 2, 3, 4, 5, 6, 7, 8]), (specs, withTotal, storedCourses) => {
        const rows = specs.map((spec) => training(spec.employee, spec.course, spec.quarters / 4, spec.certificate ? { certificateNumber: `S-${spec.employee}-${spec.course}` } : {}));
        const isStored = (each: Training) => storedCourses.includes(Number(each.title.split(' ')[1]));
        const befores = withTotal.map((employee) => total(employee, employee * 2, employee % 2 ? 'Dinas Kesehatan' : 'Dinas Pendidikan', rows.filter((each) => each.nip === nipFor(employee) && isStored(each))));
        const plan = planBatch(rows, state({ totals: totalsOf(...befores), profiles: new Set(specs.map((spec) => nipFor(spec.employee))) }));

        const keys = plan.items.map((item) => `${item.PK as string}|${item.SK as string}`);
        expect(new Set(keys).size).toBe(keys.length);
        const imported = rows.filter((_, index) => plan.decisions[index]!.kind === 'imported');
        expect(plan.items.filter((item) => item.entity === 'TRAINING').map((item) => item.id)).toEqual(imported.map((each) => each.id));
        for (const before of befores) {
          const mine = imported.filter((each) => each.nip === before.nip);
          const after = plan.items.find((item) => item.entity === 'TOTAL' && item.nip === before.nip);
          if (mine.length === 0) expect(after).toBeUndefined();
          else {
            expect(after).toMatchObject({ hours: before.hours + mine.reduce((sum, each) => sum + each.hours, 0), trainings: before.trainings + mine.length, revision: before.revision + 1 });
            expect(after!.records).toEqual([...before.records, ...mine.map((each) => each.id)]);
            expect(after!.certificates).toEqual([...before.certificates, ...mine.flatMap((each) => (each.certificateNumber ? [keyText(each.certificateNumber)] : []))]);
          }
        }
        rows.forEach((each, index) => {
          const expected = !withTotal.includes(specs[index]!.employee) ? 'alone' : isStored(each) ? 'duplicate' : 'imported';
          expect(plan.decisions[index]!.kind).toBe(expected);
        });
        // The histogram of the totals before, moved by the delta, is the histogram of the totals after.
        const histogram = (totals: { unit: string; hours: number }[]) => {
          const counts = new Map<string, number>();
          for (const each of totals) counts.set(`${keyText(each.unit)}|${bucketOf(each.hours)}`, (counts.get(`${keyText(each.unit)}|${bucketOf(each.hours)}`) ?? 0) + 1);
          return counts;
        };
        const moved = histogram(befores);
        for (const [unitKey, { buckets }] of plan.delta) for (const [bucket, count] of buckets) moved.set(`${unitKey}|${bucket}`, (moved.get(`${unitKey}|${bucket}`) ?? 0) + count);
        const afters = befores.map((before) => (plan.items.find((item) => item.entity === 'TOTAL' && item.nip === before.nip) as Total | undefined) ?? before);
        const nonZero = (counts: Map<string, number>) => Object.fromEntries([...counts].filter(([, count]) => count !== 0).sort());
        expect(nonZero(moved)).toEqual(nonZero(histogram(afters)));
      }),
    );
  });
});
