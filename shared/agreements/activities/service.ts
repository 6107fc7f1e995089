import { randomUUID } from 'node:crypto';
import type { Actor } from '../../actor.ts';
import type { Page } from '../../db/cursor.ts';
import { InvalidInputError } from '../../errors.ts';
import { todayInJakarta } from '../../time/calendar.ts';
import { annotate, type AgreementEffect } from '../annotation.ts';
import { pageOfAgreement } from '../partition-page.ts';
import { activityDeletionStep, activityInsertionSteps, activityPageOf, requireActivity } from './repository.ts';
import { activityViolations, latestEvaluation } from './rules.ts';
import type { AuditEntry } from '../schemas.ts';
import type { Activity, CreateActivity, Evaluation } from './schemas.ts';

const summary = (activity: Activity) => ({ id: activity.id, kind: activity.kind, on: activity.on, ...(activity.decision ? { decision: activity.decision } : {}) });

/**
 * Records what was done under an agreement. It counts as activity for dormancy and in the
 * outcomes; an EVALUATION also becomes the agreement's `evaluation` (the latest one), which
 * closes the loop its expiry alerts opened.
 */
export async function recordActivity(agreementId: string, input: CreateActivity, actor: Actor): Promise<{ activity: Activity; replayed: boolean }> {
  const violations = activityViolations(input, todayInJakarta(actor.now));
  if (violations.length) throw new InvalidInputError(violations);
  const { result, replayed } = await annotate(agreementId, actor, async (agreement) => {
    const { decision, reason, documentIds, ...rest } = input;
    const activity: Activity = {
      ...rest,
      id: `${input.on}-${randomUUID()}`,
      agreementId,
      ...(documentIds?.length ? { documentIds } : {}),
      ...(decision ? { decision, reason: reason! } : {}),
      createdAt: actor.now.toISOString(),
      createdBy: actor.subject,
    };
    const changes: AuditEntry['changes'] = [{ field: 'activities', to: summary(activity) }];
    let effect: AgreementEffect | undefined;
    if (decision) {
      const evaluation: Evaluation = { activityId: activity.id, on: activity.on, decision, reason: reason!, by: actor.subject };
      const shown = latestEvaluation(agreement.evaluation, evaluation);
      if (shown === evaluation) {
        effect = { set: { evaluation } };
        changes.push({ field: 'evaluation', ...(agreement.evaluation ? { from: agreement.evaluation } : {}), to: evaluation });
      }
    }
    return { result: activity, steps: activityInsertionSteps(activity), action: 'ACTIVITY_RECORDED', changes, ...(effect ? { effect } : {}) };
  });
  return { activity: result, replayed };
}

export async function listActivities(agreementId: string, query: { limit: number; cursor?: string }): Promise<Page<Activity>> {
  return pageOfAgreement('activities', agreementId, query, (limit, start) => activityPageOf(agreementId, limit, start));
}

/**
 * Removes an activity recorded by mistake (the correction: delete, then record it again). The
 * audit trail keeps what it was. Removing the evaluation the agreement shows clears it: the
 * loop is open again until the next evaluation.
 */
export async function deleteActivity(agreementId: string, activityId: string, actor: Actor): Promise<void> {
  await annotate(agreementId, actor, async (agreement) => {
    const activity = await requireActivity(agreementId, activityId);
    const clearsEvaluation = agreement.evaluation?.activityId === activity.id;
    return {
      result: undefined,
      steps: [activityDeletionStep(activity)],
      action: 'ACTIVITY_DELETED',
      changes: [{ field: 'activities', from: summary(activity) }, ...(clearsEvaluation ? [{ field: 'evaluation', from: agreement.evaluation }] : [])],
      ...(clearsEvaluation ? { effect: { remove: ['evaluation'] as const } } : {}),
    };
  });
}
