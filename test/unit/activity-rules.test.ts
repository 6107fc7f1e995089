import { describe, expect, it } from 'vitest';
import { activityViolations, latestEvaluation } from '../../shared/agreements/activities/rules.ts';
import type { CreateActivity, Evaluation } from '../../shared/agreements/activities/schemas.ts';

const meeting: CreateActivity = { kind: 'MEETING', on: '2026-11-30', description: 'Rapat', participants: [] };
const paths = (activity: CreateActivity) => activityViolations(activity, '2026-11-30').map((error) => error.path);

describe('activity rules', () => {
  it('accepts an activity of today or earlier, refuses one in the future', () => {
    expect(paths(meeting)).toEqual([]);
    expect(paths({ ...meeting, on: '2026-12-01' })).toEqual(['on']);
  });

  it('asks an evaluation for its decision and reason, and refuses them on other kinds', () => {
    expect(paths({ ...meeting, kind: 'EVALUATION' })).toEqual(['decision', 'reason']);
    expect(paths({ ...meeting, kind: 'EVALUATION', decision: 'RENEW', reason: '   ' })).toEqual(['reason']);
    expect(paths({ ...meeting, kind: 'EVALUATION', decision: 'LET_LAPSE', reason: 'Tidak ada kegiatan' })).toEqual([]);
    expect(paths({ ...meeting, decision: 'CONTINUE', reason: 'x' })).toEqual(['decision', 'reason']);
  });

  it('refuses a document listed twice', () => {
    expect(paths({ ...meeting, documentIds: ['a', 'b', 'a'] })).toEqual(['documentIds.2']);
  });

  it('keeps the evaluation of the latest day on the agreement', () => {
    const older: Evaluation = { activityId: 'x', on: '2026-01-01', decision: 'CONTINUE', reason: 'r', by: 's' };
    const newer: Evaluation = { ...older, activityId: 'y', on: '2026-06-01', decision: 'RENEW' };
    expect(latestEvaluation(undefined, older)).toBe(older);
    expect(latestEvaluation(older, newer)).toBe(newer);
    expect(latestEvaluation(newer, older)).toBe(newer);
  });
});
