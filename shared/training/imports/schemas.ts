import * as z from 'zod/mini';
import { cursor, limit, pageOf, resourceId, text, timestamp } from '../../schemas/common.ts';
import { rosterKinds } from './roster.ts';

export const importStatuses = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;
export type ImportStatus = (typeof importStatuses)[number];

/** Largest roster accepted in the request body (API Gateway and Lambda carry ~6 MB). */
export const INLINE_MAX_BYTES = 5 * 1_048_576;
/** Largest roster uploaded through a URL: 50 MB is ~500,000 rows, ten times a province's year. */
export const UPLOAD_MAX_BYTES = 50 * 1_048_576;

const kind = z.enum(rosterKinds).check(z.meta({ description: 'trainings (the class roster) or employees (a SIMPEG/BKD export); read from the header when absent.' }));

export const rowCounts = z.object({
  total: z.int().check(z.meta({ description: 'Rows in the file (known once the file has been read).' })),
  processed: z.int(),
  imported: z.int(),
  duplicates: z.int(),
  rejected: z.int(),
});
export type RowCounts = z.output<typeof rowCounts>;

export const importSchema = z.object({
  id: z.string(),
  kind: z.optional(kind),
  status: z.enum(importStatuses),
  filename: z.optional(z.string()),
  rows: rowCounts,
  createdAt: timestamp,
  createdBy: z.string(),
  finishedAt: z.optional(timestamp),
  error: z.optional(z.string().check(z.meta({ description: 'Why the import FAILED (an unreadable file or header).' }))),
});
export type RosterImport = z.output<typeof importSchema>;

export const uploadSchema = z.object({
  url: z.string(),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
  expiresAt: timestamp,
});
export const createdImport = z.object({
  ...importSchema.shape,
  upload: z.optional(uploadSchema.check(z.meta({ description: 'Where to PUT the file (201 only); the import starts when it has arrived.' }))),
});

export const uploadRequest = z.strictObject({
  filename: text(200),
  size: z.int().check(z.gte(1, 'must be at least 1 byte'), z.lte(UPLOAD_MAX_BYTES, `must be at most ${UPLOAD_MAX_BYTES} bytes (50 MB)`)),
  kind: z.optional(kind),
});
export const createImportBody = z.union([
  z.string().check(z.meta({ description: 'The roster as CSV (text/csv, at most 5 MB).' })),
  uploadRequest,
]);
export const createImportQuery = z.strictObject({ kind: z.optional(kind) });
export const importParams = z.object({ id: resourceId });
export const importsQuery = z.strictObject({ limit, cursor: z.optional(cursor) });
export const importPage = pageOf(importSchema);
