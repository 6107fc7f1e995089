import { documentKinds, documentTypes, type CreateDocument, type DocumentKind } from '../../../shared/agreements/documents/schemas.ts';
import { allPages, api, unwrap } from './client.ts';
import { idempotencyKey } from '../forms/validation.ts';
import { putFile } from './upload.ts';

/** The kinds and types the API accepts, from its own schema: a console list could drift (it once said TRANSLATION). */
export { documentKinds, documentTypes, type DocumentKind };

export type AgreementDocument = Awaited<ReturnType<typeof listDocuments>>[number];

/** Every document of an agreement, in upload order. */
export function listDocuments(agreementId: string) {
  return allPages((cursor) => unwrap(api().GET('/agreements/{id}/documents', { params: { path: { id: agreementId }, query: { limit: 100, cursor } } })), 5);
}

/** A short-lived link to the document's bytes; none until it is AVAILABLE. */
export async function documentDownloadUrl(agreementId: string, documentId: string): Promise<string | undefined> {
  const document = await unwrap(api().GET('/agreements/{id}/documents/{documentId}', { params: { path: { id: agreementId, documentId } } }));
  return document.download?.url;
}

/** Announces the document (a key per upload: a retried announcement is not a second document), then PUTs its bytes where the API says, reporting progress (0–1). */
export async function uploadDocument(agreementId: string, body: CreateDocument, file: Blob, onProgress: (fraction: number) => void): Promise<void> {
  const created = await unwrap(api().POST('/agreements/{id}/documents', { params: { path: { id: agreementId }, header: { 'Idempotency-Key': idempotencyKey() } }, body }));
  await putFile(created.upload, file, onProgress);
}
