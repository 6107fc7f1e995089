import { describe, expect, it } from 'vitest';
import { closedReason, parentKindAllowed, parentRules, recordViolations, registryFilterFor, terminationViolations } from '../../shared/agreements/rules.ts';
import { render } from '../../shared/i18n/messages.ts';

const parent = { id: 'mou', kind: 'MOU' as const, startsOn: '2026-01-01', endsOn: '2030-12-31', lifecycle: 'OPEN' as const, renewedBy: undefined };
const child = { kind: 'PKS' as const, startsOn: '2026-02-01', endsOn: '2028-01-31', parentId: 'mou' };

describe('parentKindAllowed (the console offers only these parents)', () => {
  it('lets a PKS implement an MoU or a sister-city pact, an addendum amend anything but an addendum, other kinds take any', () => {
    expect(['MOU', 'SISTER_CITY', 'LOI'].map((parent) => parentKindAllowed('PKS', parent as never))).toEqual([true, true, false]);
    expect(['PKS', 'ADDENDUM'].map((parent) => parentKindAllowed('ADDENDUM', parent as never))).toEqual([true, false]);
    expect(parentKindAllowed('MOU', 'ADDENDUM')).toBe(true);
  });
});

describe('parentRules', () => {
  it('has nothing to say about an agreement without a parent', () => {
    expect(parentRules({ ...child, parentId: undefined }, undefined)).toEqual({ errors: [], warnings: [] });
  });

  it('accepts a PKS inside its MoU, and on the MoU\'s first day', () => {
    expect(parentRules(child, parent)).toEqual({ errors: [], warnings: [] });
    expect(parentRules({ ...child, startsOn: parent.startsOn, endsOn: parent.endsOn }, parent)).toEqual({ errors: [], warnings: [] });
  });

  it('refuses a parent that does not exist', () => {
    expect(parentRules(child, undefined).errors).toMatchObject([{ path: 'parentId', message: 'names no existing agreement (mou)' }]);
  });

  it.each([
    ['PKS', 'PKS', false],
    ['PKS', 'LOI', false],
    ['PKS', 'SISTER_CITY', true],
    ['ADDENDUM', 'ADDENDUM', false],
    ['ADDENDUM', 'PKS', true],
    ['MOU', 'MOU', true],
  ] as const)('a %s under a %s is allowed: %s', (kind, parentKind, allowed) => {
    expect(parentRules({ ...child, kind }, { ...parent, kind: parentKind }).errors).toHaveLength(allowed ? 0 : 1);
  });

  it('refuses a closed parent, naming the successor of a renewed one', () => {
    expect(parentRules(child, { ...parent, lifecycle: 'TERMINATED' }).errors[0]?.message).toBe('names a terminated agreement');
    expect(parentRules(child, { ...parent, lifecycle: 'RENEWED', renewedBy: 'next' }).errors[0]?.message).toContain('successor next');
  });

  it('refuses a child starting the day before its parent', () => {
    expect(parentRules({ ...child, startsOn: '2025-12-31' }, parent).errors).toMatchObject([{ path: 'startsOn', message: "must be on or after the parent's startsOn (2026-01-01)" }]);
  });

  it('warns, without refusing, when the child ends a day after its parent', () => {
    const { errors, warnings } = parentRules({ ...child, endsOn: '2031-01-01' }, parent);
    expect(errors).toEqual([]);
    expect(warnings).toMatchObject([{ path: 'endsOn', message: expect.stringContaining('2030-12-31') }]);
    expect(parentRules({ ...child, endsOn: parent.endsOn }, parent).warnings).toEqual([]);
  });
});

describe('other agreement rules', () => {
  it('refuses an agreement that is its own parent', () => {
    expect(recordViolations({ id: 'a', kind: 'PKS', startsOn: '2026-01-01', endsOn: '2026-12-31', parentId: 'a', signedOn: undefined })).toMatchObject([
      { path: 'parentId', message: 'cannot name the agreement itself' },
    ]);
  });

  it('says why a closed agreement cannot change', () => {
    expect(closedReason({ id: 'a', lifecycle: 'OPEN', renewedBy: undefined }, 'ACTION_CHANGED')).toBeUndefined();
    const said = (reason: ReturnType<typeof closedReason>, language: 'id' | 'en' = 'en') => reason && render(reason.code, reason.params, language);
    expect(said(closedReason({ id: 'a', lifecycle: 'RENEWED', renewedBy: 'b' }, 'ACTION_CHANGED'))).toBe('Agreement a is RENEWED (its successor is b) and cannot be changed.');
    expect(said(closedReason({ id: 'a', lifecycle: 'TERMINATED', renewedBy: undefined }, 'ACTION_RENEWED'))).toBe('Agreement a is TERMINATED and cannot be renewed.');
    expect(said(closedReason({ id: 'a', lifecycle: 'TERMINATED', renewedBy: undefined }, 'ACTION_RENEWED'), 'id')).toBe('Kerja sama a sudah diakhiri (TERMINATED) sehingga tidak dapat diperbarui.');
  });

  it('asks a termination for its reason, and a reason for a termination', () => {
    expect(terminationViolations({ status: 'TERMINATED', terminationReason: 'x' })).toEqual([]);
    expect(terminationViolations({ status: undefined, terminationReason: undefined })).toEqual([]);
    expect(terminationViolations({ status: 'TERMINATED', terminationReason: undefined })[0]?.message).toBe('is required to terminate an agreement');
    expect(terminationViolations({ status: undefined, terminationReason: 'x' })[0]?.message).toContain('only accepted together');
  });
});

describe('registryFilterFor', () => {
  const today = '2026-12-20';
  it.each([
    ['PENDING', { lifecycle: 'OPEN', startsAfter: today }],
    ['ACTIVE', { lifecycle: 'OPEN', startsOnOrBefore: today, endsFrom: today }],
    ['EXPIRED', { lifecycle: 'OPEN', endsTo: '2026-12-19' }],
    ['TERMINATED', { lifecycle: 'TERMINATED' }],
    ['RENEWED', { lifecycle: 'RENEWED' }],
  ] as const)('turns %s into lifecycle and dates', (status, expected) => {
    expect(registryFilterFor({ status }, today)).toEqual({ filter: { endsFrom: undefined, endsTo: undefined, ...expected }, empty: false });
  });

  it('keeps the tighter of two bounds, and says when they exclude each other', () => {
    expect(registryFilterFor({ status: 'ACTIVE', endsFrom: '2027-01-01' }, today).filter.endsFrom).toBe('2027-01-01');
    expect(registryFilterFor({ status: 'ACTIVE', endsFrom: '2026-01-01' }, today).filter.endsFrom).toBe(today);
    expect(registryFilterFor({ status: 'EXPIRED', endsTo: '2026-06-30' }, today).filter.endsTo).toBe('2026-06-30');
    expect(registryFilterFor({ status: 'EXPIRED', endsTo: '2027-06-30' }, today).filter.endsTo).toBe('2026-12-19');
    expect(registryFilterFor({ status: 'EXPIRED', endsFrom: '2026-12-20' }, today).empty).toBe(true);
    expect(registryFilterFor({ endsFrom: '2026-12-20', endsTo: '2026-12-20' }, today).empty).toBe(false);
  });
});
