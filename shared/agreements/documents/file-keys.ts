import type { AgreementDocument } from './schemas.ts';

/**
 * Where a document's bytes are in the file store: `documents/<agreementId>/<id>`, a key made by
 * the server, never from the client's filename. Kept apart from the repository so that the route
 * rows (and CDK, which reads them) name the prefix without loading the table client.
 */
export const DOCUMENTS_PREFIX = 'documents/';
export const fileKeyOf = (document: Pick<AgreementDocument, 'agreementId' | 'id'>) => `${DOCUMENTS_PREFIX}${document.agreementId}/${document.id}`;

/** The document a file key names, or undefined for a key that is not a document's. */
export function documentOfFileKey(key: string): { agreementId: string; id: string } | undefined {
  const [prefix, agreementId, id, ...rest] = key.split('/');
  if (`${prefix}/` !== DOCUMENTS_PREFIX || !agreementId || !id || rest.length) return undefined;
  return { agreementId, id };
}

