import { documentRoutes } from '../../shared/agreements/documents/routes.ts';
import { deleteDocument } from '../../shared/agreements/documents/service.ts';
import { actorOf, httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler(documentRoutes.deleteDocument, async (request) => {
  await deleteDocument(request.params.id, request.params.documentId, actorOf(request, 'deleteDocument'));
  return { status: 204 };
});
