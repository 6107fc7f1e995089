import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Actor } from '../../actor.ts';
import type { Page } from '../../db/cursor.ts';
import { ConflictError } from '../../errors.ts';
import { fileStore } from '../../files/store.ts';
import type { UploadTarget, DownloadLink } from '../../files/store.ts';
import { log } from '../../log.ts';
import { annotate } from '../annotation.ts';
import { pageOfAgreement } from '../partition-page.ts';
import type { AgreementRecord } from '../rules.ts';
import {
  documentDeletionStep,
  documentInsertionStep,
  documentPageOf,
  documentTransitionStep,
  getDocument,
  requireDocument,
} from './repository.ts';
import { fileKeyOf } from './file-keys.ts';
import { judgeUpload, SIGNATURE_BYTES } from './rules.ts';
import type { AgreementDocument, CreateDocument } from './schemas.ts';

/** Who the audit trail names for the automatic check of an upload. */
export const CHECKER = 'jalin:document-check';

/** A time-ordered id: documents list in upload order, and the UUID keeps it unguessable. */
const newDocumentId = (now: Date) => `${now.toISOString().replace(/\D/g, '')}-${randomUUID()}`;

const summary = (document: AgreementDocument) => ({
  id: document.id,
  filename: document.filename,
  kind: document.kind,
  status: document.status,
  ...(document.reason ? { reason: document.reason } : {}),
});

/** Whether the document counts as the agreement's signed copy: the flag the console's inbox reads. */
const countsAsSigned = (document: Pick<AgreementDocument, 'kind' | 'status'> | undefined) => document?.kind === 'SIGNED_AGREEMENT' && document.status === 'AVAILABLE';

/** The agreement's count of signed documents after one document changes from `before` to `after`. */
function signedEffect(agreement: AgreementRecord, before: AgreementDocument | undefined, after: AgreementDocument | undefined) {
  const delta = Number(countsAsSigned(after)) - Number(countsAsSigned(before));
  if (delta === 0) return { effect: undefined, changes: [] };
  const from = agreement.signedDocuments ?? 0;
  const to = from + delta;
  return { effect: { set: { signedDocuments: to } }, changes: [{ field: 'signedDocuments', from, to }] };
}

/**
 * Announces a document: stores it PENDING and answers where to PUT its bytes. A keyed retry
 * replays the same document with a fresh upload URL (the first may have expired).
 */
export async function addDocument(agreementId: string, input: CreateDocument, actor: Actor): Promise<{ document: AgreementDocument & { upload: UploadTarget }; replayed: boolean }> {
  const { result, replayed } = await annotate(agreementId, actor, async () => {
    const document: AgreementDocument = { ...input, id: newDocumentId(actor.now), agreementId, status: 'PENDING', createdAt: actor.now.toISOString(), createdBy: actor.subject };
    return { result: document, steps: [documentInsertionStep(document)], action: 'DOCUMENT_ADDED', changes: [{ field: 'documents', to: summary(document) }] };
  });
  const upload = await (await fileStore()).uploadTarget(fileKeyOf(result), { contentType: result.contentType, size: result.size });
  return { document: { ...result, upload }, replayed };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/**
 * Checks what arrived under a document's key (run by the file consumer on each upload, S3
 * delivering an event at least once): reads the size and only the first bytes, and moves the
 * document to AVAILABLE or REJECTED. Every run judges the object as it is now, so a file
 * replaced after its check is judged again, and a repeated event changes nothing.
 */
export async function checkDocument(agreementId: string, documentId: string, now: Date): Promise<AgreementDocument | undefined> {
  const announced = await getDocument(agreementId, documentId);
  if (!announced) return undefined; // deleted meanwhile: nothing to check
  const store = await fileStore();
  const key = fileKeyOf(announced);
  const size = await store.size(key);
  if (size === undefined) return announced; // a late event for a file deleted since
  const head = size > 0 ? await readAll(await store.read(key, { start: 0, end: Math.min(size, SIGNATURE_BYTES) - 1 })) : Buffer.alloc(0);
  const verdict = judgeUpload(announced, { size, head });

  const { result } = await annotate<AgreementDocument | undefined>(agreementId, { subject: CHECKER, now }, async (agreement) => {
    const before = await getDocument(agreementId, documentId);
    if (!before || (before.status === verdict.status && before.reason === verdict.reason)) return { result: before, unchanged: true };
    const { reason: _previous, ...rest } = before;
    const after: AgreementDocument = { ...rest, status: verdict.status, ...(verdict.reason ? { reason: verdict.reason } : {}), checkedAt: now.toISOString() };
    const signed = signedEffect(agreement, before, after);
    return {
      result: after,
      steps: [documentTransitionStep(after, before.status, () => new ConflictError(`Document ${documentId} changed meanwhile.`))],
      action: 'DOCUMENT_CHECKED',
      changes: [{ field: 'documents', from: summary(before), to: summary(after) }, ...signed.changes],
      ...(signed.effect ? { effect: signed.effect } : {}),
    };
  });
  if (result) log('info', 'document checked', { agreementId, documentId, status: result.status });
  return result;
}

export async function listDocuments(agreementId: string, query: { limit: number; cursor?: string }): Promise<Page<AgreementDocument>> {
  return pageOfAgreement('documents', agreementId, query, (limit, start) => documentPageOf(agreementId, limit, start));
}

/** A document's metadata, and a short-lived download link once it is AVAILABLE. */
export async function readDocument(agreementId: string, documentId: string): Promise<AgreementDocument & { download?: DownloadLink }> {
  const document = await requireDocument(agreementId, documentId);
  if (document.status !== 'AVAILABLE') return document;
  const download = await (await fileStore()).downloadLink(fileKeyOf(document), { filename: document.filename, contentType: document.contentType });
  return { ...document, download };
}

/** Removes a document and then its bytes (a failed removal of the bytes leaves an unlisted file, never a listed one without bytes). */
export async function deleteDocument(agreementId: string, documentId: string, actor: Actor): Promise<void> {
  const { result: removed } = await annotate(agreementId, actor, async (agreement) => {
    const document = await requireDocument(agreementId, documentId);
    const signed = signedEffect(agreement, document, undefined);
    return {
      result: document,
      steps: [documentDeletionStep(document)],
      action: 'DOCUMENT_DELETED',
      changes: [{ field: 'documents', from: summary(document) }, ...signed.changes],
      ...(signed.effect ? { effect: signed.effect } : {}),
    };
  });
  await (await fileStore()).remove(fileKeyOf(removed));
}
