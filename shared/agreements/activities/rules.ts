import type { FieldError } from '../../errors.ts';
import type { CalendarDate } from '../../time/calendar.ts';
import type { Evaluation } from './schemas.ts';
import type { CreateActivity } from './schemas.ts';

/**
 * An activity is recorded once it has happened (a planned one would hide a dormant agreement),
 * and only an evaluation carries a decision and its reason.
 */
export function activityViolations(activity: CreateActivity, today: CalendarDate): FieldError[] {
  const errors: FieldError[] = [];
  if (activity.on > today) errors.push({ path: 'on', message: `must not be after today (${today}): record an activity once it has taken place` });
  if (activity.kind === 'EVALUATION') {
    if (!activity.decision) errors.push({ path: 'decision', message: 'is required for an EVALUATION (CONTINUE, RENEW or LET_LAPSE)' });
    if (!activity.reason?.trim()) errors.push({ path: 'reason', message: 'is required for an EVALUATION: say why' });
  } else {
    if (activity.decision) errors.push({ path: 'decision', message: 'belongs to an EVALUATION only' });
    if (activity.reason !== undefined) errors.push({ path: 'reason', message: 'belongs to an EVALUATION only' });
  }
  const seen = new Set<string>();
  (activity.documentIds ?? []).forEach((id, index) => {
    if (seen.has(id)) errors.push({ path: `documentIds.${index}`, message: 'is listed twice' });
    seen.add(id);
  });
  return errors;
}

/** The evaluation the agreement shows: the one taken on the latest day (a late-recorded older one does not replace it). */
export function latestEvaluation(current: Evaluation | undefined, candidate: Evaluation): Evaluation {
  return current && current.on > candidate.on ? current : candidate;
}
