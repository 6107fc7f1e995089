import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateWarnings } from '../../shared/agreements/duplicates.ts';
import { historyEntryView } from '../../shared/agreements/history.ts';
import { changesBetween, type AgreementRecord } from '../../shared/agreements/rules.ts';
import { periodOf } from '../../shared/agreements/statistics.ts';
import { periodStatistics } from '../../shared/agreements/statistics-rules.ts';
import { indexedWords, isHit, MAX_INDEXED_WORDS, searchTerms, words } from '../../shared/agreements/search-words.ts';
import { InvalidInputError } from '../../shared/errors.ts';

const base: AgreementRecord = {
  id: 'a1',
  title: 'Kesepakatan Bersama Pendidikan',
  kind: 'MOU',
  partners: [{ name: 'Pemerintah Kota Pariaman', category: 'CITY', country: 'ID' }],
  fields: ['Pariwisata'],
  startsOn: '2024-03-01',
  endsOn: '2029-02-28',
  ownerUnit: 'Biro Kerja Sama Daerah',
  contactEmails: ['kerjasama@jakarta.go.id'],
  lifecycle: 'OPEN',
  version: 1,
  createdAt: '2024-03-01T01:00:00.000Z',
  updatedAt: '2024-03-01T01:00:00.000Z',
  createdBy: 'u1',
  updatedBy: 'u1',
};
const agreement = (overrides: Partial<AgreementRecord>): AgreementRecord => ({ ...base, ...overrides });

describe('search words', () => {
  it('fold case, spacing and accents, and split numbers at punctuation', () => {
    expect(words('  Kerja  Sama Pendidikán ')).toEqual(['kerja', 'sama', 'pendidikan']);
    expect(words('NK/001/BKSD/2026')).toEqual(['nk', '001', 'bksd', '2026']);
    expect(words('Société Générale')).toEqual(['societe', 'generale']);
    // Cut by code points: a long word of letters outside the BMP keeps whole letters.
    expect([...words('𝒜'.repeat(50))[0]!].every((letter) => letter === '𝒜')).toBe(true);
  });

  it('index the number first, each word once, and at most MAX_INDEXED_WORDS', () => {
    expect(indexedWords({ title: 'Nota Kesepakatan Nota', number: 'NK/1' })).toEqual(['nk', '1', 'nota', 'kesepakatan']);
    const long = Array.from({ length: 60 }, (_, index) => `kata${index}`).join(' ');
    expect(indexedWords({ title: long })).toHaveLength(MAX_INDEXED_WORDS);
  });

  it('search by the longest term first', () => {
    expect(searchTerms('nk Pendidikan nk')).toEqual(['pendidikan', 'nk']);
  });

  it('return each matching agreement exactly once, whatever its words and the terms', () => {
    const word = fc.stringMatching(/^[a-c]{1,4}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 8 }), fc.array(word, { minLength: 1, maxLength: 3 }), (indexed, query) => {
        const terms = searchTerms(query.join(' '));
        const hits = indexed.filter((candidate) => isHit(candidate, indexed, terms));
        const matches = terms.every((term) => indexed.some((candidate) => candidate.startsWith(term)));
        expect(hits.length).toBe(matches ? 1 : 0);
      }),
    );
  });
});

describe('the history view', () => {
  it('shows a creation as its values, once, without bookkeeping', () => {
    const entry = { version: 1, at: base.createdAt, by: 'u1', action: 'CREATED' as const, changes: changesBetween({}, base) };
    const fields = historyEntryView(entry).changes.map((change) => change.field);
    expect(fields).not.toContain('id');
    expect(fields).not.toContain('createdAt');
    expect(fields).not.toContain('createdBy');
    expect(historyEntryView(entry).changes.find((change) => change.field === 'title')?.text).toBe('title: Kesepakatan Bersama Pendidikan');
    expect(historyEntryView(entry).changes.find((change) => change.field === 'partners')?.text).toBe('partners: Pemerintah Kota Pariaman (CITY, ID)');
  });

  it('shows a change as "field: before → after", and clears entries stored with bookkeeping', () => {
    const entry = {
      version: 2,
      at: base.updatedAt,
      by: 'u2',
      action: 'UPDATED' as const,
      changes: [
        { field: 'createdBy', to: 'u1' },
        { field: 'endsOn', from: '2029-02-28', to: '2030-02-28' },
        { field: 'notes', from: 'rapat' },
      ],
    };
    expect(historyEntryView(entry).changes.map((change) => change.text)).toEqual(['endsOn: 2029-02-28 → 2030-02-28', 'notes: rapat → (none)']);
  });
});

