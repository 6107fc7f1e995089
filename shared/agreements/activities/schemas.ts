import * as z from 'zod/mini';
import { calendarDate, cursor, limit, pageOf, paragraphs, resourceId, text, timestamp } from '../../schemas/common.ts';

export const activityKinds = ['VISIT', 'MEETING', 'JOINT_EVENT', 'EXCHANGE', 'REPORT', 'EVALUATION'] as const;
/** What an evaluation decides about the agreement's future: the answer an expiry alert asks for. */
export const evaluationDecisions = ['CONTINUE', 'RENEW', 'LET_LAPSE'] as const;
export type ActivityKind = (typeof activityKinds)[number];

export const createActivitySchema = z.strictObject({
  kind: z.enum(activityKinds),
  on: calendarDate.check(z.meta({ description: 'The day it took place (Asia/Jakarta); not in the future.' })),
  description: text(2000),
  participants: z._default(
    z.array(text(200)).check(z.maxLength(200, 'must list at most 200 participants'), z.meta({ description: 'People, units or institutions that took part.' })),
    [],
  ),
  documentIds: z.optional(
    z.array(resourceId).check(z.maxLength(20, 'must list at most 20 documents'), z.meta({ description: "Documents of this agreement (its minutes, report, photos)." })),
  ),
  decision: z.optional(z.enum(evaluationDecisions).check(z.meta({ description: 'Required for an EVALUATION, refused otherwise.' }))),
  reason: z.optional(paragraphs(2000).check(z.meta({ description: 'Why: required for an EVALUATION, refused otherwise.' }))),
});
export type CreateActivity = z.output<typeof createActivitySchema>;

export const activitySchema = z.object({
  id: z.string(),
  agreementId: z.string(),
  kind: z.enum(activityKinds),
  on: calendarDate,
  description: z.string(),
  participants: z.array(z.string()),
  documentIds: z.optional(z.array(z.string())),
  decision: z.optional(z.enum(evaluationDecisions)),
  reason: z.optional(z.string()),
  createdAt: timestamp,
  createdBy: z.string(),
});
export type Activity = z.output<typeof activitySchema>;

/** The latest evaluation, kept on the agreement: the loop its expiry alerts opened is closed. */
export const evaluationSchema = z.object({
  activityId: z.string(),
  on: calendarDate,
  decision: z.enum(evaluationDecisions),
  reason: z.string(),
  by: z.string(),
});
export type Evaluation = z.output<typeof evaluationSchema>;

export const activityParams = z.object({ id: resourceId, activityId: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}-[0-9a-f-]{36}$/, 'must be an activity id')) });
export const activitiesQuery = z.strictObject({ limit, cursor: z.optional(cursor) });
export const activityPage = pageOf(activitySchema);
