import * as z from 'zod/mini';
import { cursor, limit, pageOf, timestamp } from '../schemas/common.ts';
import { alertKinds, alertStatuses } from './kinds.ts';

export const alertsQuery = z.strictObject({
  status: z._default(z.enum(alertStatuses), 'FAILED'),
  kind: z.optional(z.enum(alertKinds)),
  limit,
  cursor: z.optional(cursor),
});

/** An alert as the API shows it: what, when, how it went; not the message (it holds addresses). */
export const alertSchema = z.object({
  id: z.string(),
  kind: z.enum(alertKinds),
  subject: z.string().check(z.meta({ description: 'The agreement id, unit or NIP the alert is about.' })),
  period: z.string(),
  status: z.enum(alertStatuses),
  attempts: z.int(),
  recipients: z.int(),
  lastError: z.optional(z.string()),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type AlertView = z.output<typeof alertSchema>;

export const alertPage = pageOf(alertSchema);
