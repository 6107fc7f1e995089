import { httpHandler } from '../../shared/http/handler.ts';
import { importRoutes } from '../../shared/training/imports/routes.ts';
import { listImports } from '../../shared/training/imports/service.ts';

export const handler = httpHandler(importRoutes.listImports, async (request) => ({ status: 200, body: await listImports(request.query) }));
