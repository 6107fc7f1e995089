import { documentRoutes } from '../../shared/agreements/documents/routes.ts';
import { readDocument } from '../../shared/agreements/documents/service.ts';
import { httpHandler } from '../../shared/http/handler.ts';

// The download link is short-lived: the answer must not be kept by a browser or a proxy.
export const handler = httpHandler(documentRoutes.getDocument, async ({ params }) => ({
  status: 200,
  body: await readDocument(params.id, params.documentId),
  headers: { 'cache-control': 'private, no-store' },
}));
