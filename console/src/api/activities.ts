import { allPages, api, unwrap } from './client.ts';
import type { operations } from './schema';

export type Activity = operations['listActivities']['responses'][200]['content']['application/json']['items'][number];
export type ActivityBody = operations['recordActivity']['requestBody']['content']['application/json'];

/**
 * Under the agreement's key: one invalidation of `['agreements']` after a write refreshes the
 * agreement (its `evaluation`), its history, this list and the inbox's lists (dormant) together.
 */
export const activitiesKey = (agreementId: string) => ['agreements', agreementId, 'activities'] as const;

/** Every activity of an agreement (a handful a year; pages of 100, bounded). */
export function activitiesOf(agreementId: string): Promise<Activity[]> {
  return allPages((cursor) => unwrap(api().GET('/agreements/{id}/activities', { params: { path: { id: agreementId }, query: { limit: 100, ...(cursor ? { cursor } : {}) } } })));
}

/** Records one; `key` is the Idempotency-Key of the dialog's opening (a retry records it once). */
export function recordActivity(agreementId: string, body: ActivityBody, key: string): Promise<Activity> {
  return unwrap(api().POST('/agreements/{id}/activities', { params: { path: { id: agreementId }, header: { 'Idempotency-Key': key } }, body }));
}

export function deleteActivity(agreementId: string, activityId: string): Promise<unknown> {
  return unwrap(api().DELETE('/agreements/{id}/activities/{activityId}', { params: { path: { id: agreementId, activityId } } }));
}
