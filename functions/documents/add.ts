import { documentRoutes } from '../../shared/agreements/documents/routes.ts';
import { addDocument } from '../../shared/agreements/documents/service.ts';
import { actorOf, httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler(documentRoutes.addDocument, async (request) => {
  const { document } = await addDocument(request.params.id, request.body, actorOf(request, 'addDocument'));
  return { status: 201, body: document, headers: { location: `/agreements/${document.agreementId}/documents/${document.id}` } };
});
