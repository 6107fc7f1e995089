import * as z from 'zod/mini';
import { cursor, limit, pageOf, resourceId, text, timestamp } from '../../schemas/common.ts';

export const documentKinds = ['SIGNED_AGREEMENT', 'OFFICIAL_TRANSLATION', 'IMPLEMENTATION_REPORT', 'OTHER'] as const;
export const documentTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
/** PENDING until the uploaded bytes are checked; then AVAILABLE (downloadable) or REJECTED with the reason. */
export const documentStatuses = ['PENDING', 'AVAILABLE', 'REJECTED'] as const;
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export type DocumentKind = (typeof documentKinds)[number];
export type DocumentType = (typeof documentTypes)[number];
export type DocumentStatus = (typeof documentStatuses)[number];

export const createDocumentSchema = z.strictObject({
  filename: text(200).check(z.meta({ description: 'The name the file is downloaded under.' })),
  contentType: z.enum(documentTypes),
  size: z.int('must be a whole number of bytes').check(z.gte(1, 'must be at least 1 byte'), z.lte(MAX_DOCUMENT_BYTES, `must be at most 20 MB (${MAX_DOCUMENT_BYTES} bytes)`)),
  kind: z.enum(documentKinds),
});
export type CreateDocument = z.output<typeof createDocumentSchema>;

export const documentSchema = z.object({
  id: z.string(),
  agreementId: z.string(),
  filename: z.string(),
  contentType: z.enum(documentTypes),
  size: z.int(),
  kind: z.enum(documentKinds),
  status: z.enum(documentStatuses),
  reason: z.optional(z.string().check(z.meta({ description: 'Why the upload was REJECTED.' }))),
  createdAt: timestamp,
  createdBy: z.string(),
  checkedAt: z.optional(timestamp),
});
export type AgreementDocument = z.output<typeof documentSchema>;

const link = { url: z.string(), expiresAt: timestamp };

export const newDocumentSchema = z.object({
  ...documentSchema.shape,
  upload: z.object({
    ...link,
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()).check(z.meta({ description: 'Send exactly these headers (and the exact size as Content-Length): they are bound into the URL.' })),
  }),
});

export const documentWithLinkSchema = z.object({
  ...documentSchema.shape,
  download: z.optional(z.object(link).check(z.meta({ description: 'A short-lived link, when the document is AVAILABLE.' }))),
});

export const documentParams = z.object({ id: resourceId, documentId: resourceId });
export const documentsQuery = z.strictObject({ limit, cursor: z.optional(cursor) });
export const documentPage = pageOf(documentSchema);
