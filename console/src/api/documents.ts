import { apiFetch, apiJson, type Page } from './client.ts';
import { isMissing } from './problem.ts';
import { putFile, type UploadTarget } from './upload.ts';

/**
 * Assumed (issue 12 §1, built in parallel):
 * - `GET /agreements/{id}/documents` → `{ items: AgreementDocument[] }`
 * - `POST /agreements/{id}/documents` `{ filename, contentType, size, kind }` → 201 `{ id, upload: { url, method: 'PUT', headers } }`
 * - `GET /agreements/{id}/documents/{docId}` → the document with `download: { url }`
 */
export const documentKinds = ['SIGNED_AGREEMENT', 'TRANSLATION', 'IMPLEMENTATION_REPORT', 'OTHER'] as const;

export interface AgreementDocument {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  kind: string;
  status: 'PENDING' | 'AVAILABLE' | 'REJECTED' | string;
  reason?: string;
  createdAt?: string;
  download?: { url: string };
}

export async function listDocuments(agreementId: string): Promise<AgreementDocument[] | null> {
  try {
    return (await apiJson<Page<AgreementDocument>>(`/agreements/${agreementId}/documents`)).items;
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

export async function documentDownloadUrl(agreementId: string, documentId: string): Promise<string | undefined> {
  return (await apiJson<AgreementDocument>(`/agreements/${agreementId}/documents/${documentId}`)).download?.url;
}

/** Registers the document, then PUTs the file where the API says, reporting progress (0–1). */
export async function uploadDocument(agreementId: string, file: File, kind: string, onProgress: (fraction: number) => void): Promise<void> {
  const created = (await (
    await apiFetch(`/agreements/${agreementId}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ filename: file.name, contentType: file.type || 'application/pdf', size: file.size, kind }),
    })
  ).json()) as { upload: UploadTarget };
  await putFile(created.upload, file, onProgress);
}
