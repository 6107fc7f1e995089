import { addDocument, checkDocument } from '../../shared/agreements/documents/service.ts';
import { fileKeyOf } from '../../shared/agreements/documents/file-keys.ts';
import type { CreateDocument } from '../../shared/agreements/documents/schemas.ts';
import { requireAgreementRecord } from '../../shared/agreements/repository.ts';
import { fileStore } from '../../shared/files/store.ts';
import { canonicalJson } from '../../shared/http/idempotency.ts';

/** A one-page PDF: enough for the upload check (it starts with `%PDF-`) and for a browser to open. */
const SIGNED_SCAN = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/**
 * The signed copy of the MoU with Lemhannas, as a person would add it (announce, upload, check):
 * the demo then has an agreement in force with its signed document and others without, which
 * the console's inbox lists. Loading twice changes nothing: an agreement that has its signed copy
 * is left alone, and the key makes a retry of an interrupted load replay the same document.
 */
export async function seedDemoDocuments(agreementIds: ReadonlyMap<string, string>): Promise<number> {
  const agreementId = agreementIds.get('lemhannas-mou');
  if (!agreementId || ((await requireAgreementRecord(agreementId)).signedDocuments ?? 0) > 0) return 0;
  const input: CreateDocument = { filename: 'NK-Lemhannas-2026-ditandatangani.pdf', contentType: 'application/pdf', size: SIGNED_SCAN.length, kind: 'SIGNED_AGREEMENT' };
  const now = new Date();
  const { document } = await addDocument(agreementId, input, {
    subject: 'demo-seed',
    now,
    idempotency: { owner: 'demo-seed', operation: 'addDocument', request: { key: 'demo-lemhannas-signed', fingerprint: canonicalJson(input) } },
  });
  await (await fileStore()).write(fileKeyOf(document), SIGNED_SCAN, input.contentType);
  await checkDocument(agreementId, document.id, now);
  return 1;
}
