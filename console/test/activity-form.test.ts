import { describe, expect, it } from 'vitest';
import type { Activity } from '../src/api/activities.ts';
import { activityBodyOf, activityIssues, emptyActivityDraft, issueOf, newestFirst } from '../src/forms/activity-draft.ts';

const today = '2026-12-20';
const evaluation = { ...emptyActivityDraft('EVALUATION', today), description: 'Rapat evaluasi tahunan', decision: 'CONTINUE', reason: 'Program berjalan baik' };

describe('the record-activity form as the API reads it', () => {
  it('sends participants one per non-empty line, and a decision and reason only with an evaluation', () => {
    expect(activityBodyOf({ ...evaluation, participants: ' Dinas Pariwisata \n\n  Kota Seoul\n' })).toEqual({
      kind: 'EVALUATION',
      on: today,
      description: 'Rapat evaluasi tahunan',
      participants: ['Dinas Pariwisata', 'Kota Seoul'],
      decision: 'CONTINUE',
      reason: 'Program berjalan baik',
    });
    // Switched from an evaluation to a meeting: what was typed for the evaluation stays behind.
    expect(activityBodyOf({ ...evaluation, kind: 'MEETING' })).toEqual({ kind: 'MEETING', on: today, description: 'Rapat evaluasi tahunan', participants: [] });
    expect(activityBodyOf({ ...evaluation, decision: '', reason: '  ' })).not.toHaveProperty('decision');
    expect(activityBodyOf({ ...evaluation, decision: '', reason: '  ' })).not.toHaveProperty('reason');
  });

  it("finds what the API's schema and record rules would refuse, in the console's language", () => {
    expect(activityIssues(activityBodyOf(evaluation), today, 'id')).toEqual({});
    expect(activityIssues(activityBodyOf({ ...evaluation, decision: '', reason: '' }), today, 'id')).toEqual({
      decision: 'wajib dipilih untuk evaluasi',
      reason: 'wajib diisi untuk evaluasi: jelaskan alasannya',
    });
    expect(activityIssues(activityBodyOf({ ...evaluation, on: '2026-12-21' }), today, 'en')).toEqual({ on: 'must not be after today: record an activity once it has taken place' });
    const empty = activityIssues(activityBodyOf(emptyActivityDraft('VISIT', '')), today, 'id');
    expect(Object.keys(empty).sort()).toEqual(['description', 'on']);
    expect(empty.description).toBe('tidak boleh kosong');
  });

  it("places an item's error on its field", () => {
    expect(issueOf({ 'participants.3': 'terlalu panjang' }, 'participants')).toBe('terlalu panjang');
    expect(issueOf({ participants: 'terlalu banyak', 'participants.3': 'terlalu panjang' }, 'participants')).toBe('terlalu banyak');
    expect(issueOf({ 'participantsX.0': 'x' }, 'participants')).toBeUndefined();
  });
});

describe('activities newest first', () => {
  const activity = (id: string, on: string, createdAt: string): Activity => ({ id, agreementId: 'a', kind: 'MEETING', on, description: '', participants: [], createdAt, createdBy: 'x' });
  it('by the day it took place, then by when it was recorded', () => {
    const list = [activity('old', '2026-01-05', '2026-12-01T00:00:00Z'), activity('first', '2026-11-30', '2026-12-01T00:00:00Z'), activity('second', '2026-11-30', '2026-12-02T00:00:00Z')];
    expect(newestFirst(list).map((entry) => entry.id)).toEqual(['second', 'first', 'old']);
    expect(list[0]!.id).toBe('old');
  });
});
