import { z } from 'zod';
import { cursor, limit, pageOf, timestamp } from '../schemas/common.ts';
import { alertKinds, alertStatuses } from './kinds.ts';

export const alertsQuery = z.strictObject({
  status: z.enum(alertStatuses).default('FAILED'),
  kind: z.enum(alertKinds).optional(),
  limit,
  cursor: cursor.optional(),
});

/** An alert as the API shows it: what, when, how it went; not the message (it holds addresses). */
export const alertSchema = z.object({
  id: z.string(),
  kind: z.enum(alertKinds),
  subject: z.string().meta({ description: 'The agreement id, unit or NIP the alert is about.' }),
  period: z.string(),
  status: z.enum(alertStatuses),
  attempts: z.number().int(),
  recipients: z.number().int(),
  lastError: z.string().optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type AlertView = z.output<typeof alertSchema>;

export const alertPage = pageOf(alertSchema);
