import * as z from 'zod/mini';
import { createDocumentSchema, documentTypes, MAX_DOCUMENT_BYTES, type CreateDocument, type DocumentKind } from '../../../shared/agreements/documents/schemas.ts';

export { MAX_DOCUMENT_BYTES };

/** Some systems give a PDF no MIME type; its extension then says what the API is told it is. */
const typesByExtension: Record<string, (typeof documentTypes)[number]> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };

/** What the API is told about a chosen file: the body of `POST /agreements/{id}/documents`. */
export function documentBody(file: { name: string; type: string; size: number }, kind: DocumentKind): CreateDocument {
  const contentType = file.type || typesByExtension[file.name.split('.').pop()?.toLowerCase() ?? ''] || '';
  return { filename: file.name, contentType: contentType as CreateDocument['contentType'], size: file.size, kind };
}

export type UploadProblem = 'empty' | 'tooLarge' | 'wrongType' | 'badName';

/**
 * Why the API would refuse this file, checked in the browser with its own schema (its size limit,
 * its types) before any byte is sent: a 25 MB scan fails at once, not after a long upload.
 */
export function uploadProblem(body: CreateDocument): UploadProblem | undefined {
  const result = z.safeParse(createDocumentSchema, body);
  if (result.success) return undefined;
  const fields = new Set(result.error.issues.map((issue) => issue.path[0]));
  if (fields.has('size')) return body.size < 1 ? 'empty' : 'tooLarge';
  if (fields.has('contentType')) return 'wrongType';
  return 'badName';
}

/** A file's size as staff read it: "820 KB", "20 MB", "1,5 MB" (`number` writes the digits in the person's language). */
export function fileSize(bytes: number, number: (value: number) => string): string {
  const megabyte = 1024 * 1024;
  return bytes < megabyte ? `${number(Math.max(1, Math.ceil(bytes / 1024)))} KB` : `${number(Math.round((bytes / megabyte) * 10) / 10)} MB`;
}

/** How often a list with a document still being checked asks again: the check takes seconds. */
export const PENDING_POLL_MS = 2000;

/** TanStack Query's refetchInterval for a document list: ask again while any document is PENDING (its check has not answered). */
export const pollWhilePending = (documents: readonly { status: string }[] | undefined): number | false =>
  documents?.some((document) => document.status === 'PENDING') ? PENDING_POLL_MS : false;
