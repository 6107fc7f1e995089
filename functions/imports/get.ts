import { httpHandler } from '../../shared/http/handler.ts';
import { importRoutes } from '../../shared/training/imports/routes.ts';
import { readImport } from '../../shared/training/imports/service.ts';

export const handler = httpHandler(importRoutes.getImport, async (request) => ({ status: 200, body: await readImport(request.params.id) }));
