import { describe, expect, it } from 'vitest';
import { chainWithGaps, outlivingChildren } from '../src/domain/chain.ts';
import { icsCalendar } from '../src/domain/ics.ts';
import { monthGrid, shiftMonth } from '../src/domain/month.ts';
import { byWindow, daysLeft, windowOf } from '../src/domain/windows.ts';
import { formatDate, formatNumber } from '../src/i18n/format.ts';
import { createBody, emptyDraft, mergePatch } from '../src/forms/agreement-draft.ts';

describe('ending windows counted in Jakarta days', () => {
  it('counts across the year end', () => {
    expect(daysLeft('2027-01-01', '2026-12-31')).toBe(1);
    expect(daysLeft('2027-01-20', '2026-12-20')).toBe(31);
    expect(windowOf('2026-12-27', '2026-12-20')).toBe(7);
    expect(windowOf('2027-01-19', '2026-12-20')).toBe(30);
    expect(windowOf('2027-01-20', '2026-12-20')).toBe(90);
    expect(windowOf('2027-06-18', '2026-12-20')).toBe(180);
    expect(windowOf('2027-06-19', '2026-12-20')).toBeUndefined();
    expect(windowOf('2026-12-19', '2026-12-20')).toBeUndefined();
  });
  it('groups soonest first', () => {
    const groups = byWindow([{ endsOn: '2027-01-10' }, { endsOn: '2026-12-25' }, { endsOn: '2026-12-31' }], '2026-12-20');
    expect(groups.get(7)).toEqual([{ endsOn: '2026-12-25' }]);
    expect(groups.get(30)).toEqual([{ endsOn: '2026-12-31' }, { endsOn: '2027-01-10' }]);
  });
});

describe('Indonesian formats', () => {
  it('writes dates and numbers as Indonesians do', () => {
    expect(formatDate('2031-01-27', 'id')).toBe('27 Januari 2031');
    expect(formatDate('2031-01-27', 'en')).toBe('27 January 2031');
    expect(formatNumber(1234.5, 'id')).toBe('1.234,5');
  });
});

describe('month view', () => {
  it('starts weeks on Monday and fills whole weeks', () => {
    const grid = monthGrid('2026-12');
    expect(grid[0]).toEqual({ date: '2026-11-30', inMonth: false });
    expect(grid.length % 7).toBe(0);
    expect(grid.filter((cell) => cell.inMonth)).toHaveLength(31);
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
  });
});

describe('ICS', () => {
  it('writes all-day events with escaped text and CRLF lines of at most 75 octets', () => {
    const ics = icsCalendar([{ uid: 'a@jalin', date: '2026-12-31', summary: 'Berakhir: Kerja sama, Kolaka; tahap 1', description: 'x'.repeat(200) }], new Date('2026-12-20T00:00:00Z'), 'Kalender');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101');
    expect(ics).toContain('SUMMARY:Berakhir: Kerja sama\\, Kolaka\\; tahap 1');
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
  });
});

describe('renewal chain', () => {
  it('finds gaps in coverage and children outliving their parent', () => {
    const steps = chainWithGaps([
      { id: 'b', startsOn: '2021-03-01', endsOn: '2026-02-28' },
      { id: 'a', startsOn: '2016-01-01', endsOn: '2020-12-31' },
    ]);
    expect(steps.map((step) => [step.term.id, step.gapBefore])).toEqual([['a', 0], ['b', 59]]);
    expect(outlivingChildren({ endsOn: '2026-01-01' }, [{ endsOn: '2025-12-31' }, { endsOn: '2026-06-01' }])).toEqual([{ endsOn: '2026-06-01' }]);
  });
});

describe('form bodies', () => {
  it('leaves out empty optional fields on create and sends null for emptied ones in a merge patch', () => {
    const draft = { ...emptyDraft, title: 'A', number: 'NK/1', fields: 'a, b ,', contactEmails: 'x@jakarta.go.id' };
    expect(createBody(draft)).toMatchObject({ title: 'A', number: 'NK/1', fields: ['a', 'b'], contactEmails: ['x@jakarta.go.id'] });
    expect(createBody(draft)).not.toHaveProperty('notes');
    expect(mergePatch(draft, { ...draft, number: '', notes: 'n' })).toEqual({ number: null, notes: 'n' });
  });
});
