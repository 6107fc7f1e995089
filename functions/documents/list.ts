import { documentRoutes } from '../../shared/agreements/documents/routes.ts';
import { listDocuments } from '../../shared/agreements/documents/service.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler(documentRoutes.listDocuments, async ({ params, query }) => ({ status: 200, body: await listDocuments(params.id, query) }));
