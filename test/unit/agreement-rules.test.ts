import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementStatus, applyPatch, changesBetween, ruleViolations, successorOf, toAgreement, type AgreementRecord } from '../../shared/agreements/rules.ts';
import { createAgreementSchema } from '../../shared/agreements/schemas.ts';
import { addDays } from '../../shared/time/calendar.ts';
import { parseInput } from '../../shared/validation.ts';
import { InvalidInputError } from '../../shared/errors.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';

const record: AgreementRecord = {
  id: 'a1',
  title: 'MoU',
  kind: 'MOU',
  partners: [{ name: 'Lemhannas', category: 'CENTRAL_GOVERNMENT', country: 'ID' }],
  fields: ['kepemimpinan'],
  startsOn: '2026-01-28',
  endsOn: '2031-01-27',
  ownerUnit: 'Biro Kerja Sama Daerah',
  contactEmails: ['kerjasama@jakarta.go.id'],
  number: 'NK/1',
  notes: 'catatan',
  lifecycle: 'OPEN',
  version: 3,
  createdAt: '2026-01-28T01:00:00.000Z',
  updatedAt: '2026-02-01T01:00:00.000Z',
  createdBy: 'u1',
  updatedBy: 'u2',
};

describe('agreementStatus', () => {
  it('follows the dates, inclusive at both ends', () => {
    expect(agreementStatus(record, '2026-01-27')).toBe('PENDING');
    expect(agreementStatus(record, '2026-01-28')).toBe('ACTIVE');
    expect(agreementStatus(record, '2031-01-27')).toBe('ACTIVE');
    expect(agreementStatus(record, '2031-01-28')).toBe('EXPIRED');
  });

  it('lets termination and renewal win over the dates', () => {
    fc.assert(
      fc.property(fc.constantFrom('TERMINATED' as const, 'RENEWED' as const), fc.integer({ min: -5000, max: 5000 }), (lifecycle, offset) => {
        expect(agreementStatus({ ...record, lifecycle }, addDays('2026-06-01', offset))).toBe(lifecycle);
      }),
    );
  });

  it('is exactly one of PENDING, ACTIVE, EXPIRED for an open agreement', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: -4000, max: 4000 }), (length, offset) => {
        const startsOn = '2026-01-01';
        const endsOn = addDays(startsOn, length);
        const today = addDays(startsOn, offset);
        const status = agreementStatus({ lifecycle: 'OPEN', startsOn, endsOn }, today);
        const expected = today < startsOn ? 'PENDING' : today > endsOn ? 'EXPIRED' : 'ACTIVE';
        expect(status).toBe(expected);
      }),
    );
  });
});

describe('ruleViolations', () => {
  it('accepts a valid MoU', () => {
    expect(ruleViolations(record)).toEqual([]);
  });

  it('names endsOn when it is before startsOn', () => {
    expect(ruleViolations({ ...record, endsOn: '2026-01-27' })).toMatchObject([{ path: 'endsOn', message: expect.stringContaining('startsOn') }]);
  });

  it('needs a parent for PKS and ADDENDUM', () => {
    expect(ruleViolations({ ...record, kind: 'PKS', endsOn: '2027-01-01' }).map((error) => error.path)).toEqual(['parentId']);
    expect(ruleViolations({ ...record, kind: 'ADDENDUM' }).map((error) => error.path)).toEqual(['parentId']);
    expect(ruleViolations({ ...record, kind: 'PKS', parentId: 'p', endsOn: '2027-01-01' })).toEqual([]);
  });

  it('limits a PKS to five years', () => {
    expect(ruleViolations({ ...record, kind: 'PKS', parentId: 'p', startsOn: '2024-02-29', endsOn: '2029-02-28' })).toEqual([]);
    expect(ruleViolations({ ...record, kind: 'PKS', parentId: 'p', startsOn: '2024-02-29', endsOn: '2029-03-01' })).toMatchObject([
      { path: 'endsOn', message: 'must be at most 5 years after startsOn for a PKS (2029-02-28); extend it with a renewal' },
    ]);
    // Only a PKS: an MoU may run longer.
    expect(ruleViolations({ ...record, startsOn: '2026-01-01', endsOn: '2046-01-01' })).toEqual([]);
  });

  it('accepts an agreement of a single day', () => {
    expect(ruleViolations({ ...record, startsOn: '2026-05-01', endsOn: '2026-05-01' })).toEqual([]);
  });

  it("judges the span only between real dates: a bad date is its own field's error", () => {
    expect(ruleViolations({ ...record, startsOn: '2026-01-28', endsOn: '2025-13-01' })).toEqual([]);
    expect(ruleViolations({ ...record, startsOn: '2026-02-30', endsOn: '2026-01-01' })).toEqual([]);
    expect(ruleViolations({ ...record, kind: 'PKS', parentId: 'p', startsOn: '2026-02-30', endsOn: '2099-01-01' })).toEqual([]);
  });

  it('names the kind that needs a parent', () => {
    expect(ruleViolations({ ...record, kind: 'ADDENDUM' })).toMatchObject([{ path: 'parentId', message: 'is required for a ADDENDUM: name the agreement it implements' }]);
  });
});