describe('duplicate warnings', () => {
  const draft = agreement({ id: 'new', partners: [{ name: 'pemerintah  kota PARIAMAN', category: 'CITY', country: 'ID' }], startsOn: '2028-01-01', endsOn: '2030-12-31' });

  it('name an open agreement of the same kind, partner and overlapping term', () => {
    const warnings = duplicateWarnings(draft, [agreement({ number: 'NK/16' })]);
    expect(warnings).toEqual([{ path: 'partners', message: expect.stringContaining('a1 "Kesepakatan Bersama Pendidikan" (NK/16)') }]);
  });

  it('leave out another partner, another kind, the parent, a closed one and a term that does not overlap', () => {
    expect(
      duplicateWarnings({ ...draft, kind: 'PKS', parentId: 'mou' }, [
        agreement({ partners: [{ name: 'Kota Pekanbaru', category: 'CITY', country: 'ID' }], kind: 'PKS' }),
        agreement({ id: 'other-kind' }),
        agreement({ id: 'mou', kind: 'PKS' }),
        agreement({ id: 'closed', kind: 'PKS', lifecycle: 'TERMINATED' }),
        agreement({ id: 'before', kind: 'PKS', endsOn: '2027-12-31' }),
      ]),
    ).toEqual([]);
  });
});

describe('period statistics', () => {
  const records = [
    agreement({ id: 'signed-2024', signedOn: '2024-03-01' }),
    agreement({ id: 'tokyo', kind: 'SISTER_CITY', startsOn: '1989-10-10', endsOn: '2029-10-09', partners: [{ name: 'Tokyo', category: 'FOREIGN_GOVERNMENT', country: 'JP' }], fields: ['pariwisata', 'Tata Kota'] }),
    agreement({ id: 'ended-2024', startsOn: '2020-01-01', endsOn: '2024-06-30' }),
    agreement({ id: 'terminated', startsOn: '2020-01-01', lifecycle: 'TERMINATED', terminatedOn: '2024-05-01' }),
    agreement({ id: 'renewed', startsOn: '2020-01-01', endsOn: '2025-01-31', lifecycle: 'RENEWED', renewedBy: 'successor', renewedOn: '2024-11-01' }),
    agreement({ id: 'successor', startsOn: '2025-02-01', endsOn: '2030-01-31', renews: 'renewed' }),
  ];
  const stats = periodStatistics(records, { from: 2024, to: 2024 }, '2026-11-30');

  it('counts what was signed in the year, by kind, category, country and field', () => {
    expect(stats.signed.total).toBe(1);
    expect(stats.signed.byKind).toEqual({ MOU: 1 });
    expect(stats.asOf).toBe('2024-12-31');
  });

  it('counts what was active on the last day: not ended, not terminated, not replaced by its successor yet', () => {
    expect(stats.active.total).toBe(3);
    expect(stats.active).toMatchObject({ domestic: 2, foreign: 1, byCountry: { ID: 2, JP: 1 }, byPartnerCategory: { CITY: 2, FOREIGN_GOVERNMENT: 1 }, byField: { Pariwisata: 3, 'Tata Kota': 1 } });
    expect(stats.sisterCitiesActive).toBe(1);
    expect(periodStatistics(records, { from: 2025, to: 2025 }, '2026-11-30').active.byKind).toEqual({ MOU: 2, SISTER_CITY: 1 });
  });

  it('counts renewals, terminations and expiries without renewal in the period', () => {
    expect(stats).toMatchObject({ renewals: 1, terminations: 1, expiredWithoutRenewal: 1 });
  });

  it('judges a running period on today', () => {
    expect(periodStatistics(records, { from: 2026, to: 2026 }, '2026-11-30').asOf).toBe('2026-11-30');
  });

  it('takes a year or a range, and refuses both or a reversed range', () => {
    expect(periodOf({ year: 2024 }, 2026)).toEqual({ from: 2024, to: 2024 });
    expect(periodOf({ from: 2020, to: 2024 }, 2026)).toEqual({ from: 2020, to: 2024 });
    expect(periodOf({}, 2026)).toEqual({ from: 2026, to: 2026 });
    expect(() => periodOf({ year: 2024, from: 2020 }, 2026)).toThrow(InvalidInputError);
    expect(() => periodOf({ from: 2024, to: 2020 }, 2026)).toThrow(InvalidInputError);
  });
});
