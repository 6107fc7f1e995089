import { attachment } from '../../shared/files/store.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { importRoutes } from '../../shared/training/imports/routes.ts';
import { rejectedRows } from '../../shared/training/imports/service.ts';

export const handler = httpHandler(importRoutes.importRejected, async (request) => ({
  status: 200,
  body: await rejectedRows(request.params.importId, request.language),
  headers: {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': attachment(`rejected-${request.params.importId}.csv`),
    'content-language': request.language,
    vary: 'accept-language',
  },
}));