describe('toAgreement', () => {
  it('shows the derived status, hides the lifecycle and leaves out absent fields', () => {
    const view = toAgreement({ ...record, partnerNumber: undefined }, '2026-06-01');
    expect(view.status).toBe('ACTIVE');
    expect(view).not.toHaveProperty('lifecycle');
    expect(view).not.toHaveProperty('partnerNumber');
    expect(view).toMatchObject({ id: 'a1', title: 'MoU', number: 'NK/1', notes: 'catatan', version: 3 });
    expect(toAgreement({ ...record, lifecycle: 'TERMINATED' }, '2026-06-01').status).toBe('TERMINATED');
  });

  it("lists the fields in the API schema's order, whatever the stored order", () => {
    const shuffled = Object.fromEntries(Object.entries(record).reverse()) as AgreementRecord;
    expect(Object.keys(toAgreement(shuffled, '2026-06-01'))).toEqual([
      'id', 'title', 'kind', 'partners', 'fields', 'startsOn', 'endsOn', 'ownerUnit', 'contactEmails', 'number', 'notes', 'status', 'version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy',
    ]);
  });
});

describe('create schema', () => {
  it('reports every bad field, cross-field rules included', () => {
    try {
      parseInput(createAgreementSchema, agreementBody({ kind: 'PKS', startsOn: '2026-05-01', endsOn: '2026-04-01', contactEmails: ['x'] }));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).errors.map((field) => field.path).sort()).toEqual(['contactEmails.0', 'endsOn', 'parentId']);
    }
  });

  it('refuses unknown country codes', () => {
    expect(() => parseInput(createAgreementSchema, agreementBody({ partners: [{ name: 'X', category: 'CITY', country: 'XX' }] }))).toThrow(InvalidInputError);
    expect(() => parseInput(createAgreementSchema, agreementBody({ partners: [{ name: 'X', category: 'CITY', country: 'jp' }] }))).toThrow(InvalidInputError);
    expect(parseInput(createAgreementSchema, agreementBody({ partners: [{ name: 'X', category: 'CITY', country: 'JP' }] })).partners[0]?.country).toBe('JP');
  });
});

describe('applyPatch and changesBetween', () => {
  it('replaces given fields, clears nulls and keeps the rest', () => {
    const next = applyPatch(record, { title: 'Baru', notes: null });
    expect(next.title).toBe('Baru');
    expect(next.notes).toBeUndefined();
    expect(next.number).toBe('NK/1');
    expect(changesBetween(record, next)).toStrictEqual([
      { field: 'notes', from: 'catatan' },
      { field: 'title', from: 'MoU', to: 'Baru' },
    ]);
  });

  it('records a field that appears with its new value only, in field order', () => {
    const { notes, ...withoutNotes } = record;
    expect(changesBetween(withoutNotes, { ...withoutNotes, partnerNumber: 'B/2', notes, kind: 'LOI' })).toStrictEqual([
      { field: 'kind', from: 'MOU', to: 'LOI' },
      { field: 'notes', to: 'catatan' },
      { field: 'partnerNumber', to: 'B/2' },
    ]);
  });

  it('compares values, not references, and leaves bookkeeping out of the trail', () => {
    expect(changesBetween(record, { ...record, partners: record.partners.map((partner) => ({ ...partner })) })).toEqual([]);
    const bookkeeping = { version: 4, updatedAt: '2026-03-01T00:00:00.000Z', updatedBy: 'u3', lifecycle: 'TERMINATED' as const };
    expect(changesBetween(record, { ...record, ...bookkeeping })).toEqual([]);
    expect(changesBetween(record, { ...record, ...bookkeeping, terminatedOn: '2026-03-01' })).toStrictEqual([{ field: 'terminatedOn', to: '2026-03-01' }]);
  });
});

describe('successorOf', () => {
  it('copies the content over the new term and drops the number and events', () => {
    const successor = successorOf({ ...record, lifecycle: 'OPEN', signedOn: '2026-01-28' }, { endsOn: '2036-01-27' });
    expect(successor).toMatchObject({ title: 'MoU', startsOn: '2031-01-28', endsOn: '2036-01-27', renews: 'a1', lifecycle: 'OPEN' });
    expect(successor).not.toHaveProperty('number');
    expect(successor).not.toHaveProperty('signedOn');
    expect(successor).not.toHaveProperty('version');
  });

  it('takes the number and the start given with the renewal', () => {
    const successor = successorOf(record, { startsOn: '2031-03-01', endsOn: '2036-01-27', number: 'NK/2' });
    expect(successor).toMatchObject({ number: 'NK/2', startsOn: '2031-03-01', endsOn: '2036-01-27' });
  });
});
